package minet.io.arm;

/** The copy loops around a value being evaluated, innermost first; {@code null} is "no loop". */
record Loops(String name, int index, Loops outer) {
    /** The index of the one item that stands for a loop whose count is not known offline. */
    static final int UNKNOWN = -1;

    static Loops with(Loops loops, String name, int index) {
        return new Loops(name, index, loops);
    }

    /** The index of loop {@code name}, or of the innermost loop when name is null; null if there is none. */
    static Integer index(Loops loops, String name) {
        for (Loops l = loops; l != null; l = l.outer) {
            if (name == null || name.equalsIgnoreCase(l.name)) return l.index;
        }
        return null;
    }
}
