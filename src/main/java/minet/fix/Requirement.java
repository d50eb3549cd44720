package minet.fix;

import java.util.ArrayList;
import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.AzureRules;
import minet.rules.Catalog;
import minet.rules.Profile;
import minet.rules.Profiles;
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

    /** The 04/2019 document's rule for this requirement of its profile (sources and destinations as the rule writes them). */
    static Requirement of(Profile.NsgRequirement q, Subnet s, AddressSpace sp) {
        // The description travels with the rule into exports and the change list: say why a source is "any".
        String why = q.sources().equals(q.mustCover()) ? "" : ": any source, as Microsoft's management services connect from public addresses";
        return new Requirement(q.ruleId(), q.fixName(), "04/2019 mandatory " + q.direction().azure().toLowerCase(java.util.Locale.ROOT) + " '"
                + q.docName() + "'" + why, q.direction(), q.protocol(), tokens(q.sources(), s), tokens(q.destinations(), s),
                q.ports(), tokens(q.mustCover(), s), true, sp);
    }

    private static List<String> tokens(List<String> l, Subnet s) {
        List<String> out = new ArrayList<>();
        for (String t : l) {
            if (AzureRules.SUBNET.equals(t)) out.addAll(s.addressPrefixes());
            else out.add(t);
        }
        return out;
    }

    private static Requirement seed(Design d, Subnet s, String ruleId) {
        AddressSpace sp = Match.space(d, s);
        return Profiles.seed().mandatory().stream().filter(q -> q.ruleId().equals(ruleId)).findFirst().map(q -> of(q, s, sp)).orElseThrow();
    }

    static Requirement managementInbound(Design d, Subnet s) {
        return seed(d, s, Catalog.MI_NSG_IN_MANAGEMENT);
    }

    static Requirement managementOutbound(Design d, Subnet s) {
        return seed(d, s, Catalog.MI_NSG_OUT_MANAGEMENT);
    }

    /** The 04/2019 document's mandatory rules of a direction, in its order (the fixes write rules only for that era). */
    static List<Requirement> mandatory(Design d, Subnet s, Direction dir) {
        AddressSpace sp = Match.space(d, s);
        return Profiles.seed().mandatory(dir).stream().map(q -> of(q, s, sp)).toList();
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
        if (instances.stream().anyMatch(ManagedInstance::publicDataEndpoint)) {
            List<String> internet = List.of(Match.INTERNET);
            out.add(new Requirement(Catalog.MI_NSG_PUBLIC_ENDPOINT, Seed.RULE_PUBLIC_ENDPOINT_IN, "Public data endpoint (proxy): narrow the source to your clients",
                    Direction.INBOUND, "Tcp", internet, subnet, List.of(Seed.PUBLIC_ENDPOINT_PORT), internet, false, sp));
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
