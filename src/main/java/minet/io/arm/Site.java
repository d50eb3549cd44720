package minet.io.arm;

import minet.io.InputException;

/**
 * An expression being evaluated: its scope, the JSON string it stands in (its place and its whole text,
 * brackets included), the loops around it and the lambda variables or function parameters in effect (null:
 * none). The place is written out only for an error or an origin.
 */
record Site(Scope scope, Ptr place, String json, Loops loops, Bindings bindings) {
    private static final int QUOTE = 120;

    Site(Scope scope, Ptr place, String json, Loops loops) {
        this(scope, place, json, loops, null);
    }

    Site with(Bindings b) {
        return new Site(scope, place, json, loops, b);
    }

    String pointer() {
        return place.toString();
    }

    /** The expression's text, between the outer brackets. */
    String text() {
        return json.substring(1, json.length() - 1);
    }

    InputException error(int at, String problem) {
        String text = text();
        String shown = text.length() > QUOTE ? text.substring(0, QUOTE) + "…" : text;
        return scope.src.error(pointer(), "in expression [" + shown + "] at character " + (at + 1) + ": " + problem);
    }

    Context.Origin origin() {
        return new Context.Origin(scope.src, pointer());
    }
}
