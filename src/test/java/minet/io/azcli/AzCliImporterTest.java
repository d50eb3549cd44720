package minet.io.azcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ExternalNetwork;
import minet.model.ImportNote;
import minet.model.ManagedInstance;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;
import minet.rules.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzCliImporterTest {
    static final Path DIR = Path.of("src", "test", "resources", "azcli");
    static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mi/providers/Microsoft.Network";
    static final String MI_SUBNET = SUB + "/virtualNetworks/vnet-mi/subnets/ManagedInstance";

    static Design load(String... names) throws InputException {
        List<Path> files = new ArrayList<>();
        for (String n : names) files.add(DIR.resolve(n));
        return Importer.load(files, ImportOptions.NONE);
    }

    static Design parse(String json) throws InputException {
        return AzCliImporter.load(List.of(JsonSource.parse("in.json", json.getBytes(StandardCharsets.UTF_8))));
    }

    static List<String> missingRefs(Design d) {
        return d.importNotes().stream().filter(n -> n.ruleId().equals(DesignAssembler.MISSING_REF)).map(ImportNote::message).toList();
    }

    @Test
    void vnetShowGivesSubnetsWithEverythingThatLivesInThem() throws Exception {
        Design d = load("vnet-show.json");
        VirtualNetwork v = d.virtualNetworks().get(0);
        assertThat(v.name()).isEqualTo("vnet-mi");
        assertThat(v.location()).isEqualTo("westeurope");
        assertThat(v.addressSpaces()).containsExactly("10.0.0.0/16");
        assertThat(v.dnsServers()).containsExactly("10.0.1.4", "10.0.1.5");
        assertThat(v.subnets()).extracting(Subnet::name).containsExactly("ManagedInstance", "default", "GatewaySubnet");

        Subnet mi = v.subnets().get(0);
        assertThat(mi.addressPrefixes()).containsExactly("10.0.0.0/24");
        assertThat(mi.nsgId()).endsWith("/networkSecurityGroups/nsg-mi");
        assertThat(mi.routeTableId()).endsWith("/routeTables/rt-mi");
        assertThat(mi.resources()).extracting(SubnetResource::kind).containsExactly(SubnetResource.VIRTUAL_CLUSTER);
        assertThat(d.isMiSubnet(mi)).isTrue(); // through the virtual cluster's navigation link

        Subnet def = v.subnets().get(1);
        assertThat(def.serviceEndpoints()).containsExactly("Microsoft.Storage");
        assertThat(def.resources()).extracting(SubnetResource::kind, SubnetResource::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/networkInterfaces", "vm-jump-nic"),
                org.assertj.core.groups.Tuple.tuple("Microsoft.Network/privateEndpoints", "pe-storage"));
        assertThat(v.subnets().get(2).resources()).extracting(SubnetResource::kind).containsExactly(SubnetResource.GATEWAY);

        assertThat(v.peerings()).singleElement().satisfies(p -> {
            assertThat(p.remoteVnetId()).endsWith("/virtualNetworks/vnet-hub");
            assertThat(p.remoteAddressSpaces()).containsExactly("10.100.0.0/16");
        });
        assertThat(d.externalNetworks()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ExternalNetwork.Kind.PEERED_VNET);
            assertThat(e.name()).isEqualTo("vnet-hub");
        });
        // Both NSGs and the route table are referenced but not given.
        assertThat(missingRefs(d)).hasSize(3).allMatch(m -> m.contains("not in the input"));
        assertThat(d.importNotes()).allMatch(n -> n.severity().equals("warning"));
    }

    @Test
    void nsgShowKeepsTheUsersRulesAndSkipsAzuresDefaults() throws Exception {
        Design d = load("nsg-show.json");
        SecurityGroup g = d.securityGroups().get(0);
        assertThat(g.name()).isEqualTo("nsg-mi");
        assertThat(g.rules()).hasSize(8).noneMatch(r -> r.priorityOr(0) >= 65000);
        SecurityRule mgmt = g.rules().get(0);
        assertThat(mgmt.name()).isEqualTo(Seed.RULE_MANAGEMENT_IN);
        assertThat(mgmt.direction()).isEqualTo(Direction.INBOUND);
        assertThat(mgmt.access()).isEqualTo(Access.ALLOW);
        assertThat(mgmt.protocol()).isEqualTo("Tcp");
        assertThat(mgmt.destinationPorts()).containsExactlyElementsOf(Seed.MANAGEMENT_INBOUND_PORTS);
        assertThat(mgmt.sourcePrefixes()).containsExactly("*");
        assertThat(g.rules(Direction.OUTBOUND)).extracting(SecurityRule::name)
                .containsExactly(Seed.RULE_MANAGEMENT_OUT, Seed.RULE_SUBNET_OUT, "deny_all_outbound");
        // Only an NSG: the design holds no subnet, so there is nothing to miss.
        assertThat(d.virtualNetworks()).isEmpty();
        assertThat(missingRefs(d)).isEmpty();
    }

    @Test
    void everyElementKnowsItsFilePointerAndLine() throws Exception {
        Design d = load("nsg-show.json");
        SecurityRule tds = d.securityGroups().get(0).rules().get(3);
        assertThat(tds.name()).isEqualTo("allow_tds_inbound");
        assertThat(tds.source().file()).endsWith("nsg-show.json");
        assertThat(tds.source().pointer()).isEqualTo("/securityRules/3");
        assertThat(tds.source().line()).isEqualTo(227); // the rule's opening brace in the fixture
        assertThat(tds.source().column()).isEqualTo(5);
        assertThat(d.securityGroups().get(0).source().line()).isEqualTo(1);
    }

    @Test
    void listOutputsGiveEveryResource() throws Exception {
        Design d = load("nsg-list.json");
        assertThat(d.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg-mi", "nsg-app");
        SecurityRule rdp = d.securityGroup(SUB + "/networkSecurityGroups/nsg-app").orElseThrow().rules().get(0);
        assertThat(rdp.sourceAddressPrefix()).isNull();
        assertThat(rdp.sourcePrefixes()).containsExactly("203.0.113.0/24", "198.51.100.7");

        Design mis = load("mi-list.json");
        assertThat(mis.managedInstances()).extracting(ManagedInstance::name, ManagedInstance::tier, ManagedInstance::vCores)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mi-prod", ManagedInstance.Tier.GENERAL_PURPOSE, 8),
                        org.assertj.core.groups.Tuple.tuple("mi-bc", ManagedInstance.Tier.BUSINESS_CRITICAL, 16)); // from sku.name BC_Gen5
    }

    @Test
    void managedInstanceShowReadsItsNetworkFields() throws Exception {
        ManagedInstance m = load("mi-show.json").managedInstances().get(0);
        assertThat(m.subnetId()).isEqualTo(MI_SUBNET);
        assertThat(m.connectionType()).isEqualTo(ManagedInstance.ConnectionType.REDIRECT);
        assertThat(m.publicDataEndpoint()).isFalse();
        assertThat(m.dnsZone()).isEqualTo("1a2b3c4d5e6f");
        assertThat(m.location()).isEqualTo("westeurope");
        ManagedInstance bc = load("mi-list.json").managedInstances().get(1);
        assertThat(bc.connectionType()).isEqualTo(ManagedInstance.ConnectionType.PROXY);
        assertThat(bc.publicDataEndpoint()).isTrue();
    }

    @Test
    void severalFilesMergeIntoOneLinkedDesign() throws Exception {
        Design d = load("vnet-show.json", "nsg-list.json", "route-table-show.json", "mi-show.json", "subnet-list.json");
        assertThat(d.virtualNetworks()).hasSize(1);
        // subnet-list.json repeats two subnets that vnet-show.json already holds: still one each
        assertThat(d.subnets().map(Subnet::name).toList()).containsExactly("ManagedInstance", "default", "GatewaySubnet");
        Subnet mi = d.subnet(MI_SUBNET.toUpperCase()).orElseThrow(); // ids compare without case
        assertThat(d.securityGroup(mi.nsgId()).orElseThrow().name()).isEqualTo("nsg-mi");
        assertThat(d.routeTable(mi.routeTableId()).orElseThrow().routes()).hasSize(101);
        assertThat(d.instancesIn(mi)).extracting(ManagedInstance::name).containsExactly("mi-prod");
        assertThat(d.miSubnets()).containsExactly(mi);
        assertThat(missingRefs(d)).isEmpty();
        assertThat(d.name()).isEqualTo("vnet-show");
    }

    @Test
    void aStandaloneSubnetIsLinkedFromTheNsgAndRouteTableSide() throws Exception {
        String subnet = "{\"id\": \"" + MI_SUBNET + "\", \"name\": \"ManagedInstance\", \"addressPrefix\": \"10.0.0.0/24\","
                + " \"type\": \"Microsoft.Network/virtualNetworks/subnets\"}";
        Path dir = Files.createTempDirectory("az");
        Files.writeString(dir.resolve("subnet.json"), subnet);
        Design d = Importer.load(List.of(dir.resolve("subnet.json"), DIR.resolve("nsg-show.json"), DIR.resolve("route-table-show.json")),
                ImportOptions.NONE);
        Subnet mi = d.subnets().findFirst().orElseThrow();
        assertThat(mi.nsgId()).endsWith("/nsg-mi"); // the NSG's "subnets" list names it
        assertThat(mi.routeTableId()).endsWith("/rt-mi");
        // Its VNet is not in the input: a placeholder holds the subnet, and a note says the address space is unknown.
        assertThat(d.virtualNetworks()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("vnet-mi");
            assertThat(v.addressSpaces()).isEmpty();
        });
        assertThat(missingRefs(d)).singleElement().asString().contains("virtual network 'vnet-mi'");
    }

    @Test
    void armRestShapeWithPropertiesReadsLikeTheFlattenedOne() throws Exception {
        Design d = load("rest-vnet.json", "rest-nsg-list.json");
        Subnet s = d.subnets().findFirst().orElseThrow();
        assertThat(s.addressPrefixes()).containsExactly("10.1.0.0/27");
        assertThat(s.delegations()).containsExactly(Subnet.MI_DELEGATION);
        assertThat(s.delegatedToMi()).isTrue();
        assertThat(s.serviceEndpoints()).containsExactly("Microsoft.Storage");
        assertThat(s.resources()).extracting(SubnetResource::kind, SubnetResource::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Microsoft.Sql/managedInstances", "mi-sa"));
        assertThat(s.resources().get(0).belongsToManagedInstance()).isTrue();
        SecurityGroup g = d.securityGroup(s.nsgId()).orElseThrow();
        assertThat(g.rules()).extracting(SecurityRule::name).containsExactly(
                "Microsoft.Sql-managedInstances_UseOnly_mi-healthprobe-in", "allow_tds_inbound", "deny_all_inbound");
        assertThat(g.rules().get(1).destinationPorts()).containsExactly("1433");
        assertThat(g.rules().get(1).priority()).isEqualTo(1000);
        assertThat(d.virtualNetworks().get(0).peerings().get(0).useRemoteGateways()).isTrue();
        // only the route table is missing
        assertThat(missingRefs(d)).singleElement().asString().contains("route table 'rt-sa'");
    }

    @Test
    void routeTablesAndInstancesReadInTheirArmShapeToo() throws Exception {
        Design d = parse("{\"value\": [{\"name\": \"rt\", \"id\": \"/s/providers/Microsoft.Network/routeTables/rt\","
                + " \"type\": \"Microsoft.Network/routeTables\", \"properties\": {\"disableBgpRoutePropagation\": true,"
                + " \"routes\": [{\"name\": \"nva\", \"properties\": {\"addressPrefix\": \"0.0.0.0/0\","
                + " \"nextHopType\": \"VirtualAppliance\", \"nextHopIpAddress\": \"10.9.0.4\"}}]}},"
                + " {\"name\": \"mi\", \"type\": \"Microsoft.Sql/managedInstances\", \"sku\": {\"name\": \"BC_Gen5\", \"tier\": \"BusinessCritical\"},"
                + " \"properties\": {\"subnetId\": \"/s/providers/Microsoft.Network/virtualNetworks/v/subnets/mi\", \"vCores\": 8,"
                + " \"proxyOverride\": \"Proxy\", \"publicDataEndpointEnabled\": true, \"dnsZone\": \"abc\"}}]}");
        assertThat(d.routeTables().get(0).disableBgpRoutePropagation()).isTrue();
        assertThat(d.routeTables().get(0).routes()).singleElement().satisfies(r -> {
            assertThat(r.nextHopType()).isEqualTo("VirtualAppliance");
            assertThat(r.nextHopIpAddress()).isEqualTo("10.9.0.4");
        });
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.tier()).isEqualTo(ManagedInstance.Tier.BUSINESS_CRITICAL);
        assertThat(m.vCores()).isEqualTo(8);
        assertThat(m.subnetId()).endsWith("/subnets/mi");
        assertThat(m.publicDataEndpoint()).isTrue();
        assertThat(m.hostName()).isEqualTo("mi.abc.database.windows.net");
    }

    @Test
    void aMissingReferenceIsKeptAndNamed() throws Exception {
        Design d = load("mi-show.json");
        assertThat(d.managedInstances().get(0).subnetId()).isEqualTo(MI_SUBNET);
        ImportNote n = d.importNotes().get(0);
        assertThat(n.ruleId()).isEqualTo("IMPORT-MISSING-REF");
        assertThat(n.resource()).isEqualTo("managedInstances/mi-prod");
        assertThat(n.message()).contains(MI_SUBNET);
        assertThat(n.source().line()).isEqualTo(1);
    }

    @Test
    void idsDifferingOnlyInCaseAreOneResource() throws Exception {
        String vnetId = "/subscriptions/s/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/v";
        Design d = parse("[{\"id\": \"" + vnetId + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\","
                + " \"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]},"
                + " \"subnets\": [{\"id\": \"" + vnetId + "/subnets/mi\", \"name\": \"mi\", \"addressPrefix\": \"10.0.0.0/24\"}]},"
                + " {\"id\": \"" + vnetId.toLowerCase() + "/subnets/MI\", \"name\": \"mi\", \"addressPrefix\": \"10.0.0.0/24\","
                + " \"routeTable\": {\"id\": \"" + vnetId.toLowerCase().replace("virtualnetworks/v", "routetables/rt") + "\"}}]");
        assertThat(d.virtualNetworks()).hasSize(1);
        assertThat(d.subnets()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(vnetId + "/subnets/mi"); // the first reading wins …
            assertThat(s.routeTableId()).endsWith("/routetables/rt"); // … and the second fills its gaps
        });
    }

    @Test
    void ruleAndRouteListsJoinTheirParents() throws Exception {
        String nsg = SUB + "/networkSecurityGroups/nsg-mi";
        String rt = SUB + "/routeTables/rt-mi";
        Design d = parse("[{\"id\": \"" + nsg + "\", \"name\": \"nsg-mi\", \"securityRules\": [{\"name\": \"a\", \"priority\": 100,"
                + " \"direction\": \"Inbound\", \"access\": \"Allow\"}]},"
                + " {\"id\": \"" + rt + "\", \"name\": \"rt-mi\", \"type\": \"Microsoft.Network/routeTables\"},"
                // az network nsg rule list: rule "a" again (as the NSG shows it) and a new rule "b"
                + " {\"id\": \"" + nsg + "/securityRules/a\", \"name\": \"a\", \"priority\": 100, \"direction\": \"Inbound\", \"access\": \"Allow\","
                + "  \"type\": \"Microsoft.Network/networkSecurityGroups/securityRules\"},"
                + " {\"id\": \"" + nsg + "/securityRules/b\", \"name\": \"b\", \"priority\": 200, \"direction\": \"Outbound\", \"access\": \"Deny\","
                + "  \"type\": \"Microsoft.Network/networkSecurityGroups/securityRules\"},"
                // az network route-table route list
                + " {\"id\": \"" + rt + "/routes/subnet_to_vnetlocal\", \"name\": \"subnet_to_vnetlocal\", \"addressPrefix\": \"10.0.0.0/24\","
                + "  \"nextHopType\": \"VnetLocal\", \"type\": \"Microsoft.Network/routeTables/routes\"}]");
        assertThat(d.securityGroups().get(0).rules()).extracting(SecurityRule::name).containsExactly("a", "b");
        assertThat(d.routeTables().get(0).routes()).extracting(r -> r.name()).containsExactly(Seed.ROUTE_VNET_LOCAL);
        assertThat(d.importNotes()).isEmpty();
        // Rules whose NSG is not in the input are named in a note, not silently dropped.
        Design alone = parse("[{\"id\": \"" + nsg + "/securityRules/b\", \"name\": \"b\","
                + " \"type\": \"Microsoft.Network/networkSecurityGroups/securityRules\"}]");
        assertThat(alone.importNotes()).singleElement().satisfies(n -> {
            assertThat(n.message()).contains(nsg).contains("left out"); // the id as written, not lower-cased
            assertThat(n.resource()).isEqualTo("networkSecurityGroups/nsg-mi");
        });
    }

    @Test
    void fieldsAndKindsAreFoundWithoutTypeOrId() throws Exception {
        Design d = parse("[{\"name\": \"vnet\", \"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]},"
                + " \"subnets\": [{\"name\": \"mi\", \"addressPrefix\": \"10.0.0.0/24\"}]},"
                + " {\"name\": \"nsg\", \"securityRules\": []}]");
        assertThat(d.virtualNetworks().get(0).subnets().get(0).id()).isEqualTo("vnet/subnets/mi");
        assertThat(d.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg");
    }

    @Test
    void otherResourceTypesAreNotedAndSkipped() throws Exception {
        Design d = parse("[{\"name\": \"nsg\", \"type\": \"Microsoft.Network/networkSecurityGroups\"},"
                + " {\"name\": \"vm1\", \"type\": \"Microsoft.Compute/virtualMachines\"}]");
        assertThat(d.securityGroups()).hasSize(1);
        assertThat(d.importNotes()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("IMPORT-IGNORED");
            assertThat(n.severity()).isEqualTo("info");
            assertThat(n.message()).contains("Microsoft.Compute/virtualMachines").contains("vm1");
        });
    }

    @Test
    void nothingRecognisableIsUnusableInput() {
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(InputException.class).hasMessageStartingWith("in.json: no virtual network");
        assertThatThrownBy(() -> parse("{\"foo\": 1}")).isInstanceOf(InputException.class).hasMessageContaining("no virtual network");
        assertThatThrownBy(() -> parse("42")).isInstanceOf(InputException.class)
                .hasMessage("in.json:1:1: expected az CLI JSON: one resource object or a list of them, not a number");
    }

    @Test
    void wrongShapesNameFileLineAndColumn() {
        assertThatThrownBy(() -> parse("{\"name\": \"nsg\", \"type\": \"Microsoft.Network/networkSecurityGroups\",\n"
                + "  \"securityRules\": 5}"))
                .isInstanceOf(InputException.class).hasMessage("in.json:2:20: 'securityRules' must be a list, not a number");
        assertThatThrownBy(() -> parse("{\"name\": \"nsg\", \"securityRules\": [\n  {\"name\": \"r\", \"priority\": \"high\"}]}"))
                .isInstanceOf(InputException.class).hasMessage("in.json:2:29: 'priority' must be a whole number, not a string");
        assertThatThrownBy(() -> parse("{\"name\": \"nsg\", \"securityRules\": [\n  {\"name\": \"r\", \"direction\": \"Sideways\"}]}"))
                .isInstanceOf(InputException.class).hasMessage("in.json:2:30: direction must be Inbound or Outbound, not 'Sideways'");
        assertThatThrownBy(() -> parse("{\"name\": \"v\", \"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\", {}]}}"))
                .isInstanceOf(InputException.class).hasMessage("in.json:1:67: each entry of 'addressPrefixes' must be a string, not an object");
        assertThatThrownBy(() -> parse("{\"addressPrefix\": \"10.0.0.0/24\", \"name\": \"s\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("subnet 's' has no resource id");
    }

    @Test
    void malformedJsonNamesTheFileAndPosition(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("vnet.json");
        Files.writeString(f, "{\n  \"name\": \"vnet\",\n  \"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"\n}\n");
        assertThatThrownBy(() -> Importer.load(f)).isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.file()).isEqualTo(f.toString());
                    assertThat(ie.line()).isEqualTo(4);
                    assertThat(ie.column()).isEqualTo(1);
                    assertThat(ie.getMessage()).startsWith(f + ":4:1: malformed JSON");
                });
    }
}
