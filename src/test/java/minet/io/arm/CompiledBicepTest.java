package minet.io.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.model.Design;
import minet.model.ImportNote;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import org.junit.jupiter.api.Test;

/**
 * Templates in the shape {@code bicep build} gives them (src/test/resources/arm/bicep-*.json): a subscription-scope
 * main template with modules as nested deployments, {@code cidrSubnet} prefixes, a deployment script read through
 * {@code reference()}, nullable parameters, languageVersion 2.0 symbolic resources with an existing VNet, and
 * user-defined functions with imported variables. Each value below was written down from the template before the
 * import ran.
 */
class CompiledBicepTest {
    static final Path SUBSCRIPTION = ResourcesTest.DIR.resolve("bicep-subscription-mi.json");
    static final Path SYMBOLIC = ResourcesTest.DIR.resolve("bicep-symbolic-existing-vnet.json");
    static final Path FUNCTIONS = ResourcesTest.DIR.resolve("bicep-user-functions.json");
    static final String RG = "/subscriptions/{subscriptionId}/resourceGroups/rg-mi/providers/";
    static final String PAIRED = "{reference(deploymentScripts/ds-mi-paired-region).outputs.pairedRegionName}";

    static Design load(Path p, Map<String, String> params) throws Exception {
        return Importer.load(List.of(p), new ImportOptions(null, params));
    }

    static Subnet subnet(Design d, String name) {
        return d.subnets().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no subnet " + name));
    }

    static SecurityRule rule(SecurityGroup g, String name) {
        return g.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no rule " + name));
    }

    static List<ImportNote> notes(Design d, String ruleId) {
        return d.importNotes().stream().filter(n -> n.ruleId().equals(ruleId)).toList();
    }

    // ---- a subscription-scope template with two modules ----

    @Test
    void subscriptionScopeTemplateImportsItsModulesInTheResourceGroupItCreates() throws Exception {
        Design d = load(SUBSCRIPTION, Map.of());
        assertThat(d.virtualNetworks()).hasSize(1);
        VirtualNetwork v = d.virtualNetworks().get(0);
        assertThat(v.name()).isEqualTo("vnet-mi");
        assertThat(v.id()).isEqualTo(RG + "Microsoft.Network/virtualNetworks/vnet-mi");
        assertThat(v.addressSpaces()).containsExactly("10.20.0.0/16");
        assertThat(v.location()).isEqualTo("westeurope"); // deployment().location's stand-in, through the resource group
        assertThat(v.dnsServers()).isEmpty(); // dnsServers is nullable and null: no dhcpOptions
        // cidrSubnet(addressPrefix, 24, 0) and (…, 1)
        assertThat(v.subnets()).extracting(Subnet::name).containsExactly("ManagedInstance", "apps");
        assertThat(subnet(d, "ManagedInstance").addressPrefixes()).containsExactly("10.20.0.0/24");
        assertThat(subnet(d, "apps").addressPrefixes()).containsExactly("10.20.1.0/24");
        assertThat(d.miSubnets()).extracting(Subnet::name).containsExactly("ManagedInstance");
    }

