package minet.fix;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import minet.model.Design;
import minet.model.Peering;
import minet.model.SecurityRule;
import minet.model.VirtualNetwork;

/**
 * Conservative set reasoning over NSG fields, just enough for the fixes to decide whether a rule they would add
 * is already there: "covers" answers yes only when sure, "overlaps" answers no only when sure. Follows rules.md's
 * address-set algebra ({@code *} ⊇ everything; Internet ⊇ AzureCloud ⊇ the public service tags; Internet,
 * VirtualNetwork and AzureLoadBalancer pairwise disjoint; a CIDR inside a VNet lies in VirtualNetwork).
 */
final class Match {
    static final String ANY = "*";
    static final String INTERNET = "Internet";
    static final String VIRTUAL_NETWORK = "VirtualNetwork";
    static final String LOAD_BALANCER = "AzureLoadBalancer";
    static final String AZURE_CLOUD = "AzureCloud";

    /** Tags inside AzureCloud (and so inside Internet), regional forms included. */
    private static final Set<String> CLOUD_TAGS = Set.of("azurecloud", "storage", "eventhub", "azureactivedirectory",
            "sqlmanagement", "azuremonitor", "sql", "azurekeyvault");

    private final List<IPAddress> vnetSpace = new ArrayList<>();

    Match(Design d) {
        for (VirtualNetwork v : d.virtualNetworks()) {
            v.addressSpaces().forEach(s -> add(vnetSpace, s));
            for (Peering p : v.peerings()) p.remoteAddressSpaces().forEach(s -> add(vnetSpace, s));
        }
    }

    private static void add(List<IPAddress> to, String prefix) {
        IPAddress a = cidr(prefix);
        if (a != null) to.add(a);
    }

    /** A CIDR or IP as a prefix block; null for tags, {@code *} and anything malformed. */
    static IPAddress cidr(String s) {
        if (s == null || !(s.contains(".") || s.contains(":"))) return null;
        IPAddress a = new IPAddressString(s.trim()).getAddress();
        return a == null ? null : a.toPrefixBlock();
    }

    static boolean isAny(String s) {
        return s != null && (s.trim().equals(ANY) || s.trim().equalsIgnoreCase("any") || s.trim().equals("0.0.0.0/0"));
    }

    private static String base(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        int dot = t.indexOf('.');
        return dot < 0 ? t : t.substring(0, dot);
    }

    private boolean inVnet(IPAddress a) {
        return vnetSpace.stream().anyMatch(v -> v.contains(a));
    }

    private boolean touchesVnet(IPAddress a) {
        return vnetSpace.stream().anyMatch(v -> v.overlaps(a));
    }

    // ---- addresses ----

    /** True when the address entry {@code have} surely contains every address of {@code want}. */
    boolean addressCovers(String have, String want) {
        if (have == null || want == null) return false;
        if (isAny(have)) return true;
        if (isAny(want)) return false;
        IPAddress h = cidr(have), w = cidr(want);
        if (h != null && w != null) return h.contains(w);
        if (h != null) return false; // a CIDR never fully covers a tag
        String hb = base(have);
        if (w != null) return hb.equals("virtualnetwork") && inVnet(w);
        if (have.trim().equalsIgnoreCase(want.trim())) return true;
        String wb = base(want);
        if (hb.equals("internet")) return CLOUD_TAGS.contains(wb);
        if (hb.equals("azurecloud") && !have.contains(".")) return CLOUD_TAGS.contains(wb);
        return false;
    }

    /** True unless {@code a} and {@code b} surely share no address. */
    boolean addressOverlaps(String a, String b) {
        if (a == null || b == null || isAny(a) || isAny(b)) return true;
        IPAddress x = cidr(a), y = cidr(b);
        if (x != null && y != null) return x.overlaps(y);
        if (x != null || y != null) {
            IPAddress c = x != null ? x : y;
            String tag = base(x != null ? b : a);
            if (tag.equals("azureloadbalancer")) return false;
            if (tag.equals("virtualnetwork")) return true; // on-premises ranges may be anywhere
            if (tag.equals("internet") || CLOUD_TAGS.contains(tag)) return !inVnet(c);
            return true;
        }
        String ta = base(a), tb = base(b);
        if (ta.equals(tb)) return true;
        int ga = group(ta), gb = group(tb);
        return ga < 0 || gb < 0 || ga == gb;
    }

    /** Internet (with the public tags), VirtualNetwork, AzureLoadBalancer: the pairwise disjoint groups. */
    private static int group(String tagBase) {
        if (tagBase.equals("internet") || CLOUD_TAGS.contains(tagBase)) return 0;
        if (tagBase.equals("virtualnetwork")) return 1;
        if (tagBase.equals("azureloadbalancer")) return 2;
        return -1;
    }

    /** Every wanted entry is covered by one of the entries we have (no unions: conservative). */
    boolean addressesCover(List<String> have, List<String> want) {
        return want.stream().allMatch(w -> have.stream().anyMatch(h -> addressCovers(h, w)));
    }

    /** Every entry we have lies inside the wanted set (the rule allows nothing beyond it). */
    boolean addressesWithin(List<String> have, List<String> want) {
        return !have.isEmpty() && have.stream().allMatch(h -> want.stream().anyMatch(w -> addressCovers(w, h)));
    }

    boolean addressesOverlap(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) return true; // application security groups: unknown members
        return a.stream().anyMatch(x -> b.stream().anyMatch(y -> addressOverlaps(x, y)));
    }

    // ---- ports and protocols ----

    /** [from, to] of a port entry ("*", "443", "11000-11999"); null when malformed. */
    static int[] ports(String s) {
        if (s == null) return null;
        String t = s.trim();
        if (t.equals(ANY)) return new int[] {0, 65535};
        try {
            int dash = t.indexOf('-');
            if (dash < 0) {
                int p = Integer.parseInt(t);
                return new int[] {p, p};
            }
            return new int[] {Integer.parseInt(t.substring(0, dash).trim()), Integer.parseInt(t.substring(dash + 1).trim())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean portsCover(List<String> have, List<String> want) {
        return want.stream().allMatch(w -> {
            int[] x = ports(w);
            return x != null && have.stream().map(Match::ports).anyMatch(h -> h != null && h[0] <= x[0] && x[1] <= h[1]);
        });
    }

    static boolean portsWithin(List<String> have, List<String> want) {
        return !have.isEmpty() && portsCover(want, have);
    }

    static boolean portsOverlap(List<String> a, List<String> b) {
        return a.stream().map(Match::ports).anyMatch(x -> x == null
                || b.stream().map(Match::ports).anyMatch(y -> y == null || x[0] <= y[1] && y[0] <= x[1]));
    }

    static boolean protocolCovers(String have, String want) {
        return have != null && (have.trim().equals(ANY) || have.trim().equalsIgnoreCase(want));
    }

    static boolean protocolOverlaps(String a, String b) {
        return a == null || b == null || a.trim().equals(ANY) || b.trim().equals(ANY) || a.trim().equalsIgnoreCase(b.trim());
    }

    /** Source ports: the rules we write use *; a rule restricting them does not cover all traffic. */
    static boolean anySourcePort(SecurityRule r) {
        return portsCover(r.sourcePorts(), List.of(ANY));
    }
}
