package minet.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import minet.model.Design;
import minet.model.Lists;
import minet.model.ResourcePaths;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;

/**
 * What changed between two designs in the parts fixes touch (and exports write): NSGs and their rules, route
 * tables and their routes, the subnets' NSG and route table associations and service endpoints. Elements are
 * matched by id (NSGs, route tables, subnets) and by name (rules, routes), without case as Azure does.
 */
public record ChangeList(List<Change> changes) {
    public ChangeList {
        changes = List.copyOf(changes);
    }

    public static ChangeList between(Design before, Design after) {
        List<Change> out = new ArrayList<>();
        securityGroups(before, after, out);
        routeTables(before, after, out);
        subnets(before, after, out);
        return new ChangeList(out);
    }

    public boolean isEmpty() { return changes.isEmpty(); }

    public List<Change> of(Change.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** One change a line, as {@code minet fix} prints it. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) sb.append(c.text()).append('\n');
        return sb.toString();
    }

    @Override public String toString() { return text(); }

    /**
     * The element of {@code other} that {@code item} of {@code list} is: the same ID, and where several share one
     * (NET-DUPLICATE), the same place among them, so that two NSGs of one ID are not compared with each other.
     */
    private static <T> Optional<T> counterpart(List<T> list, T item, List<T> other, Function<T, String> id) {
        String key = id.apply(item);
        int k = 0;
        for (T t : list) {
            if (t == item) break;
            if (Lists.sameId(id.apply(t), key)) k++;
        }
        for (T t : other) {
            if (Lists.sameId(id.apply(t), key) && k-- == 0) return Optional.of(t);
        }
        return Optional.empty();
    }

    // ---- NSGs ----

    private static void securityGroups(Design before, Design after, List<Change> out) {
        for (SecurityGroup a : after.securityGroups()) {
            Optional<SecurityGroup> b = counterpart(after.securityGroups(), a, before.securityGroups(), SecurityGroup::id);
            if (b.isEmpty()) {
                out.add(new Change(Change.Kind.ADDED, Change.Element.SECURITY_GROUP, ResourcePaths.nsg(a), a.name(), null,
                        a.rules().size() + " rules", null));
                for (SecurityRule r : a.rules()) out.add(ruleAdded(a, r));
            } else {
                rules(b.get(), a, out);
            }
        }
        for (SecurityGroup b : before.securityGroups()) {
            if (counterpart(before.securityGroups(), b, after.securityGroups(), SecurityGroup::id).isEmpty()) {
                out.add(new Change(Change.Kind.REMOVED, Change.Element.SECURITY_GROUP, ResourcePaths.nsg(b), b.name(),
                        b.rules().size() + " rules", null, null));
            }
        }
    }

    private static Change ruleAdded(SecurityGroup g, SecurityRule r) {
        // The rule's description says why it is there (a fix's rules say which requirement they meet).
        return new Change(Change.Kind.ADDED, Change.Element.SECURITY_RULE, ResourcePaths.rule(g, r), g.name() + "/" + r.name(),
                null, describe(r), r.description() == null || r.description().isBlank() ? null : r.description());
    }

    private static void rules(SecurityGroup b, SecurityGroup a, List<Change> out) {
        pair(b.rules(), a.rules(), SecurityRule::name, r -> r.direction() + "/" + r.access() + "/" + r.priority(), (x, y) -> {
            if (x == null) out.add(ruleAdded(a, y));
            else if (y == null) out.add(new Change(Change.Kind.REMOVED, Change.Element.SECURITY_RULE, ResourcePaths.rule(b, x),
                    b.name() + "/" + x.name(), describe(x), null, null));
            else if (!x.equals(y)) {
                String details = ruleDetails(x, y);
                if (!details.isEmpty()) out.add(new Change(Change.Kind.CHANGED, Change.Element.SECURITY_RULE,
                        ResourcePaths.rule(a, y), a.name() + "/" + y.name(), describe(x), describe(y), details));
            }
        });
    }

    /** "(100, Inbound, Allow, Tcp * → 10.0.0.0/24: 9000,9003)". */
    public static String describe(SecurityRule r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.priority()).append(", ").append(r.direction() == null ? "?" : r.direction().azure()).append(", ")
                .append(r.access() == null ? "?" : r.access().azure()).append(", ").append(r.protocol()).append(' ')
                .append(addresses(r.sourcePrefixes(), r.sourceApplicationSecurityGroups()));
        if (!r.sourcePorts().isEmpty() && !r.sourcePorts().equals(List.of("*"))) sb.append(':').append(String.join(",", r.sourcePorts()));
        sb.append(" → ").append(addresses(r.destinationPrefixes(), r.destinationApplicationSecurityGroups()))
                .append(": ").append(String.join(",", r.destinationPorts()));
        return sb.toString();
    }

    private static String addresses(List<String> prefixes, List<String> asgs) {
        List<String> all = new ArrayList<>(prefixes);
        asgs.forEach(x -> all.add("asg:" + x.substring(x.lastIndexOf('/') + 1)));
        return all.isEmpty() ? "?" : String.join(",", all);
    }

    private static String ruleDetails(SecurityRule x, SecurityRule y) {
        List<String> d = new ArrayList<>();
        field(d, "priority", x.priority(), y.priority());
        field(d, "direction", x.direction() == null ? null : x.direction().azure(), y.direction() == null ? null : y.direction().azure());
        field(d, "access", x.access() == null ? null : x.access().azure(), y.access() == null ? null : y.access().azure());
        field(d, "protocol", x.protocol(), y.protocol());
        field(d, "source", list(x.sourcePrefixes()), list(y.sourcePrefixes()));
        field(d, "source ports", list(x.sourcePorts()), list(y.sourcePorts()));
        field(d, "destination", list(x.destinationPrefixes()), list(y.destinationPrefixes()));
        field(d, "destination ports", list(x.destinationPorts()), list(y.destinationPorts()));
        field(d, "source ASGs", list(x.sourceApplicationSecurityGroups()), list(y.sourceApplicationSecurityGroups()));
        field(d, "destination ASGs", list(x.destinationApplicationSecurityGroups()), list(y.destinationApplicationSecurityGroups()));
        field(d, "description", x.description(), y.description());
        // Same values, other fields (singular → plural): a change Azure sees, so say so.
        if (d.isEmpty()) d.add("singular and plural fields merged");
        return String.join("; ", d);
    }

    private static String list(List<String> l) { return String.join(",", l); }

    private static void field(List<String> out, String name, Object x, Object y) {
        if (!Objects.equals(x, y)) out.add(name + " " + show(x) + " → " + show(y));
    }

    private static String show(Object o) {
        return o == null || o.toString().isEmpty() ? "(none)" : o.toString();
    }

    // ---- route tables ----

    private static void routeTables(Design before, Design after, List<Change> out) {
        for (RouteTable a : after.routeTables()) {
            Optional<RouteTable> b = counterpart(after.routeTables(), a, before.routeTables(), RouteTable::id);
            if (b.isEmpty()) {
                out.add(new Change(Change.Kind.ADDED, Change.Element.ROUTE_TABLE, ResourcePaths.routeTable(a), a.name(), null,
                        a.routes().size() + " routes", null));
                for (Route r : a.routes()) out.add(routeAdded(a, r));
            } else {
                routes(b.get(), a, out);
            }
        }
        for (RouteTable b : before.routeTables()) {
            if (counterpart(before.routeTables(), b, after.routeTables(), RouteTable::id).isEmpty()) {
                out.add(new Change(Change.Kind.REMOVED, Change.Element.ROUTE_TABLE, ResourcePaths.routeTable(b), b.name(),
                        b.routes().size() + " routes", null, null));
            }
        }
    }

    private static Change routeAdded(RouteTable t, Route r) {
        return new Change(Change.Kind.ADDED, Change.Element.ROUTE, ResourcePaths.route(t, r), t.name() + "/" + r.name(), null,
                describe(r), null);
    }

    public static String describe(Route r) {
        return r.addressPrefix() + " → " + r.nextHopType() + (r.nextHopIpAddress() == null ? "" : " " + r.nextHopIpAddress());
    }

    private static void routes(RouteTable b, RouteTable a, List<Change> out) {
        pair(b.routes(), a.routes(), Route::name, r -> r.addressPrefix() + "/" + r.nextHopType(), (x, y) -> {
            if (x == null) out.add(routeAdded(a, y));
            else if (y == null) out.add(new Change(Change.Kind.REMOVED, Change.Element.ROUTE, ResourcePaths.route(b, x),
                    b.name() + "/" + x.name(), describe(x), null, null));
            else if (!x.equals(y) && !describe(x).equals(describe(y))) {
                List<String> d = new ArrayList<>();
                field(d, "prefix", x.addressPrefix(), y.addressPrefix());
                field(d, "next hop", x.nextHopType(), y.nextHopType());
                field(d, "next hop IP", x.nextHopIpAddress(), y.nextHopIpAddress());
                out.add(new Change(Change.Kind.CHANGED, Change.Element.ROUTE, ResourcePaths.route(a, y), a.name() + "/" + y.name(),
                        describe(x), describe(y), String.join("; ", d)));
            }
        });
    }

    // ---- subnets ----

    private static void subnets(Design before, Design after, List<Change> out) {
        for (Subnet a : after.subnets().toList()) {
            Subnet b = before.subnet(a.id()).orElse(null);
            if (b == null) continue;
            String path = ResourcePaths.subnet(after, a);
            String label = after.vnetOf(a).map(v -> v.name() + "/").orElse("") + a.name();
            association(Change.Element.NSG_ASSOCIATION, path, label, nsgName(before, b.nsgId()), nsgName(after, a.nsgId()), out);
            association(Change.Element.ROUTE_TABLE_ASSOCIATION, path, label, tableName(before, b.routeTableId()),
                    tableName(after, a.routeTableId()), out);
            association(Change.Element.NAT_GATEWAY_ASSOCIATION, path, label, lastSegment(b.natGatewayId()), lastSegment(a.natGatewayId()), out);
            for (String e : a.delegations()) {
                if (b.delegations().stream().noneMatch(e::equalsIgnoreCase))
                    out.add(new Change(Change.Kind.ADDED, Change.Element.DELEGATION, path, label, null, e, null));
            }
            for (String e : b.delegations()) {
                if (a.delegations().stream().noneMatch(e::equalsIgnoreCase))
                    out.add(new Change(Change.Kind.REMOVED, Change.Element.DELEGATION, path, label, e, null, null));
            }
            for (String e : a.serviceEndpoints()) {
                if (b.serviceEndpoints().stream().noneMatch(e::equalsIgnoreCase))
                    out.add(new Change(Change.Kind.ADDED, Change.Element.SERVICE_ENDPOINT, path, label, null, e, null));
            }
            for (String e : b.serviceEndpoints()) {
                if (a.serviceEndpoints().stream().noneMatch(e::equalsIgnoreCase))
                    out.add(new Change(Change.Kind.REMOVED, Change.Element.SERVICE_ENDPOINT, path, label, e, null, null));
            }
        }
    }

    private static String lastSegment(String id) {
        if (id == null || id.isBlank()) return null;
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static String nsgName(Design d, String id) {
        if (id == null || id.isBlank()) return null;
        return d.securityGroup(id).map(SecurityGroup::name).orElse(id);
    }

    private static String tableName(Design d, String id) {
        if (id == null || id.isBlank()) return null;
        return d.routeTable(id).map(RouteTable::name).orElse(id);
    }

    private static void association(Change.Element e, String path, String label, String b, String a, List<Change> out) {
        if (Objects.equals(b == null ? null : b.toLowerCase(), a == null ? null : a.toLowerCase())) return;
        Change.Kind k = b == null ? Change.Kind.ADDED : a == null ? Change.Kind.REMOVED : Change.Kind.CHANGED;
        out.add(new Change(k, e, path, label, b, a, show(b) + " → " + show(a)));
    }

    // ---- pairing by name ----

    /**
     * Pairs elements by name (case-insensitive); calls back with null for the missing side. Where a name repeats, an
     * element pairs with its equal first, then with one of the same {@code kind} (a route's prefix and next hop), so
     * removing one of two same-named routes shows the one removed.
     */
    private static <T> void pair(List<T> before, List<T> after, Function<T, String> name, Function<T, Object> kind,
                                 java.util.function.BiConsumer<T, T> each) {
        List<T> left = new ArrayList<>(before);
        List<T> match = new ArrayList<>(java.util.Collections.nCopies(after.size(), null));
        boolean[] paired = new boolean[after.size()];
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < after.size(); i++) {
                if (paired[i]) continue;
                T y = after.get(i);
                for (T x : left) {
                    boolean fits = switch (pass) {
                        case 0 -> x.equals(y);
                        case 1 -> sameName(name.apply(x), name.apply(y)) && Objects.equals(kind.apply(x), kind.apply(y));
                        default -> sameName(name.apply(x), name.apply(y));
                    };
                    if (fits) {
                        match.set(i, x);
                        paired[i] = true;
                        left.remove(x);
                        break;
                    }
                }
            }
        }
        for (int i = 0; i < after.size(); i++) each.accept(match.get(i), after.get(i));
        for (T x : left) each.accept(x, null);
    }

    private static boolean sameName(String a, String b) {
        return a == null ? b == null : Lists.sameId(a, b);
    }
}
