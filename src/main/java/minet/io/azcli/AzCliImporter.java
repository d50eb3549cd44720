package minet.io.azcli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Access;
import minet.model.Design;
import minet.model.DesignState;
import minet.model.Direction;
import minet.model.ImportNote;
import minet.model.FailoverGroup;
import minet.model.GatewayConnection;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;

/**
 * Reads what {@code az network vnet|vnet subnet|nsg|route-table show|list} and {@code az sql mi show|list} print,
 * and the ARM/REST shape of the same resources (fields nested under {@code properties}, lists as
 * {@code {"value": […]}}), and the pages of {@code az graph query} (Azure Resource Graph: {@code {"data": […]}}, rows in
 * the ARM shape). Each file holds one resource or a list; all files merge into one design by resource ID.
 * The kind of each object comes from its {@code type}, else its {@code id}, else the fields it has.
 * Azure's default security rules are skipped: the rule engine adds them itself.
 */
public final class AzCliImporter {
    private static final String VNET = "microsoft.network/virtualnetworks";
    private static final String SUBNET = "microsoft.network/virtualnetworks/subnets";
    private static final String NSG = "microsoft.network/networksecuritygroups";
    private static final String ROUTE_TABLE = "microsoft.network/routetables";
    private static final String MI = "microsoft.sql/managedinstances";
    private static final String FAILOVER_GROUP = "microsoft.sql/locations/instancefailovergroups";
    private static final String CONNECTION = "microsoft.network/connections";
    private static final String RULE = "microsoft.network/networksecuritygroups/securityrules";
    private static final String ROUTE = "microsoft.network/routetables/routes";

    private final DesignAssembler out = new DesignAssembler();

    private AzCliImporter() {}

    public static Design load(List<JsonSource> sources) throws InputException {
        AzCliImporter in = new AzCliImporter();
        for (JsonSource s : sources) in.readFile(At.root(s));
        if (in.out.isEmpty()) {
            throw new InputException(sources.get(0).file(), "no virtual network, subnet, network security group, route table "
                    + "or managed instance found; expected the JSON of az network vnet|nsg|route-table show or list, or az sql mi show or list");
        }
        // What az show and list print is what exists in Azure.
        return in.out.build(DesignAssembler.designName(sources.get(0).file())).withState(DesignState.LIVE);
    }

    private void readFile(At root) throws InputException {
        if (root.isArray()) {
            for (At r : root.elements("the list")) readResource(r);
        } else if (root.isObject() && root.get("value").map(At::isArray).orElse(false) && !root.has("id") && !root.has("type")) {
            for (At r : root.array("value")) readResource(r); // a REST list response
        } else if (isGraphPage(root)) {
            for (At r : root.array("data")) readResource(r); // az graph query: {"count", "data", "skip_token"}
        } else if (root.isObject()) {
            readResource(root);
        } else {
            throw root.error("expected az CLI JSON: one resource object or a list of them, not " + At.kind(root.node()));
        }
    }

    /** One page of {@code az graph query} (Azure Resource Graph): {@code {"data": […]}} with count, skip_token, total_records. */
    public static boolean isGraphPage(At root) {
        return root.isObject() && root.get("data").map(At::isArray).orElse(false) && !root.has("id") && !root.has("type");
    }

    private void readResource(At r) throws InputException {
        if (!r.isObject()) throw r.error("expected a resource object, not " + At.kind(r.node()));
        String kind = kindOf(r);
        switch (kind == null ? "" : kind) {
            case VNET: readVnet(r); break;
            case SUBNET: readSubnet(r, null); break;
            case NSG: readSecurityGroup(r); break;
            case ROUTE_TABLE: readRouteTable(r); break;
            case MI: readManagedInstance(r); break;
            case FAILOVER_GROUP: readFailoverGroup(r); break;
            case CONNECTION: readConnection(r); break;
            case RULE: readOwned(r, "security rule", id -> out.addSecurityRule(id, securityRule(r))); break;
            case ROUTE: readOwned(r, "route", id -> out.addRoute(id, route(r))); break;
            default:
                String what = kind != null ? r.text("type") != null ? r.text("type") : kind : "an object of unknown type";
                String name = r.text("name");
                out.note(new ImportNote(DesignAssembler.IGNORED, "info", name == null ? what : what + "/" + name,
                        "ignored " + what + (name == null ? "" : " '" + name + "'") + ": only virtual networks, subnets, "
                                + "network security groups, route tables, managed instances, failover groups and gateway connections are read", r.source()));
        }
    }

