package minet.rules.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Peering;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;

/**
 * A subnet's effective routes and Azure's choice among them: the longest matching prefix wins; on equal prefixes
 * a user route beats BGP, which beats a system route. Also answers rules.md's "routed to Internet" question over
 * whole prefixes ({@link #uncovered}) and finds routes inside a prefix that send it elsewhere ({@link #conflicts}).
 * Immutable and thread-safe.
 */
public final class RouteResolver {
    /** Private ranges Azure routes to None unless they are in the VNet's address space. */
    private static final List<String> RESERVED = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10");

    private final RouteEntry[] byPreference;

    private RouteResolver(List<RouteEntry> entries) {
        List<RouteEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((RouteEntry e) -> -e.prefixLength()).thenComparing(RouteEntry::origin));
        this.byPreference = sorted.toArray(new RouteEntry[0]);
    }

    public static RouteResolver of(List<RouteEntry> entries) { return new RouteResolver(entries); }

    /** The effective routes of {@code subnet}: its route table's routes, gateway routes and system routes. */
    public static RouteResolver forSubnet(Design design, Subnet subnet) {
        RouteTable table = subnet.routeTableId() == null ? null : design.routeTable(subnet.routeTableId()).orElse(null);
        List<RouteEntry> all = new ArrayList<>(userRoutes(table));
        VirtualNetwork vnet = design.vnetOf(subnet).orElse(null);
        all.addAll(systemRoutes(design, vnet, table != null && table.disableBgpRoutePropagation()));
        return new RouteResolver(all);
    }

    /** The IPv4 routes of a table, in its order (routes to service tags are left out: they cannot be expanded offline). */
    /**
     * The table's routes whose prefix or next hop is not known offline (an import's placeholder, e.g. the one item
     * that stands for a copy loop of unknown count): they may cover anything, so a missing route is not certain.
     */
    public static List<Route> unknownRoutes(RouteTable table) {
        if (table == null) return List.of();
        return table.routes().stream().filter(r -> Cidr.isPlaceholder(r.addressPrefix()) || Cidr.isPlaceholder(r.nextHopType())).toList();
    }

    public static List<RouteEntry> userRoutes(RouteTable table) {
        List<RouteEntry> out = new ArrayList<>();
        if (table == null) return out;
        for (Route r : table.routes()) {
            RouteEntry e = RouteEntry.user(r);
            if (e != null) out.add(e);
        }
        return out;
    }

    /** Azure's system routes of a VNet (address spaces, peerings, 0.0.0.0/0, reserved ranges) and its gateway routes. */
    public static List<RouteEntry> systemRoutes(Design design, VirtualNetwork vnet, boolean disableBgp) {
        List<RouteEntry> out = new ArrayList<>();
        if (vnet != null) {
            for (String p : vnet.addressSpaces()) add(out, RouteEntry.system("Virtual network", p, Route.VNET_LOCAL, RouteEntry.Origin.SYSTEM));
            for (minet.model.Connectivity.Link link : minet.model.Connectivity.links(design, vnet)) {
                if (link.kind().equals(minet.model.Connectivity.Link.PEERING)) {
                    for (String p : link.remoteAddressSpaces()) add(out, RouteEntry.system("VNet peering " + link.name(), p, "VNetPeering", RouteEntry.Origin.SYSTEM));
                } else if (!disableBgp) {
                    // A VNet-to-VNet connection: the gateway learns the other VNet's space (not propagated when the table disables it).
                    for (String p : link.remoteAddressSpaces()) {
                        add(out, RouteEntry.system("Virtual network gateway (connection " + link.name() + ")", p, Route.GATEWAY, RouteEntry.Origin.BGP));
                    }
                }
            }
            if (!disableBgp) {
                for (ExternalNetwork e : design.externalNetworks()) {
                    if (e.kind() != ExternalNetwork.Kind.ON_PREMISES || !AddressSpace.reachesThrough(design, vnet, e)) continue;
                    for (String p : e.addressPrefixes()) add(out, RouteEntry.system("Virtual network gateway (" + e.name() + ")", p, Route.GATEWAY, RouteEntry.Origin.BGP));
                }
            }
        }
        add(out, RouteEntry.system("Default", "0.0.0.0/0", Route.INTERNET, RouteEntry.Origin.SYSTEM));
        for (String p : RESERVED) add(out, RouteEntry.system("Default", p, Route.NONE, RouteEntry.Origin.SYSTEM));
        return out;
    }

    private static void add(List<RouteEntry> out, RouteEntry e) {
        if (e != null) out.add(e);
    }

    /** The route Azure picks for {@code address}, or null when none matches (only without system routes). */
    public RouteEntry nextHop(long address) {
        for (RouteEntry e : byPreference) if (e.contains(address)) return e;
        return null;
    }

    private int indexOf(long address) {
        for (int i = 0; i < byPreference.length; i++) if (byPreference[i].contains(address)) return i;
        return -1;
    }

    /** The entries in order of preference. */
    public List<RouteEntry> entries() { return List.of(byPreference); }

    /**
     * The addresses of {@code [first, last]} that do NOT resolve to {@code nextHopType} using {@code routes} alone
     * (an address no route matches is uncovered). The union of several routes counts. Returns an interval array.
     */
    public static long[] uncovered(long first, long last, List<RouteEntry> routes, String nextHopType) {
        List<RouteEntry> relevant = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        List<Long> cuts = new ArrayList<>();
        cuts.add(first);
        for (int i = 0; i < routes.size(); i++) {
            RouteEntry e = routes.get(i);
            if (e.last() < first || e.first() > last) continue;
            relevant.add(e);
            order.add(i);
            if (e.first() > first) cuts.add(e.first());
            if (e.last() < last) cuts.add(e.last() + 1);
        }
        cuts.sort(null);
        // Prefixes nest or are disjoint: sweep the cuts with a stack of the prefixes holding the current address,
        // broader below, and on equal prefixes the preferred route (user, then list order) on top.
        Integer[] idx = new Integer[relevant.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, Comparator.comparingLong((Integer i) -> relevant.get(i).first())
                .thenComparingInt(i -> relevant.get(i).prefixLength())
                .thenComparing((Integer i) -> relevant.get(i).origin(), Comparator.reverseOrder())
                .thenComparing(i -> order.get(i), Comparator.reverseOrder()));
        java.util.ArrayDeque<RouteEntry> stack = new java.util.ArrayDeque<>();
        long[] raw = new long[cuts.size() * 2];
        int k = 0, next = 0;
        for (int c = 0; c < cuts.size(); c++) {
            long lo = cuts.get(c);
            long hi = c + 1 < cuts.size() ? cuts.get(c + 1) - 1 : last;
            if (lo > hi) continue;
            while (!stack.isEmpty() && stack.peek().last() < lo) stack.pop();
            while (next < idx.length && relevant.get(idx[next]).first() <= lo) stack.push(relevant.get(idx[next++]));
            RouteEntry win = stack.peek();
            if (win == null || !win.hasNextHop(nextHopType)) {
                raw[k++] = lo;
                raw[k++] = hi;
            }
        }
        return Intervals.normalize(java.util.Arrays.copyOf(raw, k));
    }

    /** Routes whose prefix lies inside {@code [first, last]} (or equals it) with a next hop other than {@code nextHopType}. */
    public static List<RouteEntry> conflicts(long first, long last, List<RouteEntry> routes, String nextHopType) {
        List<RouteEntry> out = new ArrayList<>();
        for (RouteEntry e : routes) {
            if (e.first() >= first && e.last() <= last && !e.hasNextHop(nextHopType)) out.add(e);
        }
        return out;
    }

    /** {@link #uncovered} for a prefix string, as prefixes ("13.96.0.0/13"). */
    public static List<String> uncoveredPrefixes(String prefix, List<RouteEntry> routes, String nextHopType) {
        long[] r = Cidr.parse(prefix);
        if (r == null) return List.of(prefix);
        return Cidr.toPrefixes(uncovered(r[0], r[1], routes, nextHopType));
    }
}
