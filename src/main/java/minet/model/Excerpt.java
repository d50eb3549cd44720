package minet.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values as messages quote them: a value longer than {@link #MAX_VALUE} characters keeps its start and end around
 * a note of its length. A design may hold a 50 MB name; copied into every finding it would fill the memory and
 * the terminal, and no reader needs more than its start to recognise it. The limit stays above the longest real
 * value, an ARM resource ID (under 400 characters), because findings' details carry IDs the fixes look up.
 */
public final class Excerpt {
    private Excerpt() {}

    /** No run of more than this many characters of a value reaches a message. */
    public static final int MAX_VALUE = 512;
    /** No message is longer than this (a list of many values is cut in its middle). */
    public static final int MAX_MESSAGE = 4_000;
    private static final int HEAD = 240, TAIL = 100;

    /** One value, shortened when longer than {@link #MAX_VALUE}: "abc…(+52428700 characters)…xyz". */
    public static String of(String value) {
        if (value == null || value.length() <= MAX_VALUE) return value;
        return cut(value, HEAD, TAIL);
    }

    /**
     * A message with every run of more than {@link #MAX_VALUE} non-blank characters shortened (values have no
     * blanks, the words around them are short), then cut to {@link #MAX_MESSAGE}. Returns the same string when
     * nothing needs shortening.
     */
    public static String message(String text) {
        if (text == null || text.length() <= MAX_VALUE) return text;
        StringBuilder sb = null;
        int n = text.length(), copied = 0, i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) i++;
            if (i - start > MAX_VALUE) {
                if (sb == null) sb = new StringBuilder(Math.min(n, MAX_MESSAGE + 200));
                sb.append(text, copied, start).append(cut(text.substring(start, i), HEAD, TAIL));
                copied = i;
            }
        }
        String out = sb == null ? text : sb.append(text, copied, n).toString();
        return out.length() <= MAX_MESSAGE ? out : cut(out, MAX_MESSAGE * 3 / 4, MAX_MESSAGE / 8);
    }

    /** Details as findings carry them, with every string in them (in lists and maps too) shortened by {@link #of}. */
    public static Object value(Object v) {
        if (v instanceof String s) return of(s);
        if (v instanceof List<?> l) {
            List<Object> out = null;
            for (int i = 0; i < l.size(); i++) {
                Object x = l.get(i), y = value(x);
                if (y != x && out == null) out = new ArrayList<>(l.subList(0, i));
                if (out != null) out.add(y);
            }
            return out == null ? l : out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object y = value(e.getValue());
                changed |= y != e.getValue();
                out.put(e.getKey(), y);
            }
            return changed ? out : m;
        }
        return v;
    }

    private static String cut(String s, int head, int tail) {
        // never split a surrogate pair
        if (Character.isHighSurrogate(s.charAt(head - 1))) head--;
        if (Character.isLowSurrogate(s.charAt(s.length() - tail))) tail--;
        int left = s.length() - head - tail;
        return s.substring(0, head) + "…(+" + left + " characters)…" + s.substring(s.length() - tail);
    }
}
