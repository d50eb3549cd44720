package minet.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import minet.layout.Diagram;
import minet.layout.DiagramLayout;
import minet.layout.DiagramNode;
import minet.layout.NodeKind;
import minet.model.Bounds;

/**
 * The canvas: the {@link DiagramPane} in a zoomable, pannable viewport, with the gestures (select, rubber band,
 * move, resize, connect, drop from the palette) and a minimap. Only wiring: every decision is in
 * {@link CanvasViewModel}.
 */
public final class CanvasView extends Region {
    private enum Mode { NONE, MOVE, RESIZE, BAND, PAN, CONNECT }

    private final CanvasViewModel vm;
    private final DiagramPane pane = new DiagramPane();
    private final Group world = new Group(pane);
    private final Pane viewport = new Pane(world);
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate(20, 20);
    private final Canvas minimap = new Canvas(200, 130);
    private final BooleanProperty connectMode = new SimpleBooleanProperty(this, "connectMode");
    private final BooleanProperty minimapVisible = new SimpleBooleanProperty(this, "minimapVisible", true);

    private Mode mode = Mode.NONE;
    private Point2D pressCanvas, pressScreen, panAtPress;
    private final List<Node> dragged = new ArrayList<>();
    private String resizeId, connectFrom;
    private final Rectangle band = new Rectangle();
    private final Rectangle resizePreview = new Rectangle();
    private final Line connectLine = new Line();
    private final Rectangle handle = new Rectangle(10, 10);
    private boolean fitPending = true;
    private final javafx.animation.PauseTransition zoomSettled = new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));

    public CanvasView(CanvasViewModel vm) {
        this.vm = vm;
        getStyleClass().add("canvas-view");
        setId("canvas");
        world.getTransforms().setAll(pan, scale);
        // Panning moves a cached bitmap of the diagram instead of re-rendering 1000+ nodes every frame; while a zoom
        // goes on the bitmap is scaled (SPEED), and redrawn sharp (QUALITY) once the zoom has settled.
        pane.setCache(true);
        pane.setCacheHint(javafx.scene.CacheHint.QUALITY);
        zoomSettled.setOnFinished(e -> pane.setCacheHint(javafx.scene.CacheHint.QUALITY));
        // The desk around the diagram's sheet takes the canvas palette (light or dark) too.
        viewport.getStyleClass().addAll("canvas-viewport", "diagram", "desk");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        minimap.getStyleClass().add("minimap");
        minimap.setId("minimap");
        minimap.setVisible(false);
        minimapVisible.addListener(o -> requestLayout());
        getChildren().addAll(viewport, minimap);
        band.getStyleClass().add("rubber-band");
        resizePreview.getStyleClass().add("rubber-band");
        connectLine.getStyleClass().add("flow-line");
        connectLine.setStrokeWidth(2);
        connectLine.getStrokeDashArray().setAll(6.0, 4.0);
        handle.getStyleClass().add("handle");
        handle.setUserData("resize-handle");
        handle.setId("resize-handle");
        pane.overlay().getChildren().add(handle);
        handle.setVisible(false);

        pane.setDiagram(vm.diagram());
        // The validation reports the profile it judged by: the canvas draws that era (another picture: fitted again
        // while the user has not zoomed or panned).
        pane.profileProperty().addListener((o, a, p) -> {
            Diagram before = vm.diagram();
            vm.setProfile(p);
            if (vm.diagram() != before) refitIfFitted();
        });
        vm.diagramProperty().addListener((o, a, d) -> {
            pane.setDiagram(d);
            pane.setSelection(vm.selection().ids());
            updateHandle();
            drawMinimap();
        });
        // Once per selection change, when ids and primary agree (the set fires for each id it loses or gains).
        vm.selection().revisionProperty().addListener((o, a, b) -> {
            pane.setSelection(vm.selection().ids());
            updateHandle();
        });
        pane.setZoom(vm.zoomProperty().get());
        vm.zoomProperty().addListener((o, a, z) -> {
            scale.setX(z.doubleValue());
            scale.setY(z.doubleValue());
            pane.setZoom(z.doubleValue());
            drawMinimap();
        });
        pan.xProperty().addListener(o -> drawMinimap());
        pan.yProperty().addListener(o -> drawMinimap());
        // While the user has not zoomed or panned since the last fit, a bigger or smaller window refits.
        widthProperty().addListener(o -> refitIfFitted());
        heightProperty().addListener(o -> refitIfFitted());

        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        viewport.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        viewport.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        viewport.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        // Palette items start a full press-drag-release gesture: it works inside one scene without the
        // platform's drag and drop (which headless test runs lack).
        viewport.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            if (e.getGestureSource() instanceof Node n && n.getUserData() instanceof PaletteItem item) {
                Point2D p = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
                vm.drop(item, p.getX(), p.getY());
                e.consume();
            }
        });
        minimap.addEventHandler(MouseEvent.MOUSE_PRESSED, this::minimapPan);
        minimap.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::minimapPan);
    }

    public DiagramPane diagramPane() { return pane; }

    /** Switches the canvas palette (the sheet and the desk around it). */
    public void setDark(boolean dark) {
        for (javafx.scene.Parent p : List.of(pane, viewport)) {
            p.getStyleClass().remove("dark");
            if (dark) p.getStyleClass().add("dark");
        }
    }
    public BooleanProperty connectModeProperty() { return connectMode; }
    public BooleanProperty minimapVisibleProperty() { return minimapVisible; }

    @Override protected void layoutChildren() {
        viewport.resizeRelocate(0, 0, getWidth(), getHeight());
        if (fitPending && getWidth() > 50 && getHeight() > 50) {
            fitPending = false;
            fit();
        }
        drawMinimap();
        minimap.relocate(getWidth() - minimap.getWidth() - 12, getHeight() - minimap.getHeight() - 12);
        if (!warmUpStarted && getScene() != null) {
            warmUpStarted = true;
            javafx.scene.Scene scene = getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(CanvasView::warmUpLayout));
            };
            scene.addPostLayoutPulseListener(once[0]);
        }
    }

    /**
     * Loads the layout engine (ELK, about a second of class loading cold) on a background thread after the window's
     * first frame, while the design is being opened: the first layout on the FX thread then finds it loaded.
     */
    private static void warmUpLayout() {
        Thread t = new Thread(() -> {
            try {
                DiagramLayout.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // DiagramLayout.of falls back to the quick layout and says why.
            }
        }, "minet-layout-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private boolean warmUpStarted;

    /** True from a fit until the user zooms or pans: then resizing the window (or the diagram) refits. */
    private boolean fitted;

    public boolean fitted() { return fitted; }

    private void refitIfFitted() {
        if (fitted) fit();
        else drawMinimap();
    }

    // ---- zoom and pan ----

    public void fit() {
        if (getWidth() <= 0) { fitPending = true; return; }
        double z = vm.fitZoom(getWidth() - 40, getHeight() - 40);
        vm.zoomProperty().set(z);
        Bounds e = vm.diagram().extent();
        pan.setX((getWidth() - (e.x() + e.width()) * z) / 2);
        pan.setY((getHeight() - (e.y() + e.height()) * z) / 2);
        fitted = true;
        requestLayout();
    }

    /** Zooms keeping the canvas point under (vx, vy) of the viewport in place. */
    public void zoomAt(double factor, double vx, double vy) {
        fitted = false;
        pane.setCacheHint(javafx.scene.CacheHint.SPEED);
        zoomSettled.playFromStart();
        double z = vm.zoomProperty().get();
        double px = (vx - pan.getX()) / z, py = (vy - pan.getY()) / z;
        vm.zoomProperty().set(z * factor);
        double nz = vm.zoomProperty().get();
        pan.setX(vx - px * nz);
        pan.setY(vy - py * nz);
    }

    public void zoomBy(double factor) { zoomAt(factor, getWidth() / 2, getHeight() / 2); }

    public void actualSize() { zoomAt(1 / vm.zoomProperty().get(), getWidth() / 2, getHeight() / 2); }

    /** Pans so that the element's (first) box is in the middle of the view; false if it is not drawn. */
    public boolean reveal(String elementId) {
        List<DiagramNode> boxes = vm.diagram().nodesOf(elementId);
        if (boxes.isEmpty()) return false;
        Bounds b = boxes.get(0).bounds();
        double z = vm.zoomProperty().get();
        pan.setX(getWidth() / 2 - (b.x() + b.width() / 2) * z);
        pan.setY(getHeight() / 2 - (b.y() + b.height() / 2) * z);
        return true;
    }

    public void panBy(double dx, double dy) {
        fitted = false;
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    /** The canvas point at the centre of the view (where keyboard-added palette items go). */
    public Point2D viewCenter() {
        double z = vm.zoomProperty().get();
        return new Point2D((getWidth() / 2 - pan.getX()) / z, (getHeight() / 2 - pan.getY()) / z);
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown()) {
            zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        } else {
            panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    // ---- gestures ----

    private static ElementSkin skinOf(Node n) {
        for (Node x = n; x != null; x = x.getParent()) if (x instanceof ElementSkin s) return s;
        return null;
    }

    private static FlowSkin flowOf(Node n) {
        for (Node x = n; x != null; x = x.getParent()) if (x instanceof FlowSkin f) return f;
        return null;
    }

    private void pressed(MouseEvent e) {
        viewport.requestFocus();
        requestFocus();
        pressCanvas = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        pressScreen = new Point2D(e.getScreenX(), e.getScreenY());
        Node target = e.getPickResult().getIntersectedNode();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY) {
            mode = Mode.PAN;
            panAtPress = new Point2D(pan.getX(), pan.getY());
            return;
        }
        // Moving, resizing or connecting changes the diagram every frame: a cached bitmap would only be redrawn.
        pane.setCache(false);
        if (target == handle && resizeId != null) {
            mode = Mode.RESIZE;
            vm.diagram().node(resizeId).ifPresent(n -> {
                Bounds b = n.bounds();
                resizePreview.setX(b.x());
                resizePreview.setY(b.y());
                resizePreview.setWidth(b.width());
                resizePreview.setHeight(b.height());
                pane.overlay().getChildren().add(resizePreview);
            });
            return;
        }
        FlowSkin flow = flowOf(target);
        ElementSkin skin = flow == null ? skinOf(target) : null;
        if (flow != null) {
            vm.click(flow.flow().id(), e.isShiftDown());
            mode = Mode.NONE;
            return;
        }
        if (skin == null || skin.node().elementId() == null) {
            vm.click(null, e.isShiftDown());
            mode = Mode.BAND;
            band.setX(pressCanvas.getX());
            band.setY(pressCanvas.getY());
            band.setWidth(0);
            band.setHeight(0);
            pane.overlay().getChildren().add(band);
            return;
        }
        if (connectMode.get() && skin.node().kind().external()) {
            mode = Mode.CONNECT;
            connectFrom = skin.node().elementId();
            connectLine.setStartX(pressCanvas.getX());
            connectLine.setStartY(pressCanvas.getY());
            connectLine.setEndX(pressCanvas.getX());
            connectLine.setEndY(pressCanvas.getY());
            pane.overlay().getChildren().add(connectLine);
            return;
        }
        vm.click(skin.node().elementId(), e.isShiftDown());
        mode = Mode.MOVE;
        dragged.clear();
        Diagram d = vm.diagram();
        Map<String, List<DiagramNode>> children = new HashMap<>();
        for (DiagramNode n : d.nodes()) if (n.parentId() != null) children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
        for (DiagramNode n : vm.movingNodes()) collect(n, children);
    }

    private void collect(DiagramNode n, Map<String, List<DiagramNode>> children) {
        ElementSkin s = pane.skins().get(n.id());
        if (s != null) dragged.add(s);
        for (DiagramNode c : children.getOrDefault(n.id(), List.of())) collect(c, children);
    }

    private void dragged(MouseEvent e) {
        Point2D p = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        double dx = p.getX() - pressCanvas.getX(), dy = p.getY() - pressCanvas.getY();
        switch (mode) {
            case PAN:
                fitted = false;
                pan.setX(panAtPress.getX() + e.getScreenX() - pressScreen.getX());
                pan.setY(panAtPress.getY() + e.getScreenY() - pressScreen.getY());
                break;
            case MOVE:
                double sx = DesignEdits.snap(dx), sy = DesignEdits.snap(dy);
                for (Node n : dragged) {
                    n.setTranslateX(sx);
                    n.setTranslateY(sy);
                }
                handle.setVisible(false);
                break;
            case BAND:
                band.setX(Math.min(p.getX(), pressCanvas.getX()));
                band.setY(Math.min(p.getY(), pressCanvas.getY()));
                band.setWidth(Math.abs(dx));
                band.setHeight(Math.abs(dy));
                break;
            case RESIZE:
                vm.diagram().node(resizeId).ifPresent(n -> {
                    resizePreview.setWidth(Math.max(120, n.bounds().width() + dx));
                    resizePreview.setHeight(Math.max(80, n.bounds().height() + dy));
                });
                break;
            case CONNECT:
                connectLine.setEndX(p.getX());
                connectLine.setEndY(p.getY());
                break;
            default:
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        pane.setCache(true);
        Point2D p = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        double dx = p.getX() - pressCanvas.getX(), dy = p.getY() - pressCanvas.getY();
        Mode m = mode;
        mode = Mode.NONE;
        switch (m) {
            case MOVE:
                for (Node n : dragged) {
                    n.setTranslateX(0);
                    n.setTranslateY(0);
                }
                dragged.clear();
                vm.moveSelection(DesignEdits.snap(dx), DesignEdits.snap(dy));
                updateHandle();
                break;
            case BAND:
                pane.overlay().getChildren().remove(band);
                if (band.getWidth() > 3 || band.getHeight() > 3) {
                    vm.selectIn(new Bounds(band.getX(), band.getY(), band.getWidth(), band.getHeight()), e.isShiftDown());
                }
                break;
            case RESIZE:
                pane.overlay().getChildren().remove(resizePreview);
                vm.resize(resizeId, new Bounds(resizePreview.getX(), resizePreview.getY(), resizePreview.getWidth(), resizePreview.getHeight()));
                break;
            case CONNECT:
                pane.overlay().getChildren().remove(connectLine);
                ElementSkin target = skinAt(p);
                if (target != null && target.node().elementId() != null) vm.connect(connectFrom, target.node().elementId());
                break;
            default:
        }
    }

    /** The innermost VNet or subnet box (or outside network) under a canvas point. */
    private ElementSkin skinAt(Point2D p) {
        ElementSkin best = null;
        for (ElementSkin s : pane.skins().values()) {
            NodeKind k = s.node().kind();
            if (k != NodeKind.VNET && k != NodeKind.SUBNET && k != NodeKind.MI_SUBNET && !k.external()) continue;
            Bounds b = s.node().bounds();
            if (p.getX() >= b.x() && p.getY() >= b.y() && p.getX() <= b.x() + b.width() && p.getY() <= b.y() + b.height()) best = s;
        }
        return best;
    }

    private void updateHandle() {
        resizeId = null;
        String primary = vm.selection().primary();
        if (primary != null && vm.selection().ids().size() == 1) {
            for (DiagramNode n : vm.diagram().nodesOf(primary)) {
                if (n.kind().resizable()) {
                    resizeId = n.id();
                    handle.setX(n.bounds().x() + n.bounds().width() - 5);
                    handle.setY(n.bounds().y() + n.bounds().height() - 5);
                }
            }
        }
        handle.setVisible(resizeId != null);
        handle.toFront();
    }

    // ---- minimap ----

    /**
     * Whether the minimap shows: the user wants it, the canvas is big enough that it covers at most a small corner,
     * and part of the diagram is out of view (with all of it in view there is nothing to find).
     */
    boolean minimapWanted() {
        if (!minimapVisible.get() || getWidth() < MINIMAP_MIN_CANVAS_W || getHeight() < MINIMAP_MIN_CANVAS_H) return false;
        Bounds e = vm.diagram().extent();
        double z = vm.zoomProperty().get();
        double left = pan.getX() + e.x() * z, top = pan.getY() + e.y() * z;
        double right = pan.getX() + (e.x() + e.width()) * z, bottom = pan.getY() + (e.y() + e.height()) * z;
        return left < -1 || top < -1 || right > getWidth() + 1 || bottom > getHeight() + 1;
    }

    /** Below this canvas size the minimap would cover too much of the diagram: it hides. */
    static final double MINIMAP_MIN_CANVAS_W = 640, MINIMAP_MIN_CANVAS_H = 400;

    private void drawMinimap() {
        boolean show = minimapWanted();
        minimap.setVisible(show);
        if (!show) return;
        GraphicsContext g = minimap.getGraphicsContext2D();
        Bounds e = vm.diagram().extent();
        // The minimap takes the diagram's shape, at most a fifth of the canvas's width and height (200 × 130 at most).
        double maxW = Math.min(200, getWidth() / 5), maxH = Math.min(130, getHeight() / 5);
        double s = Math.min(maxW / (e.x() + e.width()), maxH / (e.y() + e.height()));
        double w = (e.x() + e.width()) * s, h = (e.y() + e.height()) * s;
        if (minimap.getWidth() != w || minimap.getHeight() != h) {
            minimap.setWidth(w);
            minimap.setHeight(h);
        }
        g.clearRect(0, 0, w, h);
        g.setFill(Color.rgb(127, 127, 127, 0.18));
        g.fillRoundRect(0, 0, w, h, 8, 8);
        g.setStroke(Color.rgb(9, 105, 218, 0.8));
        g.setLineWidth(1);
        for (DiagramNode n : vm.diagram().nodes()) {
            if (!n.kind().movable()) continue;
            Bounds b = n.bounds();
            g.strokeRect(b.x() * s, b.y() * s, b.width() * s, b.height() * s);
        }
        double z = vm.zoomProperty().get();
        g.setStroke(Color.rgb(251, 133, 0));
        g.setLineWidth(2);
        double vx = Math.max(0, -pan.getX() / z * s), vy = Math.max(0, -pan.getY() / z * s);
        double vw = Math.min(w, (getWidth() - Math.max(0, pan.getX())) / z * s), vh = Math.min(h, (getHeight() - Math.max(0, pan.getY())) / z * s);
        g.strokeRect(vx + 1, vy + 1, Math.max(2, Math.min(vw, w - vx) - 2), Math.max(2, Math.min(vh, h - vy) - 2));
    }

    private void minimapPan(MouseEvent e) {
        Bounds ext = vm.diagram().extent();
        double s = Math.min(minimap.getWidth() / (ext.x() + ext.width()), minimap.getHeight() / (ext.y() + ext.height()));
        double cx = e.getX() / s, cy = e.getY() / s, z = vm.zoomProperty().get();
        fitted = false;
        pan.setX(getWidth() / 2 - cx * z);
        pan.setY(getHeight() / 2 - cy * z);
        e.consume();
    }
}
