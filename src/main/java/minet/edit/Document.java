package minet.edit;

import java.nio.file.Path;
import java.util.Optional;
import minet.model.Design;

/**
 * The open design, its file and whether it changed since the last save. Edits go through {@link #execute} so
 * that undo covers every change.
 */
public final class Document {
    private Design design;
    private Design saved;
    private Path file;
    private final CommandStack stack = new CommandStack();

    public Document(Design design, Path file) {
        this.design = design;
        this.saved = design;
        this.file = file;
    }

    public Design design() { return design; }
    public Optional<Path> file() { return Optional.ofNullable(file); }
    public CommandStack history() { return stack; }

    /** Dirty means: differs from what is on disk (undoing back to the saved state makes it clean again). */
    public boolean dirty() { return !design.equals(saved); }

    public Design execute(Command c) { return design = stack.execute(c, design); }
    public Design undo() { return design = stack.undo(); }
    public Design redo() { return design = stack.redo(); }

    public void markSaved(Path to) {
        this.file = to;
        this.saved = design;
    }

    /** Records that {@code written} (maybe an earlier state, if edits went on during a background save) is on disk. */
    public void markSaved(Path to, Design written) {
        this.file = to;
        this.saved = written;
    }

    /** Replaces the design without history (opening a file). */
    public void replace(Design d, Path f) {
        design = d;
        saved = d;
        file = f;
        stack.clear();
    }
}
