package minet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Values an importer could not know offline (a parameter without a value, {@code reference()} of deployed state, a
 * function that needs Azure) travel through the model as text holding {@code {what}}: a whole value
 * ({@code {managedInstanceName}}) or a part ({@code Storage.{reference('x').region}}, {@code SQLMI-{name}-NSG}).
 * Checks that meet one say "cannot tell offline" and name it; they never call it invalid.
 */
public final class Unknowns {
    private Unknowns() {}

    /** True when {@code text} holds a value not known offline, whole or in part. */
    public static boolean has(String text) {
        if (text == null) return false;
        int open = text.indexOf('{');
        return open >= 0 && text.indexOf('}', open + 1) > open + 1;
    }

    /** True when any of {@code texts} holds a value not known offline. */
    public static boolean any(List<String> texts) {
        for (String t : texts) if (has(t)) return true;
        return false;
    }

    /** The unknown parts of {@code text}, as written ({@code {managedInstanceName}}), in order. */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        int from = 0;
        while (true) {
            int open = text.indexOf('{', from);
            if (open < 0) break;
            int depth = 0, close = -1;
            for (int i = open; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) {
                    close = i;
                    break;
                }
            }
            if (close < 0) break;
            if (close > open + 1) out.add(text.substring(open, close + 1));
            from = close + 1;
        }
        return out;
    }
}
