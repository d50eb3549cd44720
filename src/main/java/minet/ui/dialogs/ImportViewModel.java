package minet.ui.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.model.Design;
import minet.ui.dialogs.DialogService.ImportRequest;
import minet.ui.document.DesignContext;

/**
 * File → Import…: ARM template (with an optional parameters file), az CLI JSON or az graph query pages (several
 * files at once), Terraform JSON, or a Terraform module (a folder, or .tf and .tfvars files), detected by {@link Importer}. The import runs in the background and can be cancelled; bad
 * input opens a dialog naming file, line and column and leaves the open design as it was.
 */
public final class ImportViewModel {
    private final DesignContext context;
    private final DialogService dialogs;
    private final BackgroundRunner runner;
    private final Runnable afterImport;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private BackgroundRunner.Job job;

    /** @param afterImport runs once the imported design is open (the window validates at once) */
    public ImportViewModel(DesignContext context, DialogService dialogs, BackgroundRunner runner, Runnable afterImport) {
        this.context = context;
        this.dialogs = dialogs;
        this.runner = runner;
        this.afterImport = afterImport;
    }

    /** Asks for files and imports them. */
    public void importFiles() {
        dialogs.chooseImport().ifPresent(this::load);
    }

    public void load(ImportRequest request) {
        if (running.get()) return;
        running.set(true);
        List<Path> files = request.files();
        ImportOptions options = new ImportOptions(request.parametersFile(), Map.of());
        String names = files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
        message.set("Importing " + names + "…");
        job = runner.run(message.get(), () -> Importer.load(files, options),
                d -> {
                    running.set(false);
                    open(d, names);
                },
                e -> {
                    running.set(false);
                    lastResult.set("Import failed");
                    if (e instanceof InputException ie) dialogs.showInputError(ie);
                    else dialogs.showError("Import failed", names + ": " + e.getMessage());
                },
                () -> {
                    running.set(false);
                    lastResult.set("Import cancelled");
                });
    }

    private void open(Design d, String names) {
        // No saved positions: the canvas lays every element out automatically (Layout entries are only kept
        // for elements the user placed).
        context.replace(d, null);
        lastResult.set("Imported " + names);
        afterImport.run();
    }

    public void cancel() {
        if (job != null && running.get()) job.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastResultProperty() { return lastResult.getReadOnlyProperty(); }
    /** What the running import reads ("Importing a.json, b.json…"). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
