package minet.io.arm;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A value the importer cannot know offline (a parameter without a value, {@code reference()} of deployed state …),
 * shown as {@code {name}}. It passes through functions that need a real value instead of failing them, so that a
 * template without its parameters file still opens.
 *
 * <p>A placeholder for deployed state ({@link #state}) grows with what is read from it, so that the unknown says
 * what it stands for: {@code {reference(deploymentScripts/ds).outputs.pairedRegionName}}. A parameter's stays
 * {@code {name}}: that is the parameter to give.
 */
final class Placeholder extends TextNode {
    private static final long serialVersionUID = 1L;
    /** Longest text a state placeholder grows to; past it, reading more keeps the text. */
    private static final int MAX = 200;

    final boolean state;

    Placeholder(String what) {
        this(what, false);
    }

    Placeholder(String what, boolean state) {
        super("{" + what + "}");
        this.state = state;
    }

    /** What is read from this value: {@code .name} or {@code [0]} appended for deployed state, else the same. */
    Placeholder member(String access) {
        String t = textValue();
        if (!state || t.length() + access.length() > MAX) return this;
        return new Placeholder(t.substring(1, t.length() - 1) + access, true);
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
