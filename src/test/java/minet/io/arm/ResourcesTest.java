package minet.io.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.model.Design;
import minet.model.ImportNote;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy loops, conditions, child resources, subnet users and nested deployments, from fixtures in src/test/resources/arm. */
class ResourcesTest {
    static final Path DIR = Path.of("src", "test", "resources", "arm");
    static final Path LOOPS = DIR.resolve("children-and-loops.json");
    static final Path LOOPS_PARAMS = DIR.resolve("children-and-loops.parameters.json");
    static final Path NESTED = DIR.resolve("nested-deployments.json");
    static final Path LINKED = DIR.resolve("linked-vnet.json");
    static final String RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/";

    static Design loops() throws Exception {
        return Importer.load(LOOPS);
    }

    static Subnet subnet(Design d, String name) {
        return d.subnets().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPropertyCopyOfUnknownCountIsOneItemWhoseIndexDependentValuesAreUnknown() throws Exception {
        String routes = "{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"rt\", \"properties\": {\"copy\": [{\"name\": \"routes\", "
                + "\"count\": \"[length(parameters('ips'))]\", \"input\": {\"name\": \"[concat('r', copyIndex('routes'))]\", \"properties\": "
                + "{\"addressPrefix\": \"[parameters('ips')[copyIndex('routes')]]\", \"nextHopType\": \"Internet\"}}}]}}";
        Design unknown = Arm.design(Arm.template("\"ips\": {\"type\": \"array\"}", "", routes));
        List<Route> rs = unknown.routeTables().get(0).routes();
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).addressPrefix()).startsWith("{").endsWith("}");
        assertThat(rs.get(0).nextHopType()).isEqualTo("Internet"); // the same for every item: known
        assertThat(unknown.importNotes()).anyMatch(n -> n.message().contains("copy loop 'routes' has a count not known offline"));
        // with the parameter given, the loop is what it says
        Design known = Arm.design(Arm.template("\"ips\": {\"type\": \"array\"}", "", routes), Map.of("ips", "[\"20.0.0.0/8\", \"13.64.0.0/11\"]"));
        assertThat(known.routeTables().get(0).routes()).extracting(Route::name, Route::addressPrefix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r0", "20.0.0.0/8"), org.assertj.core.groups.Tuple.tuple("r1", "13.64.0.0/11"));
        assertThat(known.importNotes()).noneMatch(n -> n.message().contains("copy loop"));
    }

