package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.ArrayList;
import java.util.List;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.ResourcePaths;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.Subnet;
import minet.model.Unknowns;
import minet.model.VirtualNetwork;
import minet.rules.Catalog;
import minet.rules.Severity;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;

/** UDR-LIMIT, UDR-NEXT-HOP, NET-ADDRESS, MI-NAT-SAME-REGION, MI-DNS-CUSTOM. */
final class NetworkChecks {
    private NetworkChecks() {}

    static final int MAX_ROUTES = 400;

    /** @param d the design, whose import notes may already say what a route's unknown value is (null: none) */
    static void routeTable(Design d, RouteTable t, Findings out) {
        String label = "Route table '" + t.name() + "'";
        if (t.routes().size() > MAX_ROUTES) {
            out.add(Catalog.UDR_LIMIT, Severity.ERROR, ResourcePaths.routeTable(t), label + " has " + t.routes().size()
                    + " routes; Azure allows at most " + MAX_ROUTES, details("routeTableId", t.id(), "routes", t.routes().size(), "limit", MAX_ROUTES),
                    t.id(), t.source());
        }
        for (Route r : t.routes()) {
            String hop = r.nextHopType();
            boolean known = false;
            for (String h : Route.NEXT_HOP_TYPES) known |= h.equalsIgnoreCase(hop);
            boolean hasIp = r.nextHopIpAddress() != null && !r.nextHopIpAddress().isBlank();
            String problem = null, text = null;
            List<String[]> unknowns = new ArrayList<>(); // {field, value}: values not known offline, never invalid
            if (Unknowns.has(hop)) {
                // and then nothing about the IP address can be told either
                unknowns.add(new String[] {"next hop type", hop});
            } else if (!known) {
                problem = "nextHopType";
                text = " has next hop type '" + hop + "'; use VirtualNetworkGateway, VnetLocal, Internet, VirtualAppliance or None";
            } else if (Route.VIRTUAL_APPLIANCE.equalsIgnoreCase(hop) && !hasIp) {
                problem = "missingNextHopIp";
                text = " sends traffic to a virtual appliance but has no next hop IP address";
            } else if (Route.VIRTUAL_APPLIANCE.equalsIgnoreCase(hop) && Unknowns.has(r.nextHopIpAddress())) {
                unknowns.add(new String[] {"next hop IP address", r.nextHopIpAddress()});
            } else if (Route.VIRTUAL_APPLIANCE.equalsIgnoreCase(hop) && Cidr.address(r.nextHopIpAddress()) < 0) {
                problem = "invalidNextHopIp";
                text = " has next hop IP address '" + r.nextHopIpAddress() + "', which is not an IPv4 address";
            } else if (!Route.VIRTUAL_APPLIANCE.equalsIgnoreCase(hop) && hasIp) {
                problem = "unexpectedNextHopIp";
                text = " has a next hop IP address, which only a VirtualAppliance next hop takes";
            }
            String p = r.addressPrefix();
            if (Unknowns.has(p)) unknowns.add(new String[] {"address prefix", p});
            boolean badPrefix = p == null || !(Cidr.isAddressOrPrefix(p) || AddressSpace.looksLikeTag(p) || Unknowns.has(p));
            if (problem == null && !badPrefix && unknowns.isEmpty()) continue;
            String path = ResourcePaths.route(t, r);
            var src = r.source() != null ? r.source() : t.source();
            String rl = "Route '" + r.name() + "' in route table '" + t.name() + "'";
            for (String[] u : unknowns) {
                if (UnknownValues.said(d, out, u[1])) continue;
                out.add(u[0].equals("address prefix") ? Catalog.NET_ADDRESS : Catalog.UDR_NEXT_HOP, Severity.WARNING, path,
                        rl + " has " + u[0] + " '" + u[1] + "', which holds a value not known offline (" + UnknownValues.names(u[1])
                                + "): cannot tell whether it is valid",
                        details("routeTableId", t.id(), "route", r.name(), "problem", "unknown", "field", u[0], "unknown", Unknowns.in(u[1])), t.id(), src);
            }
            if (problem != null) {
                out.add(Catalog.UDR_NEXT_HOP, Severity.ERROR, path, rl + text,
                        details("routeTableId", t.id(), "route", r.name(), "problem", problem, "nextHopType", hop, "nextHopIpAddress", r.nextHopIpAddress()),
                        t.id(), src);
            }
            if (badPrefix) {
                out.add(Catalog.NET_ADDRESS, Severity.ERROR, path, rl + (p == null || p.isBlank() ? " has no address prefix"
                                : " has address prefix '" + p + "', which is neither a CIDR nor a service tag"),
                        details("routeTableId", t.id(), "route", r.name(), "problem", "invalidPrefix", "addressPrefix", p), t.id(), src);
            }
        }
    }

