package minet.ui.document;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import minet.edit.Command;
import minet.edit.Document;
import minet.model.Design;

/**
 * The open {@link Document} as JavaFX properties: the one place every view reads the design from and every edit
 * goes through. Listen to {@link #designProperty()} for changes (it fires once per executed command, undo, redo,
 * open or new). Must be used on one thread (the FX thread in the app); works without the toolkit in tests.
 */
public final class DocumentModel {
    private final Document document;
    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(this, "design");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper replaced = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "replaced");
    private final java.util.List<java.util.function.Consumer<String>> actionListeners = new java.util.ArrayList<>();

    public DocumentModel(Design initial, Path file) {
        this.document = new Document(initial, file);
        sync();
    }

    public Document document() { return document; }
    public Design design() { return document.design(); }

    public ReadOnlyObjectProperty<Design> designProperty() { return design.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoLabelProperty() { return undoLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoLabelProperty() { return redoLabel.getReadOnlyProperty(); }
    /** Counts whole-document changes (new, open, import, recovery), as opposed to edits: the view fits then. */
    public javafx.beans.property.ReadOnlyIntegerProperty replacedProperty() { return replaced.getReadOnlyProperty(); }

    /**
     * Told what each edit, undo and redo did, in words ("Add rule rule_110", "Undone: Fix all"), after the design
     * changed: the status bar's last action.
     */
    public void addActionListener(java.util.function.Consumer<String> l) { actionListeners.add(l); }

    private void tell(String action) {
        for (var l : List.copyOf(actionListeners)) l.accept(action);
    }

    /** Runs an edit with undo; a command that changes nothing records nothing. */
    public void execute(Command c) {
        Design before = document.design();
        document.execute(c);
        sync();
        if (document.design() != before) tell(c.label());
    }

    public void undo() {
        String label = undoLabel.get();
        boolean can = document.history().canUndo();
        if (can) document.undo();
        sync();
        if (can) tell("Undone: " + label);
    }

    public void redo() {
        String label = redoLabel.get();
        boolean can = document.history().canRedo();
        if (can) document.redo();
        sync();
        if (can) tell("Redone: " + label);
    }

    /** A new design or an opened file: no history, clean. */
    public void replace(Design d, Path f) {
        document.replace(d, f);
        sync();
        replaced.set(replaced.get() + 1);
    }

    /** A recovered design: loaded without history and dirty, since it is not what the file holds. */
    public void recover(Design d, Path originalFile, Design onDisk) {
        document.replace(onDisk, originalFile);
        document.execute(Command.of("Recovered changes", x -> d));
        document.history().clear();
        sync();
        replaced.set(replaced.get() + 1);
    }

    public void markSaved(Path to) {
        document.markSaved(to);
        sync();
    }

    /** After a background save: {@code written} is what reached the disk, edits made meanwhile stay dirty. */
    public void markSaved(Path to, Design written) {
        document.markSaved(to, written);
        sync();
    }

    private void sync() {
        design.set(document.design());
        file.set(document.file().orElse(null));
        dirty.set(document.dirty());
        canUndo.set(document.history().canUndo());
        canRedo.set(document.history().canRedo());
        undoLabel.set(document.history().undoLabel().orElse(""));
        redoLabel.set(document.history().redoLabel().orElse(""));
    }
}
