package minet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import minet.rules.Finding;
import minet.ui.dialogs.BackgroundRunner;
import minet.ui.dialogs.FakeDialogs;
import minet.ui.shell.DiskFileService;
import minet.ui.shell.MainWindow;
import minet.ui.shell.RecentFiles;
import minet.ui.trace.EngineTracer;
import minet.ui.validation.ValidationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Defect 5 of the window review at the smallest size it names, 1024 × 700: the Problems panel shows the message of
 * a finding (it showed only the Rule column), and the diagram follows the window's size until the user zooms.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutFxTest {
    private MainWindow window;
    private ValidationFeature feature;
    private FakeDialogs dialogs = new FakeDialogs();

    @Start void start(Stage stage) throws Exception {
        Path config = Files.createTempDirectory("minet-layout").resolve("config");
        window = new MainWindow(stage, dialogs, new DiskFileService(config), BackgroundRunner.IN_PLACE, new RecentFiles(config), Theme.LIGHT, null);
        feature = ValidationFeature.install(window, new EngineTracer());
        window.show(Path.of("sample-networks", "broken", "deny-first.minet.json"), 1024, 700);
    }

    private void waitForFindings() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            var a = feature.validation().analysisProperty().get();
            return a != null && a.design() == window.document().design() && !feature.validation().allFindings().isEmpty();
        });
    }

    @Test void theMessageColumnIsInViewAndWide(FxRobot robot) throws Exception {
        waitForFindings();
        @SuppressWarnings("unchecked") TableView<Finding> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        TableColumn<Finding, ?> message = table.getColumns().stream().filter(c -> "Message".equals(c.getText())).findFirst().orElseThrow();
        Node header = robot.lookup(".column-header").match(n -> n.getId() != null && n.getId().equals(message.getId())).query();
        Bounds h = header.localToScene(header.getBoundsInLocal());
        Bounds t = table.localToScene(table.getBoundsInLocal());
        assertThat(h.getMinX()).as("the Message column starts inside the table").isLessThan(t.getMaxX() - 200);
        assertThat(Math.min(h.getMaxX(), t.getMaxX()) - h.getMinX()).as("visible width of the Message column").isGreaterThanOrEqualTo(220);
        // and the text is the finding's whole message (it wraps), in the window's words
        Finding first = table.getItems().get(0);
        assertThat(feature.validation().message(first)).doesNotContain("seed");
    }

    @Test void theDiagramFollowsTheWindowUntilTheUserZooms(FxRobot robot) throws Exception {
        waitForFindings();
        WaitForAsyncUtils.waitForFxEvents();
        double small = window.canvas().zoomProperty().get();
        double narrow = window.canvasView().getWidth();
        robot.interact(() -> {
            window.stage().setWidth(1260);
            window.stage().setHeight(790);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return window.canvasView().getWidth() > narrow + 100;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.canvas().zoomProperty().get()).as("zoom after the canvas grew from %s to %s px (fitted: %s)",
                narrow, window.canvasView().getWidth(), window.followsWindow()).isGreaterThan(small + 0.005);
        assertThat(window.followsWindow()).isTrue();

        robot.interact(() -> window.canvasView().zoomBy(1.25));
        double zoomed = window.canvas().zoomProperty().get();
        assertThat(window.followsWindow()).isFalse();
        robot.interact(() -> {
            window.stage().setWidth(1100);
            window.stage().setHeight(720);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.canvas().zoomProperty().get()).as("the user's zoom is kept").isEqualTo(zoomed);

        robot.interact(window::fit); // Ctrl+0: fit, and follow the window again
        assertThat(window.followsWindow()).isTrue();
    }

    /**
     * At 1024 × 700 the canvas had 430 px of the window's width (palette 220, properties 368) and showed the sample
     * at 14 %: the palette shows its icons only, the properties panel is narrower, and folding it away (F4) gives
     * the canvas nearly all the width.
     */
    @Test void aSmallWindowGivesTheCanvasMostOfItsWidth(FxRobot robot) throws Exception {
        waitForFindings();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.paletteCompact()).as("the palette shows icons only below %s px", MainWindow.COMPACT_BELOW).isTrue();
        Node palette = robot.lookup("#palette").query();
        assertThat(palette.getLayoutBounds().getWidth()).isLessThan(60);
        Node properties = robot.lookup("#properties").query();
        assertThat(properties.getLayoutBounds().getWidth()).isBetween(260.0, 320.0);
        double canvas = window.canvasView().getWidth();
        assertThat(canvas).as("canvas width at 1024 px").isGreaterThanOrEqualTo(620);
        double zoom = window.canvas().zoomProperty().get();

        robot.press(javafx.scene.input.KeyCode.F4).release(javafx.scene.input.KeyCode.F4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return window.canvasView().getWidth() > 900;
        });
        assertThat(window.propertiesShownProperty().get()).isFalse();
        assertThat(properties.getScene()).as("the panel is out of the window").isNull();
        assertThat(robot.lookup("#properties-strip").query().isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return window.canvas().zoomProperty().get() > zoom * 1.3;
        });
        assertThat(window.currentState().propertiesCollapsed()).as("remembered folded").isTrue();

        robot.clickOn("#properties-unfold");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return Math.abs(window.canvasView().getWidth() - canvas) < 4;
        });
        assertThat(properties.getLayoutBounds().getWidth()).as("the width it had").isBetween(260.0, 320.0);
    }

    /** The 1440 × 900 window (1296 × 810 at the first start) keeps the palette's words and the full properties panel. */
    @Test void aLargeWindowKeepsThePalettesWords(FxRobot robot) throws Exception {
        waitForFindings();
        robot.interact(() -> {
            window.stage().setWidth(1296);
            window.stage().setHeight(810);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !window.paletteCompact() && robot.lookup("#palette").query().getLayoutBounds().getWidth() > 180;
        });
        assertThat(robot.lookup("#properties").query().getLayoutBounds().getWidth()).isGreaterThan(370);
    }

    @Test void anEmptyDesignSaysWhereToStart(FxRobot robot) throws Exception {
        waitForFindings();
        assertThat(robot.lookup("#empty-design-hint").query().isVisible()).isFalse();
        robot.interact(() -> window.shell().newDesign());
        dialogs.unsavedAnswers.clear();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.document().design().virtualNetworks()).isEmpty();
        assertThat(robot.lookup("#empty-design-hint").query().isVisible()).isTrue();
        assertThat(robot.lookup("#empty-design-hint .label").queryAll()).anySatisfy(n ->
                assertThat(((javafx.scene.control.Label) n).getText()).contains("Import").contains("palette"));
    }
}
