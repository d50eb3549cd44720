package minet.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import minet.model.Design;
import minet.model.Direction;
import minet.model.FailoverGroup;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.AzureRules;
import minet.rules.Catalog;
import minet.rules.eval.Cidr;

/**
 * The fixes of an auto-failover group: replication rules in both MI subnets' NSGs, scoped to the partner subnet
 * (never {@code *}), and no route that sends the partner's address space to an appliance.
 */
final class FogFixes {
    private FogFixes() {}

    static final List<String> PORTS = minet.rules.Seed.FAILOVER_PORTS;

    /** The two MI subnets of a group, primary first; empty when either is missing or has no usable prefix. */
    static List<Subnet> subnets(Design d, String groupId) {
        FailoverGroup g = d.failoverGroups().stream().filter(x -> Lists.sameId(x.id(), groupId)).findFirst().orElse(null);
        if (g == null) return List.of();
        Subnet p = subnet(d, g.primaryInstanceId()), s = subnet(d, g.secondaryInstanceId());
        if (p == null || s == null || d.vnetOf(p).equals(d.vnetOf(s))) return List.of();
        return List.of(p, s);
    }

    private static Subnet subnet(Design d, String instanceId) {
        ManagedInstance m = d.managedInstance(instanceId).orElse(null);
        Subnet s = m == null ? null : d.subnet(m.subnetId()).orElse(null);
        if (s == null || s.addressPrefixes().isEmpty() || s.addressPrefixes().stream().anyMatch(x -> Cidr.parse(x) == null)) return null;
        return s;
    }

    /** MI-FOG-NSG: TCP 5022 and 11000–11999 with the partner subnet, in and out, in both NSGs. */
    static Design ensureReplication(Design d, String groupId, Consumer<String> cannot) {
        List<Subnet> pair = subnets(d, groupId);
        if (pair.isEmpty()) return d;
        for (int i = 0; i < 2; i++) {
            Subnet own = pair.get(i), partner = pair.get(1 - i);
            for (Direction dir : Direction.values()) {
                SecurityGroup g = own.nsgId() == null ? null : d.securityGroup(own.nsgId()).orElse(null);
                if (g == null) continue;
                boolean in = dir == Direction.INBOUND;
                List<String> from = in ? partner.addressPrefixes() : own.addressPrefixes();
                List<String> to = in ? own.addressPrefixes() : partner.addressPrefixes();
                Requirement req = new Requirement(Catalog.MI_FOG_NSG, in ? "allow_geodr_inbound" : "allow_geodr_outbound",
                        "Failover group replication " + (in ? "from" : "to") + " partner subnet " + partner.name(), dir, "Tcp", from, to, PORTS, from,
                        false, Match.space(d, own));
                d = NsgFixes.ensureBeforeDeny(d, g, req, cannot);
            }
        }
        return d;
    }

    /** MI-FOG-DIRECT: remove user routes for the partner VNet's address space that send it to an appliance. */
    static Design directRoutes(Design d, String groupId, Consumer<String> cannot) {
        List<Subnet> pair = subnets(d, groupId);
        if (pair.isEmpty()) return d;
        for (int i = 0; i < 2; i++) {
            Subnet own = pair.get(i), partner = pair.get(1 - i);
            RouteTable t = own.routeTableId() == null ? null : d.routeTable(own.routeTableId()).orElse(null);
            VirtualNetwork pv = d.vnetOf(partner).orElse(null);
            if (t == null || pv == null) continue;
            List<long[]> space = new ArrayList<>();
            for (String p : pv.addressSpaces()) {
                long[] r = Cidr.parse(p);
                if (r != null) space.add(r);
            }
            List<Route> bad = new ArrayList<>();
            for (Route r : t.routes()) {
                long[] x = Cidr.parse(r.addressPrefix());
                if (x == null || AzureRules.isAzure(r) || !Route.VIRTUAL_APPLIANCE.equalsIgnoreCase(r.nextHopType())) continue;
                if (space.stream().anyMatch(s -> s[0] <= x[0] && x[1] <= s[1])) bad.add(r);
            }
            if (!bad.isEmpty()) d = d.mapRouteTable(t.id(), x -> x.withRoutes(Lists.minus(x.routes(), bad::contains)));
        }
        return d;
    }
}
