package minet.ui.properties;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsing and checking what the user types in the properties panel. Each check returns null when the text is
 * fine, or a short message to show beside the field. CIDR and IP checks are IPAddress's.
 */
public final class Inputs {
    private Inputs() {}

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9A-Fa-f:.]+(/\\d+)?");
    /** Strict forms only: "52.1.2" is not read as 52.1.0.2 (inet_aton) and a bare number is no address. */
    private static final inet.ipaddr.IPAddressStringParameters STRICT = new inet.ipaddr.IPAddressStringParameters.Builder()
            .allow_inet_aton(false).allowSingleSegment(false).allowEmpty(false).toParams();

    static IPAddressString parse(String s) { return new IPAddressString(s.trim(), STRICT); }

    public static final List<String> PROTOCOLS = List.of("Tcp", "Udp", "Icmp", "Esp", "Ah", "*");

    /** "a, b ,c" → [a, b, c]; blanks dropped. */
    public static List<String> list(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String join(List<String> items) { return String.join(", ", items); }

    /** A network in CIDR form whose address is the network's first address (Azure refuses 10.0.0.5/24). */
    public static String cidr(String s) {
        if (s == null || s.isBlank()) return "enter an address prefix such as 10.0.0.0/24";
        IPAddressString str = parse(s);
        try {
            str.validate();
        } catch (AddressStringException e) {
            return "'" + s.trim() + "' is not a CIDR prefix";
        }
        IPAddress a = str.getAddress();
        if (a == null || a.getNetworkPrefixLength() == null) return "'" + s.trim() + "' needs a prefix length, e.g. " + s.trim() + "/24";
        if (!a.isPrefixBlock()) return "'" + s.trim() + "' is not a network address: did you mean " + a.toPrefixBlock().toCanonicalString() + "?";
        return null;
    }

    public static String cidrList(String text, boolean required) {
        List<String> items = list(text);
        if (items.isEmpty()) return required ? "enter at least one address prefix" : null;
        for (String i : items) {
            String e = cidr(i);
            if (e != null) return e;
        }
        return null;
    }

    /** One IP address (no prefix). Blank is allowed when {@code optional}. */
    public static String ip(String s, boolean optional) {
        if (s == null || s.isBlank()) return optional ? null : "enter an IP address";
        IPAddressString str = parse(s);
        if (!str.isValid() || str.getAddress() == null || str.getAddress().getNetworkPrefixLength() != null || str.getAddress().isMultiple()) {
            return "'" + s.trim() + "' is not an IP address";
        }
        return null;
    }

    public static String ipList(String text) {
        for (String i : list(text)) {
            String e = ip(i, false);
            if (e != null) return e;
        }
        return null;
    }

    /** NSG address prefixes: *, a service tag (VirtualNetwork, AzureCloud …), an IP or a CIDR. */
    public static String addressPrefixes(String text) {
        List<String> items = list(text);
        if (items.isEmpty()) return "enter *, a service tag, an address or a prefix";
        for (String i : items) {
            if (i.equals("*")) continue;
            if (ADDRESS_LIKE.matcher(i).matches() && i.chars().anyMatch(Character::isDigit)) {
                IPAddressString str = parse(i);
                if (!str.isValid()) return "'" + i + "' is not an address or prefix";
                continue;
            }
            if (!TAG.matcher(i).matches()) return "'" + i + "' is neither an address nor a service tag";
        }
        return null;
    }

    /** NSG ports: *, a port, or a range lo-hi, each within 0–65535. */
    public static String ports(String text) {
        List<String> items = list(text);
        if (items.isEmpty()) return "enter *, a port or a range such as 11000-11999";
        for (String i : items) {
            if (i.equals("*")) continue;
            String[] parts = i.split("-", -1);
            if (parts.length > 2) return "'" + i + "' is not a port or a range";
            try {
                int lo = Integer.parseInt(parts[0].trim());
                int hi = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : lo;
                if (lo < 0 || hi > 65535 || lo > hi) return "'" + i + "' is outside 0–65535 or reversed";
            } catch (NumberFormatException e) {
                return "'" + i + "' is not a port or a range";
            }
        }
        return null;
    }

    /** Azure: 100–4096. */
    public static String priority(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            return p < 100 || p > 4096 ? "priority must be between 100 and 4096" : null;
        } catch (NumberFormatException | NullPointerException e) {
            return "priority must be a whole number between 100 and 4096";
        }
    }

    public static String protocol(String s) {
        return normalizedProtocol(s) == null ? "protocol must be one of " + String.join(", ", PROTOCOLS) : null;
    }

    public static String normalizedProtocol(String s) {
        if (s == null) return null;
        for (String p : PROTOCOLS) if (p.equalsIgnoreCase(s.trim())) return p;
        return null;
    }

    public static String name(String s) {
        if (s == null || s.isBlank()) return "a name is required";
        if (s.length() > 80) return "names are at most 80 characters";
        return null;
    }

    /** An Azure region: its name (westeurope) or display name (West Europe); blank when not known. */
    public static String location(String s) {
        if (s == null || s.isBlank()) return null;
        return s.trim().matches("[A-Za-z][A-Za-z0-9 ]{1,40}") ? null : "a region is a name such as westeurope or West Europe";
    }

    public static String vCores(String s) {
        try {
            int v = Integer.parseInt(s.trim());
            return v < 4 || v > 128 ? "vCores must be between 4 and 128" : null;
        } catch (NumberFormatException | NullPointerException e) {
            return "vCores must be a whole number";
        }
    }

    static String lower(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT); }
}
