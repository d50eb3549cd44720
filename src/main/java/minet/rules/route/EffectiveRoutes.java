package minet.rules.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.AddressSpace;

/**
 * A subnet's effective routes as the portal lists them (Network interface → Effective routes): every system route,
 * gateway route and user route with its source, and per address prefix the one that is active. Among routes of the
 * same prefix a user route beats a gateway (BGP) route, which beats a system route, and a route of the VNet's
 * address space beats the None route of a private range it equals; the others are invalid. Between different
 * prefixes the longest match decides per packet, so several may be active. Built from the same routes as
 * {@link RouteResolver}, so it cannot disagree with the checks and the trace.
 */
public record EffectiveRoutes(String routeTableName, List<Row> rows, List<String> notes) {
    public EffectiveRoutes {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** Active: chosen for its prefix. Invalid: another route of the same prefix is. Unknown: cannot be told offline. */
    public enum State { ACTIVE, INVALID, UNKNOWN }

    /** Source as the portal says it: "Default", "Virtual network gateway" or "User". */
    public record Row(String source, State state, String addressPrefix, String nextHopType, String nextHopIpAddress,
                      String routeName) {}

    public static final String DEFAULT = "Default", GATEWAY = "Virtual network gateway", USER = "User";

    public static EffectiveRoutes of(Design design, Subnet subnet) {
        RouteTable table = subnet.routeTableId() == null ? null : design.routeTable(subnet.routeTableId()).orElse(null);
        VirtualNetwork vnet = design.vnetOf(subnet).orElse(null);
        boolean noBgp = table != null && table.disableBgpRoutePropagation();
        List<RouteEntry> entries = new ArrayList<>(RouteResolver.systemRoutes(design, vnet, noBgp));
        entries.addAll(RouteResolver.userRoutes(table));

        // The winner of each prefix: user, then BGP, then system; among system routes not the None one.
        Map<String, RouteEntry> winner = new HashMap<>();
        Comparator<RouteEntry> preference = Comparator.comparing(RouteEntry::origin)
                .thenComparing(e -> e.hasNextHop(Route.NONE));
        for (RouteEntry e : entries) winner.merge(e.first() + "/" + e.prefixLength(), e, (a, b) -> preference.compare(b, a) < 0 ? b : a);

        List<Row> rows = new ArrayList<>();
        List<RouteEntry> ordered = new ArrayList<>(entries);
        // As the portal: system routes first, then gateway, then user routes; each by address.
        ordered.sort(Comparator.comparing((RouteEntry e) -> e.origin() == RouteEntry.Origin.SYSTEM ? 0 : e.origin() == RouteEntry.Origin.BGP ? 1 : 2)
                .thenComparingLong(RouteEntry::first).thenComparingInt(RouteEntry::prefixLength));
        for (RouteEntry e : ordered) {
            State state = winner.get(e.first() + "/" + e.prefixLength()) == e ? State.ACTIVE : State.INVALID;
            rows.add(new Row(source(e), state, e.addressPrefix(), e.nextHopType(), e.nextHopIpAddress(), e.route() == null ? null : e.route().name()));
        }
        List<String> notes = new ArrayList<>();
        // What a user route holds that is no IPv4 prefix (a service tag, a template placeholder): Azure decides it, we cannot.
        if (table != null) {
            for (Route r : table.routes()) {
                if (RouteEntry.user(r) != null) continue;
                rows.add(new Row(USER, State.UNKNOWN, r.addressPrefix(), r.nextHopType(), r.nextHopIpAddress(), r.name()));
            }
        }
        for (String service : subnet.serviceEndpoints()) {
            rows.add(new Row(DEFAULT, State.UNKNOWN, "addresses of " + service, "VirtualNetworkServiceEndpoint", null, null));
            notes.add("The service endpoint " + service + " adds routes to the service's public addresses, which cannot be known offline.");
        }
        if (noBgp && vnet != null) {
            for (ExternalNetwork e : design.externalNetworks()) {
                if (e.kind() == ExternalNetwork.Kind.ON_PREMISES && AddressSpace.reachesThrough(design, vnet, e) && !e.addressPrefixes().isEmpty()) {
                    notes.add("Routes to " + e.name() + " (" + String.join(", ", e.addressPrefixes())
                            + ") are not propagated from the gateway: the route table disables BGP route propagation.");
                }
            }
        }
        if (vnet == null) notes.add("The subnet is in no virtual network of the design: only the default routes are known.");
        return new EffectiveRoutes(table == null ? null : table.name(), rows, notes);
    }

    private static String source(RouteEntry e) {
        return switch (e.origin()) {
            case USER -> USER;
            case BGP -> GATEWAY;
            case SYSTEM -> DEFAULT;
        };
    }

    /** The active routes. */
    public List<Row> active() { return rows.stream().filter(r -> r.state() == State.ACTIVE).toList(); }
}
