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
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.prefs.Preferences;
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
    /**
     * Below this window width the palette shows its icons only: at 1024 px the canvas got 430 px with the palette's
     * words, a third of the window, and the sample network showed at 14 %.
     */
    public static final double COMPACT_BELOW = 1280;
    /** The narrowest the properties panel gets by itself: its fields and the NSG editor's columns stay readable. */
    static final double MIN_PROPERTIES = 270;

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
    /** Palette | canvas | properties above, the bottom panel (problems, trace) below across the whole width. */
    private final SplitPane outerSplit;
    private final SplitPane mainSplit;
    /** The split of palette, canvas and properties, and the strip the properties fold into at its right. */
    private final BorderPane upper = new BorderPane();
    private final StackPane canvasHolder;
    private final ScrollPane paletteScroll;
    private final PaletteView palette;
    /** Shown while the properties panel is folded away: unfolds it, and names what is selected. */
    private final Node propertiesStrip;
    private final javafx.beans.property.BooleanProperty propertiesShown = new javafx.beans.property.SimpleBooleanProperty(this, "propertiesShown", true);
    /** The properties panel's width before it was folded away: what it gets back. */
    private double propertiesWidthBeforeFolding = Double.NaN;
    private final StatusBar statusBar;
    private final Timeline autosave;
    private Node bottomPanel;
    private final PropertiesView propertiesView;
    private Theme theme;
    private final Consumer<Theme> themeListener;
    /** The rule profile the window checks against; the validation panel and Help follow it. */
    private final StringProperty profile = new SimpleStringProperty(this, "profile", minet.rules.Validator.DEFAULT_PROFILE);
    private final HBox toolBarSlot = new HBox(6);
    private final HBox statusSlot = new HBox(6);
    private Preferences prefs;
    private WindowState state;
    /**
     * Until the user drags a divider, palette, properties and bottom panel keep their remembered sizes in pixels
     * whatever the window's size (the window manager may resize it several times while it opens).
     */
    private boolean userMovedDividers;

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
        outerSplit = new SplitPane();
        mainSplit = new SplitPane();
        statusBar = new StatusBar();
        this.dialogs = dialogs != null ? dialogs : new FxDialogService(() -> stage);
        this.background = background;
        shell = new ShellViewModel(document, this.dialogs, files, background, recent);
        canvas = new CanvasViewModel(document, shell.statusProperty()::set);
        properties = new PropertiesViewModel(document, canvas, shell.statusProperty()::set);
        canvasView = new CanvasView(canvas);

        palette = new PaletteView(item -> {
            Point2D c = canvasView.viewCenter();
            canvas.drop(item, c.getX(), c.getY());
        });
        paletteScroll = new ScrollPane(palette);
        paletteScroll.setFitToWidth(true);
        paletteScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        paletteScroll.setMinWidth(150);
        paletteScroll.setPrefWidth(WindowState.PALETTE);
        propertiesView = new PropertiesView(properties);
        propertiesView.setMinWidth(MIN_PROPERTIES);
        propertiesView.setPrefWidth(WindowState.PROPERTIES);
        propertiesView.setOnCollapse(() -> propertiesShown.set(false));
        propertiesStrip = propertiesStrip();

        canvasHolder = new StackPane(canvasView, emptyDesignHint());
        canvasHolder.setMinSize(200, 150);
        mainSplit.getItems().addAll(paletteScroll, canvasHolder, propertiesView);
        SplitPane.setResizableWithParent(paletteScroll, false);
        SplitPane.setResizableWithParent(propertiesView, false);
        outerSplit.setOrientation(Orientation.VERTICAL);
        upper.setCenter(mainSplit);
        outerSplit.getItems().add(upper);
        propertiesShown.addListener((o, was, shown) -> showProperties(shown));
        // Narrow window: the palette's icons without their words (see placeDividers).
        palette.compactProperty().addListener((o, was, compact) -> {
            paletteScroll.setMinWidth(compact ? PaletteView.COMPACT_WIDTH : 150);
            double props = propertiesShown.get() && propertiesView.getWidth() > 0 ? propertiesView.getWidth() : Double.NaN;
            setPanelWidths(compact ? PaletteView.COMPACT_WIDTH : autoPaletteWidth(), props);
        });

        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(outerSplit);
        root.setBottom(statusBar);
        root.getStyleClass().add("main-window");
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(shell.statusProperty());
        Label summary = new Label();
        summary.setId("validation-summary");
        summary.textProperty().bind(shell.validationSummaryProperty());
        // The profile's reason makes the line long: it gives way (whole in its tooltip) before the last action does.
        summary.maxWidthProperty().bind(statusBar.widthProperty().multiply(0.55));
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(shell.validationSummaryProperty());
        summaryTip.setWrapText(true);
        summaryTip.setMaxWidth(600);
        summary.setTooltip(summaryTip);
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.textProperty().bind(canvas.zoomProperty().multiply(100).asString("%.0f %%"));
        statusSlot.setId("status-profile-slot");
        statusSlot.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        statusBar.getRightItems().addAll(summary, new Separator(Orientation.VERTICAL), serviceTagsLabel(), statusSlot, zoom);

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
    /** The service tags the window uses ({@code ServiceTags.NONE} until File → Load service tags…). */
    public javafx.beans.property.ReadOnlyObjectProperty<minet.rules.eval.ServiceTags> serviceTagsProperty() { return shell.serviceTagsProperty(); }

    /** Puts a panel below palette, canvas and properties, across the window (a resizable split); null removes it. */
    public void setBottomPanel(Node panel) {
        if (bottomPanel != null) outerSplit.getItems().remove(bottomPanel);
        bottomPanel = panel;
        if (panel != null) {
            outerSplit.getItems().add(panel);
            SplitPane.setResizableWithParent(panel, false);
            placeDividers();
        }
    }

    /**
     * The rule profile the window checks against (the validation panel binds to it). A place for a profile
     * selector is kept in the toolbar ({@link #toolBarSlot()}) and for the profile's name in the status bar
     * ({@link #statusSlot()}).
     */
    public StringProperty profileProperty() { return profile; }

    /** The profile the open design is checked against: what "auto" picks for it, or the one chosen by hand. */
    private minet.rules.Validator.Choice profileInUse() {
        return minet.rules.Validator.choose(document.design(), profile.get());
    }
    /** An empty box at the end of the toolbar, for controls that belong to the whole window (the profile selector). */
    public HBox toolBarSlot() { return toolBarSlot; }
    /** An empty box in the status bar before the zoom, for the window's state (the profile in use). */
    public HBox statusSlot() { return statusSlot; }

    /** Remembers size, maximised state and dividers in {@code p} between runs (the app's preferences; tests none). */
    public void rememberIn(Preferences p) { this.prefs = p; }

    // ---- fitting the design to the window ----

    /**
     * Fits the design to the canvas; the canvas then follows the window's size (maximise, resize, dividers) and the
     * diagram's until the user zooms or pans.
     */
    public void fit() { canvasView.fit(); }

    /** Whether the zoom still follows the window (the user has not zoomed or panned since the last fit). */
    public boolean followsWindow() { return canvasView.fitted(); }

    public Node bottomPanel() { return bottomPanel; }

    /**
     * Whether the properties panel is shown (true) or folded into a strip at the window's edge, which gives the canvas
     * its width (View → Properties panel, F4, or the panel's own button). Remembered between runs.
     */
    public javafx.beans.property.BooleanProperty propertiesShownProperty() { return propertiesShown; }

    /** Whether the palette shows its icons only (the window is narrower than {@link #COMPACT_BELOW}). */
    public boolean paletteCompact() { return palette.compactProperty().get(); }

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

    /**
     * Shows the window where it was last time (or over most of the screen at the first start, all of a small one),
     * opens {@code file} (or the sample, or offers recovery) and starts autosave.
     */
    public Scene show(Path file) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        state = WindowState.load(prefs, screen);
        stage.setX(state.x());
        stage.setY(state.y());
        Scene scene = show(file, state.width(), state.height());
        // Some window managers (openbox) drop the size a window is created with and leave it at its minimum:
        // ask again once it is mapped, and once more after the window manager has placed it.
        Runnable size = () -> {
            if (stage.isMaximized()) return;
            if (Math.abs(stage.getWidth() - state.width()) > 2 || Math.abs(stage.getHeight() - state.height()) > 2) {
                stage.setWidth(state.width());
                stage.setHeight(state.height());
                stage.setX(state.x());
                stage.setY(state.y());
            }
        };
        size.run();
        javafx.application.Platform.runLater(size);
        if (state.maximized()) stage.setMaximized(true);
        return scene;
    }

    /** Shows the window at this size (tests; {@link #show(Path)} for the app). */
    public Scene show(Path file, double width, double height) {
        if (state == null) state = new WindowState(Double.NaN, Double.NaN, width, height, false, WindowState.PALETTE, WindowState.PROPERTIES, WindowState.BOTTOM);
        Scene scene = new Scene(root, width, height);
        palette.compactProperty().set(width < COMPACT_BELOW);
        scene.widthProperty().addListener((o, was, w) -> palette.compactProperty().set(w.doubleValue() < COMPACT_BELOW));
        if (state.propertiesCollapsed()) propertiesShown.set(false);
        scene.getStylesheets().addAll(Theme.stylesheet(Theme.CANVAS_CSS), Theme.stylesheet(Theme.APP_CSS));
        stage.setScene(scene);
        // At this size also on a stage that was shown before (tests share one): a stage keeps a size it once had.
        stage.setMaximized(false);
        stage.sizeToScene();
        installNudge(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
        trackNormalBounds();
        // Once the split panes have their new size (set earlier, the positions would be applied to the old one).
        mainSplit.widthProperty().addListener(o -> placeDividersLater());
        outerSplit.heightProperty().addListener(o -> placeDividersLater());
        // A press on a divider is the user taking over the panel sizes.
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (Node x = e.getPickResult().getIntersectedNode(); x != null; x = x.getParent()) {
                if (x.getStyleClass().contains("split-pane-divider") && (x.getParent() == mainSplit || x.getParent() == outerSplit)) userMovedDividers = true;
            }
        });
        stage.show();
        placeDividers();
        // Fit once the canvas has laid out the new document (opening runs in the background).
        shell.document().replacedProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
        // Paint the empty window first, then open the design: the window is up as soon as a bare one would be.
        Runnable[] afterFirstFrame = new Runnable[1];
        afterFirstFrame[0] = () -> {
            scene.removePostLayoutPulseListener(afterFirstFrame[0]);
            // Two hops: whatever else waits for the first frame (e.g. the start-up probe) goes first.
            javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> {
                // Unless the user already opened or imported something in that moment.
                if (shell.document().replacedProperty().get() == 0) shell.start(file);
                fit();
                autosave.play();
            }));
        };
        scene.addPostLayoutPulseListener(afterFirstFrame[0]);
        return scene;
    }

    /** Asks about unsaved work, then remembers the window's place and closes it. */
    public void close() {
        shell.requestClose(() -> {
            if (prefs != null) currentState().save(prefs);
            autosave.stop();
            stage.close();
        });
    }

    private double normalX = Double.NaN, normalY = Double.NaN, normalWidth, normalHeight;

    /** The bounds of the window while it is neither maximised nor minimised: what the next start restores. */
    private void trackNormalBounds() {
        javafx.beans.InvalidationListener l = o -> {
            if (stage.isMaximized() || stage.isIconified() || !stage.isShowing()) return;
            normalX = stage.getX();
            normalY = stage.getY();
            normalWidth = stage.getWidth();
            normalHeight = stage.getHeight();
        };
        for (javafx.beans.Observable o : java.util.List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty(), stage.showingProperty())) {
            o.addListener(l);
        }
    }

    /** Size, place, maximised state and panel sizes as they are now. */
    public WindowState currentState() {
        double w = normalWidth > 0 ? normalWidth : state.width(), h = normalHeight > 0 ? normalHeight : state.height();
        double x = Double.isNaN(normalX) ? stage.getX() : normalX, y = Double.isNaN(normalY) ? stage.getY() : normalY;
        double bottom = bottomPanel instanceof javafx.scene.layout.Region r && r.getHeight() > 0 ? r.getHeight() : state.bottomHeight();
        // The compact palette's width is not what the user chose for the full one.
        double paletteW = !palette.compactProperty().get() && paletteScroll.getWidth() > 0 ? paletteScroll.getWidth() : state.paletteWidth();
        double propsW = propertiesShown.get() && propertiesView.getWidth() > 0 ? propertiesView.getWidth()
                : !Double.isNaN(propertiesWidthBeforeFolding) ? propertiesWidthBeforeFolding : state.propertiesWidth();
        return new WindowState(x, y, w, h, stage.isMaximized(), paletteW, propsW, bottom, !propertiesShown.get());
    }

    private boolean dividersQueued;

    private void placeDividersLater() {
        if (userMovedDividers || dividersQueued) return;
        dividersQueued = true;
        javafx.application.Platform.runLater(() -> {
            dividersQueued = false;
            if (!userMovedDividers) placeDividers();
        });
    }

    /** Sets the dividers so that palette, properties and bottom panel have their remembered sizes in pixels. */
    private void placeDividers() {
        if (state == null || root.getScene() == null) return;
        double h = outerSplit.getHeight() > 0 ? outerSplit.getHeight() : root.getScene().getHeight() - 120; // less menu, toolbar, status
        if (splitWidth() <= 0 || h <= 0) return;
        setPanelWidths(palette.compactProperty().get() ? PaletteView.COMPACT_WIDTH : autoPaletteWidth(), autoPropertiesWidth());
        // At most 40 % of the height: at 700 px a tall design (two regions) keeps room to be read.
        if (bottomPanel != null) outerSplit.setDividerPositions(Math.max(0.35, 1 - Math.min(state.bottomHeight(), h * 0.4) / h));
    }

    private double splitWidth() {
        return mainSplit.getWidth() > 0 ? mainSplit.getWidth() : root.getScene() == null ? 0 : root.getScene().getWidth();
    }

    /** The full palette's width: the remembered one, never so wide that the canvas disappears on a small screen. */
    private double autoPaletteWidth() {
        return Math.min(state == null ? WindowState.PALETTE : state.paletteWidth(), splitWidth() * 0.22);
    }

    /**
     * The properties panel's width: the remembered one, at most 30 % of the window (but never below what its fields
     * need): 390 px from 1300 px up, 307 at 1024.
     */
    private double autoPropertiesWidth() {
        double remembered = !Double.isNaN(propertiesWidthBeforeFolding) ? propertiesWidthBeforeFolding
                : state == null ? WindowState.PROPERTIES : state.propertiesWidth();
        return Math.min(remembered, Math.max(MIN_PROPERTIES, splitWidth() * 0.30));
    }

    /** Puts the split's dividers so that palette and properties get these widths in pixels (NaN: as it is now). */
    private void setPanelWidths(double paletteW, double propsW) {
        double w = splitWidth();
        if (w <= 0) return;
        if (Double.isNaN(propsW)) propsW = propertiesView.getWidth() > 0 ? propertiesView.getWidth() : autoPropertiesWidth();
        if (propertiesShown.get()) mainSplit.setDividerPositions(paletteW / w, 1 - propsW / w);
        else mainSplit.setDividerPositions(paletteW / w);
    }

    /** Folds the properties panel into a strip at the right edge, or unfolds it at the width it had. */
    private void showProperties(boolean shown) {
        double paletteW = paletteScroll.getWidth() > 0 ? paletteScroll.getWidth()
                : palette.compactProperty().get() ? PaletteView.COMPACT_WIDTH : autoPaletteWidth();
        if (shown) {
            upper.setRight(null);
            if (!mainSplit.getItems().contains(propertiesView)) mainSplit.getItems().add(propertiesView);
            SplitPane.setResizableWithParent(propertiesView, false);
            setPanelWidths(paletteW, autoPropertiesWidth());
            propertiesWidthBeforeFolding = Double.NaN;
        } else {
            if (propertiesView.getWidth() > 0) propertiesWidthBeforeFolding = propertiesView.getWidth();
            mainSplit.getItems().remove(propertiesView);
            upper.setRight(propertiesStrip);
            setPanelWidths(paletteW, Double.NaN);
        }
    }

    /** The folded properties panel: a button that unfolds it, and the heading of what is selected, on its side. */
    private Node propertiesStrip() {
        Button unfold = new Button(null, new FontIcon("mdi2c-chevron-double-left"));
        unfold.setId("properties-unfold");
        unfold.getStyleClass().addAll("flat", "small");
        unfold.setTooltip(new Tooltip("Show the properties panel (F4)"));
        unfold.setFocusTraversable(false);
        unfold.setOnAction(e -> propertiesShown.set(true));
        Label what = new Label();
        what.textProperty().bind(properties.headingProperty());
        what.getStyleClass().add("properties-strip-label");
        what.setRotate(90);
        // A fixed length: a long name is cut with "…" rather than making the strip (and the window) taller.
        what.setPrefWidth(300);
        what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        what.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // A rotated label takes its unrotated size in the layout: a Group lays it out by its rotated bounds.
        VBox strip = new VBox(8, unfold, new javafx.scene.Group(what));
        strip.setId("properties-strip");
        strip.getStyleClass().add("properties-strip");
        strip.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        strip.setPadding(new javafx.geometry.Insets(6, 2, 6, 2));
        strip.setOnMouseClicked(e -> propertiesShown.set(true));
        return strip;
    }

    /** Over an empty canvas: where to start. */
    private Node emptyDesignHint() {
        Label head = new Label("An empty design. Where to start:");
        head.getStyleClass().add("title-4");
        Label steps = new Label("• Drag a Virtual network from the palette onto the canvas, then an MI subnet into it; "
                + "drop a network security group or a route table on a subnet to attach it.\n"
                + "• Or bring what you have: File → Import… (Ctrl+I) reads an ARM template, az CLI or Terraform JSON.\n"
                + "• Or open a design: File → Open… (Ctrl+O); File → New (Ctrl+N) starts over.");
        steps.setWrapText(true);
        VBox hint = new VBox(8, head, steps);
        hint.setId("empty-design-hint");
        hint.getStyleClass().add("empty-hint");
        hint.setMaxSize(520, javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> isEmpty(document.design()), document.designProperty()));
        return hint;
    }

    static boolean isEmpty(Design d) {
        return d.virtualNetworks().isEmpty() && d.externalNetworks().isEmpty() && d.securityGroups().isEmpty()
                && d.routeTables().isEmpty() && d.managedInstances().isEmpty();
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
                serviceTagsItem(),
                new SeparatorMenuItem(),
                item("Export diagram as PNG…", "mdi2i-image-outline", null, this::exportPng),
                item("Export diagram as SVG…", "mdi2v-vector-square", null, this::exportSvg),
                new SeparatorMenuItem(),
                item("Exit", null, ctrl(KeyCode.Q), this::close));

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
        CheckMenuItem propertiesPanel = new CheckMenuItem("Properties panel");
        propertiesPanel.setId("menu-properties-panel");
        propertiesPanel.selectedProperty().bindBidirectional(propertiesShown);
        propertiesPanel.setAccelerator(new KeyCodeCombination(KeyCode.F4));
        CheckMenuItem connect = new CheckMenuItem("Connect mode");
        connect.selectedProperty().bindBidirectional(canvasView.connectModeProperty());
        connect.setAccelerator(ctrl(KeyCode.K));
        Menu view = new Menu("_View", null,
                item("Zoom in", "mdi2m-magnify-plus-outline", ctrl(KeyCode.EQUALS), () -> canvasView.zoomBy(1.25)),
                item("Zoom in", null, ctrl(KeyCode.ADD), () -> canvasView.zoomBy(1.25)),
                item("Zoom out", "mdi2m-magnify-minus-outline", ctrl(KeyCode.MINUS), () -> canvasView.zoomBy(0.8)),
                item("Zoom out", null, ctrl(KeyCode.SUBTRACT), () -> canvasView.zoomBy(0.8)),
                item("Fit to window", "mdi2f-fit-to-page-outline", ctrl(KeyCode.DIGIT0), this::fit),
                item("Actual size (100 %)", "mdi2m-magnify-scan", ctrl(KeyCode.DIGIT1), canvasView::actualSize),
                new SeparatorMenuItem(), connect, propertiesPanel, minimap, dark);
        view.getItems().get(1).setVisible(false);
        view.getItems().get(3).setVisible(false);

        Menu help = new Menu("_Help", null,
                item("Keyboard shortcuts", "mdi2k-keyboard-outline", new KeyCodeCombination(KeyCode.F1), dialogs::showShortcuts),
                item("Rule catalog", "mdi2b-book-open-variant", null, () -> dialogs.showRuleCatalog(profileInUse().profile().id())),
                new SeparatorMenuItem(),
                item("About MI Network Designer", "mdi2i-information-outline", null, () -> dialogs.showAbout(profileInUse().summary())));
        help.getItems().get(0).setId("menu-shortcuts");
        help.getItems().get(1).setId("menu-catalog");
        help.getItems().get(3).setId("menu-about");
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private MenuItem serviceTagsItem() {
        MenuItem tags = item("Load service tags…", "mdi2t-tag-multiple-outline", null, shell::loadServiceTags);
        tags.setId("menu-service-tags");
        return tags;
    }

    /** In the status bar: which service tags file is in use, hidden while none is. */
    private Label serviceTagsLabel() {
        Label l = new Label();
        l.setId("service-tags-label");
        l.setGraphic(new FontIcon("mdi2t-tag-multiple-outline"));
        Tooltip tip = new Tooltip();
        l.setTooltip(tip);
        Runnable show = () -> {
            minet.rules.eval.ServiceTags t = shell.serviceTagsProperty().get();
            l.setText(t.isEmpty() ? "" : t.source());
            tip.setText(t.isEmpty() ? "" : "Service tags from " + t.source() + " (" + t.size() + " tags): validation, the arrows and Trace "
                    + "treat each tag as its addresses. File → Load service tags… loads another.");
            l.setVisible(!t.isEmpty());
            l.setManaged(!t.isEmpty());
        };
        shell.serviceTagsProperty().addListener(o -> show.run());
        show.run();
        return l;
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
                toolButton("mdi2f-fit-to-page-outline", "Fit to window (Ctrl+0)", "tb-fit", this::fit),
                toolButton("mdi2n-numeric-1-box-outline", "Actual size (Ctrl+1)", "tb-100", canvasView::actualSize),
                new Separator(), connect, dark, toolBarSlot);
        toolBarSlot.setId("tool-bar-slot");
        toolBarSlot.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
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
