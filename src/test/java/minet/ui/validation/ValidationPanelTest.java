package minet.ui.validation;

import minet.ui.analysis.Analysis;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import minet.edit.Command;
import minet.edit.Document;
import minet.model.Design;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.Severity;
import minet.ui.dialogs.FakeDialogs;
import minet.ui.dialogs.FixPlan;
import minet.ui.document.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel's wiring: table rows, counts on the toggles, the filter field, Fix buttons, selection. */
@ExtendWith(ApplicationExtension.class)
class ValidationPanelTest {
    static final Finding MGMT = new Finding("MI-NSG-IN-MANAGEMENT", Severity.ERROR, "networkSecurityGroups/mi-nsg",
            "inbound management is blocked", Map.of("decidingRule", "networkSecurityGroups/mi-nsg/securityRules/deny_all"), "nsg-1", null);
    static final Finding SIZE = new Finding("MI-SUBNET-SIZE", Severity.WARNING, "virtualNetworks/v/subnets/mi",
            "subnet leaves no room to scale", Map.of(), "subnet-1", null);

    private final ManualScheduler scheduler = new ManualScheduler();
    private DocumentContext context;
    private ValidationViewModel vm;

    @Start void start(Stage stage) {
        context = new DocumentContext(new Document(Design.empty("mgmt size"), null));
        FixService fixes = new FixService() {
            @Override public Optional<Command> fix(Design d, Finding f, minet.rules.Report r) {
                return f == MGMT && d.name().contains("mgmt")
                        ? Optional.of(Command.of("Fix", x -> x.withName(x.name().replace("mgmt", "")))) : Optional.empty();
            }

            @Override public Optional<FixPlan> fixAll(Design d, Report r) { return Optional.empty(); }
        };
        vm = new ValidationViewModel(context, fixes, new FakeDialogs(), sink -> new LiveValidator<>((d, p) -> {
            List<Finding> fs = new ArrayList<>();
            if (d.name().contains("mgmt")) fs.add(MGMT);
            if (d.name().contains("size")) fs.add(SIZE);
            return new Analysis(d, new Report(minet.rules.Validator.choose(d, p).profile().id(), fs, 1_000_000), Map.of());
        }, scheduler, Runnable::run, sink, 0));
        scheduler.runPending();
        stage.setScene(new Scene(new ValidationPanel(vm), 1100, 300));
        stage.show();
    }

    @Test void rowsCountsFilterFixAndSelection(FxRobot robot) {
        TableView<?> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(robot.lookup("#show-error").queryAs(ToggleButton.class).getText()).isEqualTo("1 error");
        assertThat(robot.lookup("#show-warning").queryAs(ToggleButton.class).getText()).isEqualTo("1 warning");

        // one Fix button: only the management finding has a fix
        assertThat(robot.lookup(".table-row-cell .button").queryAllAs(Button.class))
                .filteredOn(Button::isVisible).extracting(Button::getText).containsExactly("Fix");

        robot.clickOn("#findingFilter").write("scale");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        robot.doubleClickOn("#findingFilter").eraseText(5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(2);

        robot.clickOn("MI-NSG-IN-MANAGEMENT");
        assertThat(context.revealed()).containsExactly("nsg-1");
        assertThat(robot.lookup("#findingFacts").queryLabeled().getText())
                .isEqualTo("Decided by: networkSecurityGroups/mi-nsg/securityRules/deny_all");

        robot.clickOn(".table-row-cell .button");
        robot.interact(scheduler::runPending);
        assertThat(context.design().name()).isEqualTo(" size");
        assertThat(table.getItems()).hasSize(1);
    }
}
