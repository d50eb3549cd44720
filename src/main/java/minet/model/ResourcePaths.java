package minet.model;

/** The readable resource paths of rules.md's output contract ("virtualNetworks/vnet/subnets/mi"). */
public final class ResourcePaths {
    private ResourcePaths() {}

    public static String vnet(VirtualNetwork v) { return "virtualNetworks/" + segment(v.name(), v.id()); }
    public static String subnet(VirtualNetwork v, Subnet s) { return vnet(v) + "/subnets/" + segment(s.name(), s.id()); }
    public static String nsg(SecurityGroup g) { return "networkSecurityGroups/" + segment(g.name(), g.id()); }
    public static String rule(SecurityGroup g, SecurityRule r) { return nsg(g) + "/securityRules/" + r.name(); }
    public static String routeTable(RouteTable t) { return "routeTables/" + segment(t.name(), t.id()); }
    public static String route(RouteTable t, Route r) {
        boolean named = r.name() != null && !r.name().isBlank();
        return routeTable(t) + "/routes/" + (named ? r.name() : "(no name, route " + (t.routes().indexOf(r) + 1) + ")");
    }
    public static String instance(ManagedInstance m) { return "managedInstances/" + segment(m.name(), m.id()); }
    public static String external(ExternalNetwork e) { return "externalNetworks/" + segment(e.name(), e.id()); }

    /** The path of a subnet looked up in a design (falls back to the bare name). */
    public static String subnet(Design d, Subnet s) {
        return d.vnetOf(s).map(v -> subnet(v, s)).orElse("subnets/" + segment(s.name(), s.id()));
    }

    /** The element's name; one without a name (NET-NAME reports it) is told by its id: "(no name, id nsg-1)". */
    private static String segment(String name, String id) {
        return name != null && !name.isBlank() ? name : "(no name, id " + id + ")";
    }
}
