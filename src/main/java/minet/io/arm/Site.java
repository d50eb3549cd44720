package minet.io.arm;

import minet.io.InputException;

/** An expression being evaluated: its scope, the JSON string it stands in, its text and the loops around it. */
record Site(Scope scope, String pointer, String text, Loops loops) {
    private static final int QUOTE = 120;

    InputException error(int at, String problem) {
        String shown = text.length() > QUOTE ? text.substring(0, QUOTE) + "…" : text;
        return scope.src.error(pointer, "in expression [" + shown + "] at character " + (at + 1) + ": " + problem);
    }

    Context.Origin origin() {
        return new Context.Origin(scope.src, pointer);
    }
}
