package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import minet.io.InputException;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.FailoverGroup;
import minet.model.GatewayConnection;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.Route;
import minet.model.Source;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;

/**
 * Maps deployed resources onto the design: VNets with their subnets and peerings, NSGs with their rules, route
 * tables with their routes, managed instances with their failover groups, gateway connections, and anything else that points at a subnet (a gateway, a NIC, a
 * private endpoint …) as a {@link SubnetResource}. Child resources declared on their own (subnets, security
 * rules, routes, peerings) join their parent wherever it stands in the template.
 */
final class DesignBuilder {
    private static final String VNET = "Microsoft.Network/virtualNetworks";
    private static final String SUBNET = VNET + "/subnets";
    private static final String PEERING = VNET + "/virtualNetworkPeerings";
    static final String NSG = "Microsoft.Network/networkSecurityGroups";
    private static final String RULE = NSG + "/securityRules";
    static final String ROUTE_TABLE = "Microsoft.Network/routeTables";
    private static final String ROUTE = ROUTE_TABLE + "/routes";
    private static final String MANAGED_INSTANCE = "Microsoft.Sql/managedInstances";
    private static final String FAILOVER_GROUP = "Microsoft.Sql/locations/instanceFailoverGroups";
    private static final String CONNECTION = "Microsoft.Network/connections";

    private final Context cx;
    private final Map<String, VnetParts> vnets = new LinkedHashMap<>();
    private final Map<String, NsgParts> nsgs = new LinkedHashMap<>();
    private final Map<String, RouteTableParts> routeTables = new LinkedHashMap<>();
    private final List<ManagedInstance> instances = new ArrayList<>();
    private final List<SubnetUser> subnetUsers = new ArrayList<>();
    private final List<FailoverGroup> failoverGroups = new ArrayList<>();
    private final List<GatewayConnection> connections = new ArrayList<>();

    private static final class VnetParts {
        VirtualNetwork vnet;
        final Map<String, Subnet> subnets = new LinkedHashMap<>();
        final List<Peering> peerings = new ArrayList<>();
        String id;
        String name;
    }

    private static final class NsgParts {
        SecurityGroup nsg;
        final List<SecurityRule> extra = new ArrayList<>();
        String id;
        String name;
    }

    private static final class RouteTableParts {
        RouteTable table;
        final List<Route> extra = new ArrayList<>();
        String id;
        String name;
    }

    private record SubnetUser(Deployments.Resource resource, String subnetId, Context.Origin where) {}

    DesignBuilder(Context cx) {
        this.cx = cx;
    }

    /**
     * @param parallelFrom from how many security groups and route tables they are built on several threads
     *                     (the same result; or {@link Parallel#ABANDONED}: run again on one thread)
     */
    Design build(String name, List<Deployments.Resource> resources, int parallelFrom) throws InputException {
        Object[] built = Parallel.build(cx, resources, parallelFrom, this::buildOne);
        for (int i = 0; i < resources.size(); i++) {
            Deployments.Resource r = resources.get(i);
            Object b = built == null ? null : built[i];
            if (b instanceof SecurityGroup g) nsg(r, g);
            else if (b instanceof RouteTable t) routeTable(r, t);
            else if (r.is(VNET)) vnet(r);
            else if (r.is(SUBNET)) {
                Node props = properties(r);
                parentVnet(r).subnets.put(key(r.name()), subnet(parentId(r), r.name(), props, r.origin()));
            } else if (r.is(PEERING)) parentVnet(r).peerings.add(peering(r.name(), properties(r)));
            else if (r.is(NSG)) nsg(r, securityGroup(r));
            else if (r.is(RULE)) parentNsg(r).extra.add(rule(r.name(), properties(r), r.origin()));
            else if (r.is(ROUTE_TABLE)) routeTable(r, routeTable(r));
            else if (r.is(ROUTE)) parentRouteTable(r).extra.add(route(r.name(), properties(r), r.origin()));
            else if (r.is(MANAGED_INSTANCE)) instance(r);
            else if (r.is(FAILOVER_GROUP)) failoverGroup(r);
            else if (r.is(CONNECTION)) connection(r);
            else other(r);
        }
        return assemble(name);
    }

