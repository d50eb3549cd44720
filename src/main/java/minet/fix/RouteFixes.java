package minet.fix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import minet.model.Design;
import minet.model.Lists;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.Subnet;
import minet.rules.AzureRules;
import minet.rules.Seed;
import minet.rules.eval.Cidr;
import minet.rules.route.RouteEntry;
import minet.rules.route.RouteResolver;

/** The route table fixes; like {@link NsgFixes}, pure functions of the design that look their targets up by id. */
final class RouteFixes {
    private RouteFixes() {}

    /** Azure: at most 400 routes per route table (UDR-LIMIT). */
    static final int ROUTE_LIMIT = 400;

    static Optional<RouteTable> tableOf(Design d, Subnet s) {
        return s.routeTableId() == null ? Optional.empty() : d.routeTable(s.routeTableId());
    }

    static boolean isInternet(Route r) {
        return Route.INTERNET.equalsIgnoreCase(r.nextHopType());
    }

    /**
     * rules.md: a required prefix is routed to Internet when every address in it resolves, longest prefix first and
     * using the table's user routes alone, to next hop Internet (the union of smaller routes counts). The rule
     * engine's route resolver decides.
     */
    static boolean routedToInternet(List<RouteEntry> userRoutes, String required) {
        long[] p = Cidr.parse(required);
        return p != null && RouteResolver.uncovered(p[0], p[1], userRoutes, Route.INTERNET).length == 0;
    }

    /** User routes inside a required prefix that send its traffic elsewhere (MI-UDR-CONFLICT); the subnet's own routes excepted. */
    static List<Route> conflicts(RouteTable t, Subnet s) {
        List<RouteEntry> user = RouteResolver.userRoutes(t);
        List<long[]> own = s.addressPrefixes().stream().map(Cidr::parse).filter(x -> x != null).toList();
        Set<Route> out = new LinkedHashSet<>();
        for (String prefix : Seed.managementPrefixes()) {
            long[] p = Cidr.parse(prefix);
            for (RouteEntry e : RouteResolver.conflicts(p[0], p[1], user, Route.INTERNET)) {
                if (AzureRules.isAzure(e.route())) continue;
                if (own.stream().noneMatch(o -> o[0] <= e.first() && e.last() <= o[1])) out.add(e.route());
            }
        }
        return List.copyOf(out);
    }

    private static Optional<Subnet> miSubnet(Design d, String id) {
        return NsgFixes.miSubnet(d, id);
    }

    // ---- MI-SUBNET-ROUTE-TABLE ----

