package minet.ui.validation;

import minet.ui.analysis.Analysis;
import minet.ui.analysis.CanvasFindings;
import minet.ui.analysis.SeedFlows;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import minet.fix.SemanticDiff;
import minet.ui.canvas.DiagramPane;
import minet.ui.shell.MainWindow;
import minet.ui.dialogs.BackgroundRunner;
import minet.ui.dialogs.DialogService;
import minet.ui.dialogs.Dialogs;
import minet.ui.dialogs.ExportDialog;
import minet.ui.dialogs.ExportViewModel;
import minet.ui.dialogs.FixPlan;
import minet.ui.dialogs.ImportViewModel;
import minet.ui.document.DesignContext;
import minet.ui.trace.TracePanel;
import minet.ui.trace.TraceService;
import minet.ui.trace.TraceViewModel;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Wires live validation, fixing, import, export and tracing into the window: builds the view models with the
 * window's services and the panels and menu items the shell places. The shell calls this once.
 */
public final class ValidationFeature implements AutoCloseable {
    private final ValidationViewModel validation;
    private final ImportViewModel importer;
    private final TraceViewModel trace;
    private final DesignContext context;
    private final DialogService dialogs;
    private final FixService fixes;
    private final Supplier<Window> owner;
    private final SeedFlows flows = new SeedFlows();
    private ValidationPanel panel;
    private TracePanel tracePanel;

    /** @param owner the main window, which owns the dialogs the feature opens itself (export) */
    public ValidationFeature(DesignContext context, Supplier<Window> owner, DialogService dialogs, BackgroundRunner runner,
                             DiagramPane canvas, TraceService tracer) {
        this(context, owner, dialogs, runner, canvas, tracer, false);
    }

    /** @param paused validation waits for {@link ValidationViewModel#resumeValidation()} (nothing is validated before) */
    private ValidationFeature(DesignContext context, Supplier<Window> owner, DialogService dialogs, BackgroundRunner runner,
                              DiagramPane canvas, TraceService tracer, boolean paused) {
        this.context = context;
        this.owner = owner;
        this.dialogs = dialogs;
        this.fixes = new EngineFixes((before, after) -> SemanticDiff.between(before, after).differences().stream()
                .map(SemanticDiff.Difference::text).toList());
        this.validation = new ValidationViewModel(context, fixes, dialogs, sink -> {
            LiveValidator<Analysis> live = new LiveValidator<>(this::analyse, LiveValidator.Scheduler.singleThread("minet-validation"),
                    Platform::runLater, sink, LiveValidator.DEBOUNCE_MILLIS);
            if (paused) live.pause();
            return live;
        });
        if (canvas != null) validation.analysisProperty().addListener((o, was, a) -> CanvasFindings.show(canvas, a));
        this.importer = new ImportViewModel(context, dialogs, runner, validation::revalidateNow);
        this.trace = new TraceViewModel(context, tracer);
    }

    /** One background run: the profile's rules and each arrow's verdict, with the window's service tags. */
    private Analysis analyse(minet.model.Design d, String profile) {
        return Analysis.of(d, profile, validation.serviceTags(), flows);
    }

    public ValidationViewModel validation() { return validation; }
    public ImportViewModel importer() { return importer; }
    public TraceViewModel trace() { return trace; }

    public ValidationPanel panel() {
        if (panel == null) panel = new ValidationPanel(validation);
        return panel;
    }

    public TracePanel tracePanel() {
        if (tracePanel == null) tracePanel = new TracePanel(trace);
        return tracePanel;
    }

