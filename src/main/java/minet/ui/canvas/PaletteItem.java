package minet.ui.canvas;

import java.util.List;
import java.util.Optional;
import minet.edit.Command;
import minet.layout.Diagram;
import minet.layout.DiagramLayout;
import minet.layout.DiagramNode;
import minet.layout.NodeKind;
import minet.model.Bounds;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/**
 * What the palette offers and what dropping each on the canvas creates. Pure (no JavaFX): {@link #create} turns a
 * drop at (x, y) on a diagram into a Command, or explains why the drop means nothing there.
 */
public enum PaletteItem {
    VNET("Virtual network", Icons.VNET, "A VNet with a free 10.x.0.0/16 address space"),
    SUBNET("Subnet", Icons.SUBNET, "A /24 subnet in the VNet you drop it on"),
    MI_SUBNET("MI subnet", Icons.MI_SUBNET, "A /24 subnet delegated to Microsoft.Sql/managedInstances"),
    NSG("Network security group", Icons.NSG, "Drop on a subnet to attach a new NSG"),
    ROUTE_TABLE("Route table", Icons.ROUTE_TABLE, "Drop on a subnet to attach a new route table"),
    MANAGED_INSTANCE("Managed instance", Icons.SQL, "Drop on a subnet: a General Purpose instance, 8 vCores"),
    ON_PREMISES("On-premises network", Icons.BUILDING, "A network behind a VPN or ExpressRoute gateway"),
    PEERED_VNET("Peered VNet", Icons.PEERED, "A VNet peered with yours"),
    AZURE_SERVICE("Azure service", Icons.CLOUD, "Storage, Event Hubs, Azure AD, Key Vault …"),
    CLIENT("Client applications", Icons.CLIENT, "Applications that connect to the instance");

    private final String label;
    private final String icon;
    private final String tooltip;

    PaletteItem(String label, String icon, String tooltip) {
        this.label = label;
        this.icon = icon;
        this.tooltip = tooltip;
    }

    public String label() { return label; }
    public String icon() { return icon; }
    public String tooltip() { return tooltip; }

    /** Thrown when a drop means nothing where it happened; the message goes to the status bar. */
    public static final class DropRefused extends Exception {
        public DropRefused(String message) { super(message, null, false, false); }
    }

