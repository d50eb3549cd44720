package minet.rules;

import static minet.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.SecurityRule;
import org.junit.jupiter.api.Test;

class NsgRulesTest {
    final Design ref = reference();
    static final List<String> MGMT = List.of("9000", "9003", "1438", "1440", "1452");

    @Test
    void aDenyBeforeTheManagementRuleIsNamedInTheMessage() {
        Design d = plusRule(mapRule(ref, "allow_management_inbound", r -> r.withPriority(200).withName("allow_management_inbound")),
                in("deny_internet", 150, Access.DENY, "Tcp", "Internet", "*", List.of("9003")));
        d = mapRule(d, "allow_misubnet_inbound", r -> r.withPriority(210));
        Finding f = only(d, Catalog.MI_NSG_IN_MANAGEMENT);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("NSG 'nsg-mi' blocks inbound TCP 9003 from Internet to 10.0.0.0/24: "
                + "rule 'deny_internet' (priority 150) denies it before any allow");
        assertThat(f.details()).containsEntry("denyingRule", "deny_internet").containsEntry("blockedPorts", List.of("9003"))
                .containsEntry("nsgId", NSG);
        assertThat(f.elementId()).isEqualTo(NSG);
        assertThat(f.resource()).isEqualTo("networkSecurityGroups/nsg-mi");
    }

    @Test
    void managementFromSomeSourcesOnlyIsBlockedForTheRest() {
        Design d = mapRule(ref, "allow_management_inbound", r -> r.withSourcePrefixes(List.of("SqlManagement")));
        Finding f = only(d, Catalog.MI_NSG_IN_MANAGEMENT);
        assertThat(f.message()).contains("rule 'deny_all_inbound' (priority 4096) denies what the rules before it leave unallowed");
        assertThat(only(withoutRule(d, "deny_all_inbound"), Catalog.MI_NSG_IN_MANAGEMENT).message())
                .endsWith("rule 'allow_management_inbound' (priority 100) allows only part of it, so default rule 'DenyAllInBound' (priority 65500) denies the rest");
        assertThat(only(withoutRule(withoutRule(d, "deny_all_inbound"), "allow_management_inbound"), Catalog.MI_NSG_IN_MANAGEMENT).message())
                .endsWith("no rule allows it, so default rule 'DenyAllInBound' (priority 65500) denies it");
    }

    @Test
    void splitManagementPortsFailTheDeployment() {
        Design d = withoutRule(ref, "allow_management_inbound");
        for (int i = 0; i < MGMT.size(); i++) d = plusRule(d, in("allow_mgmt_" + MGMT.get(i), 101 + i, Access.ALLOW, "Tcp", "*", "10.0.0.0/24", List.of(MGMT.get(i))));
        assertThat(findings(d, Catalog.MI_NSG_IN_MANAGEMENT)).isEmpty(); // every port is allowed …
        Finding f = only(d, Catalog.MI_NSG_IN_MANAGEMENT_SINGLE_RULE); // … but over five rules
        assertThat(f.details().get("rules")).asList().hasSize(5);
        assertThat(f.message()).contains("VnetSubnetConflictWithIntendedPolicy");
        assertThat(findings(ref, Catalog.MI_NSG_IN_MANAGEMENT_SINGLE_RULE)).isEmpty();
    }

    @Test
    void subnetTrafficBlockedOrOnlyByDefault() {
        Design blocked = withoutRule(ref, "allow_misubnet_inbound");
        assertThat(only(blocked, Catalog.MI_NSG_IN_SUBNET).severity()).isEqualTo(Severity.ERROR);
        assertThat(only(blocked, Catalog.MI_NSG_IN_SUBNET).details()).containsEntry("denyingRule", "deny_all_inbound");
        Design byDefault = withoutRule(blocked, "deny_all_inbound");
        Finding f = only(byDefault, Catalog.MI_NSG_IN_SUBNET);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("only through default rule 'AllowVnetInBound'");
    }

    @Test
    void healthProbes() {
        Design blocked = withoutRule(ref, "allow_health_probe_inbound");
        assertThat(only(blocked, Catalog.MI_NSG_IN_HEALTH_PROBE).severity()).isEqualTo(Severity.ERROR);
        Finding f = only(withoutRule(blocked, "deny_all_inbound"), Catalog.MI_NSG_IN_HEALTH_PROBE);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("AllowAzureLoadBalancerInBound");
    }

