package minet.ui.shell;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import minet.model.Design;
import minet.ui.Theme;
import minet.ui.dialogs.BackgroundRunner;
import minet.ui.dialogs.DialogService;
import minet.ui.dialogs.FxDialogService;
import minet.ui.document.DocumentModel;
import minet.ui.canvas.CanvasView;
import minet.ui.canvas.CanvasViewModel;
import minet.ui.canvas.DiagramPane;
import minet.ui.render.SvgExport;
import minet.ui.canvas.PaletteItem;
import minet.ui.palette.PaletteView;
import minet.ui.properties.PropertiesView;
import minet.ui.properties.PropertiesViewModel;
import minet.ui.render.Renderer;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: menu bar and toolbar, palette | canvas | properties, a bottom slot for the validation panel,
 * and a status bar. Builds the ViewModels and views and wires them; the public accessors are the API the other
 * panels (validation, dialogs, trace) plug into.
 */
public final class MainWindow {
    public static final Duration AUTOSAVE_EVERY = Duration.minutes(1);

    private final Stage stage;
    private final DocumentModel document = new DocumentModel(Design.empty("Untitled"), null);
    private final DialogService dialogs;
    private final BackgroundRunner background;
    private final ShellViewModel shell;
    private final CanvasViewModel canvas;
    private final PropertiesViewModel properties;
    private final CanvasView canvasView;
    private final BorderPane root = new BorderPane();
    // Controls are made in the constructor, after the theme is set (a field initializer would run first).
    private final SplitPane centerSplit;
    private final SplitPane mainSplit;
    private final StatusBar statusBar;
    private final Timeline autosave;
    private Node bottomPanel;
    private final PropertiesView propertiesView;
    private Theme theme;
    private final Consumer<Theme> themeListener;

    /**
     * @param dialogs null for the real dialogs owned by {@code stage}
     * @param themeListener told when the user switches theme (the app stores it), may be null
     */
    public MainWindow(Stage stage, DialogService dialogs, FileService files, BackgroundRunner background, RecentFiles recent,
                      Theme theme, Consumer<Theme> themeListener) {
        this.stage = stage;
        this.theme = theme;
        this.themeListener = themeListener;
        // Before the first control exists: else JavaFX loads its default theme (Modena) first, only to replace it.
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        centerSplit = new SplitPane();
        mainSplit = new SplitPane();
        statusBar = new StatusBar();
        this.dialogs = dialogs != null ? dialogs : new FxDialogService(() -> stage);
        this.background = background;
        shell = new ShellViewModel(document, this.dialogs, files, background, recent);
        canvas = new CanvasViewModel(document, shell.statusProperty()::set);
        properties = new PropertiesViewModel(document, canvas, shell.statusProperty()::set);
        canvasView = new CanvasView(canvas);

        PaletteView palette = new PaletteView(item -> {
            Point2D c = canvasView.viewCenter();
            canvas.drop(item, c.getX(), c.getY());
        });
        ScrollPane paletteScroll = new ScrollPane(palette);
        paletteScroll.setFitToWidth(true);
        paletteScroll.setMinWidth(225);
        paletteScroll.setPrefWidth(225);
        propertiesView = new PropertiesView(properties);
        propertiesView.setMinWidth(300);
        propertiesView.setPrefWidth(380);

        centerSplit.setOrientation(Orientation.VERTICAL);
        centerSplit.getItems().add(canvasView);
        mainSplit.getItems().addAll(paletteScroll, centerSplit, propertiesView);
        mainSplit.setDividerPositions(0.14, 0.77);
        SplitPane.setResizableWithParent(paletteScroll, false);
        SplitPane.setResizableWithParent(propertiesView, false);

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(mainSplit);
        root.setBottom(statusBar);
        root.getStyleClass().add("main-window");
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(shell.statusProperty());
        Label summary = new Label();
        summary.setId("validation-summary");
        summary.textProperty().bind(shell.validationSummaryProperty());
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.textProperty().bind(canvas.zoomProperty().multiply(100).asString("%.0f %%"));
        statusBar.getRightItems().addAll(summary, new Separator(Orientation.VERTICAL), zoom);

        stage.titleProperty().bind(shell.titleProperty());
        autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> shell.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        canvasView.setDark(theme == Theme.DARK);
    }

    // ---- the public API for the other panels ----