    /** The command that adds this item at canvas point (x, y). */
    public Command create(Design d, Diagram diagram, double x, double y) throws DropRefused {
        double sx = DesignEdits.snap(x), sy = DesignEdits.snap(y);
        switch (this) {
            case VNET: {
                String id = DesignEdits.freshId(d, "vnet");
                VirtualNetwork v = new VirtualNetwork(id, id, location(d), List.of(DesignEdits.freeVnetSpace(d)), List.of(), false, List.of(), List.of(), null);
                return Command.of("Add virtual network " + id, x2 -> x2.withVirtualNetworks(Lists.plus(x2.virtualNetworks(), v))
                        .withLayout(x2.layout().with(id, new Bounds(sx, sy, 400, 260))));
            }
            case SUBNET: case MI_SUBNET: {
                VirtualNetwork v = vnetAt(d, diagram, x, y).orElseThrow(() -> new DropRefused("Drop a subnet inside a virtual network."));
                boolean mi = this == MI_SUBNET;
                String prefix = DesignEdits.freeSubnetPrefix(v, 24)
                        .orElseThrow(() -> new DropRefused(v.name() + " has no free address space for another subnet."));
                String name = DesignEdits.freshId(d, mi ? "ManagedInstance" : "subnet");
                String id = v.id() + "/" + name;
                Subnet s = new Subnet(id, name, List.of(prefix), null, null, List.of(), mi ? List.of(Subnet.MI_DELEGATION) : List.of(), List.of(), mi, null);
                double w = mi ? DiagramLayout.minimumMiSubnet(d.withVirtualNetworks(List.of(v.withSubnets(List.of(s)))), s).width() : DiagramLayout.SUBNET_W;
                double h = mi ? DiagramLayout.minimumMiSubnet(d.withVirtualNetworks(List.of(v.withSubnets(List.of(s)))), s).height() : DiagramLayout.SUBNET_H;
                return Command.of("Add " + (mi ? "MI subnet " : "subnet ") + name, x2 -> x2.mapVirtualNetwork(v.id(), vn -> vn.withSubnets(Lists.plus(vn.subnets(), s)))
                        .withLayout(x2.layout().with(id, new Bounds(sx, sy, w, h))));
            }
            case NSG: {
                Subnet s = subnetAt(d, diagram, x, y).orElseThrow(() -> new DropRefused("Drop a network security group on a subnet."));
                String id = DesignEdits.freshId(d, "nsg");
                SecurityGroup g = new SecurityGroup(id, id, location(d), List.of(), null);
                return Command.of("Attach new NSG " + id + " to " + s.name(), x2 -> x2.withSecurityGroups(Lists.plus(x2.securityGroups(), g))
                        .mapSubnet(s.id(), sub -> sub.withNsgId(id)));
            }
            case ROUTE_TABLE: {
                Subnet s = subnetAt(d, diagram, x, y).orElseThrow(() -> new DropRefused("Drop a route table on a subnet."));
                String id = DesignEdits.freshId(d, "rt");
                RouteTable t = new RouteTable(id, id, location(d), false, List.of(), null);
                return Command.of("Attach new route table " + id + " to " + s.name(), x2 -> x2.withRouteTables(Lists.plus(x2.routeTables(), t))
                        .mapSubnet(s.id(), sub -> sub.withRouteTableId(id)));
            }
            case MANAGED_INSTANCE: {
                Subnet s = subnetAt(d, diagram, x, y).orElseThrow(() -> new DropRefused("Drop a managed instance on the subnet it should live in."));
                String id = DesignEdits.freshId(d, "sqlmi");
                ManagedInstance m = new ManagedInstance(id, id, s.id(), ManagedInstance.Tier.GENERAL_PURPOSE, 8, ManagedInstance.ConnectionType.DEFAULT,
                        false, ManagedInstance.ReplicationRole.NONE, location(d), null, null, null);
                return Command.of("Add managed instance " + id + " to " + s.name(), x2 -> x2.withManagedInstances(Lists.plus(x2.managedInstances(), m)));
            }
            default: {
                ExternalNetwork.Kind kind = this == ON_PREMISES ? ExternalNetwork.Kind.ON_PREMISES : this == PEERED_VNET ? ExternalNetwork.Kind.PEERED_VNET
                        : this == CLIENT ? ExternalNetwork.Kind.CLIENT : ExternalNetwork.Kind.AZURE_SERVICE;
                String base = this == ON_PREMISES ? "onprem" : this == PEERED_VNET ? "peered-vnet" : this == CLIENT ? "clients" : "service";
                String id = DesignEdits.freshId(d, base);
                List<String> prefixes = this == ON_PREMISES ? List.of("192.168.0.0/16") : this == PEERED_VNET ? List.of(DesignEdits.freeVnetSpace(d)) : List.of();
                ExternalNetwork e = new ExternalNetwork(id, label, kind, prefixes, null, this == ON_PREMISES ? "Vpn" : null,
                        this == AZURE_SERVICE ? "Storage" : null, null, List.of(), null);
                return Command.of("Add " + label.toLowerCase(java.util.Locale.ROOT), x2 -> x2.withExternalNetworks(Lists.plus(x2.externalNetworks(), e))
                        .withLayout(x2.layout().with(id, new Bounds(sx, sy, DiagramLayout.EXTERNAL_W, 76))));
            }
        }
    }

    private static String location(Design d) {
        return d.virtualNetworks().stream().map(VirtualNetwork::location).filter(l -> l != null && !l.isBlank()).findFirst().orElse("westeurope");
    }

    /** The innermost box of {@code kinds} under the point. */
    private static Optional<DiagramNode> at(Diagram diagram, double x, double y, NodeKind... kinds) {
        DiagramNode best = null;
        for (DiagramNode n : diagram.nodes()) {
            Bounds b = n.bounds();
            if (x < b.x() || y < b.y() || x > b.x() + b.width() || y > b.y() + b.height()) continue;
            for (NodeKind k : kinds) if (n.kind() == k) best = n;
        }
        return Optional.ofNullable(best);
    }

    static Optional<VirtualNetwork> vnetAt(Design d, Diagram diagram, double x, double y) {
        return at(diagram, x, y, NodeKind.VNET).flatMap(n -> d.virtualNetworks().stream().filter(v -> Lists.sameId(v.id(), n.elementId())).findFirst());
    }

    static Optional<Subnet> subnetAt(Design d, Diagram diagram, double x, double y) {
        return at(diagram, x, y, NodeKind.SUBNET, NodeKind.MI_SUBNET).flatMap(n -> d.subnet(n.elementId()));
    }
}