    private interface Owned { void add(String parentId) throws InputException; }

    /** {@code az network nsg rule list}, {@code az network route-table route list}: the parent comes from the id. */
    private static void readOwned(At r, String what, Owned add) throws InputException {
        String parent = ResourceId.parent(r.text("id"));
        if (parent == null) throw r.error("a " + what + " listed on its own needs its resource id, to tell which it belongs to");
        add.add(parent);
    }

    /** The lower-case resource type: from {@code type}, else the {@code id}, else the telling fields. */
    private static String kindOf(At r) throws InputException {
        String type = r.text("type");
        if (type == null) type = ResourceId.type(r.text("id"));
        if (type != null) return type.toLowerCase(Locale.ROOT);
        At p = props(r);
        if (p.has("addressSpace")) return VNET;
        if (p.has("securityRules") || p.has("defaultSecurityRules")) return NSG;
        if (p.has("routes") || p.has("disableBgpRoutePropagation")) return ROUTE_TABLE;
        if (p.has("subnetId")) return MI;
        if (p.has("addressPrefix") || p.has("addressPrefixes")) return SUBNET;
        return null;
    }

    /** ARM nests a resource's fields under {@code properties}; az flattens them to the top level. */
    private static At props(At r) throws InputException {
        Optional<At> p = r.object("properties");
        return p.orElse(r);
    }

    private static String name(At r, String id, String what) throws InputException {
        String name = r.text("name");
        if (name == null) name = ResourceId.name(id);
        if (name == null) throw r.error(what + " has neither a name nor an id");
        return name;
    }

    private void readVnet(At r) throws InputException {
        At p = props(r);
        String id = r.text("id");
        String name = name(r, id, "a virtual network");
        if (id == null) id = name;
        List<String> spaces = new ArrayList<>();
        Optional<At> space = p.object("addressSpace");
        if (space.isPresent()) spaces.addAll(space.get().texts("addressPrefixes"));
        List<String> dns = new ArrayList<>();
        Optional<At> dhcp = p.object("dhcpOptions");
        if (dhcp.isPresent()) dns.addAll(dhcp.get().texts("dnsServers"));
        List<Peering> peerings = new ArrayList<>();
        for (At pe : p.array("virtualNetworkPeerings")) {
            if (!pe.isObject()) throw pe.error("a peering must be an object, not " + At.kind(pe.node()));
            At pp = props(pe);
            List<String> remote = new ArrayList<>();
            Optional<At> rs = pp.object("remoteAddressSpace");
            if (rs.isEmpty()) rs = pp.object("remoteVirtualNetworkAddressSpace");
            if (rs.isPresent()) remote.addAll(rs.get().texts("addressPrefixes"));
            peerings.add(new Peering(pe.text("name"), pp.refId("remoteVirtualNetwork"), remote, pp.bool("useRemoteGateways", false)));
        }
        out.addVirtualNetwork(new VirtualNetwork(id, name, r.text("location"), spaces, dns, false, peerings, List.of(), r.source()));
        for (At s : p.array("subnets")) readSubnet(s, id);
    }

