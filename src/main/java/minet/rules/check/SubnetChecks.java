package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.ManagedInstance;
import minet.model.ResourcePaths;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;
import minet.rules.Profile;
import minet.rules.Catalog;
import minet.rules.Severity;
import minet.rules.Sizing;
import minet.rules.eval.AddressSet;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;

/** MI-SUBNET-* and MI-IPV6: what the profile's era asks of the MI subnet itself. */
final class SubnetChecks {
    private SubnetChecks() {}

    static void run(Scope scope, Subnet s, VirtualNetwork vnet, Findings out) {
        Design d = scope.design();
        Profile profile = scope.profile();
        String path = ResourcePaths.subnet(d, s);
        String label = "Subnet '" + s.name() + "'";

        List<SubnetResource> others = s.resources().stream().filter(r -> !r.belongsToManagedInstance()).toList();
        if (!others.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (SubnetResource r : others) {
                list.add(details("kind", r.kind(), "name", r.name(), "id", r.id()));
                shown.add((r.name() == null ? r.id() : "'" + r.name() + "'") + (r.kind() == null ? "" : " (" + r.kind() + ")"));
            }
            out.add(Catalog.MI_SUBNET_DEDICATED, Severity.ERROR, path, label + " hosts managed instances but also holds "
                    + String.join(", ", shown) + "; a managed instance's subnet must hold nothing else",
                    details("subnetId", s.id(), "resources", list), s.id(), s.source());
        }

        if (s.isGatewaySubnet()) {
            out.add(Catalog.MI_SUBNET_GATEWAY, Severity.ERROR, path, label + " is the gateway subnet; managed instances need a subnet of their own",
                    details("subnetId", s.id()), s.id(), s.source());
        }

        delegation(scope, s, path, label, out);

        AddressSet addresses = Scope.addresses(s);
        List<String> unknown = Scope.unknownPrefixes(s);
        if (addresses != null && !unknown.isEmpty()) {
            // The size and the room for instances depend on the whole prefix.
            String why = label + " has address prefix " + String.join(", ", unknown) + ", which is not known offline"
                    + (s.source() == null ? "" : " (" + s.source().describe() + ")");
            out.add(Catalog.MI_SUBNET_SIZE, Severity.WARNING, path, "Cannot tell offline whether the subnet is large enough: " + why,
                    details("subnetId", s.id(), "unknownPrefixes", unknown, "minimumAddresses", profile.minimumAddresses()), s.id(), s.source());
        } else if (addresses != null) {
            long size = Intervals.count(addresses.ranges());
            int len = s.addressPrefixes().size() == 1 ? Cidr.prefixLength(s.prefix()) : -1;
            int min = profile.minimumAddresses(), rec = profile.recommendedAddresses();
            if (size < min) {
                out.add(Catalog.MI_SUBNET_SIZE, Severity.ERROR, path, label + " (" + Scope.prefixes(s) + ") has " + size
                        + " addresses; a managed instance needs at least " + min + " (/" + Cidr.prefixLengthFor(min) + ")"
                        + (rec > min ? ", " + rec + " (/" + Cidr.prefixLengthFor(rec) + ") recommended" : "") + " (" + profile.id() + ")",
                        details("subnetId", s.id(), "addresses", size, "prefixLength", len, "neededPrefixLength", Cidr.prefixLengthFor(min),
                                "recommendedPrefixLength", Cidr.prefixLengthFor(rec)), s.id(), s.source());
            } else if (size < rec) {
                out.add(Catalog.MI_SUBNET_SIZE, Severity.WARNING, path, label + " (" + Scope.prefixes(s) + ") has " + size
                        + " addresses, below the recommended " + rec + " (/" + Cidr.prefixLengthFor(rec) + ")",
                        details("subnetId", s.id(), "addresses", size, "prefixLength", len, "neededPrefixLength", Cidr.prefixLengthFor(rec)),
                        s.id(), s.source());
            }
            List<ManagedInstance> mis = d.instancesIn(s);
            if (!mis.isEmpty()) {
                long gp = mis.stream().filter(m -> m.tier() == ManagedInstance.Tier.GENERAL_PURPOSE).count();
                long bc = mis.size() - gp;
                Sizing plan = Sizing.of(profile.sizing(), gp, bc, 1);
                long needed = plan.needed(), rounded = plan.rounded();
                if (rounded > size) {
                    int plen = plan.prefixLength();
                    out.add(Catalog.MI_SUBNET_CAPACITY, Severity.ERROR, path, label + " (" + Scope.prefixes(s) + ", " + size
                            + " addresses) is too small for " + gp + " General Purpose and " + bc + " Business Critical instance(s): "
                            + plan.arithmetic() + " addresses → " + rounded + " → /" + plen + " (" + profile.sizing().source()
                            + (plan.groups() > 0 ? "; one virtual machine group assumed" : "") + ")",
                            details("subnetId", s.id(), "generalPurpose", gp, "businessCritical", bc, "groups", plan.groups(), "addresses", size,
                                    "neededAddresses", needed, "roundedAddresses", rounded, "neededPrefixLength", plen,
                                    "formula", profile.sizing().describe()), s.id(), s.source());
                }
            }
        }

        if (profile.runs(Catalog.MI_SUBNET_NAT_GATEWAY) && s.natGatewayId() != null && !s.natGatewayId().isBlank()) {
            out.add(Catalog.MI_SUBNET_NAT_GATEWAY, Severity.ERROR, path, label + " is associated with NAT gateway '" + lastSegment(s.natGatewayId())
                    + "'; Azure Virtual Network NAT renders a managed instance unavailable: dissociate it",
                    details("subnetId", s.id(), "natGatewayId", s.natGatewayId()), s.id(), s.source());
        }

        if (profile.runs(Catalog.MI_IPV6)) ipv6(scope, s, vnet, path, label, out);

        if (profile.runs(Catalog.MI_SUBNET_SERVICE_ENDPOINTS) && !s.serviceEndpoints().isEmpty()) {
            out.add(Catalog.MI_SUBNET_SERVICE_ENDPOINTS, Severity.ERROR, path, label + " has service endpoints ("
                    + String.join(", ", s.serviceEndpoints()) + "); a managed instance's subnet must have none",
                    details("subnetId", s.id(), "serviceEndpoints", s.serviceEndpoints()), s.id(), s.source());
        }

        String nsgWhat = profile.serviceAided() ? "associate one (Azure writes its own rules into it)" : "associate one with the mandatory rules";
        String rtWhat = profile.serviceAided() ? "associate one (Azure writes its own routes into it)" : "associate one with the mandatory routes";
        if (s.nsgId() == null || s.nsgId().isBlank()) {
            out.add(Catalog.MI_SUBNET_NSG, Severity.ERROR, path, label + " has no network security group; " + nsgWhat,
                    details("subnetId", s.id(), "subnet", Scope.prefixes(s)), s.id(), s.source());
        } else if (d.securityGroup(s.nsgId()).isEmpty()) {
            out.add(Catalog.MI_SUBNET_NSG, Severity.ERROR, path, label + " refers to network security group '" + s.nsgId()
                    + "', which is not in the design", details("subnetId", s.id(), "subnet", Scope.prefixes(s), "missingNsgId", s.nsgId()), s.id(), s.source());
        }
        if (s.routeTableId() == null || s.routeTableId().isBlank()) {
            out.add(Catalog.MI_SUBNET_ROUTE_TABLE, Severity.ERROR, path, label + " has no route table; " + rtWhat,
                    details("subnetId", s.id(), "subnet", Scope.prefixes(s)), s.id(), s.source());
        } else if (d.routeTable(s.routeTableId()).isEmpty()) {
            out.add(Catalog.MI_SUBNET_ROUTE_TABLE, Severity.ERROR, path, label + " refers to route table '" + s.routeTableId()
                    + "', which is not in the design", details("subnetId", s.id(), "subnet", Scope.prefixes(s), "missingRouteTableId", s.routeTableId()), s.id(), s.source());
        }
    }

