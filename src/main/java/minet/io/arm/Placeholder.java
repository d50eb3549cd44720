package minet.io.arm;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A value the importer cannot know offline (a parameter without a value, {@code reference()} …), shown as
 * {@code {name}}. It passes through functions that need a real value instead of failing them, so that a
 * template without its parameters file still opens.
 */
final class Placeholder extends TextNode {
    private static final long serialVersionUID = 1L;

    Placeholder(String what) {
        super("{" + what + "}");
    }

    /** Whether a string read from a value looks like a placeholder's text: {name}. */
    static boolean is(String text) {
        return text.length() > 2 && text.charAt(0) == '{' && text.charAt(text.length() - 1) == '}';
    }

    static boolean any(Iterable<? extends Object> values) {
        for (Object v : values) if (v instanceof Placeholder) return true;
        return false;
    }
}