    /** While an import runs: its progress, what it reads, and Cancel. Hidden otherwise. */
    public javafx.scene.Node importProgress() {
        // Importers do not report steps: an indeterminate bar.
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(javafx.scene.control.ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(120);
        bar.visibleProperty().bind(importer.runningProperty()); // an animation only while it is seen
        javafx.scene.control.Label what = new javafx.scene.control.Label();
        what.textProperty().bind(importer.messageProperty());
        javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel");
        cancel.setId("cancelImport");
        cancel.setOnAction(e -> importer.cancel());
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(6, what, bar, cancel);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.visibleProperty().bind(importer.runningProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public ExportViewModel newExport() {
        return new ExportViewModel(context, d -> fixes.fixAll(d, validation.currentReport(d)).map(FixPlan::after).orElse(d), dialogs);
    }

    public void openExport() {
        Dialogs.showAndWait(Dialogs.prepare(new ExportDialog(newExport()), owner.get()));
    }

    /** File menu entries: Import…, Export rule sets…. */
    public List<MenuItem> fileMenuItems() {
        MenuItem imp = new MenuItem("Import…", new FontIcon("mdi2i-import"));
        imp.setId("menuImport");
        imp.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        imp.setOnAction(e -> importer.importFiles());
        imp.disableProperty().bind(importer.runningProperty());
        MenuItem exp = new MenuItem("Export rule sets…", new FontIcon("mdi2e-export"));
        exp.setId("menuExport");
        exp.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        exp.setOnAction(e -> openExport());
        return List.of(imp, exp);
    }

    /** A "Validate" menu: Fix all, and the profile is in the panel. */
    public Menu validateMenu() {
        MenuItem fixAll = new MenuItem("Fix all…", new FontIcon("mdi2a-auto-fix"));
        fixAll.setId("menuFixAll");
        fixAll.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
        fixAll.setOnAction(e -> validation.fixAll());
        fixAll.disableProperty().bind(validation.anyFixableProperty().not());
        MenuItem revalidate = new MenuItem("Validate now");
        revalidate.setAccelerator(KeyCombination.keyCombination("F5"));
        revalidate.setOnAction(e -> validation.revalidateNow());
        return new Menu("Validate", null, fixAll, new SeparatorMenuItem(), revalidate);
    }

    /**
     * Installs everything into the shell: the Problems and Trace tabs in its bottom slot, the status bar summary,
     * File → Import… / Export rule sets…, and a Validate menu. Touches the shell only through its public API.
     */
    public static ValidationFeature install(MainWindow window, TraceService tracer) {
        return install(window, tracer, window.dialogs());
    }

    /** As {@link #install(MainWindow, TraceService)}, asking the user through {@code dialogs}. */
    public static ValidationFeature install(MainWindow window, TraceService tracer, DialogService dialogs) {
        ValidationFeature f = new ValidationFeature(new ShellContext(window), window::stage, dialogs, window.background(), window.diagram(), tracer,
                true);
        validateOnceDrawn(window, f.validation);
        Tab problems = new Tab("Problems", f.panel());
        problems.setId("tab-problems");
        Tab trace = new Tab("Trace");
        trace.setId("tab-trace");
        // Built when first shown: a tab's content is styled even while hidden, which would slow the first frame.
        trace.selectedProperty().addListener((o, was, now) -> {
            if (now && trace.getContent() == null) trace.setContent(f.tracePanel());
        });
        TabPane tabs = new TabPane(problems, trace);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("bottom-tabs");
        window.setBottomPanel(tabs);
        window.shell().validationSummaryProperty().bind(f.validation.statusProperty());
        // The shell sets busy itself while it opens or saves; an import only adds to it, so no binding.
        f.importer.runningProperty().addListener((o, was, running) -> window.shell().busyProperty().set(running));
        f.importer.lastResultProperty().addListener((o, was, now) -> window.shell().statusProperty().set(now));
        f.validation.lastActionProperty().addListener((o, was, now) -> { if (!now.isEmpty()) window.shell().statusProperty().set(now); });
        // One profile for the window: Help → Rule catalog, About and (later) a selector in the toolbar follow it.
        f.validation.profileProperty().bindBidirectional(window.profileProperty());
        window.statusBar().getRightItems().add(0, f.importProgress());

        MenuBar bar = (MenuBar) window.root().lookup("#menu-bar");
        if (bar != null) {
            Menu file = bar.getMenus().get(0);
            List<MenuItem> items = f.fileMenuItems();
            // Importing replaces the open design: ask about unsaved work first, as Open does.
            items.get(0).setOnAction(e -> window.shell().guard("importing", f.importer::importFiles));
            // Import… beside Load service tags… (what the window reads), Export rule sets… beside the diagram's exports.
            int exports = indexOf(file, i -> i.getText() != null && i.getText().startsWith("Export diagram"));
            if (exports < 0) exports = file.getItems().size();
            file.getItems().add(exports, items.get(1));
            int tags = indexOf(file, i -> "menu-service-tags".equals(i.getId()));
            if (tags >= 0) file.getItems().add(tags, items.get(0));
            else file.getItems().addAll(exports, List.of(items.get(0), new SeparatorMenuItem()));
            bar.getMenus().add(Math.max(0, bar.getMenus().size() - 1), f.validateMenu());
        }
        return f;
    }

    /**
     * The picture first, then its verdicts: validation starts once the design the window opens has been drawn (it ran
     * beside that first drawing on the same processors, and before it on the empty placeholder design). Any later
     * change of the design, or 3 s after the window shows, starts it too (a file that failed to open).
     */
    private static void validateOnceDrawn(MainWindow window, ValidationViewModel validation) {
        boolean[] done = new boolean[1];
        Runnable resume = () -> {
            if (done[0]) return;
            done[0] = true;
            validation.resumeValidation();
        };
        window.document().designProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override public void invalidated(javafx.beans.Observable o) {
                window.document().designProperty().removeListener(this);
                javafx.scene.Scene scene = window.stage().getScene();
                if (scene == null) {
                    resume.run();
                    return;
                }
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    Platform.runLater(resume); // after the pulse that draws it
                };
                scene.addPostLayoutPulseListener(once[0]);
                Platform.requestNextPulse();
            }
        });
        javafx.animation.PauseTransition fallback = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
        fallback.setOnFinished(e -> resume.run());
        window.stage().showingProperty().addListener((o, was, showing) -> { if (showing) fallback.play(); });
        if (window.stage().isShowing()) fallback.play();
    }

    private static int indexOf(Menu m, java.util.function.Predicate<MenuItem> p) {
        for (int i = 0; i < m.getItems().size(); i++) if (p.test(m.getItems().get(i))) return i;
        return -1;
    }

    @Override public void close() { validation.close(); }
}