    static Design createRouteTable(Design d, String subnetId) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        if (s == null || (s.routeTableId() != null && !s.routeTableId().isBlank()) || s.addressPrefixes().isEmpty()) return d;
        Set<String> taken = new HashSet<>();
        d.routeTables().forEach(t -> { taken.add(NsgFixes.lower(t.id())); taken.add(NsgFixes.lower(t.name())); });
        String name = "rt-" + s.name();
        for (int i = 2; taken.contains(NsgFixes.lower(name)); i++) name = "rt-" + s.name() + "-" + i;
        List<Route> routes = new ArrayList<>(vnetLocalRoutes(s, new HashSet<>()));
        routes.addAll(Seed.MANAGEMENT_ROUTES);
        String location = d.vnetOf(s).map(v -> v.location()).orElse(null);
        String id = name;
        RouteTable t = new RouteTable(id, name, location, false, routes, null);
        return d.withRouteTables(Lists.plus(d.routeTables(), t)).mapSubnet(s.id(), x -> x.withRouteTableId(id));
    }

    private static List<Route> vnetLocalRoutes(Subnet s, Set<String> taken) {
        List<Route> out = new ArrayList<>();
        for (String p : s.addressPrefixes()) out.add(Route.of(unique(taken, Seed.ROUTE_VNET_LOCAL), p, Route.VNET_LOCAL));
        return out;
    }

    private static String unique(Set<String> taken, String base) {
        String name = base;
        for (int i = 2; taken.contains(NsgFixes.lower(name)); i++) name = base + "-" + i;
        taken.add(NsgFixes.lower(name));
        return name;
    }

    private static Set<String> names(RouteTable t) {
        Set<String> taken = new HashSet<>();
        t.routes().forEach(r -> taken.add(NsgFixes.lower(r.name())));
        return taken;
    }

    private static boolean samePrefix(String a, String b) {
        long[] x = Cidr.parse(a), y = Cidr.parse(b);
        return x != null && y != null && x[0] == y[0] && x[1] == y[1];
    }

    // ---- MI-UDR-VNETLOCAL ----

    /** Adds subnet_to_vnetlocal; a route for exactly the subnet's prefix with another next hop gets VnetLocal instead. */
    static Design ensureVnetLocal(Design d, String subnetId, Consumer<String> cannot) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        RouteTable t = s == null ? null : tableOf(d, s).orElse(null);
        if (t == null || unknown(t, cannot)) return d;
        Set<String> taken = names(t);
        List<Route> routes = new ArrayList<>(t.routes());
        for (String p : s.addressPrefixes()) {
            int same = -1;
            for (int i = 0; i < routes.size(); i++) if (samePrefix(routes.get(i).addressPrefix(), p)) { same = i; break; }
            if (same >= 0 && AzureRules.isAzure(routes.get(same))) continue; // Azure's own route: never changed
            if (same < 0) routes.add(Route.of(unique(taken, Seed.ROUTE_VNET_LOCAL), p, Route.VNET_LOCAL));
            else if (!Route.VNET_LOCAL.equalsIgnoreCase(routes.get(same).nextHopType()))
                routes.set(same, routes.get(same).withNextHopType(Route.VNET_LOCAL).withNextHopIpAddress(null));
        }
        return routes.equals(t.routes()) ? d : d.mapRouteTable(t.id(), x -> x.withRoutes(routes));
    }

    // ---- MI-UDR-CONFLICT ----

    static Design removeConflicts(Design d, String subnetId) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        RouteTable t = s == null ? null : tableOf(d, s).orElse(null);
        if (t == null) return d;
        List<Route> bad = conflicts(t, s);
        if (bad.isEmpty()) return d;
        // By value: a route listed twice is a conflict twice (a Set of conflicts holds it once).
        return d.mapRouteTable(t.id(), x -> x.withRoutes(Lists.minus(x.routes(), bad::contains)));
    }

    // ---- MI-UDR-MANAGEMENT ----

    /** The seed's prefixes this table does not route to Internet, leaving out those a conflicting route of exactly that prefix holds. */
    static List<Route> missingManagementRoutes(RouteTable t) {
        List<Route> out = new ArrayList<>();
        List<RouteEntry> user = RouteResolver.userRoutes(t);
        for (Route req : Seed.MANAGEMENT_ROUTES) {
            if (routedToInternet(user, req.addressPrefix())) continue;
            if (t.routes().stream().anyMatch(r -> samePrefix(r.addressPrefix(), req.addressPrefix()))) continue;
            out.add(req);
        }
        return out;
    }

    static Design addManagementRoutes(Design d, String subnetId, Consumer<String> cannot) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        RouteTable t = s == null ? null : tableOf(d, s).orElse(null);
        if (t == null || unknown(t, cannot)) return d;
        List<Route> missing = missingManagementRoutes(t);
        if (missing.isEmpty()) return d;
        if (t.routes().size() + missing.size() > ROUTE_LIMIT) {
            cannot.accept("route table '" + t.name() + "' would have " + (t.routes().size() + missing.size())
                    + " routes, more than Azure's " + ROUTE_LIMIT + ": remove routes first");
            return d;
        }
        Set<String> taken = names(t);
        List<Route> routes = new ArrayList<>(t.routes());
        for (Route r : missing) routes.add(r.withName(unique(taken, Seed.routeName(r.addressPrefix()))));
        return d.mapRouteTable(t.id(), x -> x.withRoutes(routes));
    }

    /** Routes added next to ones not known offline could duplicate them once deployed (Azure refuses that). */
    private static boolean unknown(RouteTable t, Consumer<String> cannot) {
        List<Route> unknown = RouteResolver.unknownRoutes(t);
        if (unknown.isEmpty()) return false;
        cannot.accept("route table '" + t.name() + "' has routes not known offline (" + String.join(", ", unknown.stream().map(Route::name).toList())
                + "): import it with its parameters to fix its routes");
        return true;
    }

    // ---- UDR-NEXT-HOP ----

    /** Azure's spelling of a next hop type, or null when it is not one. */
    static String nextHopType(String s) {
        if (s == null) return null;
        return Route.NEXT_HOP_TYPES.stream().filter(t -> t.equalsIgnoreCase(s.trim())).findFirst().orElse(null);
    }

    static Route normalized(Route r) {
        Route out = r;
        String type = nextHopType(r.nextHopType());
        if (type != null && !type.equals(r.nextHopType())) out = out.withNextHopType(type);
        boolean appliance = Route.VIRTUAL_APPLIANCE.equals(type);
        if (type != null && !appliance && r.nextHopIpAddress() != null) out = out.withNextHopIpAddress(null);
        return out;
    }

    static Design normalizeRoutes(Design d, String tableId) {
        RouteTable t = d.routeTable(tableId).orElse(null);
        if (t == null) return d;
        List<Route> routes = t.routes().stream().map(r -> AzureRules.isAzure(r) ? r : normalized(r)).toList();
        return routes.equals(t.routes()) ? d : d.mapRouteTable(t.id(), x -> x.withRoutes(routes));
    }
}
