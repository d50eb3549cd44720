package minet.io.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import minet.io.Format;
import minet.io.Importer;
import minet.io.InputException;
import minet.io.JsonSource;
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

class TerraformImporterTest {
    static final Path DIR = Path.of("src", "test", "resources", "terraform");
    static final String SUBNET_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/database-rg/providers"
            + "/Microsoft.Network/virtualNetworks/vnet-mi/subnets/subnet-mi";

    static Design parse(String json) throws InputException {
        return TerraformImporter.load(List.of(JsonSource.parse("tf.json", json.getBytes(StandardCharsets.UTF_8))));
    }

    static List<String> notes(Design d) {
        return d.importNotes().stream().map(ImportNote::message).toList();
    }

    @Test
    void planOfTheAzurermDocsExampleLinksThroughTheConfiguration() throws Exception {
        Design d = Importer.load(DIR.resolve("plan.json"));
        assertThat(d.virtualNetworks()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("vnet-mi");
            assertThat(v.id()).isEqualTo("azurerm_virtual_network.example"); // ids are unknown in a plan: the address stands in
            assertThat(v.addressSpaces()).containsExactly("10.0.0.0/16");
        });
        Subnet s = d.subnets().findFirst().orElseThrow();
        assertThat(s.name()).isEqualTo("subnet-mi");
        assertThat(s.addressPrefixes()).containsExactly("10.0.0.0/24");
        assertThat(s.delegations()).containsExactly(Subnet.MI_DELEGATION);
        // subnet_id, network_security_group_id and route_table_id are unknown until apply; the configuration names them
        SecurityGroup g = d.securityGroup(s.nsgId()).orElseThrow();
        assertThat(g.name()).isEqualTo("mi-security-group");
        assertThat(g.rules()).extracting(SecurityRule::name, SecurityRule::priority).containsExactly(
                tuple(Seed.RULE_MANAGEMENT_IN, 106), tuple(Seed.RULE_SUBNET_IN, 200), tuple(Seed.RULE_HEALTH_PROBE_IN, 300),
                tuple(Seed.RULE_TDS_IN, 1000), tuple("deny_all_inbound", 4096), tuple(Seed.RULE_MANAGEMENT_OUT, 102),
                tuple(Seed.RULE_SUBNET_OUT, 200), tuple("deny_all_outbound", 4096));
        SecurityRule mgmt = g.rules().get(0);
        assertThat(mgmt.destinationPorts()).containsExactlyElementsOf(Seed.MANAGEMENT_INBOUND_PORTS);
        assertThat(mgmt.destinationPortRange()).isNull();
        assertThat(g.rules().get(6).direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(g.rules().get(6).sourcePrefixes()).containsExactly("10.0.0.0/24"); // the docs' inverted rule, kept as written
        RouteTable t = d.routeTable(s.routeTableId()).orElseThrow();
        assertThat(t.name()).isEqualTo("routetable-mi");
        assertThat(t.disableBgpRoutePropagation()).isFalse(); // bgp_route_propagation_enabled = true (azurerm 4.x)
        assertThat(t.routes()).extracting(Route::name, Route::nextHopType).containsExactly(tuple(Seed.ROUTE_VNET_LOCAL, Route.VNET_LOCAL));
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.name()).isEqualTo("managedsqlinstance");
        assertThat(m.tier()).isEqualTo(ManagedInstance.Tier.GENERAL_PURPOSE);
        assertThat(m.vCores()).isEqualTo(4);
        assertThat(d.instancesIn(s)).containsExactly(m);
        assertThat(d.importNotes()).isEmpty();
    }

    @Test
    void planElementsPointAtTheirPlannedValues() throws Exception {
        Design d = Importer.load(DIR.resolve("plan.json"));
        SecurityRule tds = d.securityGroups().get(0).rules().get(3);
        assertThat(tds.source().file()).endsWith("plan.json");
        assertThat(tds.source().pointer()).isEqualTo("/planned_values/root_module/resources/5");
        assertThat(tds.source().line()).isEqualTo(135);
    }

    @Test
    void stateWithAChildModuleLinksByIdAndCountsEachRuleOnce() throws Exception {
        Design d = Importer.load(DIR.resolve("state.json"));
        assertThat(d.virtualNetworks()).hasSize(1);
        Subnet s = d.subnet(SUBNET_ID.toLowerCase()).orElseThrow(); // one subnet though the VNet lists it inline too
        assertThat(d.subnets().count()).isEqualTo(1);
        assertThat(s.delegations()).containsExactly(Subnet.MI_DELEGATION);
        assertThat(s.source().pointer()).startsWith("/values/root_module/child_modules/0/resources/"); // the azurerm_subnet resource
        assertThat(d.virtualNetworks().get(0).dnsServers()).containsExactly("10.0.1.4");
        SecurityGroup g = d.securityGroup(s.nsgId()).orElseThrow();
        // The state lists the separate azurerm_network_security_rule resources inline as well: 8 rules, not 16.
        assertThat(g.rules()).hasSize(8);
        assertThat(g.rules().get(3).destinationPortRange()).isEqualTo("1433");
        assertThat(g.rules().get(3).description()).isNull(); // "" in state means unset
        assertThat(g.rules().get(0).source().pointer()).doesNotContain("security_rule"); // the separate resource wins
        RouteTable t = d.routeTable(s.routeTableId()).orElseThrow();
        assertThat(t.routes()).extracting(Route::name, Route::nextHopIpAddress)
                .containsExactly(tuple(Seed.ROUTE_VNET_LOCAL, null), tuple("to-firewall", "10.100.0.4"));
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.subnetId()).isEqualTo(SUBNET_ID);
        assertThat(m.dnsZone()).isEqualTo("0a1b2c3d4e5f");
        assertThat(m.connectionType()).isEqualTo(ManagedInstance.ConnectionType.PROXY);
        assertThat(m.publicDataEndpoint()).isTrue();
        assertThat(d.instancesIn(s)).containsExactly(m);
        assertThat(d.importNotes()).isEmpty();
    }

    @Test
    void planFollowsModuleOutputsAndCountIndexes() throws Exception {
        Design d = Importer.load(DIR.resolve("plan-module.json"));
        Subnet s = d.subnets().findFirst().orElseThrow();
        assertThat(s.id()).isEqualTo("module.network.azurerm_subnet.mi");
        assertThat(s.serviceEndpoints()).containsExactly("Microsoft.Storage");
        assertThat(d.vnetOf(s).orElseThrow().name()).isEqualTo("vnet-mi2");
        assertThat(d.securityGroup(s.nsgId()).orElseThrow().rules()).hasSize(2); // inline security_rule blocks
        // Both count instances reference module.network.subnet_id, whose output references azurerm_subnet.mi.
        assertThat(d.managedInstances()).extracting(ManagedInstance::name, ManagedInstance::tier, ManagedInstance::subnetId)
                .containsExactly(tuple("sqlmi-0", ManagedInstance.Tier.GENERAL_PURPOSE, s.id()),
                        tuple("sqlmi-1", ManagedInstance.Tier.BUSINESS_CRITICAL, s.id()));
        assertThat(d.importNotes()).isEmpty();
    }

    @Test
    void anUnresolvableReferenceIsReportedNotGuessed() throws Exception {
        // Two subnets from count, an instance whose subnet_id references the resource without an index.
        String json = "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": ["
                + sub(0) + "," + sub(1) + ","
                + "{\"address\": \"azurerm_mssql_managed_instance.mi\", \"mode\": \"managed\", \"type\": \"azurerm_mssql_managed_instance\","
                + " \"name\": \"mi\", \"values\": {\"name\": \"sqlmi\", \"sku_name\": \"GP_Gen5\", \"vcores\": 4}}]}},"
                + " \"configuration\": {\"root_module\": {\"resources\": [{\"address\": \"azurerm_mssql_managed_instance.mi\","
                + " \"mode\": \"managed\", \"type\": \"azurerm_mssql_managed_instance\", \"name\": \"mi\","
                + " \"expressions\": {\"subnet_id\": {\"references\": [\"azurerm_subnet.s.id\", \"azurerm_subnet.s\"]}}}]}}}";
        Design d = parse(json);
        assertThat(d.managedInstances().get(0).subnetId()).isNull();
        assertThat(d.importNotes()).filteredOn(n -> n.resource().equals("managedInstances/sqlmi")).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("IMPORT-MISSING-REF");
            assertThat(n.message()).contains("cannot tell which subnet");
        });
        // Both subnets sit in a VNet that is not in the input: kept in a placeholder, with one note about it.
        assertThat(d.virtualNetworks()).singleElement().satisfies(v -> assertThat(v.subnets()).hasSize(2));
        assertThat(d.importNotes()).filteredOn(n -> n.resource().equals("virtualNetworks/vnet")).hasSize(1);
    }

    private static String sub(int i) {
        return "{\"address\": \"azurerm_subnet.s[" + i + "]\", \"mode\": \"managed\", \"type\": \"azurerm_subnet\", \"name\": \"s\","
                + " \"index\": " + i + ", \"values\": {\"name\": \"s" + i + "\", \"virtual_network_name\": \"vnet\","
                + " \"address_prefixes\": [\"10.0." + i + ".0/24\"]}}";
    }

    @Test
    void aKnownIdOfAResourceNotInTheInputIsKeptAndNoted() throws Exception {
        String json = "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": ["
                + "{\"address\": \"azurerm_sql_managed_instance.old\", \"mode\": \"managed\", \"type\": \"azurerm_sql_managed_instance\","
                + " \"name\": \"old\", \"values\": {\"id\": \"/x/managedInstances/old\", \"name\": \"old\", \"sku_name\": \"BC_Gen5\","
                + " \"vcores\": 8, \"subnet_id\": \"" + SUBNET_ID + "\"}}]}}}";
        Design d = parse(json);
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.tier()).isEqualTo(ManagedInstance.Tier.BUSINESS_CRITICAL);
        assertThat(m.subnetId()).isEqualTo(SUBNET_ID);
        assertThat(notes(d)).singleElement().asString().contains(SUBNET_ID).contains("not in the input");
    }

    @Test
    void aDataSourceSubnetBringsItsOwnLinks() throws Exception {
        String nsgId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg-mi";
        String json = "{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": ["
                + "{\"address\": \"data.azurerm_subnet.mi\", \"mode\": \"data\", \"type\": \"azurerm_subnet\", \"name\": \"mi\","
                + " \"values\": {\"id\": \"" + SUBNET_ID + "\", \"name\": \"subnet-mi\", \"virtual_network_name\": \"vnet-mi\","
                + " \"address_prefixes\": [\"10.0.0.0/24\"], \"network_security_group_id\": \"" + nsgId + "\", \"route_table_id\": \"\"}},"
                + "{\"address\": \"azurerm_network_security_group.mi\", \"mode\": \"managed\", \"type\": \"azurerm_network_security_group\","
                + " \"name\": \"mi\", \"values\": {\"id\": \"" + nsgId.toUpperCase() + "\", \"name\": \"nsg-mi\", \"security_rule\": []}}]}}}";
        Design d = parse(json);
        Subnet s = d.subnets().findFirst().orElseThrow();
        assertThat(d.securityGroup(s.nsgId())).isPresent();
        assertThat(s.routeTableId()).isNull(); // "" means none
        assertThat(d.vnetOf(s).orElseThrow().name()).isEqualTo("vnet-mi"); // placeholder from the subnet's id
    }

    @Test
    void formatIsDetectedForPlansAndStates() throws Exception {
        for (String f : List.of("plan.json", "state.json", "plan-module.json")) {
            assertThat(Format.detect(JsonSource.read(DIR.resolve(f)).root())).isEqualTo(Format.TERRAFORM);
        }
    }

    @Test
    void wrongShapesAndEmptyInputAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> parse("{\"format_version\": \"1.0\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("neither planned_values");
        assertThatThrownBy(() -> parse("{\"format_version\": \"1.0\", \"values\": {\"root_module\": {}}}"))
                .isInstanceOf(InputException.class).hasMessageContaining("no azurerm virtual network");
        assertThatThrownBy(() -> parse("{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [\n"
                + "{\"type\": \"azurerm_network_security_group\", \"name\": \"n\", \"values\": {\"name\": \"n\", \"security_rule\": [\n"
                + "  {\"name\": \"r\", \"priority\": 100, \"direction\": \"In\"}]}}]}}}"))
                .isInstanceOf(InputException.class).hasMessage("tf.json:3:47: direction must be Inbound or Outbound, not 'In'");
        assertThatThrownBy(() -> parse("{\"format_version\": \"1.0\", \"values\": {\"root_module\": {\"resources\": [\n"
                + "{\"type\": \"azurerm_route_table\", \"name\": \"t\", \"values\": {\"name\": \"t\", \"route\": {\"name\": \"x\"}}}]}}}"))
                .isInstanceOf(InputException.class).hasMessage("tf.json:2:79: 'route' must be a list, not an object");
    }
}