    @Test
    void theInstanceModuleGetsItsSubnetFromTheNetworkModulesOutput() throws Exception {
        Design d = load(SUBSCRIPTION, Map.of());
        assertThat(d.managedInstances()).hasSize(1);
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.name()).isEqualTo("{managedInstanceName}");
        // outputs.subnetResourceId = reference(vnet).subnets[0].id: what the network module declares
        assertThat(m.subnetId()).isEqualTo(RG + "Microsoft.Network/virtualNetworks/vnet-mi/subnets/ManagedInstance");
        assertThat(m.tier()).isEqualTo(ManagedInstance.Tier.GENERAL_PURPOSE);
        assertThat(m.vCores()).isEqualTo(4);
        assertThat(d.instancesIn(subnet(d, "ManagedInstance"))).containsExactly(m);
    }

    @Test
    void theDeploymentScriptsOutputIsAnUnknownThatSaysWhatItIsAndWhereItIsRead() throws Exception {
        Design d = load(SUBSCRIPTION, Map.of());
        SecurityGroup nsg = d.securityGroup(subnet(d, "ManagedInstance").nsgId()).orElseThrow();
        assertThat(nsg.name()).isEqualTo("nsg-{managedInstanceName}");
        assertThat(nsg.rules()).hasSize(6);
        assertThat(rule(nsg, "allow_management_inbound").destinationAddressPrefix()).isEqualTo("10.20.0.0/24");
        assertThat(rule(nsg, "allow_storage_paired_region_outbound").destinationAddressPrefix()).isEqualTo("Storage." + PAIRED);
        List<Route> routes = d.routeTable(subnet(d, "ManagedInstance").routeTableId()).orElseThrow().routes();
        assertThat(routes).extracting(Route::name, Route::addressPrefix).containsExactly(
                org.assertj.core.groups.Tuple.tuple("subnet_to_vnetlocal", "10.20.0.0/24"),
                org.assertj.core.groups.Tuple.tuple("storage_paired_region", "Storage." + PAIRED));
        // said where it is read: the variable and the route, each a warning at its line
        List<String> lines = Files.readAllLines(SUBSCRIPTION);
        List<ImportNote> fn = notes(d, "IMPORT-FUNCTION");
        assertThat(fn).hasSize(2).allMatch(n -> n.severity().equals("warning"))
                .allMatch(n -> n.message().contains("reads 'outputs' of deploymentScripts/ds-mi-paired-region, which the template does not declare"));
        assertThat(fn).extracting(n -> lines.get(n.source().line() - 1).trim())
                .anyMatch(l -> l.startsWith("\"pairedRegion\": \"[reference("))
                .anyMatch(l -> l.startsWith("\"addressPrefix\": \"[format('Storage.{0}', reference("));
    }

    @Test
    void validationCallsNoUnknownInvalidAndSaysEachOnceWhereItIsRead() throws Exception {
        // form checks are the same in every profile; pinned all the same
        List<minet.rules.Finding> f = minet.rules.Validator.validate(load(SUBSCRIPTION, Map.of()), "azure-2019-04").findings();
        assertThat(f).noneMatch(x -> x.ruleId().equals("NSG-RULE") || x.ruleId().equals("NET-ADDRESS") || x.ruleId().equals("UDR-NEXT-HOP"));
        assertThat(f).filteredOn(x -> x.ruleId().equals("IMPORT-FUNCTION")).hasSize(2)
                .allMatch(x -> x.severity() == minet.rules.Severity.WARNING && x.source().line() > 0);
    }

    @Test
    void nullableParametersWithoutAValueAreNoNote_aRequiredOneIs() throws Exception {
        Design d = load(SUBSCRIPTION, Map.of());
        assertThat(notes(d, "IMPORT-PARAMETER")).extracting(ImportNote::resource).containsExactly("parameters/managedInstanceName");
        Design given = load(SUBSCRIPTION, Map.of("managedInstanceName", "sqlmi-1"));
        assertThat(notes(given, "IMPORT-PARAMETER")).isEmpty();
        assertThat(given.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg-sqlmi-1");
    }

    @Test
    void aModuleInAResourceGroupTheTemplateCreatesTakesThatGroupsLocation() throws Exception {
        // deployment().location stays the stand-in; the resource group is created in northeurope
        Design d = load(SUBSCRIPTION, Map.of("resourceLocation", "northeurope", "managedInstanceName", "sqlmi-1"));
        assertThat(d.virtualNetworks().get(0).location()).isEqualTo("northeurope");
        assertThat(d.managedInstances().get(0).location()).isEqualTo("northeurope");
    }

    // ---- languageVersion 2.0: symbolic resources, an existing VNet ----

    @Test
    void symbolicResourcesLinkByResourceInfoAndAnExistingVnetsPrefixIsUnknownByWhatItIsMadeOf() throws Exception {
        Design d = load(SYMBOLIC, Map.of());
        String group = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/";
        Subnet mi = subnet(d, "sqlmi");
        String unknown = "{cidrSubnet({reference(virtualNetworks/hub-vnet).addressSpace.addressPrefixes[0]}, 24, 2)}";
        assertThat(mi.id()).isEqualTo(group + "Microsoft.Network/virtualNetworks/hub-vnet/subnets/sqlmi");
        assertThat(mi.addressPrefixes()).containsExactly(unknown);
        assertThat(mi.nsgId()).isEqualTo(group + "Microsoft.Network/networkSecurityGroups/nsg-sqlmi");
        assertThat(mi.routeTableId()).isEqualTo(group + "Microsoft.Network/routeTables/rt-sqlmi");
        assertThat(d.routeTable(mi.routeTableId()).orElseThrow().routes().get(0).addressPrefix()).isEqualTo(unknown);
        // the existing VNet is not deployed: a stand-in without an address space holds the subnet
        assertThat(d.virtualNetworks()).extracting(VirtualNetwork::name).containsExactly("hub-vnet");
        assertThat(d.virtualNetworks().get(0).addressSpaces()).isEmpty();
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.name()).isEqualTo("sqlmi-hub");
        assertThat(m.tier()).isEqualTo(ManagedInstance.Tier.BUSINESS_CRITICAL);
        assertThat(d.miSubnets()).containsExactly(mi);
    }

    @Test
    void rulesMadeByALambdaOverAParameterAreTheTemplatesRules() throws Exception {
        Design d = load(SYMBOLIC, Map.of());
        SecurityGroup nsg = d.securityGroups().get(0);
        assertThat(nsg.rules()).extracting(SecurityRule::name, SecurityRule::priority, SecurityRule::sourceAddressPrefix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allow_tds_from_apps", 1000, "10.1.0.0/24"),
                        org.assertj.core.groups.Tuple.tuple("allow_tds_from_reports", 1001, "10.1.1.0/24"));
        assertThat(nsg.rules()).allMatch(r -> "1433".equals(r.destinationPortRange()) && "VirtualNetwork".equals(r.destinationAddressPrefix()));
    }

    @Test
    void theExistingVnetsStateIsSaidWhereItIsRead_nullableTagsAreNot() throws Exception {
        Design d = load(SYMBOLIC, Map.of());
        List<String> lines = Files.readAllLines(SYMBOLIC);
        List<ImportNote> fn = notes(d, "IMPORT-FUNCTION");
        assertThat(fn).hasSize(2).allMatch(n -> n.message().contains("reads the deployed state of existing resource 'hub-vnet'")
                && n.message().contains("{reference(virtualNetworks/hub-vnet)}"));
        assertThat(fn).allMatch(n -> lines.get(n.source().line() - 1).contains("\"addressPrefix\": \"[cidrSubnet(reference('hub')"));
        assertThat(notes(d, "IMPORT-PARAMETER")).isEmpty();
        assertThat(notes(d, "IMPORT-REFERENCE")).extracting(ImportNote::resource).containsExactly("virtualNetworks/hub-vnet");
        // and validation calls nothing invalid for it
        List<minet.rules.Finding> f = minet.rules.Validator.validate(d, "azure-2019-04").findings();
        assertThat(f).noneMatch(x -> x.ruleId().equals("NET-ADDRESS") || x.ruleId().equals("NSG-RULE"));
    }

    // ---- user-defined functions and imported variables ----

    @Test
    void userDefinedFunctionsAndImportedVariablesEvaluateAsAzureDoes() throws Exception {
        Design d = load(FUNCTIONS, Map.of());
        VirtualNetwork v = d.virtualNetworks().get(0);
        assertThat(v.addressSpaces()).containsExactly("10.30.0.0/16");
        assertThat(subnet(d, "ManagedInstance").addressPrefixes()).containsExactly("10.30.0.0/24");
        assertThat(subnet(d, "apps").addressPrefixes()).containsExactly("10.30.1.0/24");
        SecurityGroup nsg = d.securityGroup(subnet(d, "ManagedInstance").nsgId()).orElseThrow();
        assertThat(nsg.rules()).extracting(SecurityRule::name, SecurityRule::priority, SecurityRule::destinationPortRange, SecurityRule::destinationAddressPrefix)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allow_inbound_1433", 200, "1433", "10.30.0.0/24"),
                        org.assertj.core.groups.Tuple.tuple("allow_inbound_11000_11999", 210, "11000-11999", "10.30.0.0/24"));
        List<String> lines = Files.readAllLines(FUNCTIONS);
        assertThat(lines.get(nsg.rules().get(1).source().line() - 1)).contains("\"miRules\"");
        assertThat(d.importNotes()).isEmpty();
    }

    @Test
    void aFunctionCalledWithTheWrongArgumentsOrNotDeclaredIsAnErrorAtItsPlace() throws Exception {
        String fns = "\"parameters\": {\"loc\": {\"type\": \"string\", \"defaultValue\": \"x\"}}, "
                + "\"functions\": [{\"namespace\": \"ns\", \"members\": {\"f\": {\"parameters\": [{\"name\": \"a\", \"type\": \"int\"}], "
                + "\"output\": {\"type\": \"int\", \"value\": \"[add(parameters('a'), 1)]\"}}, "
                + "\"g\": {\"output\": {\"type\": \"string\", \"value\": \"[parameters('loc')]\"}}}}], ";
        String rt = "{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"[string(%s)]\"}";
        java.util.function.Function<String, String> t = e -> "{" + Arm.HEADER + ", " + fns + "\"resources\": [" + String.format(rt, e) + "]}";
        assertThat(Arm.design(t.apply("ns.f(41)")).routeTables().get(0).name()).isEqualTo("42");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Arm.design(t.apply("ns.f(1, 2)")))
                .isInstanceOf(minet.io.InputException.class).hasMessageContaining("t.json:1:").hasMessageContaining("ns.f() takes 1 argument, not 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Arm.design(t.apply("ns.h(1)"))).hasMessageContaining("declares no function 'ns.h'");
        // a body sees its own parameters, not the template's (as Azure refuses it)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Arm.design(t.apply("ns.g()"))).hasMessageContaining("the function declares no parameter 'loc'");
    }

    @Test
    void nullPassedToAModulesParameterWithADefaultIsTheDefault() throws Exception {
        // Bicep passes an optional setting on as tryGet(settings, 'x'): null when unset, and then the module's default holds
        String inner = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", "
                + "\"parameters\": {\"prefix\": {\"type\": \"string\", \"defaultValue\": \"10.9.0.0/24\"}, \"useKey\": {\"type\": \"bool\", \"defaultValue\": false}}, "
                + "\"resources\": [{\"condition\": \"[not(parameters('useKey'))]\", \"type\": \"Microsoft.Network/routeTables\", \"name\": \"rt\", "
                + "\"properties\": {\"routes\": [{\"name\": \"r\", \"properties\": {\"addressPrefix\": \"[parameters('prefix')]\", \"nextHopType\": \"VnetLocal\"}}]}}]}";
        String module = "{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2022-09-01\", \"name\": \"m\", \"properties\": {\"mode\": \"Incremental\", "
                + "\"expressionEvaluationOptions\": {\"scope\": \"inner\"}, \"parameters\": {\"prefix\": {\"value\": \"[tryGet(parameters('settings'), 'prefix')]\"}, "
                + "\"useKey\": {\"value\": \"[tryGet(parameters('settings'), 'useKey')]\"}}, \"template\": " + inner + "}}";
        Design d = Arm.design(Arm.template("\"settings\": {\"type\": \"object\", \"nullable\": true}", "", module));
        assertThat(d.routeTables()).singleElement().satisfies(t -> assertThat(t.routes().get(0).addressPrefix()).isEqualTo("10.9.0.0/24"));
        assertThat(d.importNotes()).isEmpty();
    }
}
