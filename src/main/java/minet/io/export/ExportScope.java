package minet.io.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import minet.model.Design;
import minet.model.Excerpt;
import minet.model.Route;
import minet.rules.AzureRules;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Source;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/**
 * What an export writes: every NSG and route table of the design (associated or not) and one association per
 * subnet that points at an NSG or route table of the design. References that resolve to nothing are left out
 * (the validator reports them); a subnet with neither is not touched.
 *
 * <p>Azure's own rules and routes ({@code Microsoft.Sql-managedInstances_UseOnly_…}) are left out of every format:
 * the exports write rules and routes as resources of their own, and Azure's network intent policy owns these (it
 * writes them, and refuses a deployment that changes them). {@link #azureManaged} lists them, for the comment each
 * format writes in their place.
 */
public record ExportScope(List<SecurityGroup> securityGroups, List<RouteTable> routeTables,
                          List<Association> associations, String location, List<String> azureManaged) {

    /** A subnet and the NSG and/or route table the design associates with it (either may be null). */
    public record Association(VirtualNetwork vnet, Subnet subnet, SecurityGroup nsg, RouteTable routeTable) {}

    /**
     * @throws IllegalArgumentException naming the element when the design holds what no format can write as Azure
     *     would take it: an element without a name, two of one name (Azure names compare without case: one would
     *     silently replace the other), a route without an address prefix or next hop (NET-NAME, NET-DUPLICATE and
     *     NET-ADDRESS report the same in validation)
     */
    public static ExportScope of(Design d) {
        refuseWhatCannotBeWritten(d);
        List<String> azure = new ArrayList<>();
        java.util.Map<SecurityGroup, SecurityGroup> nsgs = new java.util.IdentityHashMap<>();
        for (SecurityGroup g : d.securityGroups()) {
            List<SecurityRule> own = new ArrayList<>();
            for (SecurityRule r : g.rules()) {
                if (AzureRules.isAzure(r)) azure.add("rule " + r.name() + " of NSG " + g.name());
                else own.add(r);
            }
            nsgs.put(g, own.size() == g.rules().size() ? g : g.withRules(own));
        }
        java.util.Map<RouteTable, RouteTable> tables = new java.util.IdentityHashMap<>();
        for (RouteTable t : d.routeTables()) {
            List<Route> own = new ArrayList<>();
            for (Route r : t.routes()) {
                if (AzureRules.isAzure(r)) azure.add("route " + r.name() + " of route table " + t.name());
                else own.add(r);
            }
            tables.put(t, own.size() == t.routes().size() ? t : t.withRoutes(own));
        }
        List<Association> assoc = new ArrayList<>();
        for (VirtualNetwork v : d.virtualNetworks()) {
            for (Subnet s : v.subnets()) {
                SecurityGroup g = s.nsgId() == null ? null : d.securityGroup(s.nsgId()).map(nsgs::get).orElse(null);
                RouteTable t = s.routeTableId() == null ? null : d.routeTable(s.routeTableId()).map(tables::get).orElse(null);
                if (g != null || t != null) assoc.add(new Association(v, s, g, t));
            }
        }
        return new ExportScope(d.securityGroups().stream().map(nsgs::get).toList(), d.routeTables().stream().map(tables::get).toList(),
                List.copyOf(assoc), locationOf(d), List.copyOf(azure));
    }

    /** The comment each format writes where Azure's own rules and routes were left out; empty when there are none. */
    public List<String> azureManagedComment() {
        if (azureManaged.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        out.add("Left out: " + azureManaged.size() + " rules and routes Azure's network intent policy writes and owns for SQL Managed");
        out.add("Instance (" + AzureRules.PREFIX + "…); they stay as Azure keeps them:");
        for (String a : azureManaged.subList(0, Math.min(20, azureManaged.size()))) out.add("  " + a);
        if (azureManaged.size() > 20) out.add("  and " + (azureManaged.size() - 20) + " more");
        return out;
    }

    private static void refuseWhatCannotBeWritten(Design d) {
        Names nsgs = new Names("network security groups");
        for (int i = 0; i < d.securityGroups().size(); i++) {
            SecurityGroup g = d.securityGroups().get(i);
            String at = "network security group " + (i + 1) + " of " + d.securityGroups().size() + " (ID '" + g.id() + "')";
            nsgs.add(g.name(), at, g.source());
            Names rules = new Names("rules of network security group '" + g.name() + "'");
            for (int j = 0; j < g.rules().size(); j++) {
                SecurityRule r = g.rules().get(j);
                rules.add(r.name(), "rule " + (j + 1) + " of network security group '" + g.name() + "'", r.source() != null ? r.source() : g.source());
            }
        }
        Names tables = new Names("route tables");
        for (int i = 0; i < d.routeTables().size(); i++) {
            RouteTable t = d.routeTables().get(i);
            tables.add(t.name(), "route table " + (i + 1) + " of " + d.routeTables().size() + " (ID '" + t.id() + "')", t.source());
            Names routes = new Names("routes of route table '" + t.name() + "'");
            for (int j = 0; j < t.routes().size(); j++) {
                Route r = t.routes().get(j);
                Source src = r.source() != null ? r.source() : t.source();
                String at = "route " + (j + 1) + " of route table '" + t.name() + "'" + (blank(r.name()) ? "" : " ('" + r.name() + "')");
                routes.add(r.name(), at, src);
                if (blank(r.addressPrefix())) throw refusal(at + " has no address prefix", src);
                if (blank(r.nextHopType())) throw refusal(at + " has no next hop type", src);
            }
        }
        for (VirtualNetwork v : d.virtualNetworks()) {
            Names subnets = new Names("subnets of virtual network '" + v.name() + "'");
            for (Subnet s : v.subnets()) {
                boolean associated = s.nsgId() != null && d.securityGroup(s.nsgId()).isPresent()
                        || s.routeTableId() != null && d.routeTable(s.routeTableId()).isPresent();
                if (!associated) continue; // not written
                if (blank(v.name())) throw refusal("virtual network with ID '" + v.id() + "' has no name", v.source());
                subnets.add(s.name(), "subnet with ID '" + s.id() + "'", s.source());
            }
        }
    }

    /** Names of one scope, compared as Azure does (without case); a missing or repeated one is refused. */
    private static final class Names {
        private final String what;
        private final java.util.Map<String, String> seen = new java.util.HashMap<>();

        Names(String what) { this.what = what; }

        void add(String name, String at, Source src) {
            if (blank(name)) throw refusal(at + " has no name", src);
            String first = seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name);
            if (first != null) {
                throw refusal("two " + what + " are named '" + name + "'" + (first.equals(name) ? "" : " and '" + first + "'")
                        + "; Azure compares names without case, so one would replace the other", src);
            }
        }
    }

    private static IllegalArgumentException refusal(String problem, Source src) {
        String where = src == null || src.file() == null ? "" : " (" + src.describe() + ")";
        return new IllegalArgumentException("cannot export: " + Excerpt.message(problem) + where + "; fix it (minet validate reports it too) and export again");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public boolean isEmpty() {
        return securityGroups.isEmpty() && routeTables.isEmpty();
    }

    public List<Association> associationsOf(SecurityGroup g) {
        return associations.stream().filter(a -> a.nsg() == g).toList();
    }

    public List<Association> associationsOf(RouteTable t) {
        return associations.stream().filter(a -> a.routeTable() == t).toList();
    }

    /**
     * Whether the subnet of {@code a} must wait for every rule of its NSG. Subnets of one VNet are deployed one
     * after the other, so only the first of them that uses the NSG needs to; the others wait for it. This keeps a
     * template at Azure's limits (1000 rules, 100 subnets) from listing 100 000 dependencies.
     */
    public boolean waitsForRules(Association a) {
        return a.nsg() != null && earlier(a).noneMatch(b -> b.nsg() == a.nsg());
    }

    /** As {@link #waitsForRules}, for the routes of the subnet's route table. */
    public boolean waitsForRoutes(Association a) {
        return a.routeTable() != null && earlier(a).noneMatch(b -> b.routeTable() == a.routeTable());
    }

    private java.util.stream.Stream<Association> earlier(Association a) {
        return associations.subList(0, associations.indexOf(a)).stream().filter(b -> b.vnet() == a.vnet());
    }

    /** The design's region when its NSGs, route tables and VNets agree on one; otherwise null. */
    private static String locationOf(Design d) {
        List<String> all = new ArrayList<>();
        d.securityGroups().forEach(g -> all.add(g.location()));
        d.routeTables().forEach(t -> all.add(t.location()));
        d.virtualNetworks().forEach(v -> all.add(v.location()));
        List<String> distinct = all.stream().filter(Objects::nonNull).filter(s -> !s.isBlank())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        return distinct.size() == 1 ? all.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).findFirst().orElse(null) : null;
    }

    public Optional<String> designLocation() { return Optional.ofNullable(location); }
}
