package minet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import minet.io.DesignFile;
import minet.layout.DiagramNode;
import minet.model.Bounds;
import minet.model.Design;
import minet.ui.Theme;
import minet.ui.dialogs.BackgroundRunner;
import minet.ui.dialogs.FakeDialogs;
import minet.ui.properties.RuleRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window end to end, headless (Monocle): palette drag, move, undo, the CIDR editor, the rule table, save and
 * reopen, recovery after a crash. File work runs inline so that each step is finished when the next starts.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    Path dir;
    FakeDialogs dialogs = new FakeDialogs();
    MainWindow window;

    @Start void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("minet-fx");
        window = open(stage);
    }

    MainWindow open(Stage stage) {
        Path config = dir.resolve("config");
        MainWindow w = new MainWindow(stage, dialogs, new DiskFileService(config), BackgroundRunner.IN_PLACE, new RecentFiles(config), Theme.LIGHT, null);
        w.show(null, 1200, 760); // Monocle's headless screen is 1280 × 800
        return w;
    }

    Point2D screen(double canvasX, double canvasY) {
        return window.diagram().localToScreen(canvasX, canvasY);
    }

    Bounds bounds(String id) { return window.canvas().diagram().node(id).orElseThrow().bounds(); }

    Point2D centreOf(String nodeId) {
        Bounds b = bounds(nodeId);
        return screen(b.x() + b.width() / 2, b.y() + 20);
    }

    @Test void dragASubnetFromThePaletteMoveItAndUndo(FxRobot robot) {
        Bounds vnet = bounds("vnet-mi");
        robot.drag("#palette-SUBNET").dropTo(screen(vnet.x() + 40, vnet.y() + vnet.height() - 20));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().design().subnet("vnet-mi/subnet-1")).as("dropped in the VNet").isPresent();
        Bounds dropped = bounds("vnet-mi/subnet-1");

        double z = window.canvas().zoomProperty().get();
        Point2D from = centreOf("vnet-mi/subnet-1");
        robot.drag(from).moveBy(100 * z, 60 * z).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Bounds moved = bounds("vnet-mi/subnet-1");
        assertThat(moved.x() - dropped.x()).isCloseTo(100, org.assertj.core.data.Offset.offset(10.0));
        assertThat(moved.y() - dropped.y()).isCloseTo(60, org.assertj.core.data.Offset.offset(10.0));
        assertThat(window.stage().getTitle()).startsWith("*");

        robot.clickOn("#canvas").press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bounds("vnet-mi/subnet-1")).isEqualTo(dropped);
        robot.interact(() -> window.document().undo());
        assertThat(window.document().design().subnet("vnet-mi/subnet-1")).isEmpty();
        assertThat(window.stage().getTitle()).doesNotStartWith("*");
    }

    @Test void anInvalidCidrIsMarkedAndNotAppliedThenAValidOneIs(FxRobot robot) {
        robot.clickOn(centreOf("vnet-mi/AppSubnet"));
        assertThat(window.selection().primary()).isEqualTo("vnet-mi/AppSubnet");
        TextField prefix = robot.lookup("#field-addressPrefixes").queryAs(TextField.class);
        Design before = window.document().design();

        robot.clickOn(prefix).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("10.0.1.0/33");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup(".field-error").match(Node::isVisible).queryAs(Label.class);
        assertThat(error.getText()).contains("not a CIDR");
        robot.type(KeyCode.ENTER);
        assertThat(window.document().design()).isEqualTo(before);

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("10.0.7.0/24").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().design().subnet("vnet-mi/AppSubnet").orElseThrow().addressPrefixes()).containsExactly("10.0.7.0/24");
        assertThat(robot.lookup(".field-error").match(Node::isVisible).tryQuery()).isEmpty();
    }

    @Test void addAnNsgRuleAndEditItInTheForm(FxRobot robot) {
        DiagramNode card = window.canvas().diagram().nodesOf("nsg-mi").get(0);
        robot.clickOn(screen(card.bounds().x() + 20, card.bounds().y() + card.bounds().height() / 2));
        assertThat(window.selection().primary()).isEqualTo("nsg-mi");
        @SuppressWarnings("unchecked") TableView<RuleRow> table = robot.lookup("#rules-inbound").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(9); // 6 of its own, 3 of Azure's
        robot.clickOn("#rule-add-inbound");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(10);
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("AllowAnyCustom8080Inbound");
        assertThat(table.getSelectionModel().getSelectedItem().priority()).isEqualTo("4090");

        TextField ports = robot.lookup("#field-rule-destination-ports").queryAs(TextField.class);
        robot.interact(ports::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("1433, 11000-11999").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        var rule = window.document().design().securityGroup("nsg-mi").orElseThrow().rules().get(9);
        assertThat(rule.destinationPorts()).containsExactly("1433", "11000-11999");
        assertThat(table.getSelectionModel().getSelectedItem().destinationPorts()).isEqualTo("1433, 11000-11999");
        // Enter moved on to the next field of the form
        assertThat(window.stage().getScene().getFocusOwner().getId()).isEqualTo("field-rule-direction");
    }

    @Test void saveAndReopen(FxRobot robot) throws Exception {
        robot.interact(() -> window.canvas().drop(minet.ui.canvas.PaletteItem.CLIENT, 100, 900));
        Design edited = window.document().design();
        Path target = dir.resolve("saved" + DesignFile.EXTENSION);
        dialogs.fileAnswers.push(Optional.of(target));
        robot.clickOn("#canvas").press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(target).exists();
        assertThat(window.stage().getTitle()).isEqualTo("saved.minet.json — MI Network Designer");

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().design().virtualNetworks()).isEmpty();
        dialogs.fileAnswers.push(Optional.of(target));
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().design()).isEqualTo(edited);
        assertThat(window.shell().recentFiles()).first().isEqualTo(target.toAbsolutePath().normalize());
    }

    @Test void recoverAfterACrash(FxRobot robot) throws Exception {
        robot.interact(() -> window.canvas().drop(minet.ui.canvas.PaletteItem.ON_PREMISES, 60, 700));
        Design edited = window.document().design();
        robot.interact(() -> window.shell().autosave());
        // The process is killed: no close, no save. The next start finds the autosave file.
        assertThat(Files.list(dir.resolve("config")).map(p -> p.getFileName().toString())).contains("recovery.minet.json");
        dialogs.confirmAnswers.push(true);
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> second[0] = open(new Stage()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> second[0] != null);
        assertThat(dialogs.asked).contains("confirm Recover unsaved work");
        assertThat(second[0].document().design()).isEqualTo(edited);
        assertThat(second[0].stage().getTitle()).startsWith("*");
        robot.interact(() -> second[0].stage().close());
    }

    @Test void bottomPanelAndStatusBarAreThereForOtherPanels(FxRobot robot) {
        Label panel = new Label("validation");
        panel.setId("bottom-test");
        robot.interact(() -> window.setBottomPanel(panel));
        assertThat(robot.lookup("#bottom-test").tryQuery()).isPresent();
        robot.interact(() -> window.shell().validationSummaryProperty().set("2 errors, 1 warning · validated in 3 ms"));
        assertThat(robot.lookup("#validation-summary").queryAs(Label.class).getText()).isEqualTo("2 errors, 1 warning · validated in 3 ms");
        robot.interact(() -> window.setBottomPanel(null));
        boolean[] shown = new boolean[1];
        robot.interact(() -> shown[0] = window.reveal("keyvault"));
        assertThat(shown[0]).isTrue();
        assertThat(window.selection().primary()).isEqualTo("keyvault");
        Bounds kv = bounds("keyvault");
        Point2D centre = window.canvasView().localToScreen(window.canvasView().getWidth() / 2, window.canvasView().getHeight() / 2);
        assertThat(screen(kv.x() + kv.width() / 2, kv.y() + kv.height() / 2).distance(centre)).isLessThan(2);
        assertThat(robot.lookup("#bottom-test").tryQuery()).isEmpty();
    }

    /** Defect 8: Help has the shortcuts (F1), the rule catalog of the window's profile and About. */
    @Test void helpOpensShortcutsCatalogAndAbout(FxRobot robot) {
        robot.clickOn("#canvas").type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.asked).contains("shortcuts");
        robot.clickOn("Help").clickOn("Rule catalog");
        robot.clickOn("Help").clickOn("About MI Network Designer");
        // auto picks the 04/2019 document for the reference network (no MI subnet is delegated): Help shows that one
        assertThat(dialogs.asked).contains("rule catalog azure-2019-04");
        assertThat(dialogs.asked).anyMatch(a -> a.startsWith("about auto: azure-2019-04, "));
        // the status bar is no longer where the shortcuts go
        assertThat(window.shell().statusProperty().get()).doesNotContain("Ctrl+N/O/S");
    }

    /** From the subnet's properties: the effective rules (with Azure's defaults) and routes (with the system routes). */
    @Test void aSubnetShowsItsEffectiveRulesAndRoutes(FxRobot robot) {
        robot.interact(() -> window.selection().select("vnet-mi/ManagedInstance"));
        // the test's dialog service is a fake; this dialog is the properties panel's own view
        robot.clickOn("#show-effective");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked") TableView<minet.rules.eval.EffectiveRules.Row> in = robot.lookup("#effectiveInbound").queryAs(TableView.class);
        assertThat(in.getItems()).extracting(minet.rules.eval.EffectiveRules.Row::name).endsWith("AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound");
        @SuppressWarnings("unchecked") TableView<minet.rules.route.EffectiveRoutes.Row> routes = robot.lookup("#effectiveRoutes").queryAs(TableView.class);
        assertThat(routes.getItems()).hasSizeGreaterThan(100);
        assertThat(routes.getItems()).anySatisfy(r -> assertThat(r.nextHopType()).isEqualTo("VnetLocal"));
        robot.clickOn("Close");
        assertThat(robot.lookup("#effectiveRoutes").tryQuery()).isEmpty();
    }
}
