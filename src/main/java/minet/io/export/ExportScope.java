package minet.io.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import minet.model.Design;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/**
 * What an export writes: every NSG and route table of the design (associated or not) and one association per
 * subnet that points at an NSG or route table of the design. References that resolve to nothing are left out
 * (the validator reports them); a subnet with neither is not touched.
 */
public record ExportScope(List<SecurityGroup> securityGroups, List<RouteTable> routeTables,
                          List<Association> associations, String location) {

    /** A subnet and the NSG and/or route table the design associates with it (either may be null). */
    public record Association(VirtualNetwork vnet, Subnet subnet, SecurityGroup nsg, RouteTable routeTable) {}

    public static ExportScope of(Design d) {
        List<Association> assoc = new ArrayList<>();
        for (VirtualNetwork v : d.virtualNetworks()) {
            for (Subnet s : v.subnets()) {
                SecurityGroup g = s.nsgId() == null ? null : d.securityGroup(s.nsgId()).orElse(null);
                RouteTable t = s.routeTableId() == null ? null : d.routeTable(s.routeTableId()).orElse(null);
                if (g != null || t != null) assoc.add(new Association(v, s, g, t));
            }
        }
        return new ExportScope(d.securityGroups(), d.routeTables(), List.copyOf(assoc), locationOf(d));
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
