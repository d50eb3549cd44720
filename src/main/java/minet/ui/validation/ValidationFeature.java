package minet.ui.validation;

import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import minet.fix.SemanticDiff;
import minet.ui.canvas.DiagramPane;
import minet.ui.dialogs.DialogService;
import minet.ui.dialogs.ExportDialog;
import minet.ui.dialogs.ExportViewModel;
import minet.ui.dialogs.FxBackgroundRunner;
import minet.ui.dialogs.FxDialogService;
import minet.ui.dialogs.ImportViewModel;
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
    private final FxBackgroundRunner runner = new FxBackgroundRunner();
    private ValidationPanel panel;
    private TracePanel tracePanel;

    public ValidationFeature(DesignContext context, Supplier<Window> owner, DiagramPane canvas, TraceService tracer) {
        this(context, owner, new FxDialogService(owner), canvas, tracer);
    }

    public ValidationFeature(DesignContext context, Supplier<Window> owner, DialogService dialogs, DiagramPane canvas,
                             TraceService tracer) {
        this.context = context;
        this.owner = owner;
        this.dialogs = dialogs;
        this.fixes = new EngineFixes((before, after) -> SemanticDiff.between(before, after).differences().stream()
                .map(SemanticDiff.Difference::text).toList());
        SeedFlows flows = new SeedFlows();
        this.validation = new ValidationViewModel(context, fixes, dialogs, sink -> new LiveValidator<>(
                (d, p) -> ValidationViewModel.analyze(d, p, flows), LiveValidator.Scheduler.singleThread("minet-validation"),
                Platform::runLater, sink, LiveValidator.DEBOUNCE_MILLIS));
        if (canvas != null) validation.analysisProperty().addListener((o, was, a) -> CanvasFindings.show(canvas, a));
        this.importer = new ImportViewModel(context, dialogs, runner, validation::revalidateNow);
        this.trace = new TraceViewModel(context, tracer);
    }

    public ValidationViewModel validation() { return validation; }
    public ImportViewModel importer() { return importer; }
    public TraceViewModel trace() { return trace; }
    public FxBackgroundRunner runner() { return runner; }

    public ValidationPanel panel() {
        if (panel == null) panel = new ValidationPanel(validation);
        return panel;
    }

    public TracePanel tracePanel() {
        if (tracePanel == null) tracePanel = new TracePanel(trace);
        return tracePanel;
    }

    public ExportViewModel newExport() {
        return new ExportViewModel(context, fixes, dialogs, d -> validation.currentReport(d));
    }

    public void openExport() {
        new ExportDialog(owner.get(), newExport()).showAndWait();
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
        MenuItem revalidate = new MenuItem("Validate now");
        revalidate.setAccelerator(KeyCombination.keyCombination("F5"));
        revalidate.setOnAction(e -> validation.revalidateNow());
        return new Menu("Validate", null, fixAll, new SeparatorMenuItem(), revalidate);
    }

    @Override public void close() { validation.close(); }
}
