package minet.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.edit.Command;
import minet.edit.Document;
import minet.io.DesignFile;
import minet.ui.document.DocumentContext;
import org.junit.jupiter.api.Test;

class TraceViewModelTest {
    private final DocumentContext context = new DocumentContext(new Document(read(), null));
    private final List<String> asked = new ArrayList<>();
    private final TraceService fake = (d, from, to, protocol, port) -> {
        asked.add(from + ">" + to + ":" + protocol + "/" + port);
        if (from.equals("nowhere")) throw new IllegalArgumentException("'nowhere' is no element or address of the design");
        return new TraceService.Result(port != 22, port == 22 ? "Denied" : "Allowed",
                List.of(new TraceService.Hop("subnet-a", "route", "VnetLocal"), new TraceService.Hop(null, "NSG", "allow_tds_inbound"),
                        new TraceService.Hop("subnet-a", "arrive", "")));
    };
    private final TraceViewModel vm = new TraceViewModel(context, fake);

    private static minet.model.Design read() {
        try {
            return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test void endpointsAreTheDesignsNamedElements() {
        assertThat(vm.endpoints()).isNotEmpty();
        context.design().subnets().forEach(s -> assertThat(vm.endpoints()).contains(s.name()));
        context.design().managedInstances().forEach(m -> assertThat(vm.endpoints()).contains(m.name()));
    }

    @Test void traceShowsHopsAndHighlightsThePath() {
        vm.fromProperty().set(" 10.0.1.4 ");
        vm.toProperty().set("sqlmi");
        vm.portProperty().set("1433");
        assertThat(vm.canTrace().get()).isTrue();
        vm.trace();
        assertThat(asked).containsExactly("10.0.1.4>sqlmi:tcp/1433");
        assertThat(vm.hops()).hasSize(3);
        assertThat(vm.allowedProperty().get()).isTrue();
        assertThat(context.highlighted()).containsExactly("subnet-a");
    }

    @Test void aBadPortOrUnknownEndpointIsSaidNotThrown() {
        vm.fromProperty().set("a");
        vm.toProperty().set("b");
        vm.portProperty().set("70000");
        vm.trace();
        assertThat(asked).isEmpty();
        assertThat(vm.problemProperty().get()).contains("1 to 65535");
        vm.portProperty().set("1433");
        vm.fromProperty().set("nowhere");
        vm.trace();
        assertThat(vm.problemProperty().get()).contains("'nowhere'");
        assertThat(vm.hops()).isEmpty();
    }

    @Test void anEditClearsTheOldAnswer() {
        vm.fromProperty().set("a");
        vm.toProperty().set("b");
        vm.trace();
        assertThat(vm.hops()).isNotEmpty();
        context.execute(Command.of("rename", d -> d.withName("x")));
        assertThat(vm.hops()).isEmpty();
        assertThat(context.highlighted()).isEmpty();
    }
}
