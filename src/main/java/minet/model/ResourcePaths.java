package minet.model;

/** The readable resource paths of rules.md's output contract ("virtualNetworks/vnet/subnets/mi"). */
public final class ResourcePaths {
    private ResourcePaths() {}

    public static String vnet(VirtualNetwork v) { return "virtualNetworks/" + v.name(); }
    public static String subnet(VirtualNetwork v, Subnet s) { return vnet(v) + "/subnets/" + s.name(); }
    public static String nsg(SecurityGroup g) { return "networkSecurityGroups/" + g.name(); }
    public static String rule(SecurityGroup g, SecurityRule r) { return nsg(g) + "/securityRules/" + r.name(); }
    public static String routeTable(RouteTable t) { return "routeTables/" + t.name(); }
    public static String route(RouteTable t, Route r) { return routeTable(t) + "/routes/" + r.name(); }
    public static String instance(ManagedInstance m) { return "managedInstances/" + m.name(); }
    public static String external(ExternalNetwork e) { return "externalNetworks/" + e.name(); }

    /** The path of a subnet looked up in a design (falls back to the bare name). */
    public static String subnet(Design d, Subnet s) {
        return d.vnetOf(s).map(v -> subnet(v, s)).orElse("subnets/" + s.name());
    }
}