    public Parent root() { return root; }
    public Stage stage() { return stage; }
    /** The open design; listen to {@code document().designProperty()} for every change. */
    public DocumentModel document() { return document; }
    public ShellViewModel shell() { return shell; }
    /** The app's one dialog service and background runner, for the panels that plug in. */
    public DialogService dialogs() { return dialogs; }
    public BackgroundRunner background() { return background; }
    public CanvasViewModel canvas() { return canvas; }
    /** The selection on the canvas (element and flow ids); select a finding's element with {@code select(id)}. */
    public minet.ui.canvas.SelectionModel selection() { return canvas.selection(); }
    public PropertiesViewModel properties() { return properties; }
    public CanvasView canvasView() { return canvasView; }
    /** Flow states ({@code setFlowState}) and badges ({@code showBadges}) live here. */
    public DiagramPane diagram() { return canvasView.diagramPane(); }
    public StatusBar statusBar() { return statusBar; }

    /** Puts a panel under the canvas (a resizable split); null removes it. */
    public void setBottomPanel(Node panel) {
        if (bottomPanel != null) centerSplit.getItems().remove(bottomPanel);
        bottomPanel = panel;
        if (panel != null) {
            centerSplit.getItems().add(panel);
            centerSplit.setDividerPositions(0.68);
        }
    }

    public Node bottomPanel() { return bottomPanel; }

    /** Selects an element (a finding's elementId) and brings it into view; false when it is not on the canvas. */
    public boolean reveal(String elementId) {
        canvas.selection().select(elementId);
        return canvasView.reveal(elementId);
    }

    public Theme theme() { return theme; }

    public void setTheme(Theme t) {
        theme = t;
        applyTheme();
        if (themeListener != null) themeListener.accept(t);
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        canvasView.setDark(theme == Theme.DARK);
    }