    private void readSubnet(At r, String vnetId) throws InputException {
        if (!r.isObject()) throw r.error("a subnet must be an object, not " + At.kind(r.node()));
        At p = props(r);
        String id = r.text("id");
        String name = name(r, id, "a subnet");
        if (vnetId == null) vnetId = ResourceId.parent(id);
        if (vnetId == null) throw r.error("subnet '" + name + "' has no resource id, so its virtual network is unknown");
        if (id == null) id = vnetId + "/subnets/" + name;
        List<String> prefixes = new ArrayList<>();
        String one = p.text("addressPrefix");
        if (one != null) prefixes.add(one);
        for (String s : p.texts("addressPrefixes")) if (!prefixes.contains(s)) prefixes.add(s);
        List<String> endpoints = new ArrayList<>();
        for (At e : objects(p, "serviceEndpoints")) {
            String service = props(e).text("service");
            if (service != null) endpoints.add(service);
        }
        List<String> delegations = new ArrayList<>();
        for (At d : objects(p, "delegations")) {
            String service = props(d).text("serviceName");
            if (service != null) delegations.add(service);
        }
        List<SubnetResource> resources = new ArrayList<>();
        for (At c : objects(p, "ipConfigurations")) resources.add(byId(c, ResourceId::topType));
        for (At c : objects(p, "applicationGatewayIpConfigurations")) resources.add(byId(c, ResourceId::topType));
        for (At c : objects(p, "privateEndpoints")) resources.add(byId(c, id2 -> "Microsoft.Network/privateEndpoints"));
        for (At l : objects(p, "resourceNavigationLinks")) resources.add(link(l));
        for (At l : objects(p, "serviceAssociationLinks")) resources.add(link(l));
        out.addSubnet(vnetId, new Subnet(id, name, prefixes, p.refId("networkSecurityGroup"), p.refId("routeTable"),
                endpoints, delegations, resources, false, r.source(), p.refId("natGateway")));
    }

    private static List<At> objects(At p, String key) throws InputException {
        List<At> all = p.array(key);
        for (At a : all) if (!a.isObject()) throw a.error("each entry of '" + key + "' must be an object, not " + At.kind(a.node()));
        return all;
    }

    /** Something that sits in the subnet, known by its ID (a NIC's IP configuration, a private endpoint). */
    private static SubnetResource byId(At c, Function<String, String> kind) throws InputException {
        String id = c.text("id");
        String top = ResourceId.topName(id);
        return new SubnetResource(id == null ? null : kind.apply(id), top != null ? top : ResourceId.name(id), id);
    }

    /** A resource navigation or service association link: the linked resource's type tells what uses the subnet. */
    private static SubnetResource link(At l) throws InputException {
        At p = props(l);
        String linked = p.text("link");
        String name = linked != null ? ResourceId.name(linked) : l.text("name");
        return new SubnetResource(p.text("linkedResourceType"), name, linked != null ? linked : l.text("id"));
    }

    private void readSecurityGroup(At r) throws InputException {
        At p = props(r);
        String id = r.text("id");
        String name = name(r, id, "a network security group");
        if (id == null) id = name;
        List<SecurityRule> rules = new ArrayList<>();
        for (At rule : objects(p, "securityRules")) rules.add(securityRule(rule));
        // defaultSecurityRules are Azure's fixed 65000+ rules: the engine adds them itself.
        out.addSecurityGroup(new SecurityGroup(id, name, r.text("location"), rules, r.source()));
        for (At s : objects(p, "subnets")) out.linkSecurityGroup(s.text("id"), id, s.source());
    }

    private static SecurityRule securityRule(At rule) throws InputException {
        At p = props(rule);
        return new SecurityRule(rule.text("name"), p.text("description"), p.integer("priority"),
                p.parse("direction", Direction::parse), p.parse("access", Access::parse), p.text("protocol"),
                p.text("sourcePortRange"), p.texts("sourcePortRanges"),
                p.text("destinationPortRange"), p.texts("destinationPortRanges"),
                p.text("sourceAddressPrefix"), p.texts("sourceAddressPrefixes"),
                p.text("destinationAddressPrefix"), p.texts("destinationAddressPrefixes"),
                ids(p, "sourceApplicationSecurityGroups"), ids(p, "destinationApplicationSecurityGroups"),
                rule.source());
    }

