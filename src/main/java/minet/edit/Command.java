package minet.edit;

import minet.model.Design;

/**
 * One edit: maps a Design to the next. Because designs are values, undo simply restores the design the command
 * started from; a command need not know how to reverse itself.
 */
public interface Command {
    /** Shown in Edit → Undo "…" and in the history. */
    String label();

    Design apply(Design d);

    static Command of(String label, java.util.function.UnaryOperator<Design> f) {
        return new Command() {
            @Override public String label() { return label; }
            @Override public Design apply(Design d) { return f.apply(d); }
        };
    }

    /** Several commands as one undo step (Fix all, paste, multi-delete). */
    static Command compound(String label, java.util.List<Command> parts) {
        return of(label, d -> {
            Design cur = d;
            for (Command c : parts) cur = c.apply(cur);
            return cur;
        });
    }
}
