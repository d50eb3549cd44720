package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.ArrayList;
import java.util.List;
import minet.model.Connectivity;
import minet.model.Design;
import minet.model.Direction;
import minet.model.FailoverGroup;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.Catalog;
import minet.rules.Profile;
import minet.rules.Severity;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Evaluation;
import minet.rules.eval.Intervals;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.Traffic;
import minet.rules.eval.Verdict;
import minet.rules.route.RouteEntry;
import minet.rules.route.RouteResolver;

/**
 * MI-FOG-*: an auto-failover group's network (research/mi-rules.md §7: S15 for 2019, S16 and S8 today). Both MI
 * subnets' NSGs allow TCP 5022 and 11000–11999 between the two subnets in both directions; the VNets do not overlap
 * each other or a VNet peered with either; they are connected (a VPN gateway in 2019, global peering recommended
 * today); replication goes directly, the same way back; the secondary shares the primary's DNS zone and tier.
 */
final class FailoverChecks {
    private FailoverChecks() {}

    static final List<String> REPLICATION_PORTS = minet.rules.Seed.FAILOVER_PORTS;

    static void run(Scope scope, FailoverGroup g, Findings out) {
        Design d = scope.design();
        String path = "failoverGroups/" + g.name();
        String label = "Failover group '" + g.name() + "'";
        ManagedInstance p = d.managedInstance(g.primaryInstanceId()).orElse(null);
        ManagedInstance s = d.managedInstance(g.secondaryInstanceId()).orElse(null);
        if (p == null || s == null) {
            List<String> missing = new ArrayList<>();
            if (p == null) missing.add("primary " + g.primaryInstanceId());
            if (s == null) missing.add("secondary " + g.secondaryInstanceId());
            out.add(Catalog.MI_FOG_PARTNERS, Severity.ERROR, path, label + " names " + String.join(" and ", missing)
                    + ", not in the design; give both instances (e.g. the az sql mi show output of both regions)",
                    details("failoverGroupId", g.id(), "missing", missing), g.id(), g.source());
            return;
        }
        Subnet ps = d.subnet(p.subnetId()).orElse(null), ss = d.subnet(s.subnetId()).orElse(null);
        VirtualNetwork pv = ps == null ? null : d.vnetOf(ps).orElse(null), sv = ss == null ? null : d.vnetOf(ss).orElse(null);
        if (ps == null || ss == null || pv == null || sv == null) {
            out.add(Catalog.MI_FOG_PARTNERS, Severity.ERROR, path, label + ": the subnet of " + (ps == null || pv == null ? p.name() : s.name())
                    + " is not in the design, so its network cannot be checked", details("failoverGroupId", g.id()), g.id(), g.source());
            return;
        }
        if (pv == sv) {
            out.add(Catalog.MI_FOG_PARTNERS, Severity.ERROR, path, label + ": '" + p.name() + "' and '" + s.name() + "' are in the same virtual network '"
                    + pv.name() + "'; a failover group pairs instances in two regions, each in its own VNet",
                    details("failoverGroupId", g.id()), g.id(), g.source());
            return;
        }
        listeners(g, p, s, path, label, out);
        tier(g, p, s, path, label, out);
        dnsZone(g, p, s, path, label, out);
        boolean overlap = overlap(d, g, pv, sv, path, label, out);
        connected(scope.profile(), d, g, pv, sv, p, s, path, label, out);
        nsg(scope, g, ps, pv, ss, out);
        nsg(scope, g, ss, sv, ps, out);
        if (!overlap) direct(d, g, ps, ss, path, label, out);
    }

    private static void listeners(FailoverGroup g, ManagedInstance p, ManagedInstance s, String path, String label, Findings out) {
        String zone = p.dnsZone() != null && !p.dnsZone().isBlank() ? p.dnsZone() : s.dnsZone();
        out.add(Catalog.MI_FOG_LISTENERS, Severity.INFO, path, label + ": read-write listener " + g.readWriteListener(zone)
                + ", read-only listener " + g.readOnlyListener(zone) + " (primary '" + p.name() + "' in " + p.location()
                + ", secondary '" + s.name() + "' in " + s.location() + ")",
                details("failoverGroupId", g.id(), "readWriteListener", g.readWriteListener(zone), "readOnlyListener", g.readOnlyListener(zone)),
                g.id(), g.source());
    }

