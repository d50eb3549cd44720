package minet.rules.eval;

import java.util.List;

/** Port sets (0–65535) as {@link Intervals}, parsed from NSG notation: {@code *}, {@code 443}, {@code 11000-11999}. */
public final class Ports {
    private Ports() {}

    public static final long MAX = 65535;
    public static final long[] ALL = {0, MAX};

    /** One port value, or null when it is not valid NSG notation. */
    public static long[] parse(String v) {
        if (v == null) return null;
        String s = v.trim();
        if (s.equals("*") || s.equalsIgnoreCase("any")) return ALL;
        int dash = s.indexOf('-');
        try {
            long lo = Long.parseLong(dash < 0 ? s : s.substring(0, dash).trim());
            long hi = dash < 0 ? lo : Long.parseLong(s.substring(dash + 1).trim());
            if (lo < 0 || hi > MAX || lo > hi) return null;
            return new long[] {lo, hi};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The union of a list of values; invalid values are skipped (NSG-RULE reports them). An empty list is every port. */
    public static long[] parseAll(List<String> values) {
        if (values.isEmpty()) return ALL;
        long[] acc = Intervals.EMPTY;
        for (String v : values) {
            long[] p = parse(v);
            if (p != null) acc = Intervals.union(acc, p);
        }
        return acc;
    }

    /** NSG notation for a port set: "80, 443, 11000-11999" or "*". */
    public static String describe(long[] ports) {
        if (ports.length == 2 && ports[0] == 0 && ports[1] == MAX) return "any port";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ports.length; i += 2) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(ports[i]);
            if (ports[i + 1] != ports[i]) sb.append('-').append(ports[i + 1]);
        }
        return sb.toString();
    }

    public static List<String> list(long[] ports) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < ports.length; i += 2) out.add(ports[i] == ports[i + 1] ? Long.toString(ports[i]) : ports[i] + "-" + ports[i + 1]);
        return out;
    }
}
