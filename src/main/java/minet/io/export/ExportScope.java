package minet.io.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import minet.model.Design;
import minet.model.Route;
import minet.model.SecurityRule;
import minet.rules.AzureRules;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
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

    public static ExportScope of(Design d) {
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