    private static void tier(FailoverGroup g, ManagedInstance p, ManagedInstance s, String path, String label, Findings out) {
        if (p.tier() == s.tier()) return;
        out.add(Catalog.MI_FOG_TIER, Severity.ERROR, path, label + ": primary '" + p.name() + "' is " + p.tier().azure() + " but secondary '"
                + s.name() + "' is " + s.tier().azure() + "; both instances of a failover group need the same service tier",
                details("failoverGroupId", g.id(), "primaryTier", p.tier().azure(), "secondaryTier", s.tier().azure()), g.id(), g.source());
    }

    private static void dnsZone(FailoverGroup g, ManagedInstance p, ManagedInstance s, String path, String label, Findings out) {
        String pz = blank(p.dnsZone()), sz = blank(s.dnsZone());
        if (s.dnsZonePartner() != null && !s.dnsZonePartner().isBlank() && !Lists.sameId(s.dnsZonePartner(), p.id())) {
            out.add(Catalog.MI_FOG_DNS_ZONE, Severity.ERROR, path, label + ": secondary '" + s.name() + "' was created with DNS zone partner '"
                    + s.dnsZonePartner() + "', not primary '" + p.name() + "'; the secondary must share the primary's DNS zone",
                    details("failoverGroupId", g.id(), "dnsZonePartner", s.dnsZonePartner()), g.id(), g.source());
        } else if (pz != null && sz != null && !pz.equalsIgnoreCase(sz)) {
            out.add(Catalog.MI_FOG_DNS_ZONE, Severity.ERROR, path, label + ": primary '" + p.name() + "' is in DNS zone " + pz + " and secondary '"
                    + s.name() + "' in " + sz + "; the secondary must be created with the primary as DNS zone partner (it cannot be changed later)",
                    details("failoverGroupId", g.id(), "primaryDnsZone", pz, "secondaryDnsZone", sz), g.id(), g.source());
        } else if ((pz == null || sz == null) && (s.dnsZonePartner() == null || s.dnsZonePartner().isBlank())) {
            out.add(Catalog.MI_FOG_DNS_ZONE, Severity.INFO, path, label + ": cannot tell offline whether secondary '" + s.name()
                    + "' shares the primary's DNS zone: " + (pz == null ? "the primary's" : "the secondary's") + " zone is not in the input and no DNS zone partner is set",
                    details("failoverGroupId", g.id()), g.id(), g.source());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() || minet.model.Unknowns.has(s) ? null : s;
    }

    /** MI-FOG-OVERLAP: the two VNets, and each against the VNets peered with the other. Returns true when they overlap. */
    private static boolean overlap(Design d, FailoverGroup g, VirtualNetwork pv, VirtualNetwork sv, String path, String label, Findings out) {
        boolean any = false;
        long[] a = space(pv.addressSpaces()), b = space(sv.addressSpaces());
        if (Intervals.intersects(a, b)) {
            any = true;
            out.add(Catalog.MI_FOG_OVERLAP, Severity.ERROR, path, label + ": the address spaces of '" + pv.name() + "' (" + String.join(", ", pv.addressSpaces())
                    + ") and '" + sv.name() + "' (" + String.join(", ", sv.addressSpaces()) + ") overlap; the two VNets of a failover group must not overlap",
                    details("failoverGroupId", g.id(), "vnets", List.of(pv.id(), sv.id())), g.id(), g.source());
        }
        for (VirtualNetwork[] pair : new VirtualNetwork[][] {{pv, sv}, {sv, pv}}) {
            for (Connectivity.Link l : Connectivity.links(d, pair[1])) {
                if (l.other() == pair[0]) continue;
                long[] r = space(l.remoteAddressSpaces());
                if (r.length > 0 && Intervals.intersects(space(pair[0].addressSpaces()), r)) {
                    any = true;
                    out.add(Catalog.MI_FOG_OVERLAP, Severity.ERROR, path, label + ": '" + pair[0].name() + "' overlaps " + String.join(", ", l.remoteAddressSpaces())
                            + ", the VNet '" + pair[1].name() + "' is " + (l.kind().equals(Connectivity.Link.PEERING) ? "peered" : "connected") + " with ("
                            + l.name() + "); no VNet peered with either may overlap the other",
                            details("failoverGroupId", g.id(), "vnet", pair[0].id(), "link", l.name()), g.id(), g.source());
                }
            }
        }
        return any;
    }

    private static long[] space(List<String> prefixes) {
        long[] acc = Intervals.EMPTY;
        for (String p : prefixes) {
            long[] r = Cidr.parse(p);
            if (r != null) acc = Intervals.union(acc, r);
        }
        return acc;
    }

    /** MI-FOG-CONNECTED: peering (both ways) or gateways with a connection; what each era says of global peering. */
    private static void connected(Profile profile, Design d, FailoverGroup g, VirtualNetwork pv, VirtualNetwork sv, ManagedInstance p,
                                  ManagedInstance s, String path, String label, Findings out) {
        List<Connectivity.Link> links = Connectivity.links(d, pv).stream().filter(l -> l.other() == sv).toList();
        List<Connectivity.Link> back = Connectivity.links(d, sv).stream().filter(l -> l.other() == pv).toList();
        boolean peered = links.stream().anyMatch(l -> l.kind().equals(Connectivity.Link.PEERING))
                && back.stream().anyMatch(l -> l.kind().equals(Connectivity.Link.PEERING));
        boolean gateway = links.stream().anyMatch(l -> l.kind().equals(Connectivity.Link.GATEWAY));
        boolean halfPeered = !peered && (links.stream().anyMatch(l -> l.kind().equals(Connectivity.Link.PEERING))
                || back.stream().anyMatch(l -> l.kind().equals(Connectivity.Link.PEERING)));
        if (!peered && !gateway) {
            out.add(Catalog.MI_FOG_CONNECTED, Severity.ERROR, path, label + ": '" + pv.name() + "' and '" + sv.name() + "' are not connected"
                    + (halfPeered ? " (a peering exists on one side only: it needs both)" : "") + "; replication needs "
                    + (profile.id().equals("azure-2019-04") ? "VPN gateways on both sides and a connection between them" : "global VNet peering (recommended) or VPN/ExpressRoute gateways on both sides"),
                    details("failoverGroupId", g.id(), "vnets", List.of(pv.id(), sv.id())), g.id(), g.source());
            return;
        }
        boolean global = p.location() != null && s.location() != null
                && !p.location().replace(" ", "").equalsIgnoreCase(s.location().replace(" ", ""));
        if (peered && !gateway && global) {
            if (profile.id().equals("azure-2019-04")) {
                out.add(Catalog.MI_FOG_CONNECTED, Severity.ERROR, path, label + ": '" + pv.name() + "' and '" + sv.name()
                        + "' are joined by global VNet peering, which the 2019 failover-group document does not support; connect them through VPN gateways",
                        details("failoverGroupId", g.id(), "connection", "globalPeering"), g.id(), g.source());
            } else if (profile.id().equals("azure-2020-10")) {
                out.add(Catalog.MI_FOG_CONNECTED, Severity.WARNING, path, label + ": global VNet peering works only for MI subnets created after"
                        + " 22 September 2020, which cannot be told offline; the subnets of '" + p.name() + "' and '" + s.name() + "' must be that recent",
                        details("failoverGroupId", g.id(), "connection", "globalPeering"), g.id(), g.source());
            }
        }
    }

    /** MI-FOG-NSG: the NSG of {@code own} allows 5022 and 11000–11999 with {@code partner}, in and out. */
    private static void nsg(Scope scope, FailoverGroup g, Subnet own, VirtualNetwork vnet, Subnet partner, Findings out) {
        SecurityGroup nsg = own.nsgId() == null ? null : scope.design().securityGroup(own.nsgId()).orElse(null);
        AddressSet a = Scope.addresses(own), b = Scope.addresses(partner);
        if (nsg == null || a == null || b == null) return; // MI-SUBNET-NSG and NET-ADDRESS speak of these
        AddressSpace space = scope.space(vnet);
        long[] ports = Ports.parseAll(REPLICATION_PORTS);
        for (Direction dir : Direction.values()) {
            NsgEvaluator ev = scope.evaluator(nsg, vnet, dir);
            Traffic t = dir == Direction.INBOUND ? Traffic.of(Protocols.TCP, b, a, ports) : Traffic.of(Protocols.TCP, a, b, ports);
            Evaluation e = ev.evaluate(t);
            String words = dir.azure().toLowerCase(java.util.Locale.ROOT) + " TCP " + Ports.describe(Intervals.intersect(e.deniedDestinationPorts(), ports))
                    + (dir == Direction.INBOUND ? " from" : " to") + " partner subnet '" + partner.name() + "' (" + Scope.prefixes(partner) + ")";
            String fixName = dir == Direction.INBOUND ? "allow_geodr_inbound" : "allow_geodr_outbound";
            if (e.verdict().blocked()) {
                var deny = e.firstDeny();
                out.add(Catalog.MI_FOG_NSG, Severity.ERROR, minet.model.ResourcePaths.nsg(nsg), "NSG '" + nsg.name() + "' of subnet '" + own.name()
                        + "' blocks " + words + " for failover group '" + g.name() + "': " + deny.describe() + " denies it"
                        + "; replication copies get stuck: allow TCP 5022 and 11000-11999 with the partner subnet",
                        details("nsgId", nsg.id(), "subnetId", own.id(), "partnerSubnetId", partner.id(), "direction", dir.azure(),
                                "denyingRule", deny.name(), "suggestedRule", fixName, "failoverGroupId", g.id()), nsg.id(), nsg.source());
            } else if (e.verdict() == Verdict.INDETERMINATE) {
                out.add(Catalog.MI_FOG_NSG, Severity.WARNING, minet.model.ResourcePaths.nsg(nsg), "Cannot tell offline whether NSG '" + nsg.name()
                        + "' allows " + dir.azure().toLowerCase(java.util.Locale.ROOT) + " TCP 5022 and 11000-11999 with partner subnet '" + partner.name()
                        + "': " + e.uncertainRules().get(0).describe() + " may match part of it",
                        details("nsgId", nsg.id(), "subnetId", own.id(), "partnerSubnetId", partner.id(), "direction", dir.azure(),
                                "failoverGroupId", g.id()), nsg.id(), nsg.source());
            }
        }
    }

    /** MI-FOG-DIRECT: each subnet's route to the other goes directly (no appliance), and the way back is the same kind. */
    private static void direct(Design d, FailoverGroup g, Subnet ps, Subnet ss, String path, String label, Findings out) {
        RouteEntry there = route(d, ps, ss), back = route(d, ss, ps);
        if (there == null || back == null) return;
        boolean thereNva = there.hasNextHop(Route.VIRTUAL_APPLIANCE), backNva = back.hasNextHop(Route.VIRTUAL_APPLIANCE);
        if (thereNva != backNva) {
            out.add(Catalog.MI_FOG_DIRECT, Severity.ERROR, path, label + ": asymmetric routing between the MI subnets: from '" + ps.name() + "' "
                    + there.describe() + ", from '" + ss.name() + "' " + back.describe() + "; a stateful firewall drops replication it sees one way only",
                    details("failoverGroupId", g.id(), "there", there.describe(), "back", back.describe()), g.id(), g.source());
        } else if (thereNva) {
            out.add(Catalog.MI_FOG_DIRECT, Severity.WARNING, path, label + ": replication between '" + ps.name() + "' and '" + ss.name()
                    + "' goes through an appliance (" + there.describe() + "); it should go directly between the two subnets, not through a hub",
                    details("failoverGroupId", g.id(), "there", there.describe(), "back", back.describe()), g.id(), g.source());
        } else if (there.hasNextHop(Route.NONE) || back.hasNextHop(Route.NONE)) {
            out.add(Catalog.MI_FOG_DIRECT, Severity.ERROR, path, label + ": replication between '" + ps.name() + "' and '" + ss.name()
                    + "' is dropped: " + (there.hasNextHop(Route.NONE) ? there : back).describe(),
                    details("failoverGroupId", g.id(), "there", there.describe(), "back", back.describe()), g.id(), g.source());
        }
    }

    private static RouteEntry route(Design d, Subnet from, Subnet to) {
        long[] r = Cidr.parse(to.prefix());
        if (r == null) return null;
        long host = r[1] - r[0] >= 4 ? r[0] + 4 : r[0];
        return RouteResolver.forSubnet(d, from).nextHop(host);
    }

}
