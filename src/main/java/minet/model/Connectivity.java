package minet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a VNet reaches other networks of the design: its peerings and its gateway's connections. A peering names its
 * remote VNet (the design's, when it holds it) and may list the remote address spaces; a VNet-to-VNet connection
 * joins two gateways that live in the VNets' GatewaySubnets.
 */
public final class Connectivity {
    private Connectivity() {}

    /** One way out of a VNet: {@code other} is the design's VNet at the far end (null when outside the design). */
    public record Link(String kind, String name, VirtualNetwork other, List<String> remoteAddressSpaces, boolean bothSides) {
        public static final String PEERING = "peering", GATEWAY = "gateway";
    }

    public static List<Link> links(Design d, VirtualNetwork v) {
        List<Link> out = new ArrayList<>();
        for (Peering p : v.peerings()) {
            VirtualNetwork other = vnet(d, p.remoteVnetId());
            List<String> spaces = !p.remoteAddressSpaces().isEmpty() || other == null ? p.remoteAddressSpaces() : other.addressSpaces();
            boolean back = other != null && other.peerings().stream().anyMatch(q -> Lists.sameId(q.remoteVnetId(), v.id()));
            out.add(new Link(Link.PEERING, p.name(), other, spaces, back));
        }
        List<String> mine = gateways(v);
        for (GatewayConnection c : d.gatewayConnections()) {
            String far = mine.stream().anyMatch(g -> names(g, c.gatewayId())) ? c.remoteGatewayId()
                    : mine.stream().anyMatch(g -> names(g, c.remoteGatewayId())) ? c.gatewayId() : null;
            if (far == null) continue;
            VirtualNetwork other = d.virtualNetworks().stream().filter(x -> x != v && gateways(x).stream().anyMatch(g -> names(g, far)))
                    .findFirst().orElse(null);
            out.add(new Link(Link.GATEWAY, c.name(), other, other == null ? List.of() : other.addressSpaces(), true));
        }
        return out;
    }

    /**
     * True when {@code mine} (a gateway's id or name as a subnet holds it, or the id of one of its IP configurations)
     * stands for the gateway {@code ref} (its resource id or name).
     */
    static boolean names(String mine, String ref) {
        if (mine == null || ref == null) return false;
        if (Lists.sameId(mine, ref) || mine.regionMatches(true, 0, ref + "/", 0, ref.length() + 1)) return true;
        int slash = ref.lastIndexOf('/');
        return slash >= 0 && Lists.sameId(mine, ref.substring(slash + 1));
    }

    /** The ids and names of the virtual network gateways in a VNet's subnets. */
    public static List<String> gateways(VirtualNetwork v) {
        List<String> out = new ArrayList<>();
        for (Subnet s : v.subnets()) {
            for (SubnetResource r : s.resources()) {
                if (!SubnetResource.GATEWAY.equalsIgnoreCase(r.kind())) continue;
                if (r.id() != null) out.add(r.id());
                if (r.name() != null) out.add(r.name());
            }
        }
        return out;
    }

    private static VirtualNetwork vnet(Design d, String id) {
        if (id == null) return null;
        for (VirtualNetwork v : d.virtualNetworks()) if (Lists.sameId(v.id(), id) || Lists.sameId(v.name(), id)) return v;
        return null;
    }
}