    static void vnet(Design d, VirtualNetwork v, Findings out) {
        String vpath = ResourcePaths.vnet(v);
        String vl = "Virtual network '" + v.name() + "'";
        long[] space = Intervals.EMPTY;
        for (String p : v.addressSpaces()) {
            long[] r = Cidr.parse(p);
            if (r == null && Unknowns.has(p)) {
                unknown(d, p, "Virtual network '" + v.name() + "' has address space", vpath, details("vnetId", v.id(), "problem", "unknown",
                        "addressPrefix", p, "unknown", Unknowns.in(p)), v.id(), v.source(), out);
                continue;
            }
            if (r == null) {
                out.add(Catalog.NET_ADDRESS, Severity.ERROR, vpath, vl + " has address space '" + p + "', which is not an IPv4 CIDR",
                        details("vnetId", v.id(), "problem", "invalidAddressSpace", "addressPrefix", p), v.id(), v.source());
            } else {
                space = Intervals.union(space, r);
            }
        }
        List<long[]> seen = new ArrayList<>();
        List<Subnet> seenSubnets = new ArrayList<>();
        for (Subnet s : v.subnets()) {
            String path = ResourcePaths.subnet(v, s);
            String sl = "Subnet '" + s.name() + "'";
            if (s.addressPrefixes().isEmpty()) {
                out.add(Catalog.NET_ADDRESS, Severity.ERROR, path, sl + " has no address prefix", details("subnetId", s.id(), "problem", "missingPrefix"), s.id(), s.source());
            }
            for (String p : s.addressPrefixes()) {
                long[] r = Cidr.parse(p);
                if (r == null && Unknowns.has(p)) {
                    // an MI subnet's own checks say it (MI-SUBNET-SIZE cannot tell), later in the run
                    if (!d.isMiSubnet(s)) {
                        unknown(d, p, sl + " has address prefix", path, details("subnetId", s.id(), "problem", "unknown", "addressPrefix", p,
                                "unknown", Unknowns.in(p)), s.id(), s.source(), out);
                    }
                    continue;
                }
                if (r == null) {
                    out.add(Catalog.NET_ADDRESS, Severity.ERROR, path, sl + " has address prefix '" + p + "', which is not an IPv4 CIDR",
                            details("subnetId", s.id(), "problem", "invalidPrefix", "addressPrefix", p), s.id(), s.source());
                    continue;
                }
                String normal = Cidr.normalize(p);
                if (!normal.equals(p.trim()) && p.contains("/")) {
                    out.add(Catalog.NET_ADDRESS, Severity.ERROR, path, sl + " has address prefix " + p + ", which is not a network address (did you mean "
                            + normal + "?)", details("subnetId", s.id(), "problem", "hostBitsSet", "addressPrefix", p, "normalized", normal), s.id(), s.source());
                }
                if (space.length > 0 && !Intervals.containsAll(space, r)) {
                    out.add(Catalog.NET_ADDRESS, Severity.ERROR, path, sl + " (" + p + ") is not inside the address space of virtual network '" + v.name() + "'"
                            + " (" + String.join(", ", v.addressSpaces()) + ")",
                            details("subnetId", s.id(), "problem", "outsideAddressSpace", "addressPrefix", p), s.id(), s.source());
                }
                for (int i = 0; i < seen.size(); i++) {
                    if (Intervals.intersects(seen.get(i), r) && seenSubnets.get(i) != s) {
                        Subnet o = seenSubnets.get(i);
                        out.add(Catalog.NET_ADDRESS, Severity.ERROR, path, sl + " (" + p + ") overlaps subnet '" + o.name() + "' (" + Scope.prefixes(o) + ")",
                                details("subnetId", s.id(), "problem", "overlap", "addressPrefix", p, "otherSubnetId", o.id()), s.id(), s.source());
                        break;
                    }
                }
                seen.add(r);
                seenSubnets.add(s);
            }
        }
        for (Peering peer : v.peerings()) {
            for (String p : peer.remoteAddressSpaces()) {
                long[] r = Cidr.parse(p);
                if (r != null && Intervals.intersects(space, r)) {
                    out.add(Catalog.NET_ADDRESS, Severity.ERROR, vpath, vl + " overlaps the address space " + p + " of its peered network '" + peer.name() + "'",
                            details("vnetId", v.id(), "problem", "peeringOverlap", "addressPrefix", p, "peering", peer.name()), v.id(), v.source());
                }
            }
        }
        for (ExternalNetwork e : d.externalNetworks()) {
            if (e.kind() != ExternalNetwork.Kind.ON_PREMISES || !AddressSpace.reachesThrough(d, v, e)) continue;
            for (String p : e.addressPrefixes()) {
                long[] r = Cidr.parse(p);
                if (r == null && Unknowns.has(p)) {
                    unknown(d, p, "On-premises network '" + e.name() + "' has address prefix", ResourcePaths.external(e),
                            details("externalId", e.id(), "problem", "unknown", "addressPrefix", p, "unknown", Unknowns.in(p)), e.id(), e.source(), out);
                    continue;
                }
                if (r == null) {
                    out.add(Catalog.NET_ADDRESS, Severity.ERROR, ResourcePaths.external(e), "On-premises network '" + e.name() + "' has address prefix '"
                            + p + "', which is not an IPv4 CIDR", details("externalId", e.id(), "problem", "invalidPrefix", "addressPrefix", p), e.id(), e.source());
                } else if (Intervals.intersects(space, r)) {
                    out.add(Catalog.NET_ADDRESS, Severity.ERROR, ResourcePaths.external(e), "On-premises network '" + e.name() + "' (" + p
                            + ") overlaps the address space of virtual network '" + v.name() + "'",
                            details("externalId", e.id(), "problem", "onPremisesOverlap", "addressPrefix", p, "vnetId", v.id()), e.id(), e.source());
                }
            }
        }
    }