    // ---- virtual networks ----

    private void vnet(Deployments.Resource r) throws InputException {
        Node props = properties(r);
        VnetParts parts = vnets.computeIfAbsent(key(r.id()), k -> new VnetParts());
        parts.id = r.id();
        parts.name = r.name();
        List<Subnet> inline = new ArrayList<>();
        for (Node s : props.objects("subnets")) {
            String sn = s.string("name");
            if (sn == null) throw s.error("a subnet needs a name");
            inline.add(subnet(r.id(), sn, s.object("properties"), s.where()));
        }
        // subnets declared on their own may come before their VNet in the template: they win over inline ones
        Map<String, Subnet> merged = new LinkedHashMap<>();
        for (Subnet s : inline) merged.put(key(s.name()), s);
        merged.putAll(parts.subnets);
        parts.subnets.clear();
        parts.subnets.putAll(merged);
        List<Peering> peerings = new ArrayList<>();
        for (Node p : props.objects("virtualNetworkPeerings")) {
            peerings.add(peering(p.string("name"), p.object("properties")));
        }
        parts.peerings.addAll(0, peerings);
        parts.vnet = new VirtualNetwork(r.id(), r.name(), location(r), props.object("addressSpace").strings("addressPrefixes"),
                props.object("dhcpOptions").strings("dnsServers"), false, List.of(), List.of(), r.origin().source());
    }

    private Subnet subnet(String vnetId, String name, Node p, Context.Origin where) throws InputException {
        List<String> prefixes = new ArrayList<>();
        String one = p.string("addressPrefix");
        if (one != null) prefixes.add(one);
        for (String s : p.strings("addressPrefixes")) if (!prefixes.contains(s)) prefixes.add(s);
        List<String> endpoints = new ArrayList<>();
        for (Node e : p.objects("serviceEndpoints")) {
            String service = e.string("service");
            if (service != null) endpoints.add(service);
        }
        List<String> delegations = new ArrayList<>();
        for (Node d : p.objects("delegations")) {
            String service = d.object("properties").string("serviceName");
            if (service == null) service = d.string("serviceName");
            if (service != null) delegations.add(service);
        }
        return new Subnet(vnetId + "/subnets/" + name, name, prefixes, p.object("networkSecurityGroup").string("id"),
                p.object("routeTable").string("id"), endpoints, delegations, List.of(), false, where.source(),
                p.object("natGateway").string("id"));
    }

    private Peering peering(String name, Node p) throws InputException {
        return new Peering(name, p.object("remoteVirtualNetwork").string("id"),
                p.object("remoteAddressSpace").strings("addressPrefixes"), p.bool("useRemoteGateways"));
    }

    private VnetParts parentVnet(Deployments.Resource r) {
        String id = parentId(r);
        VnetParts parts = vnets.computeIfAbsent(key(id), k -> new VnetParts());
        if (parts.id == null) {
            parts.id = id;
            parts.name = r.names().get(0);
        }
        return parts;
    }

    // ---- security groups and route tables ----

    /** A security group or route table, built apart from the rest (on another thread). */
    private Object buildOne(Deployments.Resource r) throws InputException {
        return r.is(NSG) ? securityGroup(r) : routeTable(r);
    }

    private SecurityGroup securityGroup(Deployments.Resource r) throws InputException {
        Node props = properties(r);
        List<SecurityRule> rules = new ArrayList<>();
        for (Node rule : props.objects("securityRules")) {
            String rn = rule.string("name");
            if (rn == null) throw rule.error("a security rule needs a name");
            rules.add(rule(rn, rule.object("properties"), rule.where()));
        }
        return new SecurityGroup(r.id(), r.name(), location(r), rules, r.origin().source());
    }

    private void nsg(Deployments.Resource r, SecurityGroup g) {
        NsgParts parts = nsgs.computeIfAbsent(key(r.id()), k -> new NsgParts());
        parts.id = r.id();
        parts.name = r.name();
        parts.nsg = g;
    }