    private static List<String> ids(At p, String key) throws InputException {
        List<String> out = new ArrayList<>();
        for (At a : objects(p, key)) {
            String id = a.text("id");
            if (id != null) out.add(id);
        }
        return out;
    }

    private void readRouteTable(At r) throws InputException {
        At p = props(r);
        String id = r.text("id");
        String name = name(r, id, "a route table");
        if (id == null) id = name;
        List<Route> routes = new ArrayList<>();
        for (At route : objects(p, "routes")) routes.add(route(route));
        out.addRouteTable(new RouteTable(id, name, r.text("location"), p.bool("disableBgpRoutePropagation", false), routes, r.source()));
        for (At s : objects(p, "subnets")) out.linkRouteTable(s.text("id"), id, s.source());
    }

    private static Route route(At route) throws InputException {
        At p = props(route);
        return new Route(route.text("name"), p.text("addressPrefix"), p.text("nextHopType"), p.text("nextHopIpAddress"), route.source());
    }

    private void readManagedInstance(At r) throws InputException {
        At p = props(r);
        String id = r.text("id");
        String name = name(r, id, "a managed instance");
        if (id == null) id = name;
        String tier = null;
        Optional<At> sku = r.object("sku");
        if (sku.isPresent()) tier = sku.get().text("tier") != null ? sku.get().text("tier") : sku.get().text("name");
        Integer vCores = p.integer("vCores");
        Boolean publicEndpoint = p.bool("publicDataEndpointEnabled");
        String skuText = tier, proxy = p.text("proxyOverride");
        ManagedInstance.Tier t = InputException.parsing(() -> ManagedInstance.Tier.parse(skuText), m -> r.error("sku: " + m));
        ManagedInstance.ConnectionType c = InputException.parsing(() -> ManagedInstance.ConnectionType.parse(proxy), m -> p.error("proxyOverride: " + m));
        out.addManagedInstance(new ManagedInstance(id, name, p.text("subnetId"), t,
                vCores == null ? 0 : vCores, c,
                publicEndpoint != null && publicEndpoint, null, r.text("location"), p.text("dnsZone"), null, r.source(), p.text("dnsZonePartner")));
    }

    /** {@code az sql instance-failover-group show}: the pair of instances (the same group is listed from both regions). */
    private void readFailoverGroup(At r) throws InputException {
        At p = props(r);
        String id = r.text("id");
        String name = name(r, id, "a failover group");
        List<At> pairs = p.array("managedInstancePairs");
        if (pairs.isEmpty()) throw r.error("failover group '" + name + "' has no managedInstancePairs: expected the output of az sql instance-failover-group show");
        At pair = pairs.get(0);
        String primary = pair.text("primaryManagedInstanceId"), partner = pair.text("partnerManagedInstanceId");
        if (primary == null || partner == null) throw pair.error("a managed instance pair needs primaryManagedInstanceId and partnerManagedInstanceId");
        // Listed from the secondary's region the roles read the other way: the group's own role says which is which.
        if ("Secondary".equalsIgnoreCase(p.text("replicationRole"))) {
            String t = primary;
            primary = partner;
            partner = t;
        }
        out.addFailoverGroup(new FailoverGroup(id == null ? name : id, name, primary, partner, r.source()));
    }

    /** {@code az network vpn-connection show}: a VNet-to-VNet (or site) connection between two gateways. */
    private void readConnection(At r) throws InputException {
        At p = props(r);
        String id = r.text("id");
        String name = name(r, id, "a gateway connection");
        String g1 = p.refId("virtualNetworkGateway1"), g2 = p.refId("virtualNetworkGateway2");
        if (g1 == null) return; // a site connection without our gateway: nothing to join
        out.addGatewayConnection(new GatewayConnection(id == null ? name : id, name, g1, g2, p.text("connectionType"), r.source()));
    }
}
