package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import minet.bench.Estate;
import minet.io.JsonSource;
import minet.io.azcli.AzCliImporter;
import minet.model.Design;
import minet.model.Peering;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Validating an estate network by network, in parallel, finds what validating the whole design finds: the same
 * findings in the same order, whatever NSGs, route tables and peerings the networks share.
 */
class EstateTest {
    static Design estate(int subnets) throws Exception {
        ArrayNode all = new ObjectMapper().createArrayNode();
        for (ObjectNode row : Estate.rows(subnets)) all.add(row);
        return AzCliImporter.load(List.of(JsonSource.parse("estate.json", new ObjectMapper().writeValueAsBytes(all))));
    }

    enum Change { SHARE_NSG, SHARE_ROUTE_TABLE, PEER, PEER_BY_NAME, UNATTACHED_NSG, ORPHAN_INSTANCE, DROP_NSG_RULE, NONE }

    @Provide Arbitrary<List<Change>> changes() { return Arbitraries.of(Change.class).list().ofMaxSize(4); }

    @Property(tries = 25)
    void validatingPartByPartFindsWhatTheWholeDesignFinds(@ForAll @IntRange(min = 2, max = 5) int n, @ForAll("changes") List<Change> changes,
                                                          @ForAll @IntRange(min = 0, max = 100) int pick) throws Exception {
        Design d = estate(n);
        for (Change c : changes) d = apply(d, c, pick);
        List<String> whole = lines(Validator.validate(d, "azure-2019-04").findings());
        List<minet.rules.Estate.Part> parts = minet.rules.Estate.validate(d, "azure-2019-04");
        assertThat(lines(minet.rules.Estate.findings(parts))).isEqualTo(whole);
        for (String profile : List.of("auto", "azure-2024-07")) {
            assertThat(lines(minet.rules.Estate.findings(minet.rules.Estate.validate(d, profile))))
                    .isEqualTo(lines(Validator.validate(d, profile).findings()));
        }
        // every MI subnet is in exactly one part
        assertThat(parts.stream().mapToInt(p -> p.miSubnets().size()).sum()).isEqualTo(d.miSubnets().size());
    }

    /**
     * The findings as text. PROFILE-CHOICE (a profile chosen against the evidence) names the first delegated subnet of
     * the design it judges, so each part names its own: compared by rule only.
     */
    private static List<String> lines(List<Finding> fs) {
        return fs.stream().map(f -> f.severity() + " " + f.ruleId() + " " + f.resource() + " "
                + (f.ruleId().equals("PROFILE-CHOICE") ? "" : f.message())).distinct().toList();
    }

    private static Design apply(Design d, Change c, int pick) {
        List<VirtualNetwork> vnets = d.virtualNetworks();
        VirtualNetwork a = vnets.get(pick % vnets.size()), b = vnets.get((pick + 1) % vnets.size());
        Subnet sb = b.subnets().get(0);
        switch (c) {
            case SHARE_NSG: return d.mapSubnet(sb.id(), s -> s.withNsgId(a.subnets().get(0).nsgId()));
            case SHARE_ROUTE_TABLE: return d.mapSubnet(sb.id(), s -> s.withRouteTableId(a.subnets().get(0).routeTableId()));
            case PEER: return d.mapVirtualNetwork(a.id(), v -> v.withPeerings(List.of(new Peering("to-b", b.id(), b.addressSpaces(), false))));
            case PEER_BY_NAME: return d.mapVirtualNetwork(a.id(), v -> v.withPeerings(List.of(new Peering("to-b", b.name(), List.of(), false))));
            case UNATTACHED_NSG: {
                List<SecurityGroup> g = new ArrayList<>(d.securityGroups());
                SecurityGroup copy = g.get(pick % g.size());
                g.add(new SecurityGroup(copy.id() + "-spare", copy.name() + "-spare", copy.location(), copy.rules(), copy.source()));
                return d.withSecurityGroups(g);
            }
            case ORPHAN_INSTANCE: return d.mapManagedInstance(d.managedInstances().get(pick % d.managedInstances().size()).id(),
                    m -> new minet.model.ManagedInstance(m.id(), m.name(), m.subnetId() + "-gone", m.tier(), m.vCores(), m.connectionType(),
                            m.publicDataEndpoint(), m.replicationRole(), m.location(), m.dnsZone(), m.managementEndpointIp(), m.source()));
            case DROP_NSG_RULE: {
                SecurityGroup g = d.securityGroups().get(pick % d.securityGroups().size());
                return d.mapSecurityGroup(g.id(), x -> x.withRules(x.rules().subList(1, x.rules().size())));
            }
            default: return d;
        }
    }

    @Property(tries = 5)
    void anEstateOfSeparateNetworksSplitsIntoOnePartPerNetwork(@ForAll @IntRange(min = 2, max = 30) int n) throws Exception {
        Design d = estate(n);
        assertThat(minet.rules.Estate.split(d)).hasSize(n).allSatisfy(p -> {
            assertThat(p.virtualNetworks()).hasSize(1);
            assertThat(p.miSubnets()).hasSize(1);
            assertThat(p.managedInstances()).hasSize(1);
        });
    }
}