    private SecurityRule rule(String name, Node p, Context.Origin where) throws InputException {
        // read in the order Azure writes a rule's properties: a large template's values then lie ahead in memory
        String description = p.string("description");
        String protocol = p.string("protocol");
        String sourcePortRange = p.string("sourcePortRange");
        List<String> sourcePortRanges = p.strings("sourcePortRanges");
        String destinationPortRange = p.string("destinationPortRange");
        List<String> destinationPortRanges = p.strings("destinationPortRanges");
        String sourceAddressPrefix = p.string("sourceAddressPrefix");
        List<String> sourceAddressPrefixes = p.strings("sourceAddressPrefixes");
        List<String> sourceAsgs = ids(p, "sourceApplicationSecurityGroups");
        String destinationAddressPrefix = p.string("destinationAddressPrefix");
        List<String> destinationAddressPrefixes = p.strings("destinationAddressPrefixes");
        List<String> destinationAsgs = ids(p, "destinationApplicationSecurityGroups");
        String a = p.string("access");
        Integer priority = p.integer("priority");
        String d = p.string("direction");
        Direction direction = null;
        Access access = null;
        try {
            if (d != null && !Placeholder.is(d)) direction = Direction.parse(d);
            if (a != null && !Placeholder.is(a)) access = Access.parse(a);
        } catch (IllegalArgumentException e) {
            throw new InputException(where.src().file(), where.source().line(), where.source().column(),
                    "security rule '" + name + "': " + e.getMessage());
        }
        return new SecurityRule(name, description, priority, direction, access, protocol,
                sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges,
                sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes,
                sourceAsgs, destinationAsgs, where.source());
    }

    private static List<String> ids(Node p, String field) throws InputException {
        List<Node> objects = p.objects(field);
        if (objects.isEmpty()) return List.of(); // the usual case: no list to make for each rule
        List<String> out = new ArrayList<>();
        for (Node o : objects) {
            String id = o.string("id");
            if (id != null) out.add(id);
        }
        return out;
    }

    private NsgParts parentNsg(Deployments.Resource r) {
        String id = parentId(r);
        NsgParts parts = nsgs.computeIfAbsent(key(id), k -> new NsgParts());
        if (parts.id == null) {
            parts.id = id;
            parts.name = r.names().get(0);
        }
        return parts;
    }

    private RouteTable routeTable(Deployments.Resource r) throws InputException {
        Node props = properties(r);
        List<Route> routes = new ArrayList<>();
        for (Node route : props.objects("routes")) {
            String rn = route.string("name");
            if (rn == null) throw route.error("a route needs a name");
            routes.add(route(rn, route.object("properties"), route.where()));
        }
        return new RouteTable(r.id(), r.name(), location(r), props.bool("disableBgpRoutePropagation"), routes, r.origin().source());
    }

    private void routeTable(Deployments.Resource r, RouteTable t) {
        RouteTableParts parts = routeTables.computeIfAbsent(key(r.id()), k -> new RouteTableParts());
        parts.id = r.id();
        parts.name = r.name();
        parts.table = t;
    }

    private Route route(String name, Node p, Context.Origin where) throws InputException {
        return new Route(name, p.string("addressPrefix"), p.string("nextHopType"), p.string("nextHopIpAddress"), where.source());
    }

    private RouteTableParts parentRouteTable(Deployments.Resource r) {
        String id = parentId(r);
        RouteTableParts parts = routeTables.computeIfAbsent(key(id), k -> new RouteTableParts());
        if (parts.id == null) {
            parts.id = id;
            parts.name = r.names().get(0);
        }
        return parts;
    }

    // ---- managed instances and other subnet users ----

