package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import minet.fix.FixRun;
import minet.fix.Fixes;
import minet.io.DesignFile;
import minet.io.InputException;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.GatewayConnection;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.Route;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;
import minet.rules.eval.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Auto-failover groups (research/mi-rules.md §7): each check with a failing and a passing case, on the sample
 * sample-networks/failover-group.minet.json (West Europe and North Europe, peered both ways, replication rules
 * scoped to the partner subnet), per profile where the documents differ.
 */
class FailoverGroupTest {
    static Design sample() {
        try {
            return DesignFile.read(Path.of("sample-networks", "failover-group.minet.json"));
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Finding> of(Design d, String profile, String ruleId) {
        return Validator.validate(d, profile).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static List<Finding> fog(Design d, String profile) {
        return Validator.validate(d, profile).findings().stream()
                .filter(f -> f.ruleId().startsWith("MI-FOG-") && f.severity() != Severity.INFO).toList();
    }

    static Design rules(Design d, String nsg, UnaryOperator<List<SecurityRule>> f) {
        return d.mapSecurityGroup(nsg, g -> g.withRules(f.apply(new ArrayList<>(g.rules()))));
    }

    static Design without(Design d, String nsg, String rule) {
        return rules(d, nsg, rs -> rs.stream().filter(r -> !r.name().equals(rule)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"azure-2022-11", "azure-2024-07", "azure-2025-09"})
    void theSampleIsCleanInEveryEraThatRecommendsGlobalPeering(String p) {
        assertThat(fog(sample(), p)).isEmpty();
        assertThat(Validator.validate(sample(), p).errors()).isZero();
        assertThat(of(sample(), p, Catalog.MI_FOG_LISTENERS)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("fog-orders.f0e1d2c3b4a5.database.windows.net").contains("fog-orders.secondary.f0e1d2c3b4a5.database.windows.net"));
    }

    @Test
    void aMissingReplicationRuleOnOneSideBlocksThatDirection() {
        Design d = without(sample(), "nsg-mi-neu", "allow_geodr_inbound");
        assertThat(of(d, "latest", Catalog.MI_FOG_NSG)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.resource()).isEqualTo("networkSecurityGroups/nsg-mi-neu");
            assertThat(f.message()).contains("inbound TCP 5022 from partner subnet 'mi-weu'").contains("deny_all_inbound"); // 11000-11999: allow_redirect_inbound (VirtualNetwork holds the peered VNet)
            assertThat(f.details()).containsEntry("direction", "Inbound");
        });
    }

    @Test
    void aDenyOn5022BeforeTheAllowIsAnError_andMissingOutboundBehindADenyAllToo() {
        Design deny = rules(sample(), "nsg-mi-weu", rs -> {
            rs.add(SecurityRule.of("deny_5022", 1100 - 50, Direction.INBOUND, Access.DENY, "Tcp", List.of("*"), List.of("*"), List.of("*"), List.of("5022")));
            return rs;
        });
        assertThat(of(deny, "latest", Catalog.MI_FOG_NSG)).singleElement().satisfies(f -> assertThat(f.message()).contains("deny_5022").contains("TCP 5022 from"));
        Design noOut = rules(without(sample(), "nsg-mi-weu", "allow_geodr_outbound"), "nsg-mi-weu", rs -> {
            rs.add(SecurityRule.of("deny_all_outbound", 4096, Direction.OUTBOUND, Access.DENY, "*", List.of("*"), List.of("*"), List.of("*"), List.of("*")));
            return rs;
        });
        assertThat(of(noOut, "latest", Catalog.MI_FOG_NSG)).singleElement().satisfies(f -> assertThat(f.message()).contains("outbound TCP 5022, 11000-11999 to partner subnet 'mi-neu'"));
    }

    @Test
    void overlappingVnetsAreAnError_andSoIsAVnetPeeredWithOneThatOverlapsTheOther() {
        Design overlap = sample().mapVirtualNetwork("vnet-neu", v -> v.withAddressSpaces(List.of("10.10.0.0/16")));
        assertThat(of(overlap, "latest", Catalog.MI_FOG_OVERLAP)).isNotEmpty().allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        Design hub = sample().mapVirtualNetwork("vnet-weu", v -> v.withPeerings(minet.model.Lists.plus(v.peerings(),
                new Peering("to-hub", "hub", List.of("10.20.128.0/17"), false))));
        assertThat(of(hub, "latest", Catalog.MI_FOG_OVERLAP)).singleElement().satisfies(f -> assertThat(f.message()).contains("'vnet-neu' overlaps 10.20.128.0/17"));
        assertThat(of(sample(), "latest", Catalog.MI_FOG_OVERLAP)).isEmpty();
    }

    @Test
    void aTraceBetweenOverlappingVnetsNeverLeavesTheFirst() {
        Design overlap = sample().mapVirtualNetwork("vnet-neu", v -> v.withAddressSpaces(List.of("10.10.0.0/16")).withSubnets(List.of(
                new Subnet("vnet-neu/mi", "mi-neu", List.of("10.10.0.0/24"), "nsg-mi-neu", "rt-mi-neu", List.of(), List.of(Subnet.MI_DELEGATION), List.of(), false, null))));
        Tracer.Trace t = new Tracer(overlap).trace("sqlmi-weu", "sqlmi-neu", 5022, "tcp");
        assertThat(t.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(t.routeNote()).contains("never leaves it");
    }

    @Test
    void noConnectionAtAllOrAPeeringOnOneSideOnlyIsAnError() {
        Design none = sample().mapVirtualNetwork("vnet-weu", v -> v.withPeerings(List.of())).mapVirtualNetwork("vnet-neu", v -> v.withPeerings(List.of()));
        assertThat(of(none, "latest", Catalog.MI_FOG_CONNECTED)).singleElement().satisfies(f -> assertThat(f.message()).contains("are not connected"));
        Design half = sample().mapVirtualNetwork("vnet-neu", v -> v.withPeerings(List.of()));
        assertThat(of(half, "latest", Catalog.MI_FOG_CONNECTED)).singleElement().satisfies(f -> assertThat(f.message()).contains("one side only"));
    }

    @Test
    void globalPeeringIsAnErrorIn2019_aWarningIn2020_andFineToday_gatewaysAreFineInEveryEra() {
        assertThat(of(sample(), "azure-2019-04", Catalog.MI_FOG_CONNECTED)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(of(sample(), "azure-2020-10", Catalog.MI_FOG_CONNECTED)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(of(sample(), "azure-2024-07", Catalog.MI_FOG_CONNECTED)).isEmpty();
        Design vpn = sample().mapVirtualNetwork("vnet-weu", v -> gateway(v.withPeerings(List.of()), "gw-weu", "10.10.255.0/27"))
                .mapVirtualNetwork("vnet-neu", v -> gateway(v.withPeerings(List.of()), "gw-neu", "10.20.255.0/27"))
                .withGatewayConnections(List.of(new GatewayConnection("conn", "weu-neu", "gw-weu", "gw-neu", "Vnet2Vnet", null)));
        for (String p : Catalog.profiles()) assertThat(of(vpn, p, Catalog.MI_FOG_CONNECTED)).as(p).isEmpty();
        // Through the gateways, replication is routed to the gateway and VirtualNetwork holds the other VNet.
        Tracer.Trace t = new Tracer(vpn).trace("sqlmi-weu", "sqlmi-neu", 5022, "tcp");
        assertThat(t.route().nextHopType()).isEqualTo(Route.GATEWAY);
        assertThat(t.verdict().allowed()).isTrue();
    }

    static VirtualNetwork gateway(VirtualNetwork v, String name, String prefix) {
        Subnet gw = new Subnet(v.id() + "/GatewaySubnet", "GatewaySubnet", List.of(prefix), null, null, List.of(), List.of(),
                List.of(new SubnetResource(SubnetResource.GATEWAY, name, name)), false, null);
        return v.withSubnets(minet.model.Lists.plus(v.subnets(), gw));
    }

    @Test
    void replicationThroughAnApplianceOneWayIsAsymmetric_bothWaysIsAWarning() {
        Design oneWay = sample().mapRouteTable("rt-mi-weu", t -> t.withRoutes(List.of(
                Route.of("to-neu-via-fw", "10.20.0.0/16", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.10.2.4"))));
        assertThat(of(oneWay, "latest", Catalog.MI_FOG_DIRECT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("asymmetric routing");
        });
        Design both = oneWay.mapRouteTable("rt-mi-neu", t -> t.withRoutes(List.of(
                Route.of("to-weu-via-fw", "10.10.0.0/16", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.20.2.4"))));
        assertThat(of(both, "latest", Catalog.MI_FOG_DIRECT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("goes through an appliance");
        });
    }

    @Test
    void theSecondaryMustShareThePrimarysDnsZoneAndTier() {
        Design zones = sample().mapManagedInstance("sqlmi-neu", m -> m.withDnsZone("0123456789ab").withDnsZonePartner(null));
        assertThat(of(zones, "latest", Catalog.MI_FOG_DNS_ZONE)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        Design partner = sample().mapManagedInstance("sqlmi-neu", m -> m.withDnsZonePartner("some-other-instance"));
        assertThat(of(partner, "latest", Catalog.MI_FOG_DNS_ZONE)).singleElement().satisfies(f -> assertThat(f.message()).contains("some-other-instance"));
        // A live secondary often shows the same zone and no partner: the zones decide; none known: cannot tell (info).
        Design live = sample().mapManagedInstance("sqlmi-neu", m -> m.withDnsZonePartner(null));
        assertThat(of(live, "latest", Catalog.MI_FOG_DNS_ZONE)).isEmpty();
        Design unknown = live.mapManagedInstance("sqlmi-neu", m -> m.withDnsZone(null));
        assertThat(of(unknown, "latest", Catalog.MI_FOG_DNS_ZONE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("cannot tell offline");
        });
        Design tier = sample().mapManagedInstance("sqlmi-neu", m -> m.withTier(ManagedInstance.Tier.GENERAL_PURPOSE));
        assertThat(of(tier, "latest", Catalog.MI_FOG_TIER)).singleElement().satisfies(f -> assertThat(f.message()).contains("BusinessCritical").contains("GeneralPurpose"));
    }

    @Test
    void aGroupNamingAnInstanceNotInTheDesignIsAnError() {
        Design d = sample().withManagedInstances(sample().managedInstances().subList(0, 1));
        assertThat(of(d, "latest", Catalog.MI_FOG_PARTNERS)).singleElement().satisfies(f -> assertThat(f.message()).contains("secondary sqlmi-neu"));
    }

    @Test
    void aRuleOpeningTheRedirectPortsToThePartnersPrivateRangeIsNotExposedToTheInternet() {
        assertThat(of(sample(), "latest", Catalog.MI_NSG_EXPOSED)).isEmpty();
        Design open = rules(sample(), "nsg-mi-weu", rs -> {
            rs.add(SecurityRule.of("open", 1300, Direction.INBOUND, Access.ALLOW, "Tcp", List.of("*"), List.of("*"), List.of("*"), List.of("11000-11999")));
            return rs;
        });
        assertThat(of(open, "latest", Catalog.MI_NSG_EXPOSED)).singleElement();
    }

    @Test
    void fixAllAddsTheReplicationRulesScopedToThePartnerAndRemovesTheApplianceRoute_onBothSides() {
        Design broken = without(without(sample(), "nsg-mi-neu", "allow_geodr_inbound"), "nsg-mi-weu", "allow_geodr_inbound")
                .mapRouteTable("rt-mi-weu", t -> t.withRoutes(List.of(
                        Route.of("to-neu-via-fw", "10.20.0.0/16", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.10.2.4"))));
        assertThat(fog(broken, "latest")).hasSize(3);
        FixRun run = Fixes.runAll(broken);
        assertThat(fog(run.after(), "latest")).isEmpty();
        assertThat(run.changes().text()).contains("+ rule nsg-mi-weu/allow_geodr_inbound (").contains("Tcp 10.20.0.0/24 → 10.10.0.0/24: 5022,11000-11999")
                .contains("+ rule nsg-mi-neu/allow_geodr_inbound (").contains("Tcp 10.10.0.0/24 → 10.20.0.0/24: 5022,11000-11999")
                .contains("- route rt-mi-weu/to-neu-via-fw").doesNotContain(" * → ");
        assertThat(Fixes.runAll(run.after()).changed()).isFalse();
        // The rule goes before the deny-all that blocked replication.
        SecurityGroup g = run.after().securityGroup("nsg-mi-neu").orElseThrow();
        int allow = g.rules().stream().filter(r -> r.name().equals("allow_geodr_inbound")).findFirst().orElseThrow().priority();
        assertThat(allow).isLessThan(4096);
    }

    @Test
    void theDesignFileKeepsTheGroupAndTheDnsZonePartner() throws Exception {
        Path f = java.nio.file.Files.createTempFile("fog", DesignFile.EXTENSION);
        try {
            DesignFile.write(f, sample());
            Design back = DesignFile.read(f);
            assertThat(back).isEqualTo(sample());
            assertThat(back.failoverGroups()).singleElement().satisfies(g -> assertThat(g.secondaryInstanceId()).isEqualTo("sqlmi-neu"));
            assertThat(back.managedInstance("sqlmi-neu").orElseThrow().dnsZonePartner()).isEqualTo("sqlmi-weu");
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    /**
     * Both regions as az CLI prints them (az network vnet show, nsg show, route-table show, sql mi show, sql
     * instance-failover-group show), with Azure's current rules in place and a Deny on 5022 before the replication rule
     * in North Europe. Expected: one group of the two instances, peered both ways; MI-FOG-NSG names deny_5022 on the
     * northeurope NSG, nothing else of the group's is wrong.
     */
    @Test
    void aGroupAsAzCliPrintsItImportsWithBothRegions() throws Exception {
        List<Path> files;
        try (var l = java.nio.file.Files.list(Path.of("src/test/resources/azcli/fog"))) {
            files = l.sorted().toList();
        }
        Design d = minet.io.Importer.load(files, minet.io.ImportOptions.NONE);
        assertThat(d.failoverGroups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("fog-orders");
            assertThat(g.primaryInstanceId()).endsWith("/sqlmi-weu");
            assertThat(g.secondaryInstanceId()).endsWith("/sqlmi-neu");
        });
        assertThat(fog(d, "auto")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(Catalog.MI_FOG_NSG);
            assertThat(f.resource()).isEqualTo("networkSecurityGroups/nsg-mi-northeurope");
            assertThat(f.message()).contains("deny_5022");
        });
        assertThat(Validator.validate(d).findings()).noneMatch(f -> f.ruleId().equals(Catalog.MI_INTENT_RULES) && f.severity() == Severity.ERROR);
    }

    /**
     * A Terraform module as written (for_each over two regions, cidrsubnet prefixes, a dynamic block that gives only
     * the primary its replication rules, peerings both ways, azurerm_mssql_managed_instance_failover_group, the
     * secondary's dns_zone_partner_id). Expected: the group pairs the two instances; North Europe's NSG blocks
     * inbound 5022 from the partner (deny_all_inbound; 11000-11999 passes allow_tds_inbound from VirtualNetwork, which
     * holds the peered VNet); nothing else of the group's is wrong.
     */
    @Test
    void aGroupAsATerraformModuleWritesIt() throws Exception {
        Design d = minet.io.Importer.load(List.of(Path.of("src/test/resources/terraform/hcl/failover-group")), minet.io.ImportOptions.NONE);
        assertThat(d.failoverGroups()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("fog-orders"));
        assertThat(d.managedInstances()).filteredOn(m -> m.name().equals("sqlmi-orders-neu")).singleElement()
                .satisfies(m -> assertThat(m.dnsZonePartner()).isEqualTo(d.managedInstances().stream().filter(x -> x.name().equals("sqlmi-orders-weu")).findFirst().orElseThrow().id()));
        assertThat(fog(d, "auto")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(Catalog.MI_FOG_NSG);
            assertThat(f.message()).contains("nsg-mi-secondary").contains("inbound TCP 5022 from partner subnet 'mi-primary'");
        });
    }

    /**
     * An ARM template of both regions (src/test/resources/arm/failover-group): instanceFailoverGroups named
     * region/group, the secondary's dnsZonePartner, VNet-to-VNet connections between two VPN gateways instead of a
     * peering. Expected: the group pairs the two instances, both connections join the two gateways (connected in
     * every era, 2019's included), and the one finding of the group's is MI-FOG-NSG on North Europe's NSG: outbound
     * 11000-11999 to the partner falls to deny_all_outbound.
     */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "azure-2019-04", "azure-2024-07"})
    void aGroupAsAnArmTemplateWritesIt(String profile) throws Exception {
        Design d = minet.io.Importer.load(List.of(Path.of("src/test/resources/arm/failover-group/azuredeploy.json")), minet.io.ImportOptions.NONE);
        assertThat(d.failoverGroups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("fog-orders");
            assertThat(g.primaryInstanceId()).endsWith("/sqlmi-orders-weu");
            assertThat(g.secondaryInstanceId()).endsWith("/sqlmi-orders-neu");
        });
        assertThat(d.gatewayConnections()).hasSize(2).allSatisfy(c -> assertThat(c.type()).isEqualTo("Vnet2Vnet"));
        ManagedInstance secondary = d.managedInstances().stream().filter(m -> m.name().equals("sqlmi-orders-neu")).findFirst().orElseThrow();
        assertThat(d.managedInstance(secondary.dnsZonePartner())).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("sqlmi-orders-weu"));
        assertThat(fog(d, profile)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(Catalog.MI_FOG_NSG);
            assertThat(f.message()).contains("nsg-mi-neu").contains("blocks outbound TCP 11000-11999 to partner subnet").contains("deny_all_outbound");
        });
    }

    /** The same template with the outbound rule covering both ports: nothing of the group's is wrong. */
    @Test
    void theArmTemplateWithReplicationOutOnBothPortsIsClean() throws Exception {
        Design d = minet.io.Importer.load(List.of(Path.of("src/test/resources/arm/failover-group/azuredeploy.json")), minet.io.ImportOptions.NONE);
        Design fixed = rules(d, d.securityGroups().stream().filter(g -> g.name().equals("nsg-mi-neu")).findFirst().orElseThrow().id(),
                rs -> rs.stream().map(r -> r.name().equals("allow_geodr_outbound") ? r.withDestinationPorts(List.of("5022", "11000-11999")) : r).toList());
        assertThat(fog(fixed, "auto")).isEmpty();
    }
}