    /** MI-SUBNET-DELEGATION: delegated to another service (every era); not delegated to Microsoft.Sql/managedInstances (from 2020). */
    private static void delegation(Scope scope, Subnet s, String path, String label, Findings out) {
        if (!scope.profile().runs(Catalog.MI_SUBNET_DELEGATION)) return;
        List<String> others = s.delegations().stream().filter(x -> !x.equalsIgnoreCase(Subnet.MI_DELEGATION)).toList();
        if (!others.isEmpty()) {
            out.add(Catalog.MI_SUBNET_DELEGATION, Severity.ERROR, path, label + " is delegated to " + String.join(", ", others)
                    + "; a managed instance's subnet can be delegated to " + Subnet.MI_DELEGATION + " only",
                    details("subnetId", s.id(), "problem", "delegatedElsewhere", "delegations", s.delegations()), s.id(), s.source());
        } else if (scope.profile().serviceAided() && !s.delegatedToMi()) {
            out.add(Catalog.MI_SUBNET_DELEGATION, Severity.ERROR, path, label + " is not delegated to " + Subnet.MI_DELEGATION
                    + "; since 1 May 2020 managed instances deploy only into delegated subnets (" + scope.profile().id() + ")",
                    details("subnetId", s.id(), "problem", "missing"), s.id(), s.source());
        }
    }

    /** MI-IPV6: no IPv6 in the VNet's space, the subnet, or its NSG's rules and route table's routes. */
    private static void ipv6(Scope scope, Subnet s, VirtualNetwork vnet, String path, String label, Findings out) {
        Design d = scope.design();
        List<String> where = new ArrayList<>();
        if (vnet != null) for (String p : vnet.addressSpaces()) if (Cidr.isIpv6(p)) where.add("virtual network '" + vnet.name() + "' (" + p + ")");
        for (String p : s.addressPrefixes()) if (Cidr.isIpv6(p)) where.add("the subnet (" + p + ")");
        d.securityGroup(s.nsgId() == null ? "" : s.nsgId()).ifPresent(g -> {
            for (minet.model.SecurityRule r : g.rules()) {
                List<String> v6 = new ArrayList<>();
                for (String p : r.sourcePrefixes()) if (Cidr.isIpv6(p)) v6.add(p);
                for (String p : r.destinationPrefixes()) if (Cidr.isIpv6(p)) v6.add(p);
                if (!v6.isEmpty()) where.add("rule '" + r.name() + "' of NSG '" + g.name() + "' (" + String.join(", ", v6) + ")");
            }
        });
        d.routeTable(s.routeTableId() == null ? "" : s.routeTableId()).ifPresent(t -> {
            for (minet.model.Route r : t.routes()) {
                if (Cidr.isIpv6(r.addressPrefix())) where.add("route '" + r.name() + "' of route table '" + t.name() + "' (" + r.addressPrefix() + ")");
            }
        });
        if (where.isEmpty()) return;
        out.add(Catalog.MI_IPV6, Severity.ERROR, path, label + ": IPv6 in " + String.join(", ", where.subList(0, Math.min(3, where.size())))
                + (where.size() > 3 ? " and " + (where.size() - 3) + " more" : "")
                + "; a managed instance's subnet, its VNet, NSG and route table must be IPv4 only",
                details("subnetId", s.id(), "ipv6", where), s.id(), s.source());
    }

    private static String lastSegment(String id) {
        int i = id.lastIndexOf('/');
        return i < 0 ? id : id.substring(i + 1);
    }
}
