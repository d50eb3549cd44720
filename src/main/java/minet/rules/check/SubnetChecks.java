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
import minet.rules.Catalog;
import minet.rules.Severity;
import minet.rules.Sizing;
import minet.rules.eval.AddressSet;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;

/** MI-SUBNET-*: what the seed asks of the MI subnet itself. */
final class SubnetChecks {
    private SubnetChecks() {}

    static void run(Scope scope, Subnet s, Findings out) {
        Design d = scope.design();
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

        AddressSet addresses = Scope.addresses(s);
        if (addresses != null) {
            long size = Intervals.count(addresses.ranges());
            int len = s.addressPrefixes().size() == 1 ? Cidr.prefixLength(s.prefix()) : -1;
            if (size < 16) {
                out.add(Catalog.MI_SUBNET_SIZE, Severity.ERROR, path, label + " (" + Scope.prefixes(s) + ") has " + size
                        + " addresses; a managed instance needs at least 16 (/28), 32 (/27) recommended",
                        details("subnetId", s.id(), "addresses", size, "prefixLength", len, "neededPrefixLength", 28,
                                "recommendedPrefixLength", 27), s.id(), s.source());
            } else if (size < 32) {
                out.add(Catalog.MI_SUBNET_SIZE, Severity.WARNING, path, label + " (" + Scope.prefixes(s) + ") has " + size
                        + " addresses, below the recommended 32 (/27)",
                        details("subnetId", s.id(), "addresses", size, "prefixLength", len, "neededPrefixLength", 27), s.id(), s.source());
            }
            List<ManagedInstance> mis = d.instancesIn(s);
            if (!mis.isEmpty()) {
                long gp = mis.stream().filter(m -> m.tier() == ManagedInstance.Tier.GENERAL_PURPOSE).count();
                long bc = mis.size() - gp;
                Sizing plan = Sizing.of(gp, bc);
                long needed = plan.needed(), rounded = plan.rounded();
                if (rounded > size) {
                    int plen = plan.prefixLength();
                    out.add(Catalog.MI_SUBNET_CAPACITY, Severity.ERROR, path, label + " (" + Scope.prefixes(s) + ", " + size
                            + " addresses) is too small for " + gp + " General Purpose and " + bc + " Business Critical instance(s): "
                            + Sizing.RESERVED + " + 2·" + gp + " + 4·" + bc + " = " + needed + " addresses → " + rounded + " → /" + plen,
                            details("subnetId", s.id(), "generalPurpose", gp, "businessCritical", bc, "addresses", size,
                                    "neededAddresses", needed, "roundedAddresses", rounded, "neededPrefixLength", plen), s.id(), s.source());
                }
            }
        }

        if (!s.serviceEndpoints().isEmpty()) {
            out.add(Catalog.MI_SUBNET_SERVICE_ENDPOINTS, Severity.ERROR, path, label + " has service endpoints ("
                    + String.join(", ", s.serviceEndpoints()) + "); a managed instance's subnet must have none",
                    details("subnetId", s.id(), "serviceEndpoints", s.serviceEndpoints()), s.id(), s.source());
        }

        if (s.nsgId() == null || s.nsgId().isBlank()) {
            out.add(Catalog.MI_SUBNET_NSG, Severity.ERROR, path, label + " has no network security group; associate one with the mandatory rules",
                    details("subnetId", s.id(), "subnet", Scope.prefixes(s)), s.id(), s.source());
        } else if (d.securityGroup(s.nsgId()).isEmpty()) {
            out.add(Catalog.MI_SUBNET_NSG, Severity.ERROR, path, label + " refers to network security group '" + s.nsgId()
                    + "', which is not in the design", details("subnetId", s.id(), "subnet", Scope.prefixes(s), "missingNsgId", s.nsgId()), s.id(), s.source());
        }
        if (s.routeTableId() == null || s.routeTableId().isBlank()) {
            out.add(Catalog.MI_SUBNET_ROUTE_TABLE, Severity.ERROR, path, label + " has no route table; associate one with the mandatory routes",
                    details("subnetId", s.id(), "subnet", Scope.prefixes(s)), s.id(), s.source());
        } else if (d.routeTable(s.routeTableId()).isEmpty()) {
            out.add(Catalog.MI_SUBNET_ROUTE_TABLE, Severity.ERROR, path, label + " refers to route table '" + s.routeTableId()
                    + "', which is not in the design", details("subnetId", s.id(), "subnet", Scope.prefixes(s), "missingRouteTableId", s.routeTableId()), s.id(), s.source());
        }
    }
}