    @Test
    void resourceCopyLoopMakesOneNsgPerIterationWithPropertyCopyRules() throws Exception {
        Design d = loops();
        assertThat(d.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg-1", "nsg-2");
        SecurityGroup second = d.securityGroups().get(1);
        assertThat(second.id()).isEqualTo(RG + "Microsoft.Network/networkSecurityGroups/nsg-2");
        assertThat(second.rules()).extracting(SecurityRule::name).containsExactly("allow-1-0", "allow-1-1", "allow-1-2");
        assertThat(second.rules()).extracting(SecurityRule::priority).containsExactly(100, 110, 120);
        assertThat(second.rules()).extracting(SecurityRule::destinationPortRange).containsExactly("1433", "5022", "11000-11999");
        assertThat(second.rules().get(2).source().pointer()).isEqualTo("/resources/0/properties/copy/0/input");
        assertThat(second.location()).isEqualTo("westeurope");
    }

    @Test
    void topLevelSecurityRuleJoinsItsNsg() throws Exception {
        SecurityGroup first = loops().securityGroups().get(0);
        assertThat(first.rules()).extracting(SecurityRule::name).endsWith("deny_all_inbound");
        assertThat(first.rules()).hasSize(4);
        assertThat(first.rules().get(3).source().pointer()).isEqualTo("/resources/1");
    }

    @Test
    void falseConditionSkipsTheResource() throws Exception {
        assertThat(loops().securityGroup(RG + "Microsoft.Network/networkSecurityGroups/nsg-legacy")).isEmpty();
    }

    @Test
    void nestedAndTopLevelChildRoutesJoinTheirRouteTable() throws Exception {
        RouteTable t = loops().routeTables().get(0);
        assertThat(t.disableBgpRoutePropagation()).isTrue();
        assertThat(t.routes()).extracting(Route::name).containsExactly("subnet_to_vnetlocal", "to-firewall");
        assertThat(t.routes().get(1).nextHopIpAddress()).isEqualTo("10.0.9.4");
        assertThat(t.routes().get(0).source().pointer()).isEqualTo("/resources/3/resources/0");
    }

    @Test
    void subnetsComeInlineNestedAndTopLevelEvenBeforeTheirVnet() throws Exception {
        Design d = loops();
        assertThat(d.virtualNetworks()).hasSize(1);
        VirtualNetwork v = d.virtualNetworks().get(0);
        assertThat(v.subnets()).extracting(Subnet::name).containsExactlyInAnyOrder("default", "mi", "GatewaySubnet");
        assertThat(subnet(d, "default").addressPrefixes()).containsExactly("10.0.0.0/24", "10.0.8.0/24");
        Subnet mi = subnet(d, "mi");
        assertThat(mi.id()).isEqualTo(v.id() + "/subnets/mi");
        assertThat(mi.serviceEndpoints()).containsExactly("Microsoft.Storage");
        assertThat(mi.delegatedToMi()).isTrue();
        // 'NSG-1' in the subnet, 'nsg-1' on the NSG: ids compare without case
        assertThat(d.securityGroup(mi.nsgId()).orElseThrow().name()).isEqualTo("nsg-1");
        assertThat(d.routeTable(mi.routeTableId())).isPresent();
        assertThat(subnet(d, "GatewaySubnet").isGatewaySubnet()).isTrue();
    }

    @Test
    void vnetKeepsDnsServersFromAnArrayParameterAndBothKindsOfPeering() throws Exception {
        VirtualNetwork v = loops().virtualNetworks().get(0);
        assertThat(v.dnsServers()).containsExactly("10.1.0.4", "10.1.0.5");
        assertThat(v.peerings()).extracting(Peering::name).containsExactly("to-spoke", "to-hub");
        assertThat(v.peerings().get(0).remoteVnetId()).isEqualTo("/subscriptions/{subscriptionId}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/spoke");
        assertThat(v.peerings().get(1).useRemoteGateways()).isTrue();
        assertThat(v.peerings().get(1).remoteAddressSpaces()).containsExactly("10.1.0.0/16");
    }

    @Test
    void gatewayAndNicsBecomeResourcesOfTheirSubnets() throws Exception {
        Design d = loops();
        assertThat(subnet(d, "GatewaySubnet").resources()).extracting(SubnetResource::kind, SubnetResource::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SubnetResource.GATEWAY, "vpn-gw"));
        assertThat(subnet(d, "default").resources()).extracting(SubnetResource::name).containsExactly("nic-0", "nic-1");
        assertThat(subnet(d, "mi").resources()).isEmpty();
    }