    /** Shows the window: opens {@code file} (or the sample, or offers recovery) and starts autosave. */
    public Scene show(Path file, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(Theme.stylesheet(Theme.CANVAS_CSS), Theme.stylesheet(Theme.APP_CSS));
        stage.setScene(scene);
        installNudge(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            shell.requestClose(() -> {
                autosave.stop();
                stage.close();
            });
        });
        stage.show();
        // Fit once the canvas has laid out the new document (opening runs in the background).
        shell.document().replacedProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(canvasView::fit));
        // Paint the empty window first, then open the design: the window is up as soon as a bare one would be.
        Runnable[] afterFirstFrame = new Runnable[1];
        afterFirstFrame[0] = () -> {
            scene.removePostLayoutPulseListener(afterFirstFrame[0]);
            // Two hops: whatever else waits for the first frame (e.g. the start-up probe) goes first.
            javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> {
                // Unless the user already opened or imported something in that moment.
                if (shell.document().replacedProperty().get() == 0) shell.start(file);
                canvasView.fit();
                autosave.play();
            }));
        };
        scene.addPostLayoutPulseListener(afterFirstFrame[0]);
        return scene;
    }

    // ---- menus and toolbar ----

    /**
     * Skip canvas shortcuts while a text field or the properties panel has the keyboard: there Ctrl+C, Delete …
     * edit text or table rows, never the canvas selection (Delete in the rule table must not delete the NSG).
     */
    private boolean typing() {
        Node focus = stage.getScene() == null ? null : stage.getScene().getFocusOwner();
        if (focus instanceof TextInputControl) return true;
        for (Node x = focus; x != null; x = x.getParent()) if (x == propertiesView) return true;
        return false;
    }

    private MenuItem item(String text, String icon, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (key != null) m.setAccelerator(key);
        m.setOnAction(e -> action.run());
        return m;
    }

    private static KeyCombination ctrl(KeyCode k) { return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN); }
    private static KeyCombination ctrlShift(KeyCode k) { return new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN); }

    private MenuBar menuBar() {
        Menu recentMenu = new Menu("Open recent");
        recentMenu.setId("menu-recent");
        Runnable fillRecent = () -> {
            recentMenu.getItems().clear();
            for (Path p : shell.recentFiles()) {
                MenuItem m = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
                m.setMnemonicParsing(false);
                m.setOnAction(e -> shell.open(p));
                recentMenu.getItems().add(m);
            }
            if (recentMenu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none yet)");
                none.setDisable(true);
                recentMenu.getItems().add(none);
            }
        };
        fillRecent.run();
        shell.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());

        Menu file = new Menu("_File", null,
                item("New", "mdi2f-file-outline", ctrl(KeyCode.N), shell::newDesign),
                item("Open…", "mdi2f-folder-open-outline", ctrl(KeyCode.O), shell::open),
                recentMenu,
                new SeparatorMenuItem(),
                item("Save", "mdi2c-content-save-outline", ctrl(KeyCode.S), shell::save),
                item("Save as…", "mdi2c-content-save-edit-outline", ctrlShift(KeyCode.S), shell::saveAs),
                new SeparatorMenuItem(),
                item("Export diagram as PNG…", "mdi2i-image-outline", null, this::exportPng),
                item("Export diagram as SVG…", "mdi2v-vector-square", null, this::exportSvg),
                new SeparatorMenuItem(),
                item("Exit", null, ctrl(KeyCode.Q), () -> shell.requestClose(() -> { autosave.stop(); stage.close(); })));

        MenuItem undo = item("Undo", "mdi2u-undo", ctrl(KeyCode.Z), () -> { if (!typing()) document.undo(); });
        undo.disableProperty().bind(document.canUndoProperty().not());
        undo.textProperty().bind(javafx.beans.binding.Bindings.when(document.undoLabelProperty().isEmpty()).then("Undo")
                .otherwise(javafx.beans.binding.Bindings.concat("Undo ", document.undoLabelProperty())));
        MenuItem redo = item("Redo", "mdi2r-redo", ctrl(KeyCode.Y), () -> { if (!typing()) document.redo(); });
        redo.disableProperty().bind(document.canRedoProperty().not());
        redo.textProperty().bind(javafx.beans.binding.Bindings.when(document.redoLabelProperty().isEmpty()).then("Redo")
                .otherwise(javafx.beans.binding.Bindings.concat("Redo ", document.redoLabelProperty())));
        Menu edit = new Menu("_Edit", null, undo, redo,
                item("Redo (alternative)", null, ctrlShift(KeyCode.Z), () -> { if (!typing()) document.redo(); }),
                new SeparatorMenuItem(),
                item("Copy", "mdi2c-content-copy", ctrl(KeyCode.C), () -> { if (!typing()) canvas.copySelection(); }),
                item("Paste", "mdi2c-content-paste", ctrl(KeyCode.V), () -> { if (!typing()) canvas.paste(); }),
                item("Delete", "mdi2d-delete-outline", new KeyCodeCombination(KeyCode.DELETE), () -> { if (!typing()) canvas.deleteSelection(); }),
                new SeparatorMenuItem(),
                item("Select all", "mdi2s-select-all", ctrl(KeyCode.A), () -> { if (!typing()) canvas.selectAll(); }));
        edit.getItems().get(2).setVisible(false);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setSelected(theme == Theme.DARK);
        dark.selectedProperty().addListener((o, a, on) -> setTheme(on ? Theme.DARK : Theme.LIGHT));
        CheckMenuItem minimap = new CheckMenuItem("Overview (minimap)");
        minimap.selectedProperty().bindBidirectional(canvasView.minimapVisibleProperty());
        CheckMenuItem connect = new CheckMenuItem("Connect mode");
        connect.selectedProperty().bindBidirectional(canvasView.connectModeProperty());
        connect.setAccelerator(ctrl(KeyCode.K));
        Menu view = new Menu("_View", null,
                item("Zoom in", "mdi2m-magnify-plus-outline", ctrl(KeyCode.EQUALS), () -> canvasView.zoomBy(1.25)),
                item("Zoom in", null, ctrl(KeyCode.ADD), () -> canvasView.zoomBy(1.25)),
                item("Zoom out", "mdi2m-magnify-minus-outline", ctrl(KeyCode.MINUS), () -> canvasView.zoomBy(0.8)),
                item("Zoom out", null, ctrl(KeyCode.SUBTRACT), () -> canvasView.zoomBy(0.8)),
                item("Fit to window", "mdi2f-fit-to-page-outline", ctrl(KeyCode.DIGIT0), canvasView::fit),
                item("Actual size (100 %)", "mdi2m-magnify-scan", ctrl(KeyCode.DIGIT1), canvasView::actualSize),
                new SeparatorMenuItem(), connect, minimap, dark);
        view.getItems().get(1).setVisible(false);
        view.getItems().get(3).setVisible(false);

        Menu help = new Menu("_Help", null, item("Keyboard shortcuts", "mdi2k-keyboard-outline", new KeyCodeCombination(KeyCode.F1), () ->
                shell.statusProperty().set("Ctrl+N/O/S new/open/save · Ctrl+Z/Y undo/redo · Del delete · Ctrl+C/V copy/paste · Ctrl+A all · "
                        + "Ctrl+0 fit · Ctrl+1 100 % · Ctrl+± zoom · Ctrl+wheel zoom · right-drag pan · Ctrl+K connect · arrows nudge")));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private ToolBar toolBar() {
        Button save = toolButton("mdi2c-content-save-outline", "Save (Ctrl+S)", "tb-save", shell::save);
        save.disableProperty().bind(document.dirtyProperty().not());
        Button undo = toolButton("mdi2u-undo", "Undo (Ctrl+Z)", "tb-undo", document::undo);
        // The toolbar's Undo always means the design (the menu's Ctrl+Z leaves text fields their own undo).
        undo.disableProperty().bind(document.canUndoProperty().not());
        Button redo = toolButton("mdi2r-redo", "Redo (Ctrl+Y)", "tb-redo", document::redo);
        redo.disableProperty().bind(document.canRedoProperty().not());
        Button del = toolButton("mdi2d-delete-outline", "Delete the selection (Del)", "tb-delete", canvas::deleteSelection);
        del.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(canvas.selection().ids()));
        ToggleButton connect = new ToggleButton(null, new FontIcon("mdi2v-vector-line"));
        connect.setTooltip(new Tooltip("Connect mode (Ctrl+K): drag from on-premises, a peered VNet or clients to a VNet or subnet"));
        connect.selectedProperty().bindBidirectional(canvasView.connectModeProperty());
        connect.setId("tb-connect");
        ToggleButton dark = new ToggleButton(null, new FontIcon("mdi2t-theme-light-dark"));
        dark.setTooltip(new Tooltip("Dark theme"));
        dark.setSelected(theme == Theme.DARK);
        dark.selectedProperty().addListener((o, a, on) -> setTheme(on ? Theme.DARK : Theme.LIGHT));
        ToolBar tb = new ToolBar(
                toolButton("mdi2f-file-outline", "New (Ctrl+N)", "tb-new", shell::newDesign),
                toolButton("mdi2f-folder-open-outline", "Open (Ctrl+O)", "tb-open", shell::open),
                save, new Separator(), undo, redo, del, new Separator(),
                toolButton("mdi2m-magnify-minus-outline", "Zoom out (Ctrl+-)", "tb-zoom-out", () -> canvasView.zoomBy(0.8)),
                toolButton("mdi2m-magnify-plus-outline", "Zoom in (Ctrl+=)", "tb-zoom-in", () -> canvasView.zoomBy(1.25)),
                toolButton("mdi2f-fit-to-page-outline", "Fit to window (Ctrl+0)", "tb-fit", canvasView::fit),
                toolButton("mdi2n-numeric-1-box-outline", "Actual size (Ctrl+1)", "tb-100", canvasView::actualSize),
                new Separator(), connect, dark);
        tb.setId("tool-bar");
        return tb;
    }

    private static Button toolButton(String icon, String tip, String id, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private void exportPng() {
        shell.export("PNG image", ".png", () -> Renderer.png(Renderer.snapshot(document.design(), theme, 0)));
    }

    private void exportSvg() {
        shell.export("SVG image", ".svg", () -> SvgExport.of(document.design(), theme).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private boolean withinCanvas(Node n) {
        for (Node x = n; x != null; x = x.getParent()) if (x == canvasView) return true;
        return false;
    }

    /** Arrow keys nudge the selection by one grid step (Shift: five). */
    private void installNudge(Scene scene) {
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (typing() || canvas.selection().ids().isEmpty() || !withinCanvas(scene.getFocusOwner())) return;
            double step = e.isShiftDown() ? 50 : 10;
            switch (e.getCode()) {
                case LEFT: canvas.moveSelection(-step, 0); e.consume(); break;
                case RIGHT: canvas.moveSelection(step, 0); e.consume(); break;
                case UP: canvas.moveSelection(0, -step); e.consume(); break;
                case DOWN: canvas.moveSelection(0, step); e.consume(); break;
                default:
            }
        });
    }

}
