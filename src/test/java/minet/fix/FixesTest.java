package minet.fix;

import static minet.fix.Designs.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Route;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.rules.Catalog;
import minet.rules.Finding;
import minet.rules.Seed;
import minet.rules.Severity;
import org.junit.jupiter.api.Test;

class FixesTest {
    private final Design ref = reference();

    private static Design fixAll(Design d) {
        return Fixes.fixAll(d).apply(d);
    }

    private static SecurityRule deny(String name, int priority, Direction dir, String source, String port) {
        return SecurityRule.of(name, priority, dir, Access.DENY, "*", List.of(source), List.of("*"), List.of("*"), List.of(port));
    }

    @Test
    void theReferenceNetworkNeedsNoFix() {
        assertThat(Fixes.available(ref)).isEmpty();
        assertThat(fixAll(ref)).isEqualTo(ref);
    }

    @Test
    void aSubnetWithoutNsgGetsOneWithTheSeedsMandatoryRules() {
        Design d = ref.mapSubnet(SUBNET, s -> s.withNsgId(null));
        assertThat(Fixes.available(d)).extracting(Fix::ruleId).containsExactly("MI-SUBNET-NSG");

        Design fixed = fixAll(d);
        String nsgId = fixed.subnet(SUBNET).orElseThrow().nsgId();
        SecurityGroup g = fixed.securityGroup(nsgId).orElseThrow();
        // the reference's own nsg-mi is taken, so the new one gets a unique name
        assertThat(g.name()).isEqualTo("nsg-ManagedInstance");
        assertThat(g.rules(Direction.INBOUND)).extracting(SecurityRule::name, SecurityRule::priority).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Seed.RULE_MANAGEMENT_IN, 100),
                org.assertj.core.groups.Tuple.tuple(Seed.RULE_SUBNET_IN, 200),
                org.assertj.core.groups.Tuple.tuple(Seed.RULE_HEALTH_PROBE_IN, 300));
        SecurityRule mgmt = g.rules().get(0);
        assertThat(mgmt.protocol()).isEqualTo("Tcp");
        assertThat(mgmt.sourcePrefixes()).containsExactly("*");
        assertThat(mgmt.destinationPrefixes()).containsExactly(PREFIX);
        assertThat(mgmt.destinationPorts()).containsExactlyElementsOf(Seed.MANAGEMENT_INBOUND_PORTS);
        assertThat(g.rules(Direction.OUTBOUND)).extracting(SecurityRule::name).containsExactly(Seed.RULE_MANAGEMENT_OUT, Seed.RULE_SUBNET_OUT);
        assertThat(g.rules(Direction.OUTBOUND).get(0).destinationPrefixes()).containsExactly("AzureCloud");
        assertThat(fixAll(fixed)).isEqualTo(fixed);
    }

    @Test
    void aSubnetWithoutRouteTableGetsTheSeedsRoutes() {
        Design d = ref.mapSubnet(SUBNET, s -> s.withRouteTableId(null));
        Design fixed = fixAll(d);
        var t = fixed.routeTable(fixed.subnet(SUBNET).orElseThrow().routeTableId()).orElseThrow();
        assertThat(t.name()).isEqualTo("rt-ManagedInstance");
        assertThat(t.routes()).hasSize(100);
        assertThat(t.routes().get(0)).isEqualTo(Route.of(Seed.ROUTE_VNET_LOCAL, PREFIX, Route.VNET_LOCAL));
        assertThat(t.routes().subList(1, 100)).containsExactlyElementsOf(Seed.MANAGEMENT_ROUTES);
    }

    @Test
    void serviceEndpointsAreRemovedAndListed() {
        Design d = ref.mapSubnet(SUBNET, s -> s.withServiceEndpoints(List.of("Microsoft.Storage", "Microsoft.Sql")));
        FixRun run = Fixes.runAll(d);
        assertThat(run.after().subnet(SUBNET).orElseThrow().serviceEndpoints()).isEmpty();
        assertThat(run.changes().text()).isEqualTo(
                "- service endpoint of subnet vnet-mi/ManagedInstance (Microsoft.Storage)\n"
                        + "- service endpoint of subnet vnet-mi/ManagedInstance (Microsoft.Sql)\n");
    }

    @Test
    void splitManagementRulesAreMergedIntoTheFirst() {
        Design d = mapRule(ref, Seed.RULE_MANAGEMENT_IN, r -> r.withName("mgmt_a").withDestinationPorts(List.of("9000", "9003")));
        d = plusRule(d, SecurityRule.of("mgmt_b", 110, Direction.INBOUND, Access.ALLOW, "Tcp", List.of("*"), List.of("*"),
                List.of(PREFIX), List.of("1438", "1440", "1452")));
        assertThat(Fixes.available(d)).extracting(Fix::ruleId).contains("MI-NSG-IN-MANAGEMENT-SINGLE-RULE");

        FixRun run = Fixes.runAll(d);
        assertThat(rule(run.after(), "mgmt_a").destinationPorts()).containsExactlyElementsOf(Seed.MANAGEMENT_INBOUND_PORTS);
        assertThat(rule(run.after(), "mgmt_a").priority()).isEqualTo(100);
        assertThat(ruleNames(run.after())).doesNotContain("mgmt_b", Seed.RULE_MANAGEMENT_IN);
        assertThat(run.changes().text()).contains("- rule nsg-mi/mgmt_b (110, Inbound, Allow, Tcp * → 10.0.0.0/24: 1438,1440,1452)")
                .contains("~ rule nsg-mi/mgmt_a: destination ports 9000,9003 → 9000,9003,1438,1440,1452");
    }

    @Test
    void aMergedRuleKeepsTheOtherPortsOfTheRulesItEmptied() {
        // mgmt_b also opens 8080: it loses the management ports but stays.
        Design d = mapRule(ref, Seed.RULE_MANAGEMENT_IN, r -> r.withDestinationPorts(List.of("9000", "9003", "1438", "1440")));
        d = plusRule(d, SecurityRule.of("mgmt_b", 110, Direction.INBOUND, Access.ALLOW, "Tcp", List.of("*"), List.of("*"),
                List.of(PREFIX), List.of("1452", "8080")));
        Design fixed = fixAll(d);
        assertThat(rule(fixed, Seed.RULE_MANAGEMENT_IN).destinationPorts()).containsExactlyElementsOf(Seed.MANAGEMENT_INBOUND_PORTS);
        assertThat(rule(fixed, "mgmt_b").destinationPorts()).containsExactly("8080");
    }

    @Test
    void aMissingMandatoryRuleIsAddedBeforeTheOthersWithoutMovingThem() {
        Design d = withoutRule(ref, Seed.RULE_SUBNET_IN);
        Fix fix = Fixes.forFinding(d, finding(Catalog.MI_NSG_IN_SUBNET, NSG, "networkSecurityGroups/nsg-mi")).orElseThrow();
        FixRun run = fix.preview(d);
        assertThat(run.changes().text()).isEqualTo(
                "+ rule nsg-mi/allow_misubnet_inbound (400, Inbound, Allow, * 10.0.0.0/24 → 10.0.0.0/24: *) — 04/2019 mandatory inbound 'mi_subnet'\n");
        assertThat(fixAll(run.after())).isEqualTo(run.after());
    }

    @Test
    void aRuleThatBlocksManagementIsMovedAfterTheMandatoryRules() {
        // A user's deny at 150 sits between the mandatory rules 100 and 200, 300: it moves, they stay.
        Design d = plusRule(ref, deny("deny_rdp", 150, Direction.INBOUND, "Internet", "3389"));
        FixRun run = Fixes.runAll(d);
        assertThat(run.changes().changes()).hasSize(1);
        assertThat(run.changes().text()).isEqualTo("~ rule nsg-mi/deny_rdp: priority 150 → 400\n");
    }

    @Test
    void aBlockingDenyBeforeAllRulesIsPassedByMovingTheMandatoryRulesFirst() {
        // deny_all_inbound moved to 90 → out of range; at 100 collides. Use a deny everything at 100 and mandatory rules after.
        Design d = mapRule(ref, Seed.RULE_MANAGEMENT_IN, r -> r.withPriority(120));
        d = mapRule(d, "deny_all_inbound", r -> r.withPriority(110));
        Design fixed = fixAll(d);
        List<SecurityRule> in = NsgFixes.evaluationOrder(fixed.securityGroup(NSG).orElseThrow(), Direction.INBOUND);
        assertThat(in).extracting(SecurityRule::name).startsWith(Seed.RULE_MANAGEMENT_IN, Seed.RULE_SUBNET_IN, Seed.RULE_HEALTH_PROBE_IN);
        assertThat(rule(fixed, "deny_all_inbound").priority()).isGreaterThan(rule(fixed, Seed.RULE_HEALTH_PROBE_IN).priority());
        assertThat(fixAll(fixed)).isEqualTo(fixed);
    }

    @Test
    void anExistingOutboundRuleForSomeManagementPortsIsExtended() {
        Design d = withoutRule(ref, Seed.RULE_MANAGEMENT_OUT);
        d = plusRule(d, SecurityRule.of("allow_https_out", 150, Direction.OUTBOUND, Access.ALLOW, "Tcp", List.of(PREFIX),
                List.of("*"), List.of("AzureCloud"), List.of("443")));
        Design fixed = fixAll(d);
        assertThat(rule(fixed, "allow_https_out").destinationPorts()).containsExactly("443", "80", "12000");
        assertThat(ruleNames(fixed)).doesNotContain(Seed.RULE_MANAGEMENT_OUT);
        List<SecurityRule> out = NsgFixes.evaluationOrder(fixed.securityGroup(NSG).orElseThrow(), Direction.OUTBOUND);
        assertThat(out.get(0).name()).isIn("allow_https_out", Seed.RULE_SUBNET_OUT);
        assertThat(out.get(2).name()).isEqualTo("deny_all_outbound");
    }

    @Test
    void aBroadAllowBeforeTheMandatoryRulesIsNotMovedButTheSeedsRuleIsAdded() {
        // allow_vnet at 150 covers the subnet's own traffic but far more: moving it would open other traffic earlier.
        Design d = withoutRule(ref, Seed.RULE_SUBNET_IN);
        d = plusRule(d, SecurityRule.of("deny_some", 110, Direction.INBOUND, Access.DENY, "Udp", List.of("192.168.5.0/24"),
                List.of("*"), List.of("*"), List.of("53")));
        d = plusRule(d, SecurityRule.of("allow_vnet", 150, Direction.INBOUND, Access.ALLOW, "*", List.of("VirtualNetwork"),
                List.of("*"), List.of("VirtualNetwork"), List.of("*")));
        Design fixed = fixAll(d);
        assertThat(rule(fixed, "allow_vnet").priority()).isEqualTo(150);
        assertThat(ruleNames(fixed)).contains(Seed.RULE_SUBNET_IN);
        assertThat(rule(fixed, Seed.RULE_SUBNET_IN).priority()).isLessThan(rule(fixed, "deny_some").priority());
    }

    @Test
    void tdsOpenToTheInternetIsNarrowedToTheVirtualNetwork() {
        Design d = mapRule(ref, Seed.RULE_TDS_IN, r -> r.withSourcePrefixes(List.of("Internet")));
        FixRun run = Fixes.runAll(d);
        assertThat(rule(run.after(), Seed.RULE_TDS_IN).sourcePrefixes()).containsExactly("VirtualNetwork");
        assertThat(run.changes().text()).isEqualTo("~ rule nsg-mi/allow_tds_inbound: source Internet → VirtualNetwork\n");
    }

    @Test
    void dataRulesAreAddedOnlyWhenADenyBlocksTheVirtualNetwork() {
        // Without deny_all_inbound the default AllowVnetInBound lets clients in: nothing to add.
        Design open = withoutRule(withoutRule(withoutRule(ref, Seed.RULE_TDS_IN), Seed.RULE_REDIRECT_IN), "deny_all_inbound");
        assertThat(Fixes.available(open)).isEmpty();
        Design blocked = withoutRule(withoutRule(ref, Seed.RULE_TDS_IN), Seed.RULE_REDIRECT_IN);
        Design fixed = fixAll(blocked);
        assertThat(rule(fixed, Seed.RULE_TDS_IN).priority()).isLessThan(4096);
        assertThat(rule(fixed, Seed.RULE_REDIRECT_IN).destinationPorts()).containsExactly(Seed.REDIRECT_PORTS);
    }

    @Test
    void aPublisherGetsOutboundFileShareAccessWhenDenied() {
        Design d = ref.mapManagedInstance("sqlmi-ref", m -> new minet.model.ManagedInstance(m.id(), m.name(), m.subnetId(), m.tier(),
                m.vCores(), m.connectionType(), m.publicDataEndpoint(), minet.model.ManagedInstance.ReplicationRole.PUBLISHER,
                m.location(), m.dnsZone(), m.managementEndpointIp(), m.source()));
        Design fixed = fixAll(d);
        SecurityRule r = rule(fixed, Seed.RULE_REPLICATION_OUT);
        assertThat(r.destinationPorts()).containsExactly("445");
        assertThat(r.priority()).isLessThan(4096);
    }

    @Test
    void aMissingManagementRouteIsAddedWithTheSeedsName() {
        Design d = withoutRoutes(ref, r -> r.addressPrefix().equals("52.0.0.0/8"));
        FixRun run = Fixes.runAll(d);
        assertThat(run.changes().text()).isEqualTo("+ route rt-mi/mi-52-8-nexthop-internet (52.0.0.0/8 → Internet)\n");
    }

    @Test
    void smallerRoutesTogetherCoverARequiredPrefix() {
        Design d = withoutRoutes(ref, r -> r.addressPrefix().equals("103.25.156.0/22"));
        d = plusRoute(d, Route.of("a", "103.25.156.0/24", Route.INTERNET));
        d = plusRoute(d, Route.of("b", "103.25.157.0/24", Route.INTERNET));
        d = plusRoute(d, Route.of("c", "103.25.158.0/23", Route.INTERNET));
        assertThat(Fixes.available(d)).isEmpty();
        Design partial = withoutRoutes(d, r -> r.name().equals("c"));
        assertThat(Fixes.runAll(partial).changes().text()).isEqualTo(
                "+ route rt-mi/mi-103-25-156-22-nexthop-internet (103.25.156.0/22 → Internet)\n");
    }

    @Test
    void aRouteInsideARequiredPrefixIsRemovedAndABroaderOneKept() {
        Design d = plusRoute(ref, new Route("to-nva", "52.1.0.0/16", Route.VIRTUAL_APPLIANCE, "10.0.2.4", null));
        d = plusRoute(d, new Route("default-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE, "10.0.2.4", null));
        FixRun run = Fixes.runAll(d);
        assertThat(run.changes().text()).isEqualTo("- route rt-mi/to-nva (52.1.0.0/16 → VirtualAppliance 10.0.2.4)\n");
    }

    @Test
    void aMissingVnetLocalRouteIsAdded() {
        Design d = withoutRoutes(ref, r -> r.name().equals(Seed.ROUTE_VNET_LOCAL));
        assertThat(Fixes.runAll(d).changes().text()).isEqualTo("+ route rt-mi/subnet_to_vnetlocal (10.0.0.0/24 → VnetLocal)\n");
    }

    @Test
    void duplicatePrioritiesAreRenumberedMinimally() {
        Design d = plusRule(ref, deny("deny_ssh", 1000, Direction.INBOUND, "Internet", "22"));
        FixRun run = Fixes.runAll(d);
        // allow_tds_inbound came first in the list: it keeps 1000; the duplicate moves into the gap before 1100.
        assertThat(run.changes().text()).isEqualTo("~ rule nsg-mi/deny_ssh: priority 1000 → 1010\n");
    }

    @Test
    void outOfRangePrioritiesAreBroughtIntoRange() {
        Design d = plusRule(ref, deny("deny_late", 5000, Direction.INBOUND, "Internet", "22"));
        // 5000 comes after deny_all_inbound (4096) in evaluation order; keeping that order means both end at the top.
        FixRun run = Fixes.runAll(d);
        assertThat(run.changes().text()).isEqualTo("~ rule nsg-mi/deny_all_inbound: priority 4096 → 4095\n"
                + "~ rule nsg-mi/deny_late: priority 5000 → 4096\n");
    }

    @Test
    void protocolCaseAndSingularPlusPluralAreNormalized() {
        Design d = mapRule(ref, Seed.RULE_TDS_IN, r -> new SecurityRule(r.name(), r.description(), r.priority(), r.direction(),
                r.access(), "tcp", r.sourcePortRange(), r.sourcePortRanges(), "1433", List.of("1434"), r.sourceAddressPrefix(),
                r.sourceAddressPrefixes(), r.destinationAddressPrefix(), r.destinationAddressPrefixes(), List.of(), List.of(), null));
        SecurityRule fixed = rule(fixAll(d), Seed.RULE_TDS_IN);
        assertThat(fixed.protocol()).isEqualTo("Tcp");
        assertThat(fixed.destinationPortRange()).isNull();
        assertThat(fixed.destinationPortRanges()).containsExactly("1433", "1434");
    }

    @Test
    void aNextHopAddressIsClearedWhereTheNextHopIsNotAnAppliance() {
        Design d = ref.mapRouteTable(RT, t -> t.withRoutes(minet.model.Lists.replace(t.routes(),
                r -> r.name().equals(Seed.ROUTE_VNET_LOCAL), r -> r.withNextHopIpAddress("10.0.0.4"))));
        assertThat(Fixes.runAll(d).changes().text()).isEqualTo(
                "~ route rt-mi/subnet_to_vnetlocal: next hop IP 10.0.0.4 → (none)\n");
    }

    @Test
    void whenPrioritiesRunOutTheFixSaysSoAndChangesNothing() {
        // 3997 inbound rules use every priority 100–4096; the subnet rule must come first but there is no room.
        Design d = withoutRule(ref, Seed.RULE_SUBNET_IN);
        SecurityGroup g = d.securityGroup(NSG).orElseThrow();
        List<SecurityRule> rules = new java.util.ArrayList<>(g.rules(Direction.OUTBOUND));
        for (int p = 100; p <= 4096; p++) rules.add(deny("d" + p, p, Direction.INBOUND, "192.168.9.0/24", String.valueOf(p)));
        Design full = d.mapSecurityGroup(NSG, x -> x.withRules(rules));
        FixRun run = Fixes.run(full, Fixes.forFinding(full, finding(Catalog.MI_NSG_IN_SUBNET, NSG, null)).orElseThrow());
        assertThat(run.changed()).isFalse();
        assertThat(run.notDone()).extracting(FixOutcome::message).anyMatch(m -> m.contains("no free priorit"));
    }

    @Test
    void aShadowedRuleCanBeDeletedOnRequestButFixAllKeepsIt() {
        Design d = plusRule(ref, deny("deny_never", 4000, Direction.INBOUND, "*", "*"));
        Finding f = finding("NSG-SHADOWED", NSG, "networkSecurityGroups/nsg-mi/securityRules/deny_never");
        Fix fix = Fixes.forFinding(d, f).orElseThrow();
        assertThat(fix.preview(d).changes().text()).startsWith("- rule nsg-mi/deny_never");
        assertThat(ruleNames(fixAll(d))).contains("deny_never");
    }

    @Test
    void aFindingWithoutFixGetsAdvice() {
        Finding f = new Finding("MI-SUBNET-CAPACITY", Severity.ERROR, "virtualNetworks/vnet-mi/subnets/ManagedInstance", "too small",
                Map.of("prefixLength", 28, "neededPrefixLength", 27), SUBNET, null);
        assertThat(Fixes.forFinding(ref, f)).isEmpty();
        assertThat(Fixes.advice(f).message()).startsWith("needs a /27");
    }

    @Test
    void findingsAreMatchedBySubnetNsgOrResourcePath() {
        Design d = withoutRule(ref, Seed.RULE_HEALTH_PROBE_IN);
        assertThat(Fixes.forFinding(d, finding(Catalog.MI_NSG_IN_HEALTH_PROBE, SUBNET, null))).isPresent();
        assertThat(Fixes.forFinding(d, finding(Catalog.MI_NSG_IN_HEALTH_PROBE, null, "networkSecurityGroups/nsg-mi"))).isPresent();
        assertThat(Fixes.forFinding(d, finding(Catalog.MI_NSG_IN_HEALTH_PROBE, "elsewhere", "routeTables/other"))).isEmpty();
        assertThat(Fixes.forFinding(ref, finding(Catalog.MI_NSG_IN_HEALTH_PROBE, NSG, null))).isEmpty();
    }

    @Test
    void theFixesOfASubnetAreItsOwnItsNsgsAndItsRouteTables() {
        Design d = withoutRoutes(withoutRule(ref, Seed.RULE_SUBNET_IN), r -> r.name().equals(Seed.ROUTE_VNET_LOCAL));
        assertThat(Fixes.forSubnet(d, d.subnet(SUBNET).orElseThrow())).extracting(Fix::ruleId)
                .containsExactly(Catalog.MI_NSG_IN_SUBNET, "MI-UDR-VNETLOCAL");
        assertThat(Fixes.forSubnet(d, d.subnet("vnet-mi/AppSubnet").orElseThrow())).isEmpty();
        // Fix all is one command: one undo step on the command stack.
        minet.edit.CommandStack stack = new minet.edit.CommandStack();
        Design fixed = stack.execute(Fixes.fixAll(d).command(), d);
        assertThat(fixed).isEqualTo(Fixes.runAll(d).after());
        assertThat(stack.undo()).isEqualTo(d);
        assertThat(stack.canUndo()).isFalse();
    }

    static Finding finding(String ruleId, String elementId, String resource) {
        return new Finding(ruleId, Severity.ERROR, resource, "", Map.of(), elementId, null);
    }
}
