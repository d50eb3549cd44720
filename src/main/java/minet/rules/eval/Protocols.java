package minet.rules.eval;

import java.util.ArrayList;
import java.util.List;

/** NSG protocols as a bit set: Tcp, Udp, Icmp, Esp, Ah; {@code *} is all of them. */
public final class Protocols {
    private Protocols() {}

    public static final int TCP = 1, UDP = 2, ICMP = 4, ESP = 8, AH = 16;
    public static final int ALL = TCP | UDP | ICMP | ESP | AH;
    private static final String[] NAMES = {"Tcp", "Udp", "Icmp", "Esp", "Ah"};

    /** The bit(s) of an NSG protocol value, or 0 when it is not one. */
    public static int parse(String v) {
        if (v == null) return 0;
        String s = v.trim();
        if (s.equals("*") || s.equalsIgnoreCase("any")) return ALL;
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equalsIgnoreCase(s)) return 1 << i;
        return 0;
    }

    public static String describe(int mask) {
        if (mask == ALL) return "any protocol";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) if ((mask & (1 << i)) != 0) out.add(NAMES[i].toUpperCase(java.util.Locale.ROOT));
        return String.join("/", out);
    }
}
