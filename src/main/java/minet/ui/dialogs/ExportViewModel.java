package minet.ui.dialogs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import minet.io.AtomicFiles;
import minet.io.export.ExportFormat;
import minet.io.export.Unresolved;
import minet.model.Design;
import minet.ui.document.DesignContext;

/**
 * File → Export rule sets…: pick formats, preview one, copy it, or save all picked to a folder (each file written
 * atomically). "Corrected" exports what Fix all would produce without applying it to the open design. Names and
 * prefixes that still hold a value not known offline ({@code SQLMI-{managedInstanceName}-NSG}) are listed first,
 * and nothing is saved or copied while there are any: Azure would refuse them.
 */
public final class ExportViewModel {
    private final DesignContext context;
    private final java.util.function.UnaryOperator<Design> fixAll;
    private final DialogService dialogs;
    private final Map<ExportFormat, BooleanProperty> picked = new EnumMap<>(ExportFormat.class);
    private final ObjectProperty<ExportFormat> previewFormat = new SimpleObjectProperty<>(ExportFormat.ARM);
    private final BooleanProperty corrected = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> unresolved = FXCollections.observableArrayList();
    private final ObservableList<String> unresolvedView = FXCollections.unmodifiableObservableList(unresolved);

    /** @param fixAll what Fix all makes of a design (the design itself when nothing can be fixed) */
    public ExportViewModel(DesignContext context, java.util.function.UnaryOperator<Design> fixAll, DialogService dialogs) {
        this.context = context;
        this.fixAll = fixAll;
        this.dialogs = dialogs;
        for (ExportFormat f : ExportFormat.values()) picked.put(f, new SimpleBooleanProperty(f == ExportFormat.ARM));
        previewFormat.addListener(o -> refreshPreview());
        corrected.addListener(o -> refreshPreview());
        refreshPreview();
    }

    private Design correctedFrom;
    private Design correctedDesign;

    /** The design the export writes: the open one, or what Fix all makes of it (computed once per design). */
    public Design exported() {
        Design d = context.design();
        if (!corrected.get()) return d;
        if (d != correctedFrom) {
            correctedDesign = fixAll.apply(d);
            correctedFrom = d;
        }
        return correctedDesign;
    }

    public void refreshPreview() {
        List<String> lines = new ArrayList<>();
        for (Unresolved.Value v : Unresolved.inExport(exported())) lines.add(line(v));
        unresolved.setAll(lines);
        ExportFormat f = previewFormat.get();
        if (f == null) {
            preview.set("");
            return;
        }
        try {
            preview.set(f.exporter().export(exported()));
        } catch (IllegalArgumentException e) {
            preview.set("");
            status.set(f.cliName() + ": " + e.getMessage());
        }
    }

    /** One unresolved value in the window's words: what to set, and where. */
    private static String line(Unresolved.Value v) {
        String where = v.source() == null || v.source().file() == null ? "" : " (" + v.source().describe() + ")";
        String what = v.parameters().isEmpty() ? "" : "give parameter " + String.join(", ", v.parameters())
                + " in a parameters file (File → Import…), or ";
        return v.element() + ", " + v.field() + " '" + v.value() + "'" + where + ": " + what + "edit it in Properties";
    }

    /** Whether something still holds a value not known offline; then the status says so. */
    private boolean blocked() {
        if (unresolved.isEmpty()) return false;
        status.set("Nothing written: " + unresolved.size() + (unresolved.size() == 1 ? " value is" : " values are")
                + " not known offline (listed above); Azure would refuse them");
        return true;
    }

    public void copyPreview() {
        if (blocked()) return;
        dialogs.copyToClipboard(preview.get());
        status.set("Copied " + previewFormat.get().fileName() + " to the clipboard");
    }

    /** Asks for a folder and writes every picked format into it. */
    public void save() {
        if (blocked()) return;
        dialogs.chooseFolder("Export rule sets to").ifPresent(this::saveTo);
    }

    /** Writes each picked format as its own file, all or none (a failure leaves the folder as it was; nothing while a value is unresolved); returns the files written. */
    public List<Path> saveTo(Path folder) {
        if (blocked()) return List.of();
        Design d = exported();
        List<AtomicFiles.Output> outputs = new ArrayList<>();
        try {
            for (ExportFormat f : ExportFormat.values()) {
                if (picked.get(f).get()) outputs.add(new AtomicFiles.Output(folder.resolve(f.fileName()), f.exporter().export(d), f.executable()));
            }
            AtomicFiles.writeAll(outputs);
        } catch (IOException | IllegalArgumentException e) {
            dialogs.showError("Export failed", (e instanceof IOException ? folder + ": " : "") + e.getMessage());
            status.set("Nothing written");
            return List.of();
        }
        List<Path> written = outputs.stream().map(AtomicFiles.Output::target).toList();
        status.set(written.isEmpty() ? "Nothing written" : "Wrote " + written.size() + " file(s) to " + folder);
        return written;
    }

    public BooleanProperty pickedProperty(ExportFormat f) { return picked.get(f); }
    public ObjectProperty<ExportFormat> previewFormatProperty() { return previewFormat; }
    public BooleanProperty correctedProperty() { return corrected; }
    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The names and prefixes that still hold a value not known offline, one line each, for the top of the dialog. */
    public ObservableList<String> unresolved() { return unresolvedView; }
}
