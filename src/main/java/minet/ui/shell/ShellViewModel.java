package minet.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import minet.io.DesignFile;
import minet.io.InputException;
import minet.io.ServiceTagsFile;
import minet.rules.eval.ServiceTags;
import minet.model.Design;
import minet.ui.dialogs.BackgroundRunner;
import minet.ui.dialogs.DialogService;
import minet.ui.document.DocumentModel;

/**
 * The window's file handling and status: new, open, save, save as, recent files, the unsaved-work guard, autosave
 * to a recovery file and recovery at start. Talks to the user only through {@link DialogService}, to disk only
 * through {@link FileService}, and does file work through {@link BackgroundRunner}.
 */
public final class ShellViewModel {
    public static final String APP_NAME = "MI Network Designer";

    private final DocumentModel doc;
    private final DialogService dialogs;
    private final FileService files;
    private final BackgroundRunner background;
    private final RecentFiles recentStore;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final StringProperty validationSummary = new SimpleStringProperty(this, "validationSummary", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ServiceTags> serviceTags =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "serviceTags", ServiceTags.NONE);
    private Path serviceTagsFile;
    private Design lastAutosaved;

    public ShellViewModel(DocumentModel doc, DialogService dialogs, FileService files, BackgroundRunner background, RecentFiles recentStore) {
        this.doc = doc;
        this.dialogs = dialogs;
        this.files = files;
        this.background = background;
        this.recentStore = recentStore;
        title.bind(Bindings.createStringBinding(this::computeTitle, doc.fileProperty(), doc.dirtyProperty(), doc.designProperty()));
        // The status bar tells the last thing done: an edit, an undo, a redo, a fix.
        doc.addActionListener(status::set);
        recent.setAll(recentStore.load());
    }

