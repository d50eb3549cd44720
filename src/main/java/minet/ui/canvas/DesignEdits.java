package minet.ui.canvas;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import minet.edit.Command;
import minet.layout.Diagram;
import minet.layout.DiagramLayout;
import minet.layout.DiagramNode;
import minet.layout.NodeKind;
import minet.model.Bounds;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Layout;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;

/**
 * The canvas's edits as {@link Command}s: pure functions of a Design (no JavaFX), so undo covers them and tests
 * need no toolkit. Positions go to {@link Design#layout()} by element id, snapped to the grid.
 */
public final class DesignEdits {
    private DesignEdits() {}

    public static double snap(double v) {
        return Math.round(v / DiagramLayout.GRID) * DiagramLayout.GRID;
    }

    /** Moves the movable elements among {@code ids} by (dx, dy); a VNet takes its subnets along. */
    public static Command move(Collection<String> ids, double dx, double dy, Diagram diagram) {
        return Command.of(ids.size() == 1 ? "Move " + name(diagram, ids.iterator().next()) : "Move " + ids.size() + " elements", d -> {
            Layout l = d.layout();
            Set<String> done = new HashSet<>();
            for (String id : ids) {
                Optional<DiagramNode> n = diagram.node(id);
                if (n.isEmpty() || !n.get().kind().movable() || n.get().implied() || n.get().elementId() == null) continue;
                l = moveOne(l, n.get(), dx, dy, done);
                if (n.get().kind() == NodeKind.VNET) {
                    for (DiagramNode child : diagram.nodes()) {
                        if (id.equals(child.parentId()) && child.kind().movable()) l = moveOne(l, child, dx, dy, done);
                    }
                }
            }
            return d.withLayout(l);
        });
    }

    private static Layout moveOne(Layout l, DiagramNode n, double dx, double dy, Set<String> done) {
        if (!done.add(n.id())) return l;
        Bounds b = n.bounds();
        return l.with(n.elementId(), new Bounds(snap(b.x() + dx), snap(b.y() + dy), b.width(), b.height()));
    }

    /** Resizes a VNet or subnet; the layout keeps it at least as big as what it must contain. */
    public static Command resize(String id, Bounds to) {
        Bounds s = new Bounds(snap(to.x()), snap(to.y()), Math.max(120, snap(to.width())), Math.max(80, snap(to.height())));
        return Command.of("Resize " + id, d -> d.withLayout(d.layout().with(id, s)));
    }

    /** Deletes elements and what cannot live without them (a VNet's subnets, a subnet's instances). */
    public static Command delete(Collection<String> ids) {
        return Command.of(ids.size() == 1 ? "Delete " + ids.iterator().next() : "Delete " + ids.size() + " elements", d -> {
            Design cur = d;
            for (String id : ids) cur = deleteOne(cur, id);
            return cur;
        });
    }

    private static Predicate<String> is(String id) { return x -> Lists.sameId(x, id); }

    private static Design deleteOne(Design d, String id) {
        Layout l = d.layout().without(id);
        Optional<VirtualNetwork> vnet = d.virtualNetworks().stream().filter(v -> Lists.sameId(v.id(), id)).findFirst();
        if (vnet.isPresent()) {
            Design cur = d;
            for (Subnet s : vnet.get().subnets()) cur = deleteOne(cur, s.id());
            return cur.withVirtualNetworks(Lists.minus(cur.virtualNetworks(), v -> Lists.sameId(v.id(), id))).withLayout(cur.layout().without(id));
        }
        if (d.subnet(id).isPresent()) {
            Subnet s = d.subnet(id).get();
            Design cur = d.withManagedInstances(Lists.minus(d.managedInstances(), m -> Lists.sameId(m.subnetId(), s.id())));
            return cur.withVirtualNetworks(cur.virtualNetworks().stream()
                    .map(v -> v.withSubnets(Lists.minus(v.subnets(), x -> Lists.sameId(x.id(), id)))).toList()).withLayout(l);
        }
        if (d.securityGroup(id).isPresent()) {
            Design cur = d.withSecurityGroups(Lists.minus(d.securityGroups(), g -> Lists.sameId(g.id(), id)));
            return detach(cur, s -> Lists.sameId(s.nsgId(), id), s -> s.withNsgId(null));
        }
        if (d.routeTable(id).isPresent()) {
            Design cur = d.withRouteTables(Lists.minus(d.routeTables(), t -> Lists.sameId(t.id(), id)));
            return detach(cur, s -> Lists.sameId(s.routeTableId(), id), s -> s.withRouteTableId(null));
        }
        if (d.managedInstances().stream().anyMatch(m -> Lists.sameId(m.id(), id))) {
            return d.withManagedInstances(Lists.minus(d.managedInstances(), m -> Lists.sameId(m.id(), id)));
        }
        if (d.externalNetworks().stream().anyMatch(e -> Lists.sameId(e.id(), id))) {
            return d.withExternalNetworks(Lists.minus(d.externalNetworks(), e -> Lists.sameId(e.id(), id))).withLayout(l);
        }
        return d;
    }