    /** NET-ADDRESS cannot tell whether {@code p}, not known offline, is valid: a warning unless an import note says what it is. */
    private static void unknown(Design d, String p, String what, String path, java.util.Map<String, Object> details, String id,
                                minet.model.Source src, Findings out) {
        if (UnknownValues.said(d, out, p)) return;
        out.add(Catalog.NET_ADDRESS, Severity.WARNING, path, what + " '" + p + "', which holds a value not known offline ("
                + UnknownValues.names(p) + "): cannot tell whether it is valid", details, id, src);
    }

    /** MI-DNS-CUSTOM for a VNet that holds an MI subnet: what the era asks custom DNS servers to resolve. */
    static void dns(minet.rules.Profile p, VirtualNetwork v, Findings out) {
        if (v.dnsServers().isEmpty()) return;
        String servers = String.join(", ", v.dnsServers());
        String what = p.dnsRequirement();
        if (v.dnsConfirmed()) {
            out.add(Catalog.MI_DNS_CUSTOM, Severity.INFO, ResourcePaths.vnet(v), "Virtual network '" + v.name() + "' uses custom DNS servers (" + servers
                    + "); you confirmed they " + what, details("vnetId", v.id(), "dnsServers", v.dnsServers(), "confirmed", true), v.id(), v.source());
        } else {
            out.add(Catalog.MI_DNS_CUSTOM, Severity.WARNING, ResourcePaths.vnet(v), "Virtual network '" + v.name() + "' uses custom DNS servers (" + servers
                    + "); they must " + what + ", which cannot be checked offline: confirm it",
                    details("vnetId", v.id(), "dnsServers", v.dnsServers(), "confirmed", false), v.id(), v.source());
        }
    }

    /** MI-NAT-SAME-REGION: a same-region service whose firewall trusts the management endpoint's public IP. */
    static void nat(Design d, Findings out) {
        for (ManagedInstance m : d.managedInstances()) {
            long ip = Cidr.address(m.managementEndpointIp());
            if (ip < 0) continue;
            String region = m.location();
            if (region == null) region = d.subnet(m.subnetId()).flatMap(d::vnetOf).map(VirtualNetwork::location).orElse(null);
            if (region == null) continue;
            for (ExternalNetwork e : d.externalNetworks()) {
                if (e.kind() != ExternalNetwork.Kind.AZURE_SERVICE || e.region() == null || !sameRegion(region, e.region())) continue;
                boolean trusts = e.firewallAllowedIps().stream().map(Cidr::parse).anyMatch(r -> r != null && r[0] <= ip && ip <= r[1]);
                if (!trusts) continue;
                out.add(Catalog.MI_NAT_SAME_REGION, Severity.WARNING, ResourcePaths.external(e), "'" + e.name() + "' in " + e.region()
                        + " allows the management endpoint IP " + m.managementEndpointIp() + " of instance '" + m.name()
                        + "', but traffic to services in the instance's own region is not NATed to that IP, so the rule will not match; the service must be in another region",
                        details("externalId", e.id(), "instanceId", m.id(), "managementEndpointIp", m.managementEndpointIp(), "region", e.region()),
                        e.id(), e.source());
            }
        }
    }

    private static boolean sameRegion(String a, String b) {
        return a.replace(" ", "").equalsIgnoreCase(b.replace(" ", ""));
    }
}
