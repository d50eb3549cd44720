package minet.fix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Decision;
import minet.rules.eval.Intervals;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.Traffic;
import minet.rules.route.RouteEntry;
import minet.rules.route.RouteResolver;

/**
 * Which traffic changes verdict between two designs, per subnet (as Batfish's compareFilters does for two ACLs):
 * every part of the subnet's inbound and outbound traffic that the NSG decides differently, with the deciding
 * rule on each side, and every destination whose next hop changes. Built on the rule engine's NSG evaluator and
 * route resolver; a part that a service tag's unknown extent may decide is marked "may".
 */
public record SemanticDiff(List<Difference> differences) {
    public SemanticDiff {
        differences = List.copyOf(differences);
    }

    /** One changed class of traffic, e.g. "now allows inbound TCP 9000 from Internet to 10.0.0.0/24". */
    public record Difference(String subnet, String kind, String text) {}

    public boolean isEmpty() { return differences.isEmpty(); }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Difference d : differences) sb.append(d.text()).append('\n');
        return sb.toString();
    }

    @Override public String toString() { return text(); }

    public static SemanticDiff between(Design before, Design after) {
        List<Difference> out = new ArrayList<>();
        for (Subnet a : after.subnets().toList()) {
            Subnet b = before.subnet(a.id()).orElse(null);
            if (b == null) continue;
            String label = after.vnetOf(a).map(v -> v.name() + "/").orElse("") + a.name();
            SecurityGroup gb = b.nsgId() == null ? null : before.securityGroup(b.nsgId()).orElse(null);
            SecurityGroup ga = a.nsgId() == null ? null : after.securityGroup(a.nsgId()).orElse(null);
            if (!Objects.equals(gb == null ? null : gb.rules(), ga == null ? null : ga.rules()) || (gb == null) != (ga == null)
                    || !a.addressPrefixes().equals(b.addressPrefixes())) {
                AddressSpace space = space(after, a, gb, ga);
                for (Direction dir : Direction.values()) nsg(label, a, gb, ga, dir, space, out);
            }
            routes(label, before, b, after, a, out);
        }
        return new SemanticDiff(out);
    }

    /** One address space for both sides, knowing the tags of both NSGs, so their sets compare atom by atom. */
    private static AddressSpace space(Design after, Subnet s, SecurityGroup gb, SecurityGroup ga) {
        List<String> tags = new ArrayList<>();
        for (SecurityGroup g : new SecurityGroup[] {gb, ga}) {
            if (g == null) continue;
            for (SecurityRule r : g.rules()) {
                tags.addAll(r.sourcePrefixes());
                tags.addAll(r.destinationPrefixes());
            }
        }
        List<String> vnet = after.vnetOf(s).map(v -> AddressSpace.virtualNetworkPrefixes(after, v)).orElse(List.of());
        return AddressSpace.of(vnet, tags);
    }

    private static void nsg(String label, Subnet s, SecurityGroup gb, SecurityGroup ga, Direction dir, AddressSpace space,
                            List<Difference> out) {
        AddressSet subnet = space.resolveAll(s.addressPrefixes());
        if (subnet.isEmpty()) return;
        AddressSet any = known(space);
        Traffic query = dir == Direction.INBOUND
                ? new Traffic(Protocols.ALL, any, Ports.ALL, subnet, Ports.ALL)
                : new Traffic(Protocols.ALL, subnet, Ports.ALL, any, Ports.ALL);
        NsgEvaluator eb = NsgEvaluator.of(gb, dir, space), ea = NsgEvaluator.of(ga, dir, space);
        Set<String> seen = new LinkedHashSet<>();
        boolean unsure = false;
        String way = dir.azure().toLowerCase(java.util.Locale.ROOT);
        for (Part pb : parts(eb, query)) {
            if (!pb.certain) {
                unsure |= true;
                continue;
            }
            for (Part pa : parts(ea, pb.traffic)) {
                if (pa.allows == pb.allows) continue;
                if (!pa.certain) {
                    unsure = true;
                    continue;
                }
                String line = "subnet " + label + ": now " + (pa.allows ? "allows " : "denies ") + way + " "
                        + describe(pa.traffic, space) + " (before: " + pb.rule + "; now: " + pa.rule + ")";
                if (seen.add(line)) out.add(new Difference(label, pa.allows ? "allows" : "denies", line));
            }
        }
        if (unsure && !seen.isEmpty()) {
            out.add(new Difference(label, "indeterminate", "subnet " + label + ": some " + way
                    + " traffic whose membership in a service tag cannot be decided offline may change too"));
        }
    }

    /** Every address the algebra knows (the UNKNOWN atom stands for malformed values, not for traffic). */
    private static AddressSet known(AddressSpace space) {
        return space.everything().subtract(space.unknown());
    }

    /** A piece of the query and what decided it. */
    private record Part(Traffic traffic, boolean allows, boolean certain, String rule) {}

    private static List<Part> parts(NsgEvaluator e, Traffic query) {
        if (e.securityGroup() == null) return List.of(new Part(query, true, true, "no NSG"));
        List<Part> out = new ArrayList<>();
        for (Decision d : e.evaluate(query).decisions()) {
            if (d.portion().isEmpty()) continue;
            out.add(new Part(d.portion(), d.allows(), d.certain(), d.rule().describe()));
        }
        return out;
    }

    /** "TCP 9000, 9003 from Internet to 10.0.0.0/24". */
    static String describe(Traffic t, AddressSpace space) {
        String proto = t.protocols() == Protocols.ALL ? "any protocol" : Protocols.describe(t.protocols());
        StringBuilder sb = new StringBuilder(proto);
        long[] ports = t.destinationPorts(), others = Intervals.subtract(Ports.ALL, ports);
        if (others.length > 0) {
            sb.append(' ').append(others.length < ports.length ? "all ports except " + Ports.describe(others) : Ports.describe(ports));
        }
        sb.append(" from ").append(describe(t.source(), space));
        if (!Intervals.containsAll(t.sourcePorts(), Ports.ALL)) sb.append(" (source ports ").append(Ports.describe(t.sourcePorts())).append(')');
        sb.append(" to ").append(describe(t.destination(), space));
        return sb.toString();
    }

    /** An address set in the user's words: *, Internet, VirtualNetwork, tags, prefixes, "… except …". */
    static String describe(AddressSet s, AddressSpace space) {
        AddressSet any = known(space);
        if (s.containsAll(any)) return "*";
        List<String> parts = new ArrayList<>();
        AddressSet rest = s;
        for (String name : new String[] {"Internet", "VirtualNetwork"}) {
            AddressSet whole = space.resolve(name);
            if (!whole.isEmpty() && rest.containsAll(whole)) {
                parts.add(name);
                rest = rest.subtract(whole);
            }
        }
        if (rest.atoms() != 0) parts.add(atoms(space, rest.atoms()));
        List<String> prefixes = Cidr.toPrefixes(rest.ranges());
        if (prefixes.size() > 6) parts.add(prefixes.size() + " ranges from " + prefixes.get(0) + " to " + prefixes.get(prefixes.size() - 1));
        else parts.addAll(prefixes);
        if (parts.isEmpty()) return "nothing";
        if (parts.size() <= 4 && !parts.get(parts.size() - 1).contains(" ranges from ")) return String.join(", ", parts);
        // Long lists read better as what is left out of a whole: "* except AzureLoadBalancer, 10.0.0.0/24".
        for (String name : new String[] {"*", "Internet", "VirtualNetwork"}) {
            AddressSet whole = name.equals("*") ? any : space.resolve(name);
            if (!whole.isEmpty() && whole.containsAll(s) && !whole.equals(s)) {
                AddressSet missing = whole.subtract(s);
                List<String> except = new ArrayList<>();
                if (missing.atoms() != 0) except.add(atoms(space, missing.atoms()));
                except.addAll(Cidr.toPrefixes(missing.ranges()));
                if (except.size() <= 4) return name + " except " + String.join(", ", except);
            }
        }
        return String.join(", ", parts);
    }

    /** Tag atoms by name; a part of a tag (what is left of AzureCloud without Storage) says so. */
    private static String atoms(AddressSpace space, long atoms) {
        String named = space.describeAtoms(atoms);
        if (!named.isEmpty()) return named;
        for (String t : AddressSpace.KNOWN_TAGS) {
            if ((space.resolve(t).atoms() & atoms) != 0) return "part of " + t;
        }
        return "part of a service tag";
    }

    // ---- routes ----

    private static void routes(String label, Design before, Subnet b, Design after, Subnet a, List<Difference> out) {
        RouteResolver rb = RouteResolver.forSubnet(before, b), ra = RouteResolver.forSubnet(after, a);
        if (rb.entries().equals(ra.entries())) return;
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(0L);
        for (RouteResolver r : new RouteResolver[] {rb, ra}) {
            for (RouteEntry e : r.entries()) {
                cuts.add(e.first());
                if (e.last() < Cidr.MAX) cuts.add(e.last() + 1);
            }
        }
        Long[] c = cuts.toArray(new Long[0]);
        long runFirst = -1, runLast = -1;
        String runBefore = null, runAfter = null;
        for (int i = 0; i < c.length; i++) {
            long lo = c[i], hi = i + 1 < c.length ? c[i + 1] - 1 : Cidr.MAX;
            String hb = hop(rb.nextHop(lo)), ha = hop(ra.nextHop(lo));
            boolean differs = !sameHop(rb.nextHop(lo), ra.nextHop(lo));
            if (differs && runFirst >= 0 && hb.equals(runBefore) && ha.equals(runAfter) && runLast + 1 == lo) {
                runLast = hi;
                continue;
            }
            if (runFirst >= 0) emit(label, runFirst, runLast, runBefore, runAfter, out);
            runFirst = differs ? lo : -1;
            runLast = hi;
            runBefore = hb;
            runAfter = ha;
        }
        if (runFirst >= 0) emit(label, runFirst, runLast, runBefore, runAfter, out);
    }

    private static boolean sameHop(RouteEntry x, RouteEntry y) {
        if (x == null || y == null) return x == y;
        return x.nextHopType().equalsIgnoreCase(y.nextHopType()) && Objects.equals(blank(x.nextHopIpAddress()), blank(y.nextHopIpAddress()));
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    private static String hop(RouteEntry e) {
        return e == null ? "no route" : e.describe();
    }

    private static void emit(String label, long first, long last, String before, String after, List<Difference> out) {
        List<String> prefixes = Cidr.toPrefixes(first, last);
        String where = prefixes.size() > 4 ? prefixes.size() + " ranges from " + prefixes.get(0) + " to " + prefixes.get(prefixes.size() - 1)
                : String.join(", ", prefixes);
        out.add(new Difference(label, "route", "subnet " + label + ": traffic to " + where + " now takes " + after + " (before: " + before + ")"));
    }
}
