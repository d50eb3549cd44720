package minet.io.azcli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.FailoverGroup;
import minet.model.GatewayConnection;
import minet.model.ImportNote;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.ResourcePaths;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Source;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/**
 * Collects resources read from several files and puts them together into one Design: the same resource seen twice
 * (a subnet inside {@code az network vnet show} and on its own) becomes one, IDs compare without case, links from
 * either side (a subnet's {@code networkSecurityGroup}, an NSG's {@code subnets}, a Terraform association) are
 * joined, and references to resources that are not in the input are kept and reported as import notes.
 * Shared by the az CLI and Terraform importers.
 */
public final class DesignAssembler {
    public static final String MISSING_REF = "IMPORT-MISSING-REF";
    public static final String IGNORED = "IMPORT-IGNORED";

    private final Map<String, VirtualNetwork> vnets = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, String> subnetVnet = new LinkedHashMap<>();
    private final Map<String, SecurityGroup> nsgs = new LinkedHashMap<>();
    private final Map<String, List<SecurityRule>> extraRules = new LinkedHashMap<>();
    private final Map<String, RouteTable> routeTables = new LinkedHashMap<>();
    private final Map<String, List<Route>> extraRoutes = new LinkedHashMap<>();
    /** The parent IDs of separate rules and routes as first written (the maps above are keyed without case). */
    private final Map<String, String> parentIds = new LinkedHashMap<>();
    private final Map<String, ManagedInstance> instances = new LinkedHashMap<>();
    private final Map<String, Link> nsgLinks = new LinkedHashMap<>();
    private final Map<String, Link> routeTableLinks = new LinkedHashMap<>();
    private final Map<String, Link> natGatewayLinks = new LinkedHashMap<>();
    private final List<ImportNote> notes = new ArrayList<>();

    private record Link(String targetId, Source source) {}

