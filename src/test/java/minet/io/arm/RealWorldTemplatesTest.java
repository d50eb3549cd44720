package minet.io.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ImportNote;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.Seed;
import org.junit.jupiter.api.Test;

/** The four public quickstart templates in src/test/resources/real-world, imported as a user would give them. */
class RealWorldTemplatesTest {
    static final Path DIR = minet.RealWorld.DIR;
    static final Path Y2019 = DIR.resolve("quickstart-101-sqlmi-new-vnet-2019.json");
    static final Path NESTED = DIR.resolve("quickstart-demo-mi-nested-vnet.json");
    static final Path NESTED_PARAMS = DIR.resolve("quickstart-demo-mi-nested-vnet.parameters.json");
    static final Path SERVICE_AIDED = DIR.resolve("quickstart-sqlmi-new-vnet-service-aided.json");
    static final Path ENVIRONMENT = DIR.resolve("quickstart-sql-managed-instance-azure-environment.json");

    static Design load(Path template) throws Exception {
        return Importer.load(List.of(template), ImportOptions.NONE);
    }

    static SecurityRule rule(SecurityGroup g, String name) {
        return g.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no rule " + name));
    }

    static Subnet onlyMiSubnet(Design d) {
        assertThat(d.miSubnets()).hasSize(1);
        return d.miSubnets().get(0);
    }

    // ---- 2019: manual configuration ----

    @Test
    void template2019HasTheMiSubnetWithItsPrefixNsgAndRouteTable() throws Exception {
        Design d = load(Y2019);
        Subnet mi = onlyMiSubnet(d); // an instance points at it through resourceId(...subnets...)
        assertThat(mi.name()).isEqualTo("ManagedInstance");
        assertThat(mi.addressPrefixes()).containsExactly("10.0.0.0/24");
        assertThat(d.virtualNetworks().get(0).addressSpaces()).containsExactly("10.0.0.0/16");
        assertThat(d.securityGroup(mi.nsgId())).isPresent();
        assertThat(d.routeTable(mi.routeTableId())).isPresent();
        assertThat(d.securityGroup(mi.nsgId()).orElseThrow().name()).isEqualTo("SQLMI-{managedInstanceName}-NSG");
    }