    private static Design detach(Design d, Predicate<Subnet> which, java.util.function.UnaryOperator<Subnet> how) {
        return d.withVirtualNetworks(d.virtualNetworks().stream()
                .map(v -> v.withSubnets(Lists.replace(v.subnets(), which, how))).toList());
    }

    /**
     * Connects an outside network to what it means to reach: on-premises → a VNet (its VPN/ExpressRoute gateway),
     * a peered VNet → a VNet (a peering), a client → a subnet (the client sits in that subnet's range).
     */
    public static Optional<Command> connect(Design d, String fromId, String toId) {
        Optional<ExternalNetwork> ext = d.externalNetworks().stream().filter(e -> Lists.sameId(e.id(), fromId)).findFirst();
        if (ext.isEmpty()) return Optional.empty();
        ExternalNetwork e = ext.get();
        Optional<VirtualNetwork> vnet = d.virtualNetworks().stream().filter(v -> Lists.sameId(v.id(), toId)).findFirst();
        if (vnet.isEmpty()) vnet = d.subnet(toId).flatMap(d::vnetOf);
        switch (e.kind()) {
            case ON_PREMISES: {
                if (vnet.isEmpty()) return Optional.empty();
                Optional<SubnetResource> gw = vnet.get().subnets().stream().flatMap(s -> s.resources().stream())
                        .filter(r -> SubnetResource.GATEWAY.equalsIgnoreCase(r.kind())).findFirst();
                String gatewayId = gw.map(r -> r.id() != null ? r.id() : r.name()).orElse(vnet.get().id());
                return Optional.of(Command.of("Connect " + e.name() + " to " + vnet.get().name(), x -> x.withExternalNetworks(Lists.replace(x.externalNetworks(),
                        o -> Lists.sameId(o.id(), e.id()),
                        o -> new ExternalNetwork(o.id(), o.name(), o.kind(), o.addressPrefixes(), gatewayId, o.via() == null ? "Vpn" : o.via(),
                                o.serviceTag(), o.region(), o.firewallAllowedIps(), o.source())))));
            }
            case PEERED_VNET: {
                if (vnet.isEmpty()) return Optional.empty();
                String vid = vnet.get().id();
                if (vnet.get().peerings().stream().anyMatch(p -> Lists.sameId(p.remoteVnetId(), e.id()))) return Optional.empty();
                Peering p = new Peering("peer-" + e.name(), e.id(), e.addressPrefixes(), false);
                return Optional.of(Command.of("Peer " + vnet.get().name() + " with " + e.name(),
                        x -> x.mapVirtualNetwork(vid, v -> v.withPeerings(Lists.plus(v.peerings(), p)))));
            }
            case CLIENT: {
                Optional<Subnet> s = d.subnet(toId);
                if (s.isEmpty()) return Optional.empty();
                return Optional.of(Command.of("Place " + e.name() + " in " + s.get().name(), x -> x.withExternalNetworks(Lists.replace(x.externalNetworks(),
                        o -> Lists.sameId(o.id(), e.id()), o -> o.withAddressPrefixes(s.get().addressPrefixes())))));
            }
            default:
                return Optional.empty();
        }
    }

    // ---- ids, names and free address space for new elements ----