    public DocumentModel document() { return doc; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /** The status bar's left text: what just happened. */
    public StringProperty statusProperty() { return status; }
    /** The status bar's right text, for the validation panel ("2 errors, 1 warning · validated in 3 ms"). */
    public StringProperty validationSummaryProperty() { return validationSummary; }
    public BooleanProperty busyProperty() { return busy; }
    public ObservableList<Path> recentFiles() { return recent; }

    private String computeTitle() {
        Path f = doc.fileProperty().get();
        String name = f != null ? f.getFileName().toString() : (doc.design().name() == null || doc.design().name().isBlank() ? "Untitled" : doc.design().name());
        return (doc.dirtyProperty().get() ? "*" : "") + name + " — " + APP_NAME;
    }

    private String documentName() {
        Path f = doc.fileProperty().get();
        return f != null ? f.getFileName().toString() : "Untitled";
    }

    // ---- start ----

    /**
     * At start: offer the recovery file if the last session did not end cleanly; otherwise open {@code file}, or
     * the sample network when there is none.
     */
    public void start(Path file) {
        Optional<FileService.Recovery> rec = files.readRecovery();
        if (rec.isPresent()) {
            FileService.Recovery r = rec.get();
            String from = r.originalFile() == null ? "an untitled design" : r.originalFile().getFileName().toString();
            if (dialogs.confirm("Recover unsaved work", "The last session ended with unsaved changes to " + from
                    + ". Recover them?\n(No discards them.)")) {
                Design onDisk = Design.empty(r.design().name());
                if (r.originalFile() != null && Files.isRegularFile(r.originalFile())) {
                    try {
                        onDisk = files.read(r.originalFile());
                    } catch (InputException e) {
                        onDisk = Design.empty(r.design().name());
                    }
                }
                doc.recover(r.design(), r.originalFile() != null && Files.isRegularFile(r.originalFile()) ? r.originalFile() : null, onDisk);
                lastAutosaved = r.design();
                status.set("Recovered unsaved changes to " + from);
                return;
            }
            files.clearRecovery();
        }
        if (file != null) {
            open(file);
            return;
        }
        try {
            doc.replace(files.sample(), null);
            status.set("Opened the sample network: " + doc.design().name());
        } catch (InputException e) {
            doc.replace(Design.empty("Untitled"), null);
            status.set("Could not open the sample network: " + e.getMessage());
        }
    }

    // ---- the unsaved-work guard ----

    /** Runs {@code proceed} once unsaved work is saved or knowingly dropped; does nothing if the user cancels. */
    public void guard(String beforeWhat, Runnable proceed) {
        if (!doc.dirtyProperty().get()) {
            proceed.run();
            return;
        }
        switch (dialogs.askUnsaved(documentName(), beforeWhat)) {
            case SAVE:
                save(proceed);
                break;
            case DISCARD:
                proceed.run();
                break;
            default:
                status.set("Cancelled");
        }
    }

    public void newDesign() {
        guard("creating a new design", () -> {
            doc.replace(Design.empty("Untitled"), null);
            files.clearRecovery();
            lastAutosaved = null;
            status.set("New design");
        });
    }

    public void open() {
        guard("opening another file", () -> {
            Path dir = doc.fileProperty().get() == null ? null : doc.fileProperty().get().toAbsolutePath().getParent();
            dialogs.chooseFileToOpen(dir).ifPresent(this::load);
        });
    }

    /** Opens a file (after the guard): a recent file, a file given on the command line. */
    public void open(Path file) {
        guard("opening " + file.getFileName(), () -> load(file));
    }

    private void load(Path file) {
        busy.set(true);
        status.set("Opening " + file.getFileName() + " …");
        background.run("open", () -> files.read(file), d -> {
            busy.set(false);
            // Imported formats are not our project file: keep them untitled so Save asks where to write.
            boolean ours = file.getFileName().toString().endsWith(DesignFile.EXTENSION);
            doc.replace(d, ours ? file : null);
            files.clearRecovery();
            lastAutosaved = null;
            recent.setAll(recentStore.add(file));
            status.set((ours ? "Opened " : "Imported ") + file.getFileName());
        }, e -> {
            busy.set(false);
            status.set("Could not open " + file.getFileName());
            dialogs.showError("Cannot open " + file.getFileName(), e.getMessage());
            if (!Files.exists(file)) recent.setAll(recentStore.remove(file));
        });
    }

    public void save() { save(null); }

    private void save(Runnable then) {
        Path f = doc.fileProperty().get();
        if (f == null) saveAs(then);
        else saveTo(f, then);
    }

    public void saveAs() { saveAs(null); }

    private void saveAs(Runnable then) {
        Path suggestion = doc.fileProperty().get() != null ? doc.fileProperty().get()
                : Path.of(safeName(doc.design().name()) + DesignFile.EXTENSION);
        dialogs.chooseFileToSave(suggestion, "MI Network Designer design", DesignFile.EXTENSION).ifPresent(p -> {
            Path target = p.getFileName().toString().endsWith(".json") ? p : p.resolveSibling(p.getFileName() + DesignFile.EXTENSION);
            saveTo(target, then);
        });
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "design" : name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return n.length() > 60 ? n.substring(0, 60) : n;
    }

    /** Writes atomically off the UI thread; marks saved only the design that was written. */
    public void saveTo(Path target, Runnable then) {
        Design snapshot = doc.design();
        busy.set(true);
        status.set("Saving " + target.getFileName() + " …");
        background.run("save", () -> {
            files.write(target, snapshot);
            return target;
        }, t -> {
            busy.set(false);
            doc.markSaved(target, snapshot);
            files.clearRecovery();
            lastAutosaved = null;
            recent.setAll(recentStore.add(target));
            status.set("Saved " + target.getFileName());
            if (then != null) then.run();
        }, e -> {
            busy.set(false);
            status.set("Save failed");
            dialogs.showError("Cannot save " + target.getFileName(), e.getMessage());
        });
    }

    /** Writes bytes the view drew (PNG, SVG) to a file the user picks. */
    public void export(String description, String extension, Callable<byte[]> draw) {
        Path suggestion = Path.of(safeName(doc.design().name()) + extension);
        Optional<Path> target = dialogs.chooseFileToSave(suggestion, description, extension);
        if (target.isEmpty()) return;
        byte[] bytes;
        try {
            bytes = draw.call();
        } catch (Exception e) {
            dialogs.showError("Cannot draw the diagram", String.valueOf(e.getMessage()));
            return;
        }
        Path t = target.get();
        background.run("export", () -> {
            files.writeBytes(t, bytes);
            return t;
        }, p -> status.set("Exported " + p.getFileName()), e -> dialogs.showError("Cannot write " + t.getFileName(), e.getMessage()));
    }

    // ---- autosave and close ----

    /** Called every minute: writes the design to the recovery file when it has unsaved changes not yet written. */
    public void autosave() {
        Design d = doc.design();
        if (!doc.dirtyProperty().get() || d.equals(lastAutosaved)) return;
        Path origin = doc.fileProperty().get();
        background.run("autosave", () -> {
            files.writeRecovery(d, origin);
            return d;
        }, written -> {
            lastAutosaved = written;
            status.set("Autosaved for recovery");
        }, e -> status.set("Autosave failed: " + e.getMessage()));
    }

    /** Asks about unsaved work; runs {@code close} when the window may close (the recovery file is dropped). */
    public void requestClose(Runnable close) {
        guard("closing", () -> {
            files.clearRecovery();
            close.run();
        });
    }

    public List<Path> recentSnapshot() { return List.copyOf(recent); }

    // ---- service tags ----

    /**
     * Microsoft's service tags loaded for this session (File → Load service tags…), {@link ServiceTags#NONE} until
     * then: with them validation, the canvas and trace decide traffic to and from tags that they otherwise cannot
     * decide offline. Not remembered between runs: the file is a weekly snapshot, and a stale one silently deciding
     * verdicts at the next start would be worse than asking again.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<ServiceTags> serviceTagsProperty() { return serviceTags.getReadOnlyProperty(); }

    /** File → Load service tags…: asks for the file and reads it in the background. */
    public void loadServiceTags() {
        Path dir = serviceTagsFile != null ? serviceTagsFile.toAbsolutePath().getParent()
                : doc.fileProperty().get() == null ? null : doc.fileProperty().get().toAbsolutePath().getParent();
        dialogs.chooseServiceTagsFile(dir).ifPresent(this::loadServiceTags);
    }

    /**
     * Reads a service tags file off the UI thread; then the window uses it. A file that is not one is a dialog naming
     * its line and column, and the tags in use stay as they were.
     */
    public void loadServiceTags(Path file) {
        busy.set(true);
        status.set("Reading service tags from " + file.getFileName() + " …");
        background.run("service tags", () -> ServiceTagsFile.read(file), tags -> {
            busy.set(false);
            serviceTagsFile = file;
            serviceTags.set(tags);
            status.set("Service tags from " + file.getFileName() + ": " + tags.size() + " tags now stand for their addresses");
        }, e -> {
            busy.set(false);
            status.set("Could not read the service tags in " + file.getFileName());
            String unchanged = serviceTags.get().isEmpty() ? "No service tags are in use: traffic to and from tags stays undecided offline."
                    : "The service tags from " + serviceTags.get().source() + " stay in use.";
            if (e instanceof InputException ie) dialogs.showInputError(ie, "Cannot load service tags", unchanged);
            else dialogs.showError("Cannot load service tags", file.getFileName() + ": " + e.getMessage() + "\n\n" + unchanged);
        });
    }
}