    private void instance(Deployments.Resource r) throws InputException {
        Scope s = r.scope();
        Node props = properties(r);
        Node sku = Node.of(s.eval(r.raw().get("sku"), r.pointer() + "/sku", r.loops()), new Context.Origin(s.src, r.pointer() + "/sku"), cx, "sku");
        String tier = sku.string("tier");
        if (tier == null || sku.isPlaceholder("tier")) tier = sku.string("name");
        Integer vCores = props.integer("vCores");
        String skuText = tier, proxy = props.string("proxyOverride");
        ManagedInstance.Tier t = InputException.parsing(() -> ManagedInstance.Tier.parse(skuText), m -> sku.error("sku: " + m));
        ManagedInstance.ConnectionType c = InputException.parsing(() -> ManagedInstance.ConnectionType.parse(proxy), m -> props.error("proxyOverride: " + m));
        instances.add(new ManagedInstance(r.id(), r.name(), props.string("subnetId"), t,
                vCores == null ? 0 : vCores, c,
                props.bool("publicDataEndpointEnabled"), ManagedInstance.ReplicationRole.NONE, location(r), null, null,
                r.origin().source(), props.string("dnsZonePartner")));
    }

    /**
     * An auto-failover group ({@code Microsoft.Sql/locations/instanceFailoverGroups}, named {@code region/group}):
     * its first managed instance pair, primary and partner, as Azure deploys one pair per group.
     */
    private void failoverGroup(Deployments.Resource r) throws InputException {
        Node props = properties(r);
        List<Node> pairs = props.objects("managedInstancePairs");
        if (pairs.isEmpty()) throw props.error("failover group '" + r.name() + "' has no managedInstancePairs");
        Node pair = pairs.get(0);
        String primary = pair.string("primaryManagedInstanceId"), partner = pair.string("partnerManagedInstanceId");
        if (primary == null || partner == null) throw pair.error("a managed instance pair needs primaryManagedInstanceId and partnerManagedInstanceId");
        failoverGroups.add(new FailoverGroup(r.id(), r.name(), primary, partner, r.origin().source()));
    }

    /** A gateway connection (VNet-to-VNet, site-to-site, ExpressRoute): which gateways it joins. */
    private void connection(Deployments.Resource r) throws InputException {
        Node props = properties(r);
        String g1 = props.object("virtualNetworkGateway1").string("id");
        if (g1 == null) return; // no gateway of ours on this end: nothing to join
        connections.add(new GatewayConnection(r.id(), r.name(), g1, props.object("virtualNetworkGateway2").string("id"),
                props.string("connectionType"), r.origin().source()));
    }

    /** Any other resource: whatever points at a subnet ({@code "subnet": {"id": …}}) lives in it. */
    private void other(Deployments.Resource r) throws InputException {
        JsonNode raw = r.raw().get("properties");
        if (raw == null || !mentionsSubnet(raw, 0)) return;
        JsonNode props = r.scope().eval(raw, r.pointer() + "/properties", r.loops());
        List<String> found = new ArrayList<>();
        collectSubnetIds(props, found, 0);
        for (String id : found) subnetUsers.add(new SubnetUser(r, id, r.origin()));
    }

