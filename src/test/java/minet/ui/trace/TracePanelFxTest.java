package minet.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import minet.edit.Document;
import minet.io.DesignFile;
import minet.layout.TracePath;
import minet.ui.document.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Seen in the real window: Enter in the Port field did nothing (only the button traced), a hop's detail was one line
 * scrolled sideways, and an answer that cannot be decided offline was red like a denial. Enter traces, hops wrap,
 * undecided is amber with what would decide it.
 */
@ExtendWith(ApplicationExtension.class)
class TracePanelFxTest {
    static final String LONG = "system route 0.0.0.0/0 → Internet (service tag Storage: its addresses are not known offline, so the route "
            + "shown is the table's route to the tag or the default route; the traffic may take another where a more specific route "
            + "covers part of the tag)";
    private final List<String> asked = new ArrayList<>();
    private TraceViewModel vm;

    @Start void start(Stage stage) throws Exception {
        javafx.application.Application.setUserAgentStylesheet(minet.ui.Theme.LIGHT.userAgentStylesheet());
        DocumentContext context = new DocumentContext(new Document(DesignFile.read(Path.of("sample-networks", "reference.minet.json")), null));
        TraceService undecided = (d, from, to, protocol, port) -> {
            asked.add(from + ">" + to + ":" + port);
            return new TraceService.Result(false, "Cannot be decided offline: " + from + " → " + to,
                    List.of(new TraceService.Hop(null, null, "Route at subnet 'ManagedInstance'", LONG, TracePath.State.PASSED),
                            new TraceService.Hop(null, null, "Outbound NSG", "cannot be decided offline", TracePath.State.UNDECIDED)));
        };
        vm = new TraceViewModel(context, undecided);
        stage.setScene(new Scene(new TracePanel(vm), 900, 300));
        stage.show();
    }

    @Test void enterTracesHopsWrapAndUndecidedIsAmberWithAHint(FxRobot robot) {
        robot.interact(() -> {
            vm.fromProperty().set("sqlmi-ref");
            vm.toProperty().set("Storage");
        });
        robot.clickOn("#tracePort").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("443").press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("sqlmi-ref>Storage:443");

        Label verdict = robot.lookup("#traceVerdict").queryAs(Label.class);
        assertThat((Color) verdict.getTextFill()).as("amber, not the red of a denial").isEqualTo(Color.web("#9a6700"));
        Label hint = robot.lookup("#traceHint").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).contains("File → Load service tags…");

        ListCell<?> first = robot.lookup("#traceHops .list-cell").queryAll().stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getText() != null && c.getText().contains("system route")).findFirst().orElseThrow();
        assertThat(first.isWrapText()).isTrue();
        assertThat(first.getWidth()).as("no wider than the list").isLessThanOrEqualTo(900);
        assertThat(first.getHeight()).as("the detail takes several lines").isGreaterThan(first.getFont().getSize() * 2.5);
    }
}