    /** A design's name from its first input file: "vnet-show.json" gives "vnet-show". */
    public static String designName(String file) {
        String n = java.nio.file.Path.of(file).getFileName().toString();
        return n.toLowerCase(Locale.ROOT).endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    static String key(String id) { return id == null ? null : id.toLowerCase(Locale.ROOT); }

    public boolean isEmpty() {
        return vnets.isEmpty() && subnets.isEmpty() && nsgs.isEmpty() && routeTables.isEmpty() && instances.isEmpty() && failoverGroups.isEmpty()
                && extraRules.isEmpty() && extraRoutes.isEmpty();
    }

    public void addVirtualNetwork(VirtualNetwork v) {
        vnets.merge(key(v.id()), v.withSubnets(List.of()), DesignAssembler::merge);
    }

    /** A peering declared on its own (Terraform's azurerm_virtual_network_peering), added to its VNet once that is read. */
    public void addPeering(String vnetId, Peering p) {
        vnets.computeIfPresent(key(vnetId), (k, v) -> v.peerings().stream().anyMatch(x -> Lists.sameId(x.name(), p.name())) ? v
                : v.withPeerings(Lists.plus(v.peerings(), p)));
    }

    public void addSubnet(String vnetId, Subnet s) {
        subnets.merge(key(s.id()), s, DesignAssembler::merge);
        subnetVnet.putIfAbsent(key(s.id()), vnetId);
    }

    public void addSecurityGroup(SecurityGroup g) {
        nsgs.merge(key(g.id()), g, (a, b) -> a.rules().isEmpty() ? b : a);
    }

    /** A rule declared on its own (Terraform's azurerm_network_security_rule). */
    public void addSecurityRule(String nsgId, SecurityRule r) {
        extraRules.computeIfAbsent(key(nsgId), k -> new ArrayList<>()).add(r);
        parentIds.putIfAbsent(key(nsgId), nsgId);
    }

    public void addRouteTable(RouteTable t) {
        routeTables.merge(key(t.id()), t, (a, b) -> a.routes().isEmpty() ? b : a);
    }

    /** A route declared on its own (Terraform's azurerm_route). */
    public void addRoute(String routeTableId, Route r) {
        extraRoutes.computeIfAbsent(key(routeTableId), k -> new ArrayList<>()).add(r);
        parentIds.putIfAbsent(key(routeTableId), routeTableId);
    }

    public void addManagedInstance(ManagedInstance m) {
        instances.putIfAbsent(key(m.id()), m);
    }

    /** The subnet uses this NSG; a link the subnet itself states wins over one stated elsewhere. */
    public void linkSecurityGroup(String subnetId, String nsgId, Source where) {
        if (subnetId != null && nsgId != null) nsgLinks.putIfAbsent(key(subnetId), new Link(nsgId, where));
    }

    public void linkRouteTable(String subnetId, String routeTableId, Source where) {
        if (subnetId != null && routeTableId != null) routeTableLinks.putIfAbsent(key(subnetId), new Link(routeTableId, where));
    }

    /** The subnet uses this NAT gateway (Terraform's azurerm_subnet_nat_gateway_association). */
    public void linkNatGateway(String subnetId, String natGatewayId, Source where) {
        if (subnetId != null && natGatewayId != null) natGatewayLinks.putIfAbsent(key(subnetId), new Link(natGatewayId, where));
    }

    public void note(ImportNote n) { notes.add(n); }

    private final Map<String, FailoverGroup> failoverGroups = new LinkedHashMap<>();
    private final Map<String, GatewayConnection> connections = new LinkedHashMap<>();

    /** A failover group, once by id (the group is listed from both regions). */
    public void addFailoverGroup(FailoverGroup g) {
        failoverGroups.putIfAbsent(key(g.id()), g);
    }

    public void addGatewayConnection(GatewayConnection c) {
        connections.putIfAbsent(key(c.id()), c);
    }

    /** The design so far; the assembler itself is left as it was. */
    public Design build(String name) {
        List<ImportNote> out = new ArrayList<>(notes);
        Map<String, VirtualNetwork> vnets = new LinkedHashMap<>(this.vnets);
        Map<String, List<SecurityRule>> extraRules = new LinkedHashMap<>(this.extraRules);
        Map<String, List<Route>> extraRoutes = new LinkedHashMap<>(this.extraRoutes);

        Map<String, List<Subnet>> byVnet = new LinkedHashMap<>();
        for (Map.Entry<String, Subnet> e : subnets.entrySet()) {
            Subnet s = e.getValue();
            Link n = nsgLinks.get(e.getKey());
            if (s.nsgId() == null && n != null) s = s.withNsgId(n.targetId());
            Link r = routeTableLinks.get(e.getKey());
            if (s.routeTableId() == null && r != null) s = s.withRouteTableId(r.targetId());
            Link g = natGatewayLinks.get(e.getKey());
            if (s.natGatewayId() == null && g != null) s = s.withNatGatewayId(g.targetId());
            String vnetKey = key(subnetVnet.get(e.getKey()));
            if (!vnets.containsKey(vnetKey)) {
                // Keep the subnet: a placeholder VNet holds it, and the user learns the address space is unknown.
                String vnetId = subnetVnet.get(e.getKey());
                String vnetName = ResourceId.name(vnetId);
                VirtualNetwork placeholder = new VirtualNetwork(vnetId, vnetName, null, List.of(), List.of(), false,
                        List.of(), List.of(), s.source());
                vnets.put(vnetKey, placeholder);
                out.add(new ImportNote(MISSING_REF, "warning", ResourcePaths.vnet(placeholder),
                        "subnet '" + s.name() + "' belongs to virtual network '" + vnetName + "' (" + vnetId
                                + "), which is not in the input: its address space and DNS servers are unknown",
                        s.source()));
            }
            byVnet.computeIfAbsent(vnetKey, k -> new ArrayList<>()).add(s);
        }

        List<VirtualNetwork> vnetList = new ArrayList<>();
        for (Map.Entry<String, VirtualNetwork> e : vnets.entrySet()) {
            vnetList.add(e.getValue().withSubnets(byVnet.getOrDefault(e.getKey(), List.of())));
        }

        List<SecurityGroup> nsgList = new ArrayList<>();
        for (Map.Entry<String, SecurityGroup> e : nsgs.entrySet()) {
            List<SecurityRule> extra = extraRules.remove(e.getKey());
            SecurityGroup g = e.getValue();
            nsgList.add(extra == null ? g : g.withRules(withSeparate(g.rules(), extra, SecurityRule::name)));
        }
        for (Map.Entry<String, List<SecurityRule>> e : extraRules.entrySet()) {
            Source where = e.getValue().get(0).source();
            String id = parentIds.get(e.getKey());
            out.add(new ImportNote(MISSING_REF, "warning", "networkSecurityGroups/" + ResourceId.name(id),
                    e.getValue().size() + " security rule(s) belong to network security group '" + id
                            + "', which is not in the input: they are left out", where));
        }

        List<RouteTable> rtList = new ArrayList<>();
        for (Map.Entry<String, RouteTable> e : routeTables.entrySet()) {
            List<Route> extra = extraRoutes.remove(e.getKey());
            RouteTable t = e.getValue();
            rtList.add(extra == null ? t : t.withRoutes(withSeparate(t.routes(), extra, Route::name)));
        }
        for (Map.Entry<String, List<Route>> e : extraRoutes.entrySet()) {
            Source where = e.getValue().get(0).source();
            String id = parentIds.get(e.getKey());
            out.add(new ImportNote(MISSING_REF, "warning", "routeTables/" + ResourceId.name(id),
                    e.getValue().size() + " route(s) belong to route table '" + id
                            + "', which is not in the input: they are left out", where));
        }

        for (VirtualNetwork v : vnetList) {
            for (Subnet s : v.subnets()) {
                if (s.nsgId() != null && !nsgs.containsKey(key(s.nsgId()))) {
                    out.add(missing(ResourcePaths.subnet(v, s), "subnet '" + s.name() + "' uses network security group '"
                            + ResourceId.name(s.nsgId()) + "' (" + s.nsgId() + "), which is not in the input: its rules are unknown", s.source()));
                }
                if (s.routeTableId() != null && !routeTables.containsKey(key(s.routeTableId()))) {
                    out.add(missing(ResourcePaths.subnet(v, s), "subnet '" + s.name() + "' uses route table '"
                            + ResourceId.name(s.routeTableId()) + "' (" + s.routeTableId() + "), which is not in the input: its routes are unknown", s.source()));
                }
            }
        }
        for (ManagedInstance m : instances.values()) {
            if (m.subnetId() != null && !subnets.containsKey(key(m.subnetId()))) {
                out.add(missing(ResourcePaths.instance(m), "managed instance '" + m.name() + "' is in subnet '"
                        + ResourceId.name(m.subnetId()) + "' (" + m.subnetId() + "), which is not in the input", m.source()));
            }
        }

        return new Design(name, vnetList, nsgList, rtList, new ArrayList<>(instances.values()), peeredNetworks(vnetList),
                null, out).withFailoverGroups(new ArrayList<>(failoverGroups.values())).withGatewayConnections(new ArrayList<>(connections.values()));
    }

    /** Remote VNets of peerings that are not themselves in the input, so that the canvas can show them. */
    private static List<ExternalNetwork> peeredNetworks(List<VirtualNetwork> vnetList) {
        Map<String, ExternalNetwork> out = new LinkedHashMap<>();
        for (VirtualNetwork v : vnetList) {
            for (Peering p : v.peerings()) {
                String remote = p.remoteVnetId();
                if (remote == null || vnetList.stream().anyMatch(x -> Lists.sameId(x.id(), remote))) continue;
                out.putIfAbsent(key(remote), new ExternalNetwork(remote, ResourceId.name(remote), ExternalNetwork.Kind.PEERED_VNET,
                        p.remoteAddressSpaces(), null, null, null, null, List.of(), v.source()));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static ImportNote missing(String resource, String message, Source source) {
        return new ImportNote(MISSING_REF, "warning", resource, message, source);
    }

    /**
     * Rules (routes) declared on their own join the group's inline ones. A Terraform state lists the separate ones
     * inline too (Azure returns them with the group): the same name is one rule, the separate declaration wins.
     */
    private static <T> List<T> withSeparate(List<T> inline, List<T> separate, java.util.function.Function<T, String> name) {
        List<T> all = new ArrayList<>();
        for (T t : inline) {
            T same = separate.stream().filter(s -> name.apply(t) != null && name.apply(t).equalsIgnoreCase(name.apply(s))).findFirst().orElse(null);
            all.add(same != null ? same : t);
        }
        for (T s : separate) if (!all.contains(s)) all.add(s);
        return all;
    }

    private static <T> T or(T a, T b) { return a != null ? a : b; }
    private static <T> List<T> or(List<T> a, List<T> b) { return a.isEmpty() ? b : a; }

    /** The same VNet read twice: what the first gave wins, gaps are filled from the second. */
    static VirtualNetwork merge(VirtualNetwork a, VirtualNetwork b) {
        return new VirtualNetwork(a.id(), or(a.name(), b.name()), or(a.location(), b.location()),
                or(a.addressSpaces(), b.addressSpaces()), or(a.dnsServers(), b.dnsServers()), a.dnsConfirmed() || b.dnsConfirmed(),
                or(a.peerings(), b.peerings()), List.of(), a.source());
    }

    /** The same subnet read twice (inside a VNet and on its own): the first wins, gaps are filled from the second. */
    static Subnet merge(Subnet a, Subnet b) {
        return new Subnet(a.id(), or(a.name(), b.name()), or(a.addressPrefixes(), b.addressPrefixes()), or(a.nsgId(), b.nsgId()),
                or(a.routeTableId(), b.routeTableId()), or(a.serviceEndpoints(), b.serviceEndpoints()),
                or(a.delegations(), b.delegations()), or(a.resources(), b.resources()), a.markedMi() || b.markedMi(), a.source(),
                or(a.natGatewayId(), b.natGatewayId()));
    }
}