    private static boolean mentionsSubnet(JsonNode n, int depth) {
        if (depth > 64) return false;
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase("subnet") || e.getKey().equalsIgnoreCase("copy")) return true;
                if (mentionsSubnet(e.getValue(), depth + 1)) return true;
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) if (mentionsSubnet(e, depth + 1)) return true;
        }
        return false;
    }

    private static void collectSubnetIds(JsonNode n, List<String> out, int depth) {
        if (depth > 64) return;
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode id = e.getKey().equalsIgnoreCase("subnet") && e.getValue().isObject() ? Functions.get(e.getValue(), "id") : null;
                if (id != null && id.isTextual()) {
                    if (out.stream().noneMatch(x -> Lists.sameId(x, id.textValue()))) out.add(id.textValue());
                } else {
                    collectSubnetIds(e.getValue(), out, depth + 1);
                }
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) collectSubnetIds(e, out, depth + 1);
        }
    }

    // ---- assembling ----

    private Design assemble(String name) {
        List<VirtualNetwork> vs = new ArrayList<>();
        for (VnetParts p : vnets.values()) {
            VirtualNetwork v = p.vnet;
            if (v == null) {
                v = new VirtualNetwork(p.id, p.name, null, List.of(), List.of(), false, List.of(), List.of(), null);
                reference("virtualNetworks/" + p.name, "virtual network '" + p.name + "' is not in the template; its subnets declared here are shown in an empty stand-in",
                        firstSubnetSource(p));
            }
            vs.add(v.withSubnets(new ArrayList<>(p.subnets.values())).withPeerings(p.peerings));
        }
        List<SecurityGroup> gs = new ArrayList<>();
        for (NsgParts p : nsgs.values()) {
            SecurityGroup g = p.nsg != null ? p.nsg : new SecurityGroup(p.id, p.name, null, List.of(), null);
            if (p.nsg == null) reference("networkSecurityGroups/" + p.name, "network security group '" + p.name + "' is not in the template; only its rules declared here are shown", null);
            List<SecurityRule> rules = new ArrayList<>(g.rules());
            for (SecurityRule r : p.extra) {
                rules.removeIf(x -> x.name() != null && x.name().equalsIgnoreCase(r.name()));
                rules.add(r);
            }
            gs.add(g.withRules(rules));
        }
        List<RouteTable> ts = new ArrayList<>();
        for (RouteTableParts p : routeTables.values()) {
            RouteTable t = p.table != null ? p.table : new RouteTable(p.id, p.name, null, false, List.of(), null);
            if (p.table == null) reference("routeTables/" + p.name, "route table '" + p.name + "' is not in the template; only its routes declared here are shown", null);
            List<Route> routes = new ArrayList<>(t.routes());
            for (Route r : p.extra) {
                routes.removeIf(x -> x.name() != null && x.name().equalsIgnoreCase(r.name()));
                routes.add(r);
            }
            ts.add(t.withRoutes(routes));
        }
        Design d = Design.empty(name).withVirtualNetworks(vs).withSecurityGroups(gs).withRouteTables(ts).withManagedInstances(instances)
                .withFailoverGroups(failoverGroups).withGatewayConnections(connections);

        for (SubnetUser u : subnetUsers) {
            Optional<Subnet> s = d.subnet(u.subnetId());
            SubnetResource sr = new SubnetResource(u.resource().type(), u.resource().name(), u.resource().id());
            if (s.isPresent()) {
                d = d.mapSubnet(s.get().id(), x -> x.withResources(Lists.plus(x.resources(), sr)));
            } else {
                reference(u.resource().path(), u.resource().type() + " '" + u.resource().name() + "' uses subnet " + u.subnetId()
                        + ", which is not in the template", u.where().source());
            }
        }
        for (ManagedInstance m : d.managedInstances()) {
            if (m.subnetId() != null && d.subnet(m.subnetId()).isEmpty()) {
                reference("managedInstances/" + m.name(), "managed instance '" + m.name() + "' is in subnet " + m.subnetId()
                        + ", which is not in the template", m.source());
            }
        }
        final Design done = d;
        done.subnets().forEach(s -> {
            if (s.nsgId() != null && done.securityGroup(s.nsgId()).isEmpty()) {
                reference("subnets/" + s.name(), "subnet '" + s.name() + "' uses network security group " + s.nsgId()
                        + ", which is not in the template", s.source());
            }
            if (s.routeTableId() != null && done.routeTable(s.routeTableId()).isEmpty()) {
                reference("subnets/" + s.name(), "subnet '" + s.name() + "' uses route table " + s.routeTableId()
                        + ", which is not in the template", s.source());
            }
        });
        return d;
    }

    private static Source firstSubnetSource(VnetParts p) {
        return p.subnets.values().stream().map(Subnet::source).filter(s -> s != null).findFirst().orElse(null);
    }

    private void reference(String resource, String message, Source where) {
        cx.note("IMPORT-REFERENCE", "info", resource, message, where);
    }

    // ---- helpers ----

    private Node properties(Deployments.Resource r) throws InputException {
        return Node.raw(r.raw().get("properties"), r.pointer() + "/properties", r.scope(), r.loops(), "properties");
    }

    private static String location(Deployments.Resource r) throws InputException {
        JsonNode l = r.raw().get("location");
        if (l == null) return null;
        return Functions.str(r.scope().eval(l, r.pointer() + "/location", r.loops()));
    }

    private static String parentId(Deployments.Resource r) {
        String id = r.id();
        int cut = id.lastIndexOf('/', id.lastIndexOf('/') - 1);
        return id.substring(0, cut);
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
