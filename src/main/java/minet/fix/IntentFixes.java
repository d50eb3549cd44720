package minet.fix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import minet.model.Design;
import minet.model.Lists;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.rules.AzureRules;
import minet.rules.Profile;

/**
 * The fixes of the service-aided eras: Azure writes the mandatory rules and routes itself, so these only make room
 * for it (delegation, an NSG and a route table to write into, no NAT gateway) and take away what contradicts it.
 * Never one of Azure's own rules or routes.
 */
final class IntentFixes {
    private IntentFixes() {}

    /** MI-SUBNET-DELEGATION: delegate to Microsoft.Sql/managedInstances a subnet delegated to nothing. */
    static Design delegate(Design d, String subnetId) {
        Subnet s = d.subnet(subnetId).filter(d::isMiSubnet).orElse(null);
        if (s == null || !s.delegations().isEmpty()) return d;
        return d.mapSubnet(s.id(), x -> x.withDelegations(List.of(Subnet.MI_DELEGATION)));
    }

    /** MI-SUBNET-NAT-GATEWAY: dissociate the NAT gateway. */
    static Design dissociateNatGateway(Design d, String subnetId) {
        Subnet s = d.subnet(subnetId).filter(d::isMiSubnet).orElse(null);
        if (s == null || s.natGatewayId() == null) return d;
        return d.mapSubnet(s.id(), x -> x.withNatGatewayId(null));
    }

    /** MI-SUBNET-NSG: an empty NSG, associated; Azure writes its rules into it. */
    static Design createNsg(Design d, String subnetId) {
        Subnet s = d.subnet(subnetId).filter(d::isMiSubnet).orElse(null);
        if (s == null || (s.nsgId() != null && !s.nsgId().isBlank())) return d;
        String name = unique(d.securityGroups().stream().flatMap(g -> java.util.stream.Stream.of(g.id(), g.name())).toList(), "nsg-" + s.name());
        String location = d.vnetOf(s).map(v -> v.location()).orElse(null);
        SecurityGroup g = new SecurityGroup(name, name, location, List.of(), null);
        return d.withSecurityGroups(Lists.plus(d.securityGroups(), g)).mapSubnet(s.id(), x -> x.withNsgId(name));
    }

    /** MI-SUBNET-ROUTE-TABLE: an empty route table, associated; Azure writes its routes into it. */
    static Design createRouteTable(Design d, String subnetId) {
        Subnet s = d.subnet(subnetId).filter(d::isMiSubnet).orElse(null);
        if (s == null || (s.routeTableId() != null && !s.routeTableId().isBlank())) return d;
        String name = unique(d.routeTables().stream().flatMap(t -> java.util.stream.Stream.of(t.id(), t.name())).toList(), "rt-" + s.name());
        String location = d.vnetOf(s).map(v -> v.location()).orElse(null);
        RouteTable t = new RouteTable(name, name, location, false, List.of(), null);
        return d.withRouteTables(Lists.plus(d.routeTables(), t)).mapSubnet(s.id(), x -> x.withRouteTableId(name));
    }

    /** MI-INTENT-ROUTES: remove the user's routes that contradict Azure's (the subnet's own range elsewhere, a tag Azure routes to Internet elsewhere). */
    static Design removeContradictions(Design d, String subnetId, Profile p) {
        Subnet s = d.subnet(subnetId).filter(d::isMiSubnet).orElse(null);
        RouteTable t = s == null || s.routeTableId() == null ? null : d.routeTable(s.routeTableId()).orElse(null);
        if (t == null) return d;
        List<Route> bad = new ArrayList<>();
        for (AzureRules.Contradiction c : AzureRules.contradictions(t, s, p, AzureRules.region(d, s))) bad.add(c.route());
        if (bad.isEmpty()) return d;
        return d.mapRouteTable(t.id(), x -> x.withRoutes(Lists.minus(x.routes(), bad::contains)));
    }

    private static String unique(List<String> taken, String base) {
        Set<String> lower = new LinkedHashSet<>();
        for (String t : taken) if (t != null) lower.add(NsgFixes.lower(t));
        String name = base;
        for (int i = 2; lower.contains(NsgFixes.lower(name)); i++) name = base + "-" + i;
        return name;
    }
}
