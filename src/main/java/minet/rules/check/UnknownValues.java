package minet.rules.check;

import java.util.ArrayList;
import java.util.List;
import minet.model.Design;
import minet.model.ImportNote;
import minet.model.Unknowns;
import minet.rules.Finding;

/**
 * What the form checks (NSG-RULE, NET-ADDRESS, UDR-NEXT-HOP) do with a value not known offline: never call it
 * invalid. An import note (or an earlier finding) usually says already what the value is and where it is read;
 * then the check says nothing more. When none does (a design file written by hand), the check warns that it
 * cannot tell.
 */
final class UnknownValues {
    private UnknownValues() {}

    /**
     * Whether an import note of {@code d} or a finding made so far about unknowns names an unknown part of
     * {@code text} (or one it is made of).
     */
    static boolean said(Design d, Findings out, String text) {
        for (String part : parts(text)) {
            String root = root(part);
            for (ImportNote n : d.importNotes()) if (n.message() != null && n.message().contains(root)) return true;
            for (Finding f : out.list()) { // one about unknowns (details "unknown…"), not one that only quotes a name
                for (var e : f.details().entrySet()) {
                    if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains("unknown") && String.valueOf(e.getValue()).contains(root)) return true;
                }
            }
        }
        return false;
    }

    /** The unknown parts of {@code text}, and those they are made of ({vnetPrefix} in {cidrSubnet({vnetPrefix}, 24, 0)}). */
    static List<String> parts(String text) {
        List<String> out = new ArrayList<>();
        for (String u : Unknowns.in(text)) {
            out.add(u);
            out.addAll(parts(u.substring(1, u.length() - 1)));
        }
        return out;
    }

    /** What a note names of an unknown: {reference(x) of {reference(x).outputs.y}, {name of {name}. */
    private static String root(String part) {
        int end = part.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = part.charAt(i);
            if (c == '.' || c == '[') return part.substring(0, i);
            if (c == '(') {
                int depth = 0;
                for (int j = i; j < end; j++) {
                    if (part.charAt(j) == '(') depth++;
                    else if (part.charAt(j) == ')' && --depth == 0) return part.substring(0, j + 1);
                }
                return part.substring(0, end);
            }
        }
        return part.substring(0, end);
    }

    /** "{a}, {b}": the unknown parts of a value, as written (the value itself when its braces do not pair up). */
    static String names(String text) {
        List<String> in = Unknowns.in(text);
        return in.isEmpty() ? text : String.join(", ", in);
    }
}
