package minet.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import minet.model.Design;

/** Undo/redo as two stacks of (command, design before it). Not thread-safe: owned by the UI thread. */
public final class CommandStack {
    private record Entry(Command command, Design before, Design after) {}

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final int limit;

    public CommandStack(int limit) { this.limit = limit; }
    public CommandStack() { this(500); }

    /** Applies {@code c} to {@code current}; returns the new design. A command that changes nothing is not recorded. */
    public Design execute(Command c, Design current) {
        Design next = c.apply(current);
        if (next.equals(current)) return current;
        undo.push(new Entry(c, current, next));
        if (undo.size() > limit) undo.removeLast();
        redo.clear();
        return next;
    }

    public boolean canUndo() { return !undo.isEmpty(); }
    public boolean canRedo() { return !redo.isEmpty(); }
    public Optional<String> undoLabel() { return Optional.ofNullable(undo.peek()).map(e -> e.command().label()); }
    public Optional<String> redoLabel() { return Optional.ofNullable(redo.peek()).map(e -> e.command().label()); }

    public Design undo() {
        Entry e = undo.pop();
        redo.push(e);
        return e.before();
    }

    public Design redo() {
        Entry e = redo.pop();
        undo.push(e);
        return e.after();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
