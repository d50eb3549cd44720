package minet.io.export;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out identifiers (Bicep symbols, ARM parameter names, Terraform labels) derived from Azure names: only
 * ASCII letters, digits and underscores, starting with a letter, unique without regard to case (ARM parameter
 * names ignore case), so any name, however hostile, becomes a plain word.
 */
final class Identifiers {
    private final Set<String> taken = new HashSet<>();

    Identifiers(String... reserved) {
        for (String r : reserved) taken.add(r.toLowerCase(Locale.ROOT));
    }

    /** {@code prefix} must already be a valid identifier start (e.g. "nsg"). */
    String next(String prefix, String name) {
        String base = prefix + "_" + sanitise(name);
        if (base.length() > 60) base = base.substring(0, 60);
        String id = base;
        for (int n = 2; !taken.add(id.toLowerCase(Locale.ROOT)); n++) id = base + "_" + n;
        return id;
    }

    static String sanitise(String name) {
        StringBuilder sb = new StringBuilder();
        if (name != null) {
            for (char c : name.toCharArray()) {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (ok) sb.append(c);
                else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') sb.append('_');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') sb.setLength(sb.length() - 1);
        return sb.length() == 0 ? "unnamed" : sb.toString();
    }
}