    @Test
    void outboundManagementToAzureCloud() {
        Design blocked = withoutRule(ref, "allow_management_outbound");
        Finding e = only(blocked, Catalog.MI_NSG_OUT_MANAGEMENT);
        assertThat(e.severity()).isEqualTo(Severity.ERROR);
        assertThat(e.message()).contains("outbound TCP 80, 443, 12000").contains("AzureCloud");
        assertThat(only(withoutRule(blocked, "deny_all_outbound"), Catalog.MI_NSG_OUT_MANAGEMENT).severity()).isEqualTo(Severity.WARNING);
        // Internet contains AzureCloud: an allow to Internet is as good.
        Design internet = mapRule(ref, "allow_management_outbound", r -> r.withDestinationPrefixes(List.of("Internet")));
        assertThat(findings(internet, Catalog.MI_NSG_OUT_MANAGEMENT)).isEmpty();
        // Storage is only part of AzureCloud.
        Design storage = mapRule(ref, "allow_management_outbound", r -> r.withDestinationPrefixes(List.of("Storage")));
        assertThat(only(storage, Catalog.MI_NSG_OUT_MANAGEMENT).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void splitOutboundManagementPorts() {
        Design d = withoutRule(ref, "allow_management_outbound");
        d = plusRule(d, out("allow_http", 100, Access.ALLOW, "Tcp", "10.0.0.0/24", "AzureCloud", List.of("80", "443")));
        d = plusRule(d, out("allow_12000", 110, Access.ALLOW, "Tcp", "10.0.0.0/24", "AzureCloud", List.of("12000")));
        assertThat(only(d, Catalog.MI_NSG_OUT_MANAGEMENT_SINGLE_RULE).details()).containsEntry("rules", List.of("allow_http", "allow_12000"));
        assertThat(findings(d, Catalog.MI_NSG_OUT_MANAGEMENT)).isEmpty();
    }

    @Test
    void outboundSubnetTraffic() {
        assertThat(only(withoutRule(ref, "allow_misubnet_outbound"), Catalog.MI_NSG_OUT_SUBNET).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings(ref, Catalog.MI_NSG_OUT_SUBNET)).isEmpty();
    }

    @Test
    void mandatoryRulesComeFirst() {
        Design d = plusRule(ref, in("allow_rdp", 150, Access.ALLOW, "Tcp", "10.0.1.0/24", "10.0.0.0/24", List.of("3389")));
        Finding f = only(d, Catalog.MI_NSG_ORDER);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.details()).containsEntry("precedingRules", List.of("allow_rdp")).containsEntry("direction", "Inbound");
        assertThat(findings(ref, Catalog.MI_NSG_ORDER)).isEmpty();
    }

    @Test
    void replicationNeedsOutbound445() {
        Design pub = ref.mapManagedInstance(MI, m -> m.withReplicationRole(ManagedInstance.ReplicationRole.PUBLISHER));
        Finding f = only(pub, Catalog.MI_NSG_REPLICATION);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.details()).containsEntry("suggestedRule", "allow_replication_outbound").containsEntry("blockedPorts", List.of("445"));
        Design fixed = plusRule(pub, out("allow_replication_outbound", 300, Access.ALLOW, "Tcp", "10.0.0.0/24", "Storage", List.of("445")));
        assertThat(findings(fixed, Catalog.MI_NSG_REPLICATION)).isEmpty();
        Design subscriber = ref.mapManagedInstance(MI, m -> m.withReplicationRole(ManagedInstance.ReplicationRole.SUBSCRIBER));
        assertThat(findings(subscriber, Catalog.MI_NSG_REPLICATION)).isEmpty();
    }

