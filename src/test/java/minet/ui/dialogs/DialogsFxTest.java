package minet.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Stage;
import minet.edit.Command;
import minet.fix.Change;
import minet.io.InputException;
import minet.model.Design;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Defect 2 of the window review: "Fix all: review" and the import error dialog opened at 200 × 200 with their
 * buttons cut off. Every dialog opens at least at its content's preferred size, keeps that as its minimum (so a
 * window manager cannot squash it), is resizable, owned by the main window, and does not disable the main window
 * (which took a maximised main window out of its maximised state on Linux) while still taking its input.
 */
@ExtendWith(ApplicationExtension.class)
class DialogsFxTest {
    private Stage main;
    private Button mainButton;
    private int mainClicks;
    private Dialog<?> open;

    @Start void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(minet.ui.Theme.LIGHT.userAgentStylesheet());
        main = stage;
        mainButton = new Button("main");
        mainButton.setOnAction(e -> mainClicks++);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(mainButton), 900, 600));
        stage.show();
    }

    @AfterEach void close(FxRobot robot) {
        if (open != null) robot.interact(() -> open.close());
    }

    static FixPlan plan() {
        Command c = Command.of("Fix all", d -> d.withName("fixed"));
        List<Change> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            changes.add(new Change(Change.Kind.ADDED, Change.Element.ROUTE, "routeTables/rt-mi/routes/mi-" + i, "rt-mi/mi-" + i + "-nexthop-internet",
                    null, "13." + i + ".0.0/16 → Internet", null));
        }
        return new FixPlan(c, c.apply(Design.empty("d")), changes, List.of("subnet mi: now allows inbound TCP 9000 from * to 10.0.0.0/24"), List.of());
    }

    /** Makes a dialog on the FX thread, shows it as the service does without waiting; returns its window. */
    private Stage show(FxRobot robot, java.util.function.Supplier<Dialog<?>> make) {
        Dialog<?>[] made = new Dialog<?>[1];
        robot.interact(() -> made[0] = make.get());
        Dialog<?> d = made[0];
        robot.interact(() -> {
            Dialogs.prepare(d, main);
            d.show();
        });
        open = d;
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) d.getDialogPane().getScene().getWindow();
    }

    private static void assertFits(Dialog<?> d, Stage window) {
        var pane = d.getDialogPane();
        assertThat(window.getWidth()).as("width").isGreaterThanOrEqualTo(pane.prefWidth(-1) - 1);
        assertThat(window.getHeight()).as("height").isGreaterThanOrEqualTo(pane.prefHeight(pane.getWidth()) - 1);
        for (ButtonType t : pane.getButtonTypes()) {
            Node b = pane.lookupButton(t);
            Bounds in = b.localToScene(b.getBoundsInLocal());
            assertThat(in.getMaxX()).as(t.getText() + " button inside").isLessThanOrEqualTo(pane.getScene().getWidth());
            assertThat(in.getMaxY()).as(t.getText() + " button inside").isLessThanOrEqualTo(pane.getScene().getHeight());
        }
    }

    @Test void theFixReviewOpensAtItsSizeAndCannotBeSquashed(FxRobot robot) {
        Stage w = show(robot, () -> new FixReviewDialog(plan()));
        Dialog<?> d = open;
        assertFits(d, w);
        assertThat(w.getOwner()).isSameAs(main);
        assertThat(w.isResizable()).isTrue();
        // What the window manager did to it: 200 × 200. The minimum size holds it at the content's size.
        robot.interact(() -> {
            w.setWidth(200);
            w.setHeight(200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFits(d, w);
        assertThat(robot.lookup("#applyFixes").queryButton().isVisible()).isTrue();
        assertThat(FixReviewDialog.summary(plan())).isEqualTo("40 changes: 40 routes added.");
    }

    /**
     * Seen under Xvfb: File → Import… measured its one-line header unwrapped (about 1900 px), opened as wide as the
     * screen and laid Import and Cancel out beyond its right edge. It wraps the header and shows its buttons.
     */
    @Test void theImportDialogWrapsItsHeaderAndShowsItsButtons(FxRobot robot) {
        Stage w = show(robot, ImportDialog::new);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(w.getWidth()).as("narrower than the screen").isLessThan(screen.getWidth() - 100);
        assertFits(open, w);
        Node header = open.getDialogPane().lookup(".header-panel .label");
        assertThat(header.getLayoutBounds().getHeight()).as("the header wraps to several lines").isGreaterThan(30);
        robot.interact(() -> {
            w.setWidth(200);
            w.setHeight(200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFits(open, w);
    }

    /** A dialog whose content is wider than the screen keeps its buttons in the window (its minimum is the screen's). */
    @Test void aDialogWiderThanTheScreenKeepsItsButtonsInside(FxRobot robot) {
        Stage w = show(robot, () -> {
            Dialog<Void> d = new Dialog<>();
            javafx.scene.layout.Region wide = new javafx.scene.layout.Region();
            wide.setPrefSize(4000, 300);
            d.getDialogPane().setContent(new javafx.scene.control.ScrollPane(wide));
            d.getDialogPane().setPrefWidth(4000);
            d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
            return d;
        });
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(w.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        for (ButtonType t : open.getDialogPane().getButtonTypes()) {
            Node b = open.getDialogPane().lookupButton(t);
            Bounds in = b.localToScene(b.getBoundsInLocal());
            assertThat(in.getMaxX()).as(t.getText() + " button inside").isLessThanOrEqualTo(w.getScene().getWidth());
        }
    }

    @Test void theInputErrorShowsFileLineAndColumnUncut(FxRobot robot) throws Exception {
        FxDialogService service = new FxDialogService(() -> main);
        InputException e = new InputException("/tmp/some/rather/long/folder/name/for/an/import/bad-arm-template.parameters.json", 3, 17,
                "unexpected ',' where a value was expected");
        robot.interact(() -> javafx.application.Platform.runLater(() -> service.showInputError(e)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#inputErrorDialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane pane = robot.lookup("#inputErrorDialog").queryAs(javafx.scene.control.DialogPane.class);
        open = null;
        Stage w = (Stage) pane.getScene().getWindow();
        javafx.scene.control.Label text = (javafx.scene.control.Label) pane.getContent();
        assertThat(text.getText()).contains("bad-arm-template.parameters.json, line 3, column 17");
        // the whole text is shown: wrapped, not cut off with an ellipsis
        assertThat(text.getHeight()).isGreaterThanOrEqualTo(text.prefHeight(text.getWidth()) - 1);
        assertThat(w.getHeight()).isGreaterThanOrEqualTo(pane.prefHeight(pane.getWidth()) - 1);
        robot.interact(() -> {
            w.setWidth(200);
            w.setHeight(200);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.getWidth()).as("width after the window manager's 200").isGreaterThan(300);
        robot.clickOn("OK");
        assertThat(robot.lookup("#inputErrorDialog").tryQuery()).isEmpty();
    }

    @Test void aDialogTakesTheMainWindowsInputWithoutDisablingIt(FxRobot robot) throws Exception {
        Dialog<?>[] made = new Dialog<?>[1];
        robot.interact(() -> made[0] = HelpDialogs.about("1.2.3", "azure-2019-04"));
        Dialog<?> d = made[0];
        robot.interact(() -> {
            Dialogs.prepare(d, main);
            javafx.application.Platform.runLater(() -> Dialogs.showAndWait(d));
        });
        open = d;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, d::isShowing);
        // JavaFX's own modality disables the owner, which un-maximises it under GTK: this one is modal by hand.
        assertThat(d.getModality()).isEqualTo(Modality.NONE);
        robot.interact(() -> mainButton.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_PRESSED, 5, 5, 5, 5,
                javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null)));
        robot.interact(() -> main.getScene().getRoot().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                "", "", javafx.scene.input.KeyCode.SPACE, false, false, false, false)));
        assertThat(mainClicks).isZero();
        assertThat(robot.lookup("#about-version").queryLabeled().getText()).isEqualTo("1.2.3");
        assertThat(robot.lookup("#about-rules").queryLabeled().getText()).contains("MI connectivity architecture (04/2019)");
        robot.interact(d::close);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(mainButton);
        assertThat(mainClicks).isEqualTo(1);
    }

    /** Defect 8: F1 was one truncated status-bar line; it is a dialog listing every shortcut. */
    @Test void theShortcutsDialogListsEveryShortcut(FxRobot robot) {
        Stage w = show(robot, HelpDialogs::shortcuts);
        assertFits(open, w);
        java.util.Set<String> shown = new java.util.HashSet<>();
        robot.lookup("#shortcutsDialog .label").queryAll().forEach(n -> shown.add(((javafx.scene.control.Label) n).getText()));
        for (Shortcuts.Group g : Shortcuts.ALL) for (Shortcuts.Entry e : g.entries()) assertThat(shown).contains(e.keys(), e.what());
    }

    /** Help → Rule catalog: the catalog's rules of the profile, in the window's words. */
    @Test void theRuleCatalogListsTheProfilesRules(FxRobot robot) {
        show(robot, () -> HelpDialogs.ruleCatalog("azure-2019-04"));
        @SuppressWarnings("unchecked") javafx.scene.control.TableView<minet.rules.RuleInfo> table =
                robot.lookup("#catalogTable").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems()).isEqualTo(minet.rules.Catalog.all("azure-2019-04"));
        assertThat(table.getItems()).isNotEmpty();
        String requirement = (String) table.getColumns().get(3).getCellData(table.getItems().stream()
                .filter(r -> r.id().equals("MI-UDR-MANAGEMENT")).findFirst().orElseThrow());
        assertThat(requirement).doesNotContain("seed");
        // Each requirement whole: the row grows to its wrapped text (it kept two lines and cut the rest with "…").
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.text.Text> texts = robot.lookup("#catalogTable .table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getGraphic())
                .filter(g -> g instanceof javafx.scene.text.Text t && t.getText() != null && !t.getText().isEmpty())
                .map(g -> (javafx.scene.text.Text) g).toList();
        assertThat(texts).isNotEmpty();
        double line = texts.get(0).getFont().getSize() * 1.2;
        assertThat(texts).as("some requirement takes three lines or more").anyMatch(t -> t.getLayoutBounds().getHeight() > 2.5 * line);
        for (javafx.scene.text.Text t : texts) {
            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) t.getParent();
            assertThat(cell.getHeight()).as("cell of '%s'", t.getText()).isGreaterThanOrEqualTo(t.getLayoutBounds().getHeight());
        }
    }
}
