package minet.ui.canvas;

import minet.layout.TracePath;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import minet.io.DesignFile;
import minet.layout.DiagramLayout;
import minet.layout.DiagramNode;
import minet.model.Bounds;
import minet.model.Design;
import minet.rules.Finding;
import minet.ui.Theme;
import minet.ui.shell.DiskFileService;
import minet.ui.dialogs.FxBackgroundRunner;
import minet.ui.shell.MainWindow;
import minet.ui.shell.RecentFiles;
import minet.ui.trace.EngineTracer;
import minet.ui.trace.TraceViewModel;
import minet.ui.validation.ValidationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas's two highlights in the real window: the selection (always on what the properties panel shows, also
 * when a finding is clicked) and a traced path (its own style; a denied trace stops at the hop that denies; a hop
 * that cannot be decided looks different from one that denies).
 */
@ExtendWith(ApplicationExtension.class)
class CanvasHighlightFxTest {
    @TempDir static Path tmp;
    private MainWindow window;
    private ValidationFeature feature;

    @Start void start(Stage stage) throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        window = new MainWindow(stage, null, new DiskFileService(config), new FxBackgroundRunner(), new RecentFiles(config), Theme.LIGHT, null);
        feature = ValidationFeature.install(window, new EngineTracer());
        window.show(null, 1260, 780);
        // The stage is shared by the tests of this class: undo what one of them did to its size.
        stage.setWidth(1260);
        stage.setHeight(780);
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return c.call();
        });
    }

    /** Opens a design and waits until the window has validated it. */
    private void open(FxRobot robot, Design d) throws Exception {
        // The window opens its sample after its first frame: wait for that, or it would replace the design opened here.
        waitUntil(() -> window.document().replacedProperty().get() > 0 && feature.validation().analysisProperty().get() != null);
        robot.interact(() -> window.document().replace(d, null));
        robot.interact(() -> window.canvasView().fit());
        waitUntil(() -> feature.validation().analysisProperty().get() != null
                && feature.validation().analysisProperty().get().design().equals(window.document().design()));
    }

    private Point2D screen(Bounds b) {
        return window.diagram().localToScreen(b.x() + 30, b.y() + 12);
    }

    private Bounds box(String nodeId) { return window.canvas().diagram().node(nodeId).orElseThrow().bounds(); }

    /** The selection outlines drawn, as the boxes they surround. */
    private List<Bounds> outlines() {
        return window.diagram().outlinedBoxes();
    }

    private static Design reference() throws Exception {
        return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
    }

    @Test void theOutlineIsAlwaysOnWhatThePropertiesPanelShows(FxRobot robot) throws Exception {
        open(robot, reference());
        // Whatever else the toolkit keeps, a garbage collection must not cost the canvas its selection listener.
        System.gc();
        for (String id : List.of("onprem", "vnet-mi/AppSubnet", "keyvault", "vnet-mi/GatewaySubnet", "clients")) {
            robot.clickOn(screen(box(id)));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.selection().primary()).isEqualTo(id);
            assertThat(window.properties().elementId()).isEqualTo(id);
            assertThat(outlines()).as("outline after selecting " + id).containsExactly(box(id));
            assertThat(window.diagram().skins().get(id).getStyleClass()).contains("selected");
        }
        // A subnet is outlined whole: not just a resize handle; and 3 px thick on screen, however far zoomed out.
        assertThat(outlines().get(0).width()).isGreaterThan(200);
        javafx.scene.shape.Rectangle r = (javafx.scene.shape.Rectangle) window.diagram().lookup(".selection-outline");
        double zoom = window.canvas().zoomProperty().get();
        assertThat(zoom).isLessThan(1);
        assertThat(r.getStrokeWidth() * zoom).isCloseTo(3, org.assertj.core.data.Offset.offset(0.01));

        // Clicking a finding in the Problems panel selects and outlines its element.
        Design broken = DesignFile.read(Path.of("sample-networks", "broken", "deny-first.minet.json"));
        open(robot, broken);
        Finding f = feature.validation().allFindings().stream().filter(x -> x.elementId() != null).findFirst().orElseThrow();
        robot.interact(() -> feature.validation().selectedProperty().set(f));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.properties().elementId()).isEqualToIgnoringCase(f.elementId());
        List<DiagramNode> boxes = window.canvas().diagram().nodesOf(f.elementId());
        assertThat(outlines()).containsExactly(boxes.get(0).bounds());
    }

    @Test void aTraceIsDrawnInItsOwnStyleAndStopsWhereItIsDenied(FxRobot robot) throws Exception {
        Design d = minet.ui.analysis.SeedFlowsTest.appSubnetDeniesAllOutbound(reference());
        open(robot, d);
        robot.clickOn(screen(box("keyvault")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selection().primary()).as("clicked").isEqualTo("keyvault");
        TraceViewModel trace = feature.trace();
        robot.interact(() -> {
            trace.fromProperty().set("Client applications");
            trace.toProperty().set("sqlmi-ref");
            trace.portProperty().set("1433");
            trace.trace();
        });
        DiagramPane pane = window.diagram();
        assertThat(trace.allowedProperty().get()).isFalse();
        assertThat(trace.outcomeProperty().get()).isEqualTo(TracePath.State.DENIED);
        // Leaves the clients, passes AppSubnet's route, is denied by AppSubnet's NSG; the MI's NSG is never reached.
        assertThat(pane.skins().get("clients").getStyleClass()).contains("trace-passed");
        assertThat(pane.skins().get("nsg@vnet-mi/AppSubnet").getStyleClass()).contains("trace-denied");
        assertThat(pane.skins().get("nsg@vnet-mi/ManagedInstance").getStyleClass()).noneMatch(c -> c.startsWith("trace-"));
        assertThat(pane.skins().get("engine@sqlmi-ref").getStyleClass()).noneMatch(c -> c.startsWith("trace-"));
        assertThat(pane.traceMarkers()).extracting(javafx.scene.Node::getId).containsExactly("trace-mark-1", "trace-mark-2", "trace-mark-3");
        assertThat(pane.traceMarkers().get(2).getStyleClass()).contains("trace-mark-denied");
        // The arrow for the same traffic is marked, and the selection is left alone.
        assertThat(pane.flows().get("tds:clients:vnet-mi/ManagedInstance").getStyleClass()).contains("traced");
        assertThat(pane.flows().get("redirect:clients:sqlmi-ref").getStyleClass()).as("another port").doesNotContain("traced");
        assertThat(window.selection().primary()).isEqualTo("keyvault");
        assertThat(outlines()).containsExactly(box("keyvault"));

        // Outbound to an Azure address: the MI's NSG cannot decide it offline (a service tag): amber, not red.
        robot.interact(() -> {
            trace.fromProperty().set("sqlmi-ref");
            trace.toProperty().set("52.1.2.3");
            trace.portProperty().set("443");
            trace.trace();
        });
        assertThat(trace.outcomeProperty().get()).isEqualTo(TracePath.State.UNDECIDED);
        assertThat(pane.skins().get("nsg@vnet-mi/ManagedInstance").getStyleClass()).contains("trace-undecided").doesNotContain("trace-denied");
        assertThat(pane.traceMarkers()).anySatisfy(m -> assertThat(m.getStyleClass()).contains("trace-mark-undecided"));
        assertThat(pane.traceMarkers()).noneSatisfy(m -> assertThat(m.getStyleClass()).contains("trace-mark-denied"));

        // An edit makes the answer stale: the path goes.
        robot.interact(() -> window.document().execute(minet.edit.Command.of("rename", x -> x.withName("renamed"))));
        assertThat(pane.traceMarkers()).isEmpty();
        assertThat(pane.skins().values()).allSatisfy(s -> assertThat(s.getStyleClass()).noneMatch(c -> c.startsWith("trace-")));
    }

    @Test void impliedManagementIsSelectableReadOnlyAndSaysWhy(FxRobot robot) throws Exception {
        Design d = reference();
        d = d.withExternalNetworks(d.externalNetworks().stream().filter(e -> e.kind() != minet.model.ExternalNetwork.Kind.MANAGEMENT).toList());
        open(robot, d);
        robot.clickOn(screen(box(DiagramLayout.IMPLICIT_MANAGEMENT)));
        assertThat(window.selection().primary()).isEqualTo(DiagramLayout.IMPLICIT_MANAGEMENT);
        assertThat(outlines()).containsExactly(box(DiagramLayout.IMPLICIT_MANAGEMENT));
        assertThat(window.properties().headingProperty().get()).contains("implied");
        assertThat(window.properties().field("why").orElseThrow().textProperty().get()).contains("managed instance");
        Design before = window.document().design();
        robot.interact(() -> {
            window.canvas().moveSelection(100, 100);
            window.canvas().deleteSelection();
        });
        assertThat(window.document().design()).isEqualTo(before);
    }

    @Test void theMinimapStaysOffASmallCanvasAndCanBeHidden(FxRobot robot) throws Exception {
        open(robot, reference());
        CanvasView view = window.canvasView();
        javafx.scene.Node minimap = view.lookup("#minimap");
        // Fitted, the whole diagram is in view: nothing to find, no minimap over it.
        robot.interact(view::fit);
        assertThat(minimap.isVisible()).isFalse();
        robot.interact(() -> view.zoomBy(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(minimap.isVisible()).isTrue();
        assertThat(minimap.getBoundsInParent().getWidth()).isLessThanOrEqualTo(view.getWidth() / 5 + 1);
        robot.interact(() -> view.minimapVisibleProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(minimap.isVisible()).isFalse();
        robot.interact(() -> view.minimapVisibleProperty().set(true));
        // A small canvas (a small window, a tall Problems panel) gets no minimap.
        robot.interact(() -> window.stage().setWidth(700));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.zoomBy(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getWidth()).isLessThan(CanvasView.MINIMAP_MIN_CANVAS_W);
        assertThat(minimap.isVisible()).isFalse();
    }
}
