package minet.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import minet.edit.Command;
import minet.edit.Document;
import minet.io.DesignFile;
import minet.model.Design;
import minet.ui.dialogs.DialogService.ImportRequest;
import minet.ui.document.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {
    @TempDir Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final DocumentContext context = new DocumentContext(new Document(Design.empty("open"), null));
    private final AtomicInteger validated = new AtomicInteger();
    private final ImportViewModel vm = new ImportViewModel(context, dialogs, BackgroundRunner.IN_PLACE, validated::incrementAndGet);

    @Test void malformedJsonOpensADialogNamingFileLineAndColumn() throws Exception {
        Path bad = dir.resolve("vnet.json");
        Files.writeString(bad, "{\n  \"name\": \"v\",\n  \"subnets\": [ , ]\n}\n");
        context.execute(Command.of("rename", d -> d.withName("edited")));
        vm.load(new ImportRequest(List.of(bad), null));
        assertThat(dialogs.inputErrors).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith("vnet.json");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).matches(".*vnet\\.json:3:\\d+: .*");
        });
        // the open design and its history are untouched
        assertThat(context.design().name()).isEqualTo("edited");
        assertThat(context.document().history().canUndo()).isTrue();
        assertThat(validated).hasValue(0);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test void aMissingFileIsNamed() {
        vm.load(new ImportRequest(List.of(dir.resolve("nope.json")), null));
        assertThat(dialogs.inputErrors).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("nope.json").contains("no such file"));
    }

    @Test void anImportedDesignReplacesTheOpenOneAndIsValidatedAtOnce() throws Exception {
        Design sample = DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        Path copy = dir.resolve("copy.minet.json");
        DesignFile.write(copy, sample);
        context.execute(Command.of("rename", d -> d.withName("edited")));
        vm.load(new ImportRequest(List.of(copy), null));
        assertThat(dialogs.inputErrors).isEmpty();
        assertThat(context.design()).isEqualTo(sample);
        assertThat(context.document().history().canUndo()).isFalse(); // a new document, as File → Open
        assertThat(context.document().file()).isEmpty();                // Save asks where
        assertThat(validated).hasValue(1);
        assertThat(vm.lastResultProperty().get()).isEqualTo("Imported copy.minet.json");
    }

    @Test void aTerraformModuleFolderImportsAsADesiredState() {
        vm.load(new ImportRequest(List.of(Path.of("src/test/resources/terraform/hcl/sqlmi")), null));
        assertThat(dialogs.inputErrors).isEmpty();
        assertThat(context.design().state()).isEqualTo(minet.model.DesignState.DESIRED);
        assertThat(context.design().managedInstances()).extracting(minet.model.ManagedInstance::name).containsExactly("sqlmi-contoso-prod");
        assertThat(vm.lastResultProperty().get()).isEqualTo("Imported sqlmi");
    }

    @Test void anErrorInATfFileNamesItsLineAndColumn() throws Exception {
        Path module = Files.createDirectories(dir.resolve("module"));
        Files.writeString(module.resolve("main.tf"), "resource \"azurerm_virtual_network\" \"v\" {\n  name = upper(\n}\n");
        vm.load(new ImportRequest(List.of(module), null));
        assertThat(dialogs.inputErrors).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith("main.tf");
            assertThat(e.line()).isEqualTo(2); // "upper" reads as a name; the "(" after it cannot follow
            assertThat(e.column()).isEqualTo(15);
            assertThat(e.problem()).isEqualTo("unexpected '('");
        });
    }

    @Test void pagesOfAzGraphQueryImportAsOneLiveDesign() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.node.ObjectNode> rows = minet.bench.Estate.rows(3);
        Path p1 = dir.resolve("page-1.json"), p2 = dir.resolve("page-2.json");
        com.fasterxml.jackson.databind.node.ObjectNode a = m.createObjectNode(), b = m.createObjectNode();
        a.put("count", 6).putArray("data").addAll(rows.subList(0, 6));
        a.put("skip_token", "next");
        b.put("count", 6).putArray("data").addAll(rows.subList(6, 12));
        m.writeValue(p1.toFile(), a);
        m.writeValue(p2.toFile(), b);
        vm.load(new ImportRequest(List.of(p1, p2), null));
        assertThat(dialogs.inputErrors).isEmpty();
        assertThat(context.design().state()).isEqualTo(minet.model.DesignState.LIVE);
        assertThat(context.design().miSubnets()).hasSize(3);
    }

    @Test void filesOfDifferentFormatsAreRefusedWithTheirNames() throws Exception {
        Path design = dir.resolve("a.minet.json");
        Files.copy(Path.of("sample-networks", "reference.minet.json"), design);
        Path cli = dir.resolve("b.json");
        Files.writeString(cli, "[]");
        vm.load(new ImportRequest(List.of(design, cli), null));
        assertThat(dialogs.inputErrors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("b.json"));
    }

    @Test void cancellingLeavesTheDesignAlone() {
        BackgroundRunner never = new BackgroundRunner() {
            @Override public <T> Job run(String title, java.util.concurrent.Callable<T> work,
                                         java.util.function.Consumer<T> ok, java.util.function.Consumer<Throwable> failed,
                                         Runnable cancelled) {
                return cancelled::run;
            }
        };
        ImportViewModel slow = new ImportViewModel(context, dialogs, never, validated::incrementAndGet);
        slow.load(new ImportRequest(List.of(dir.resolve("big.json")), null));
        assertThat(slow.runningProperty().get()).isTrue();
        slow.cancel();
        assertThat(slow.runningProperty().get()).isFalse();
        assertThat(slow.lastResultProperty().get()).isEqualTo("Import cancelled");
        assertThat(context.design().name()).isEqualTo("open");
    }
}