    @Test
    void managedInstanceKeepsTierConnectionTypeAndPublicEndpoint() throws Exception {
        Design d = loops();
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.tier()).isEqualTo(ManagedInstance.Tier.BUSINESS_CRITICAL);
        assertThat(m.connectionType()).isEqualTo(ManagedInstance.ConnectionType.REDIRECT);
        assertThat(m.publicDataEndpoint()).isTrue();
        assertThat(m.vCores()).isEqualTo(8);
        assertThat(d.instancesIn(subnet(d, "mi"))).containsExactly(m);
    }

    @Test
    void unsupportedFunctionAndForeignSubnetAreNotedWithTheirPlace() throws Exception {
        Design d = loops();
        List<String> lines = Files.readAllLines(LOOPS);
        ImportNote fn = d.importNotes().stream().filter(n -> n.ruleId().equals("IMPORT-FUNCTION")).findFirst().orElseThrow();
        assertThat(fn.severity()).isEqualTo("warning");
        assertThat(fn.message()).contains("{reference(pip)}").contains("not declared in this template")
                .contains("children-and-loops.json line " + fn.source().line());
        assertThat(lines.get(fn.source().line() - 1)).contains("reference('pip')");
        assertThat(d.importNotes()).filteredOn(n -> n.ruleId().equals("IMPORT-FUNCTION")).hasSize(1); // once, not once per NIC
        ImportNote ref = d.importNotes().stream().filter(n -> n.ruleId().equals("IMPORT-REFERENCE")).findFirst().orElseThrow();
        assertThat(ref.resource()).isEqualTo("privateEndpoints/pe-elsewhere");
        assertThat(ref.message()).contains("other-rg");
    }

    @Test
    void parametersFileNamesAreCaseInsensitiveAndKeyVaultReferencesArePlaceholders() throws Exception {
        Design d = Importer.load(List.of(LOOPS), new ImportOptions(LOOPS_PARAMS, Map.of()));
        assertThat(d.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg-1", "nsg-2", "nsg-3", "nsg-legacy");
        assertThat(d.importNotes()).filteredOn(n -> n.resource() != null && n.resource().equals("parameters/adminPassword"))
                .extracting(ImportNote::severity).containsExactly("info", "warning");
    }

    @Test
    void commandLineParametersWinOverTheFileAndAreConverted() throws Exception {
        Design d = Importer.load(List.of(LOOPS), new ImportOptions(LOOPS_PARAMS,
                Map.of("nsgCount", "1", "deployLegacy", "false", "dnsServers", "[\"168.63.129.16\"]")));
        assertThat(d.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg-1");
        assertThat(d.virtualNetworks().get(0).dnsServers()).containsExactly("168.63.129.16");
    }

    @Test
    void commandLineParameterOfTheWrongTypeOrNameIsRefused() {
        assertThatThrownBy(() -> Importer.load(List.of(LOOPS), new ImportOptions(null, Map.of("nsgCount", "two"))))
                .isInstanceOf(InputException.class).hasMessageContaining("nsgCount").hasMessageContaining("int parameter");
        assertThatThrownBy(() -> Importer.load(List.of(LOOPS), new ImportOptions(null, Map.of("dnsServers", "{\"a\": 1}"))))
                .isInstanceOf(InputException.class).hasMessageContaining("array parameter");
        assertThatThrownBy(() -> Importer.load(List.of(LOOPS), new ImportOptions(null, Map.of("nope", "1"))))
                .isInstanceOf(InputException.class).hasMessageContaining("declares no parameter 'nope'").hasMessageContaining("nsgCount");
    }

    // ---- nested deployments ----

    @Test
    void innerScopeDeploymentUsesItsOwnVariablesAndTheParametersPassedIn() throws Exception {
        Design d = Importer.load(List.of(NESTED), ImportOptions.NONE);
        SecurityGroup inner = d.securityGroups().get(0);
        assertThat(inner.name()).isEqualTo("nsg-inner");
        assertThat(inner.id()).isEqualTo("/subscriptions/{subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-inner");
        assertThat(inner.rules().get(0).sourceAddressPrefix()).isEqualTo("10.5.0.0/24");
        assertThat(inner.rules().get(0).source().pointer()).isEqualTo("/resources/0/properties/template/resources/0/properties/securityRules/0");
    }

    @Test
    void outerScopeDeploymentSeesTheParentsVariables() throws Exception {
        Design d = Importer.load(List.of(NESTED), ImportOptions.NONE);
        assertThat(d.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg-inner", "nsg-outer");
    }

    @Test
    void linkedTemplateWithoutItsFileIsAWarningNamingTheUri() throws Exception {
        Design d = Importer.load(List.of(NESTED), ImportOptions.NONE);
        assertThat(d.virtualNetworks()).isEmpty();
        ImportNote n = d.importNotes().stream().filter(x -> x.ruleId().equals("IMPORT-LINKED-TEMPLATE")).findFirst().orElseThrow();
        assertThat(n.severity()).isEqualTo("warning");
        assertThat(n.message()).contains("nestedtemplates/linked-vnet.json");
        assertThat(n.resource()).isEqualTo("deployments/linked-vnet");
    }

    @Test
    void linkedTemplateGivenAsASecondFileIsImportedWithTheParametersPassed() throws Exception {
        Design d = Importer.load(List.of(NESTED, LINKED), ImportOptions.NONE);
        assertThat(d.virtualNetworks()).hasSize(1);
        VirtualNetwork v = d.virtualNetworks().get(0);
        assertThat(v.name()).isEqualTo("vnet-linked");
        assertThat(v.source().file()).endsWith("linked-vnet.json");
        assertThat(v.subnets().get(0).addressPrefixes()).containsExactly("10.5.0.0/24");
        assertThat(d.miSubnets()).hasSize(1);
        assertThat(d.importNotes()).filteredOn(x -> x.ruleId().equals("IMPORT-LINKED-TEMPLATE"))
                .extracting(ImportNote::severity).containsExactly("info");
        assertThat(d.importNotes()).filteredOn(x -> x.ruleId().equals("IMPORT-PARAMETER")).isEmpty();
    }

    @Test
    void templateThatDeploysItselfIsStoppedAtALimit(@TempDir Path dir) throws Exception {
        Path self = dir.resolve("self.json");
        Files.writeString(self, Arm.template("", "", "{\"type\": \"Microsoft.Resources/deployments\", \"name\": \"again\", "
                + "\"properties\": {\"templateLink\": {\"uri\": \"https://x/self.json\"}}}"));
        Path copy = dir.resolve("main.json");
        Files.copy(self, copy);
        assertThatThrownBy(() -> Importer.load(List.of(copy, self), ImportOptions.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("nested deployments");
    }

    // ---- wrong shapes ----

    @Test
    void wrongShapesNameFileLineAndProblem() {
        assertThatThrownBy(() -> Arm.design(Arm.template("", "", "\n  {\"type\": \"Microsoft.Network/networkSecurityGroups\", \"name\": \"n\",\n"
                + "   \"properties\": {\"securityRules\": \"all\"}}")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("t.json:3:")
                .hasMessageContaining("securityRules must be an array of objects, not a string");
        assertThatThrownBy(() -> Arm.design(Arm.template("", "", "\n  42")))
                .hasMessageStartingWith("t.json:2:3: a resource must be an object");
        assertThatThrownBy(() -> Arm.design(Arm.template("", "", "{\"name\": \"x\"}")))
                .hasMessageContaining("a resource needs a type");
        assertThatThrownBy(() -> Arm.design(Arm.template("", "", "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"name\": \"n\", "
                + "\"properties\": {\"securityRules\": [{\"name\": \"r\", \"properties\": {\"direction\": \"Sideways\"}}]}}")))
                .hasMessageContaining("security rule 'r'").hasMessageContaining("Inbound or Outbound");
    }

    @Test
    void badExpressionNamesTheStringsPositionInTheFile() {
        String t = Arm.template("", "", "{\"type\": \"Microsoft.Network/routeTables\",\n \"name\": \"[concat('rt', ]\"}");
        assertThatThrownBy(() -> Arm.design(t))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("t.json:2:10:")
                .hasMessageContaining("[concat('rt', ]");
    }

    @Test
    void copyCountBeyondAzuresLimitIsRefused() {
        String t = Arm.template("", "", "{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"[concat('rt', copyIndex())]\", "
                + "\"copy\": {\"name\": \"c\", \"count\": 801}}");
        assertThatThrownBy(() -> Arm.design(t)).isInstanceOf(InputException.class).hasMessageContaining("between 0 and 800");
    }
}
