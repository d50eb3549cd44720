package minet.fix;

import java.util.ArrayList;
import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.Seed;

/**
 * Traffic the seed requires an MI subnet's NSG to allow, and the rule that allows exactly it.
 * {@code mandatory}: one of the seed's tables, to come before every other rule of its direction (MI-NSG-ORDER);
 * the others (data, replication) only need to come before the Deny that blocks them.
 * {@code mustCover} is what an existing rule has to match to count: the inbound management rule is written with
 * source * but only needs to cover every Internet address.
 */
record Requirement(String ruleId, String name, String description, Direction direction, String protocol,
                   List<String> sources, List<String> destinations, List<String> ports, List<String> mustCoverSources,
                   boolean mandatory) {

    static final String MGMT_IN = "MI-NSG-IN-MANAGEMENT";
    static final String MGMT_OUT = "MI-NSG-OUT-MANAGEMENT";
    static final String SUBNET_IN = "MI-NSG-IN-SUBNET";
    static final String HEALTH_PROBE = "MI-NSG-IN-HEALTH-PROBE";
    static final String SUBNET_OUT = "MI-NSG-OUT-SUBNET";
    static final String REPLICATION = "MI-NSG-REPLICATION";
    static final String DATA = "MI-NSG-DATA";

    static Requirement managementInbound(Subnet s) {
        return new Requirement(MGMT_IN, Seed.RULE_MANAGEMENT_IN, "Seed: mandatory inbound 'management'", Direction.INBOUND,
                "Tcp", List.of(Match.ANY), s.addressPrefixes(), Seed.MANAGEMENT_INBOUND_PORTS, List.of(Match.INTERNET), true);
    }

    static Requirement managementOutbound(Subnet s) {
        return new Requirement(MGMT_OUT, Seed.RULE_MANAGEMENT_OUT, "Seed: mandatory outbound 'management'", Direction.OUTBOUND,
                "Tcp", s.addressPrefixes(), List.of(Match.AZURE_CLOUD), Seed.MANAGEMENT_OUTBOUND_PORTS, s.addressPrefixes(), true);
    }

    /** The seed's mandatory rules of a direction, in the seed's order. */
    static List<Requirement> mandatory(Subnet s, Direction dir) {
        List<String> subnet = s.addressPrefixes();
        if (dir == Direction.INBOUND) {
            return List.of(managementInbound(s),
                    new Requirement(SUBNET_IN, Seed.RULE_SUBNET_IN, "Seed: mandatory inbound 'mi_subnet'", dir, Match.ANY,
                            subnet, subnet, List.of(Match.ANY), subnet, true),
                    new Requirement(HEALTH_PROBE, Seed.RULE_HEALTH_PROBE_IN, "Seed: mandatory inbound 'health_probe'", dir,
                            Match.ANY, List.of(Match.LOAD_BALANCER), subnet, List.of(Match.ANY), List.of(Match.LOAD_BALANCER), true));
        }
        return List.of(managementOutbound(s),
                new Requirement(SUBNET_OUT, Seed.RULE_SUBNET_OUT, "Seed: mandatory outbound 'mi_subnet'", dir, Match.ANY,
                        subnet, subnet, List.of(Match.ANY), subnet, true));
    }

    /** What the instances in the subnet need besides: data access from the VNet, replication's file share. */
    static List<Requirement> conditional(Design d, Subnet s) {
        List<String> subnet = s.addressPrefixes();
        List<ManagedInstance> instances = d.instancesIn(s);
        List<Requirement> out = new ArrayList<>();
        List<String> vnet = List.of(Match.VIRTUAL_NETWORK);
        out.add(new Requirement(DATA, Seed.RULE_TDS_IN, "Clients in the virtual network (proxy)", Direction.INBOUND, "Tcp",
                vnet, subnet, List.of(Seed.TDS_PORT), vnet, false));
        // Default and Redirect connections use 11000-11999 inside Azure; a subnet without instances yet gets the default.
        if (instances.isEmpty() || instances.stream().anyMatch(m -> m.connectionType().usesRedirect())) {
            out.add(new Requirement(DATA, Seed.RULE_REDIRECT_IN, "Clients in the virtual network (redirect)", Direction.INBOUND,
                    "Tcp", vnet, subnet, List.of(Seed.REDIRECT_PORTS), vnet, false));
        }
        if (instances.stream().anyMatch(m -> m.replicationRole().needsFileShare())) {
            out.add(new Requirement(REPLICATION, Seed.RULE_REPLICATION_OUT, "Transactional replication: Azure file share",
                    Direction.OUTBOUND, "Tcp", subnet, List.of("Storage"), List.of(Seed.REPLICATION_PORT), subnet, false));
        }
        return out;
    }

    /** The rule that allows exactly this traffic. */
    SecurityRule rule(String name, int priority) {
        return SecurityRule.of(name, priority, direction, Access.ALLOW, protocol, sources, List.of(Match.ANY),
                destinations, ports).withDescription(description);
    }

    /** The rule matches all of this traffic (and maybe more). */
    boolean coveredBy(SecurityRule r, Match m) {
        return r.direction() == direction && Match.protocolCovers(r.protocol(), protocol) && Match.anySourcePort(r)
                && m.addressesCover(r.sourcePrefixes(), mustCoverSources) && m.addressesCover(r.destinationPrefixes(), destinations)
                && Match.portsCover(r.destinationPorts(), ports);
    }

    /** The rule matches nothing but this traffic: moving it earlier changes no other verdict. */
    boolean tight(SecurityRule r, Match m) {
        boolean protocolWithin = protocol.equals(Match.ANY) || protocol.equalsIgnoreCase(r.protocol());
        return r.direction() == direction && protocolWithin && m.addressesWithin(r.sourcePrefixes(), sources)
                && m.addressesWithin(r.destinationPrefixes(), destinations) && Match.portsWithin(r.destinationPorts(), ports);
    }

    /** The rule may match some of this traffic. */
    boolean overlaps(SecurityRule r, Match m) {
        return r.direction() == direction && Match.protocolOverlaps(r.protocol(), protocol)
                && m.addressesOverlap(r.sourcePrefixes(), mustCoverSources) && m.addressesOverlap(r.destinationPrefixes(), destinations)
                && Match.portsOverlap(r.destinationPorts(), ports);
    }
}