    @Test
    void template2019HasTheSeedsFiveMandatoryRulesWithEvaluatedPrefixes() throws Exception {
        Design d = load(Y2019);
        SecurityGroup g = d.securityGroups().get(0);
        assertThat(g.rules()).hasSize(8);
        SecurityRule mgmtIn = rule(g, Seed.RULE_MANAGEMENT_IN);
        assertThat(mgmtIn.priority()).isEqualTo(100);
        assertThat(mgmtIn.direction()).isEqualTo(Direction.INBOUND);
        assertThat(mgmtIn.destinationPorts()).containsExactlyElementsOf(Seed.MANAGEMENT_INBOUND_PORTS);
        SecurityRule subnetIn = rule(g, Seed.RULE_SUBNET_IN);
        assertThat(subnetIn.priority()).isEqualTo(200);
        assertThat(subnetIn.sourceAddressPrefix()).isEqualTo("10.0.0.0/24"); // [parameters('subnetPrefix')]
        assertThat(rule(g, Seed.RULE_HEALTH_PROBE_IN).sourceAddressPrefix()).isEqualTo("AzureLoadBalancer");
        SecurityRule mgmtOut = rule(g, Seed.RULE_MANAGEMENT_OUT);
        assertThat(mgmtOut.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(mgmtOut.destinationPorts()).containsExactlyElementsOf(Seed.MANAGEMENT_OUTBOUND_PORTS);
        SecurityRule subnetOut = rule(g, Seed.RULE_SUBNET_OUT);
        assertThat(subnetOut.destinationAddressPrefix()).isEqualTo("10.0.0.0/24");
        assertThat(rule(g, "deny_all_inbound").priority()).isEqualTo(4096);
    }

    @Test
    void template2019RoutesTheSeeds99ManagementPrefixesToInternetAndTheSubnetToVnetLocal() throws Exception {
        Design d = load(Y2019);
        RouteTable t = d.routeTables().get(0);
        assertThat(t.routes()).hasSize(100);
        Route local = t.routes().get(0);
        assertThat(local.name()).isEqualTo("subnet-to-vnetlocal");
        assertThat(local.addressPrefix()).isEqualTo("10.0.0.0/24");
        assertThat(local.nextHopType()).isEqualTo(Route.VNET_LOCAL);
        List<Route> internet = t.routes().subList(1, 100);
        assertThat(internet).allMatch(r -> r.nextHopType().equals(Route.INTERNET));
        assertThat(internet).extracting(Route::addressPrefix).containsExactlyInAnyOrderElementsOf(Seed.managementPrefixes());
    }

    @Test
    void template2019InstanceKeepsItsSkuAndVCores() throws Exception {
        ManagedInstance m = load(Y2019).managedInstances().get(0);
        assertThat(m.tier()).isEqualTo(ManagedInstance.Tier.GENERAL_PURPOSE); // GP_Gen5 default
        assertThat(m.vCores()).isEqualTo(16);
        assertThat(m.name()).isEqualTo("{managedInstanceName}");
    }

    @Test
    void template2019ElementsKnowTheirLines() throws Exception {
        Design d = load(Y2019);
        List<String> lines = Files.readAllLines(Y2019);
        SecurityRule r = rule(d.securityGroups().get(0), Seed.RULE_MANAGEMENT_IN);
        assertThat(r.source().pointer()).isEqualTo("/resources/0/properties/securityRules/0");
        assertThat(lines.get(r.source().line())).contains("\"name\": \"allow_management_inbound\"");
        Route last = d.routeTables().get(0).routes().get(99);
        assertThat(lines.get(last.source().line())).contains(last.name());
        assertThat(lines.get(d.managedInstances().get(0).source().line() - 1)).contains("{");
        assertThat(d.managedInstances().get(0).source().pointer()).isEqualTo("/resources/3");
    }

    @Test
    void template2019WithoutParametersNotesEachMissingOne() throws Exception {
        Design d = load(Y2019);
        assertThat(d.importNotes()).filteredOn(n -> n.ruleId().equals("IMPORT-PARAMETER"))
                .extracting(ImportNote::resource)
                .containsExactly("parameters/managedInstanceName", "parameters/administratorLogin", "parameters/administratorLoginPassword");
        assertThat(d.importNotes()).allMatch(n -> n.severity().equals("info"));
    }

    @Test
    void template2019WithAnInstanceNameParameterNamesTheNsg() throws Exception {
        Design d = Importer.load(List.of(Y2019), new ImportOptions(null, Map.of("managedInstanceName", "sqlmi1")));
        assertThat(d.securityGroups().get(0).name()).isEqualTo("SQLMI-sqlmi1-NSG");
        assertThat(d.routeTables().get(0).name()).isEqualTo("SQLMI-sqlmi1-Route-Table");
        assertThat(d.importNotes()).extracting(ImportNote::resource).doesNotContain("parameters/managedInstanceName");
    }

    // ---- 2020 nested template with its parameters file ----

    @Test
    void nestedTemplateBuildsItsRoutesFromTheCopyLoopOverTheManagementIps() throws Exception {
        Design d = Importer.load(List.of(NESTED), new ImportOptions(NESTED_PARAMS, Map.of()));
        JsonNode ips = new ObjectMapper().readTree(NESTED_PARAMS.toFile()).at("/parameters/miManagementIps/value");
        RouteTable t = d.routeTables().get(0);
        assertThat(t.name()).isEqualTo("mi-RouteTable");
        assertThat(t.routes()).hasSize(ips.size());
        Route first = t.routes().get(0);
        assertThat(first.name()).isEqualTo("subnet_to_vnetlocal");
        assertThat(first.addressPrefix()).isEqualTo("10.0.0.0/24");
        assertThat(first.nextHopType()).isEqualTo(Route.VNET_LOCAL);
        List<String> expectedPrefixes = new ArrayList<>();
        for (int i = 1; i < ips.size(); i++) expectedPrefixes.add(ips.get(i).asText());
        List<Route> rest = t.routes().subList(1, t.routes().size());
        assertThat(rest).extracting(Route::addressPrefix).containsExactlyElementsOf(expectedPrefixes);
        assertThat(rest).allMatch(r -> r.nextHopType().equals(Route.INTERNET));
        assertThat(rest.get(0).name()).isEqualTo(ips.get(1).asText().replace('/', '-') + "-next-hop-internet-route");
        // every generated route points at the copy loop's input in the template
        assertThat(rest.get(5).source().pointer()).isEqualTo("/resources/1/properties/copy/0/input");
    }

    @Test
    void nestedTemplateDelegatesTheSubnetAndResolvesTheNsgNameWhateverItsCase() throws Exception {
        Design d = Importer.load(List.of(NESTED), new ImportOptions(NESTED_PARAMS, Map.of()));
        Subnet mi = onlyMiSubnet(d); // delegated, no instance in this template
        assertThat(mi.name()).isEqualTo("mi-subnet");
        assertThat(mi.delegations()).containsExactly(Subnet.MI_DELEGATION);
        assertThat(mi.addressPrefixes()).containsExactly("10.0.0.0/24");
        // the NSG resource uses managedInstanceNsgName, the subnet managedInstanceNSGName: one NSG
        SecurityGroup g = d.securityGroup(mi.nsgId()).orElseThrow();
        assertThat(g.name()).isEqualTo("mi-NSG");
        assertThat(d.routeTable(mi.routeTableId())).isPresent();
        assertThat(d.importNotes()).isEmpty();
    }

    @Test
    void nestedTemplateOpensOutboundOnly443And12000ToAzureCloud() throws Exception {
        Design d = Importer.load(List.of(NESTED), new ImportOptions(NESTED_PARAMS, Map.of()));
        SecurityGroup g = d.securityGroups().get(0);
        SecurityRule out = rule(g, "allow-management-outbound");
        assertThat(out.destinationPorts()).containsExactly("443", "12000");
        assertThat(out.destinationAddressPrefix()).isEqualTo("AzureCloud");
        assertThat(rule(g, "inbound-management").destinationAddressPrefix()).isEqualTo("10.0.0.0/24");
        assertThat(rule(g, "inbound-management").protocol()).isEqualTo("TCP");
        assertThat(g.rules(Direction.INBOUND)).hasSize(3);
    }

    @Test
    void nestedTemplateWithoutItsParametersStillOpensWithPlaceholdersAndOneUnknownRoute() throws Exception {
        Design d = load(NESTED);
        assertThat(d.virtualNetworks()).hasSize(1);
        assertThat(d.virtualNetworks().get(0).name()).isEqualTo("{vnetResourceName}");
        // the routes' count comes from the missing array: one route stands for the loop, its values unknown
        Route r = d.routeTables().get(0).routes().get(0);
        assertThat(d.routeTables().get(0).routes()).hasSize(1);
        assertThat(List.of(r.name(), r.addressPrefix(), r.nextHopType())).allMatch(v -> v.startsWith("{") && v.endsWith("}"));
        assertThat(d.securityGroups().get(0).rules()).hasSize(5);
        assertThat(d.importNotes()).hasSize(9).allMatch(n -> n.ruleId().equals("IMPORT-PARAMETER"));
        assertThat(d.importNotes()).anyMatch(n -> n.severity().equals("warning") && n.message().contains("copy loop 'routes' has a count not known offline"));
    }

    // ---- service-aided templates ----

    @Test
    void serviceAidedTemplateHasAnEmptyRouteTableAndAMinimalNsg() throws Exception {
        Design d = load(SERVICE_AIDED);
        Subnet mi = onlyMiSubnet(d);
        assertThat(mi.delegations()).containsExactly(Subnet.MI_DELEGATION);
        RouteTable t = d.routeTable(mi.routeTableId()).orElseThrow();
        assertThat(t.routes()).isEmpty();
        assertThat(t.disableBgpRoutePropagation()).isFalse();
        SecurityGroup g = d.securityGroup(mi.nsgId()).orElseThrow();
        assertThat(g.rules()).extracting(SecurityRule::name)
                .containsExactly("allow_tds_inbound", "allow_redirect_inbound", "deny_all_inbound", "deny_all_outbound");
        assertThat(rule(g, "allow_redirect_inbound").destinationPortRange()).isEqualTo(Seed.REDIRECT_PORTS);
        assertThat(d.instancesIn(mi)).hasSize(1);
    }

    @Test
    void environmentTemplateHasTwoSubnetsAndOpensGeoReplicationPort5022() throws Exception {
        Design d = load(ENVIRONMENT);
        assertThat(d.importNotes()).isEmpty(); // every parameter has a default
        assertThat(d.virtualNetworks().get(0).subnets()).extracting(Subnet::name).containsExactly("Default", "ManagedInstances");
        Subnet mi = onlyMiSubnet(d);
        assertThat(mi.addressPrefixes()).containsExactly("10.0.1.0/24");
        Subnet other = d.virtualNetworks().get(0).subnets().get(0);
        assertThat(other.nsgId()).isNull();
        // the VNet comes first in the template and refers to the NSG declared after it
        SecurityGroup g = d.securityGroup(mi.nsgId()).orElseThrow();
        assertThat(g.name()).isEqualTo("nsgManagedInstance");
        assertThat(rule(g, "allow_geodr_inbound").destinationPortRange()).isEqualTo("5022");
        assertThat(rule(g, "allow_geodr_outbound").destinationPortRange()).isEqualTo("5022");
        assertThat(d.routeTable(mi.routeTableId()).orElseThrow().routes()).isEmpty();
        assertThat(d.virtualNetworks().get(0).location()).isEqualTo(ArmImporter.DEFAULT_LOCATION);
    }

    @Test
    void locationParameterAlsoBecomesTheResourceGroupsLocation() throws Exception {
        Design d = Importer.load(List.of(ENVIRONMENT), new ImportOptions(null, Map.of("location", "northeurope")));
        assertThat(d.virtualNetworks().get(0).location()).isEqualTo("northeurope");
        assertThat(d.securityGroups().get(0).location()).isEqualTo("northeurope");
    }
}
