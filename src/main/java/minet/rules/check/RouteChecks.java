package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minet.model.ResourcePaths;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.Subnet;
import minet.rules.Catalog;
import minet.rules.Seed;
import minet.rules.Severity;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;
import minet.rules.route.RouteEntry;
import minet.rules.route.RouteResolver;

/**
 * MI-UDR-*: the 04/2019 document's user-defined routes, judged by what the table's own routes do (longest prefix, union of
 * routes), never by names. System and BGP routes do not count: a gateway may advertise 0.0.0.0/0.
 */
final class RouteChecks {
    private RouteChecks() {}

    /** The 04/2019 document's 99 management prefixes as ranges, parsed once. */
    private static final List<long[]> REQUIRED = Seed.managementPrefixes().stream().map(Cidr::parse).toList();

    static void run(Subnet s, RouteTable table, Findings out) {
        List<RouteEntry> routes = RouteResolver.userRoutes(table);
        String path = ResourcePaths.routeTable(table);
        String label = "Route table '" + table.name() + "'";
        // Routes not known offline may cover what the known ones miss: then a gap is a warning ("cannot tell").
        List<String> unknown = RouteResolver.unknownRoutes(table).stream().map(Route::name).toList();
        Severity missingRoute = unknown.isEmpty() ? Severity.ERROR : Severity.WARNING;
        String unsure = unknown.isEmpty() ? "" : " as far as can be told offline (route" + (unknown.size() == 1 ? " " : "s ")
                + String.join(", ", unknown) + (unknown.size() == 1 ? " has" : " have") + " values not known offline)";

        for (String prefix : s.addressPrefixes()) {
            long[] r = Cidr.parse(prefix);
            if (r == null && minet.model.Unknowns.has(prefix)) {
                out.add(Catalog.MI_UDR_VNETLOCAL, Severity.WARNING, path, "Cannot tell offline whether " + label + " routes subnet '" + s.name()
                        + "' to VnetLocal: its address prefix " + prefix + " is not known offline" + (s.source() == null ? "" : " (" + s.source().describe() + ")"),
                        details("routeTableId", table.id(), "subnetId", s.id(), "unknownPrefixes", List.of(prefix), "suggestedRoute", Seed.ROUTE_VNET_LOCAL),
                        table.id(), table.source());
                continue;
            }
            if (r == null) continue;
            long[] gap = RouteResolver.uncovered(r[0], r[1], routes, Route.VNET_LOCAL);
            if (gap.length == 0) continue;
            List<String> missing = Cidr.toPrefixes(gap);
            RouteEntry actual = RouteResolver.of(routes).nextHop(gap[0]);
            out.add(Catalog.MI_UDR_VNETLOCAL, missingRoute, path, label + " has no route " + prefix + " → VnetLocal for subnet '" + s.name() + "'"
                    + (actual == null ? "" : " (" + actual.describe() + " takes " + missing.get(0) + ")") + unsure + "; add '" + Seed.ROUTE_VNET_LOCAL + "'",
                    details("routeTableId", table.id(), "subnetId", s.id(), "subnet", prefix, "uncovered", missing,
                            "suggestedRoute", Seed.ROUTE_VNET_LOCAL, "unknownRoutes", unknown.isEmpty() ? null : unknown), table.id(), table.source());
        }

        // Resolve the whole table once: the addresses its routes do not send to Internet, and the routes that send elsewhere.
        long[] notInternet = RouteResolver.uncovered(0, Cidr.MAX, routes, Route.INTERNET);
        List<RouteEntry> elsewhere = routes.stream().filter(e -> !e.hasNextHop(Route.INTERNET)).toList();
        List<String> uncovered = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Set<RouteEntry> conflicting = new LinkedHashSet<>();
        List<Map<String, Object>> conflicts = new ArrayList<>();
        for (int i = 0; i < REQUIRED.size(); i++) {
            long[] req = REQUIRED.get(i);
            String prefix = Seed.MANAGEMENT_ROUTES.get(i).addressPrefix();
            long[] gap = Intervals.intersect(notInternet, req);
            if (gap.length > 0) {
                uncovered.add(prefix);
                parts.addAll(Cidr.toPrefixes(gap));
            }
            for (RouteEntry c : RouteResolver.conflicts(req[0], req[1], elsewhere, Route.INTERNET)) {
                conflicting.add(c);
                conflicts.add(details("route", c.name(), "addressPrefix", c.addressPrefix(), "nextHopType", c.nextHopType(), "requiredPrefix", prefix));
            }
        }
        if (!uncovered.isEmpty()) {
            String shown = String.join(", ", uncovered.subList(0, Math.min(5, uncovered.size()))) + (uncovered.size() > 5 ? ", …" : "");
            out.add(Catalog.MI_UDR_MANAGEMENT, missingRoute, path, label + " does not route " + uncovered.size() + " of the 04/2019 document's "
                    + REQUIRED.size() + " management prefixes to next hop Internet" + unsure + ": " + shown,
                    details("routeTableId", table.id(), "subnetId", s.id(), "uncovered", uncovered, "uncoveredAddresses", parts,
                            "unknownRoutes", unknown.isEmpty() ? null : unknown), table.id(), table.source());
        }
        if (!conflicting.isEmpty()) {
            List<String> names = conflicting.stream().map(RouteEntry::name).toList();
            List<String> shown = conflicting.stream().limit(3).map(RouteEntry::describe).toList();
            out.add(Catalog.MI_UDR_CONFLICT, Severity.ERROR, path, label + ": " + String.join(", ", shown) + (conflicting.size() > 3 ? ", …" : "")
                    + (conflicting.size() == 1 ? " sends" : " send") + " part of the 04/2019 document's management prefixes away from next hop Internet",
                    details("routeTableId", table.id(), "subnetId", s.id(), "routes", names, "conflicts", conflicts), table.id(), table.source());
        }
    }
}