    @Test
    void dataEndpointReachableFromTheVirtualNetwork() {
        Design noTds = withoutRule(ref, "allow_tds_inbound");
        Finding f = only(noTds, Catalog.MI_NSG_DATA);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.details()).containsEntry("suggestedRule", "allow_tds_inbound").containsEntry("blockedPorts", List.of("1433"));
        Design proxyOnly = withoutRule(ref, "allow_redirect_inbound").mapManagedInstance(MI, m -> m.withConnectionType(ManagedInstance.ConnectionType.PROXY));
        assertThat(findings(proxyOnly, Catalog.MI_NSG_DATA)).isEmpty();
        assertThat(only(withoutRule(ref, "allow_redirect_inbound"), Catalog.MI_NSG_DATA).details()).containsEntry("suggestedRule", "allow_redirect_inbound");
    }

    @Test
    void dataEndpointNotOpenToTheInternet() {
        Design open = mapRule(ref, "allow_tds_inbound", r -> r.withSourcePrefixes(List.of("*")));
        Finding f = only(open, Catalog.MI_NSG_EXPOSED);
        assertThat(f.resource()).isEqualTo("networkSecurityGroups/nsg-mi/securityRules/allow_tds_inbound");
        assertThat(f.details()).containsEntry("rule", "allow_tds_inbound").containsEntry("ports", List.of("1433"));
        assertThat(findings(ref, Catalog.MI_NSG_EXPOSED)).isEmpty();
    }

    @Test
    void priorities() {
        Design dup = mapRule(ref, "allow_tds_inbound", r -> r.withPriority(1100));
        Finding f = only(dup, Catalog.NSG_PRIORITY);
        assertThat(f.details()).containsEntry("otherRule", "allow_tds_inbound").containsEntry("rule", "allow_redirect_inbound");
        assertThat(only(mapRule(ref, "deny_all_inbound", r -> r.withPriority(5000)), Catalog.NSG_PRIORITY).message()).contains("100–4096");
        // Equal priorities in different directions are fine.
        assertThat(findings(ref, Catalog.NSG_PRIORITY)).isEmpty();
    }

    @Test
    void wellFormedRules() {
        Design badName = mapRule(ref, "allow_tds_inbound", r -> r.withName("-tds"));
        assertThat(only(badName, Catalog.NSG_RULE).details()).containsEntry("problem", "name");
        Design proto = mapRule(ref, "allow_tds_inbound", r -> r.withProtocol("Http"));
        assertThat(findings(proto, Catalog.NSG_RULE)).extracting(x -> x.details().get("problem")).contains("protocol");
        Design both = mapRule(ref, "allow_tds_inbound", r -> new SecurityRule(r.name(), null, r.priority(), r.direction(), r.access(), r.protocol(),
                "*", List.of(), "1433", List.of("1434"), r.sourceAddressPrefix(), List.of(), r.destinationAddressPrefix(), List.of(), List.of(), List.of(), null));
        assertThat(only(both, Catalog.NSG_RULE).details()).containsEntry("problem", "singularAndPlural");
        Design port = mapRule(ref, "allow_tds_inbound", r -> r.withDestinationPorts(List.of("70000")));
        assertThat(only(port, Catalog.NSG_RULE).details()).containsEntry("problem", "port");
        Design prefix = mapRule(ref, "allow_tds_inbound", r -> r.withSourcePrefixes(List.of("10.0.0.0/33")));
        assertThat(findings(prefix, Catalog.NSG_RULE)).extracting(x -> x.details().get("problem")).contains("prefix");
        Design dupName = plusRule(ref, in("allow_tds_inbound", 1200, Access.ALLOW, "Tcp", "10.0.1.0/24", "10.0.0.0/24", List.of("1434")));
        assertThat(only(dupName, Catalog.NSG_RULE).details()).containsEntry("problem", "duplicateName");
    }

    @Test
    void shadowedRulesNameTheirShadowsAndTheAction() {
        Design same = plusRule(ref, in("allow_tds_again", 1050, Access.ALLOW, "Tcp", "10.0.1.0/24", "10.0.0.0/24", List.of("1433")));
        Finding f = only(same, Catalog.NSG_SHADOWED);
        assertThat(f.details()).containsEntry("rule", "allow_tds_again").containsEntry("shadowedBy", List.of("allow_tds_inbound"))
                .containsEntry("differentAction", false);
        Design deny = plusRule(ref, in("deny_tds", 1050, Access.DENY, "Tcp", "VirtualNetwork", "10.0.0.0/24", List.of("1433")));
        assertThat(only(deny, Catalog.NSG_SHADOWED).details()).containsEntry("differentAction", true);
        // A rule only partly covered by earlier ones still matches something.
        Design partly = plusRule(ref, in("allow_tds_wide", 1050, Access.ALLOW, "Tcp", "*", "10.0.0.0/24", List.of("1433")));
        assertThat(findings(partly, Catalog.NSG_SHADOWED)).isEmpty();
    }

    @Test
    void aRuleOnVirtualNetworkIsNotShadowedByTheSubnetsOfAVnetWhoseAddressSpaceIsUnknown() {
        // Earlier: every subnet of the VNet and the on-premises range behind its gateway; later: VirtualNetwork.
        Design subnetsFirst = plusRule(ref, SecurityRule.of("allow_tds_subnets", 990, Direction.INBOUND, Access.ALLOW, "Tcp",
                List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.255.0/27", "192.168.0.0/16"), ANY, List.of("10.0.0.0/24"), List.of("1433")));
        // A space of just those subnets: VirtualNetwork is what the earlier rule covers, so the later rule never matches.
        Design exact = withVnetSpace(subnetsFirst, List.of("10.0.0.0/24", "10.0.1.0/24", "10.0.255.0/27"));
        assertThat(findings(exact, Catalog.NSG_SHADOWED)).extracting(f -> f.details().get("rule")).containsExactly("allow_tds_inbound");
        // No known space (an exported template declares the subnets, not their VNet): it may hold more.
        Design unknown = withVnetSpace(subnetsFirst, List.of());
        assertThat(findings(unknown, Catalog.NSG_SHADOWED)).isEmpty();
        // An earlier rule on VirtualNetwork still covers a later one, whatever the VNet holds.
        Design again = plusRule(unknown, in("deny_tds_vnet", 1050, Access.DENY, "Tcp", "VirtualNetwork", "10.0.0.0/24", List.of("1433")));
        assertThat(findings(again, Catalog.NSG_SHADOWED)).extracting(f -> f.details().get("rule")).containsExactly("deny_tds_vnet");
    }

    private static Design withVnetSpace(Design d, List<String> space) {
        return d.withVirtualNetworks(d.virtualNetworks().stream().map(v -> v.withAddressSpaces(space)).toList());
    }

    @Test
    void ruleLimit() {
        Design big = rules(ref, rs -> {
            List<SecurityRule> out = new ArrayList<>(rs);
            for (int i = 0; i < 1000 - rs.size() + 1; i++) out.add(in("r" + i, 1200 + i, Access.ALLOW, "Tcp", "10.0.1." + (i % 250) + "/32", "10.0.0.0/24", List.of(Integer.toString(2000 + i))));
            return out;
        });
        assertThat(only(big, Catalog.NSG_LIMIT).details()).containsEntry("rules", 1001);
    }
}
