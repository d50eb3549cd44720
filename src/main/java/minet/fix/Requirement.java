package minet.fix;

import java.util.ArrayList;
import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.Catalog;
import minet.rules.Seed;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.Traffic;

/**
 * Traffic the seed requires an MI subnet's NSG to allow, and the rule that allows exactly it.
 * {@code mandatory}: one of the seed's tables, to come before every other rule of its direction (MI-NSG-ORDER);
 * the others (data, replication) only need to come before the Deny that blocks them.
 * {@code mustCoverSources} is what has to be allowed: the inbound management rule is written with source * but
 * only needs every Internet address. {@code space}: the rule engine's address space seen from the subnet's VNet.
 */
record Requirement(String ruleId, String name, String description, Direction direction, String protocol,
                   List<String> sources, List<String> destinations, List<String> ports, List<String> mustCoverSources,
                   boolean mandatory, AddressSpace space) {

    static Requirement managementInbound(Design d, Subnet s) {
        AddressSpace sp = Match.space(d, s);
        return new Requirement(Catalog.MI_NSG_IN_MANAGEMENT, Seed.RULE_MANAGEMENT_IN, "Seed: mandatory inbound 'management'", Direction.INBOUND,
                "Tcp", List.of(Match.ANY), s.addressPrefixes(), Seed.MANAGEMENT_INBOUND_PORTS, List.of(Match.INTERNET), true, sp);
    }

    static Requirement managementOutbound(Design d, Subnet s) {
        AddressSpace sp = Match.space(d, s);
        return new Requirement(Catalog.MI_NSG_OUT_MANAGEMENT, Seed.RULE_MANAGEMENT_OUT, "Seed: mandatory outbound 'management'", Direction.OUTBOUND,
                "Tcp", s.addressPrefixes(), List.of(Match.AZURE_CLOUD), Seed.MANAGEMENT_OUTBOUND_PORTS, s.addressPrefixes(), true, sp);
    }

    /** The seed's mandatory rules of a direction, in the seed's order. */
    static List<Requirement> mandatory(Design d, Subnet s, Direction dir) {
        List<String> subnet = s.addressPrefixes();
        AddressSpace sp = Match.space(d, s);
        if (dir == Direction.INBOUND) {
            return List.of(managementInbound(d, s),
                    new Requirement(Catalog.MI_NSG_IN_SUBNET, Seed.RULE_SUBNET_IN, "Seed: mandatory inbound 'mi_subnet'", dir, Match.ANY,
                            subnet, subnet, List.of(Match.ANY), subnet, true, sp),
                    new Requirement(Catalog.MI_NSG_IN_HEALTH_PROBE, Seed.RULE_HEALTH_PROBE_IN, "Seed: mandatory inbound 'health_probe'", dir,
                            Match.ANY, List.of(Match.LOAD_BALANCER), subnet, List.of(Match.ANY), List.of(Match.LOAD_BALANCER), true, sp));
        }
        return List.of(managementOutbound(d, s),
                new Requirement(Catalog.MI_NSG_OUT_SUBNET, Seed.RULE_SUBNET_OUT, "Seed: mandatory outbound 'mi_subnet'", dir, Match.ANY,
                        subnet, subnet, List.of(Match.ANY), subnet, true, sp));
    }

    /** What the instances in the subnet need besides: data access from the VNet, replication's file share. */
    static List<Requirement> conditional(Design d, Subnet s) {
        List<String> subnet = s.addressPrefixes();
        List<ManagedInstance> instances = d.instancesIn(s);
        AddressSpace sp = Match.space(d, s);
        List<Requirement> out = new ArrayList<>();
        List<String> vnet = List.of(Match.VIRTUAL_NETWORK);
        out.add(new Requirement(Catalog.MI_NSG_DATA, Seed.RULE_TDS_IN, "Clients in the virtual network (proxy)", Direction.INBOUND, "Tcp",
                vnet, subnet, List.of(Seed.TDS_PORT), vnet, false, sp));
        // Default and Redirect connections use 11000-11999 inside Azure; a subnet without instances yet gets the default.
        if (instances.isEmpty() || instances.stream().anyMatch(m -> m.connectionType().usesRedirect())) {
            out.add(new Requirement(Catalog.MI_NSG_DATA, Seed.RULE_REDIRECT_IN, "Clients in the virtual network (redirect)", Direction.INBOUND,
                    "Tcp", vnet, subnet, List.of(Seed.REDIRECT_PORTS), vnet, false, sp));
        }
        if (instances.stream().anyMatch(m -> m.replicationRole().needsFileShare())) {
            out.add(new Requirement(Catalog.MI_NSG_REPLICATION, Seed.RULE_REPLICATION_OUT, "Transactional replication: Azure file share",
                    Direction.OUTBOUND, "Tcp", subnet, List.of("Storage"), List.of(Seed.REPLICATION_PORT), subnet, false, sp));
        }
        return out;
    }

    /** The rule that allows exactly this traffic. */
    SecurityRule rule(String name, int priority) {
        return SecurityRule.of(name, priority, direction, Access.ALLOW, protocol, sources, List.of(Match.ANY),
                destinations, ports).withDescription(description);
    }

    /** The traffic that must be allowed. */
    Traffic traffic() {
        return new Traffic(Protocols.parse(protocol), space.resolveAll(mustCoverSources), Ports.ALL, space.resolveAll(destinations),
                Ports.parseAll(ports));
    }

    /** The traffic the seed's rule matches (wider than {@link #traffic()} for the management rule's source *). */
    private Traffic written() {
        return new Traffic(Protocols.parse(protocol), space.resolveAll(sources), Ports.ALL, space.resolveAll(destinations),
                Ports.parseAll(ports));
    }

    private static boolean contains(Traffic outer, Traffic inner) {
        return inner.subtract(outer).stream().allMatch(Traffic::isEmpty);
    }

    /** The rule alone matches all of this traffic (and maybe more). Rules with ASGs never count: their members are unknown. */
    boolean coveredBy(SecurityRule r) {
        return r.direction() == direction && !Match.hasApplicationSecurityGroups(r) && contains(NsgEvaluator.match(r, space), traffic());
    }

    /** The rule matches nothing beyond the seed's rule: moving it earlier changes no other verdict. */
    boolean tight(SecurityRule r) {
        return r.direction() == direction && !Match.hasApplicationSecurityGroups(r) && contains(written(), NsgEvaluator.match(r, space));
    }

    /** The rule may match some of this traffic. */
    boolean overlaps(SecurityRule r) {
        if (r.direction() != direction) return false;
        Traffic m = NsgEvaluator.match(r, space), q = traffic();
        return m.intersects(q) || m.mayOverlap(q, space);
    }
}