    static String name(Diagram diagram, String id) {
        return diagram.node(id).map(DiagramNode::title).orElse(id);
    }

    /** "subnet-1", "subnet-2" … the first not used as an id anywhere in the design. */
    public static String freshId(Design d, String base) {
        Set<String> used = new HashSet<>();
        d.virtualNetworks().forEach(v -> used.add(v.id().toLowerCase(Locale.ROOT)));
        d.subnets().forEach(s -> used.add(s.id().toLowerCase(Locale.ROOT)));
        d.securityGroups().forEach(g -> used.add(g.id().toLowerCase(Locale.ROOT)));
        d.routeTables().forEach(t -> used.add(t.id().toLowerCase(Locale.ROOT)));
        d.managedInstances().forEach(m -> used.add(m.id().toLowerCase(Locale.ROOT)));
        d.externalNetworks().forEach(e -> used.add(e.id().toLowerCase(Locale.ROOT)));
        for (int i = 1; ; i++) {
            String id = base + "-" + i;
            if (!used.contains(id.toLowerCase(Locale.ROOT))) return id;
        }
    }

    /** The first free block of {@code prefixLength} inside the VNet's spaces, not overlapping its subnets. */
    public static Optional<String> freeSubnetPrefix(VirtualNetwork v, int prefixLength) {
        List<IPAddress> usedBlocks = new ArrayList<>();
        for (Subnet s : v.subnets()) for (String p : s.addressPrefixes()) addressOf(p).ifPresent(usedBlocks::add);
        for (String space : v.addressSpaces()) {
            Optional<IPAddress> a = addressOf(space);
            if (a.isEmpty() || a.get().getNetworkPrefixLength() == null) continue;
            IPAddress block = a.get().toPrefixBlock();
            int len = Math.max(prefixLength, block.getNetworkPrefixLength());
            Iterator<? extends IPAddress> it = block.setPrefixLength(len, false).prefixBlockIterator();
            while (it.hasNext()) {
                IPAddress candidate = it.next();
                if (usedBlocks.stream().noneMatch(u -> u.overlaps(candidate))) return Optional.of(candidate.toCanonicalString());
            }
        }
        return Optional.empty();
    }

    /** The first 10.x.0.0/16 that overlaps no VNet space and no outside network in the design. */
    public static String freeVnetSpace(Design d) {
        List<IPAddress> used = new ArrayList<>();
        d.virtualNetworks().forEach(v -> v.addressSpaces().forEach(s -> addressOf(s).ifPresent(used::add)));
        d.externalNetworks().forEach(e -> e.addressPrefixes().forEach(s -> addressOf(s).ifPresent(used::add)));
        for (int i = 0; i < 256; i++) {
            IPAddress c = new IPAddressString("10." + i + ".0.0/16").getAddress();
            if (used.stream().noneMatch(u -> u.overlaps(c))) return c.toCanonicalString();
        }
        return "172.16.0.0/16";
    }

    static Optional<IPAddress> addressOf(String cidr) {
        if (cidr == null) return Optional.empty();
        IPAddress a = new IPAddressString(cidr.trim()).getAddress();
        return a == null ? Optional.empty() : Optional.of(a.getNetworkPrefixLength() == null ? a : a.toPrefixBlock());
    }

    // used by paste
    static Subnet copyOf(Subnet s, String id, String name, String prefix) {
        return new Subnet(id, name, prefix == null ? s.addressPrefixes() : List.of(prefix), s.nsgId(), s.routeTableId(), s.serviceEndpoints(),
                s.delegations(), List.of(), s.markedMi(), null);
    }

    static ManagedInstance instanceCopy(ManagedInstance m, String id, String subnetId) {
        return new ManagedInstance(id, id, subnetId, m.tier(), m.vCores(), m.connectionType(), m.publicDataEndpoint(), m.replicationRole(),
                m.location(), null, null, null);
    }

    static SecurityGroup emptyNsg(String id, String location) { return new SecurityGroup(id, id, location, List.of(), null); }

    static RouteTable emptyRouteTable(String id, String location) { return new RouteTable(id, id, location, false, List.of(), null); }
}
