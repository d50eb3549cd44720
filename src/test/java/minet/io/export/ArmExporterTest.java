package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode export(Design d) throws Exception {
        return JSON.readTree(new ArmExporter().export(d));
    }

    private static List<JsonNode> ofType(JsonNode t, String type) {
        return StreamSupport.stream(t.get("resources").spliterator(), false)
                .filter(r -> r.get("type").asText().equals(type)).toList();
    }

    /**
     * The rules and routes the template deploys, read back field by field, also from nested deployments:
     * parent name → child name → properties.
     */
    private static Map<String, Map<String, JsonNode>> children(JsonNode t, String type) {
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        collect(t, new ArmEval(t), type, out);
        return out;
    }

    private static void collect(JsonNode t, ArmEval eval, String type, Map<String, Map<String, JsonNode>> out) {
        for (JsonNode r : t.get("resources")) {
            if (r.get("type").asText().equals(ArmExporter.DEPLOYMENT)) {
                collect(r.at("/properties/template"), eval.inner(r), type, out);
            } else if (r.get("type").asText().equals(type)) {
                String full = eval.string(r.get("name").asText());
                int cut = full.indexOf('/');
                out.computeIfAbsent(full.substring(0, cut), k -> new LinkedHashMap<>())
                        .put(full.substring(cut + 1), eval.tree(r.get("properties")));
            }
        }
    }

    private static List<String> strings(JsonNode props, String one, String many) {
        if (props.has(one)) {
            assertThat(props.has(many)).as("%s and %s both set", one, many).isFalse();
            return List.of(props.get(one).asText());
        }
        List<String> l = new ArrayList<>();
        props.path(many).forEach(n -> l.add(n.asText()));
        if (props.has(many)) assertThat(l).as("%s holds one value: use %s", many, one).hasSizeGreaterThan(1);
        return l;
    }

    private static List<String> ids(JsonNode props, String field) {
        List<String> l = new ArrayList<>();
        props.path(field).forEach(n -> l.add(n.get("id").asText()));
        return l;
    }

    /** The template, deployed with its default parameters, gives each NSG of the design exactly its rules. */
    static void assertSameRulesAndRoutes(Design d, JsonNode t) {
        Map<String, Map<String, JsonNode>> rules = children(t, ArmExporter.RULE);
        Map<String, Map<String, JsonNode>> routes = children(t, ArmExporter.ROUTE);
        for (SecurityGroup g : d.securityGroups()) {
            Map<String, JsonNode> got = rules.getOrDefault(g.name(), Map.of());
            assertThat(got.keySet()).containsExactlyElementsOf(g.rules().stream().map(SecurityRule::name).toList());
            for (SecurityRule r : g.rules()) {
                JsonNode p = got.get(r.name());
                assertThat(p.get("priority").asInt()).isEqualTo(r.priority());
                assertThat(p.get("direction").asText()).isEqualTo(r.direction().azure());
                assertThat(p.get("access").asText()).isEqualTo(r.access().azure());
                assertThat(p.get("protocol").asText()).isEqualTo(r.protocol());
                assertThat(p.path("description").asText(null)).isEqualTo(r.description());
                assertThat(strings(p, "sourceAddressPrefix", "sourceAddressPrefixes")).isEqualTo(r.sourcePrefixes());
                assertThat(strings(p, "destinationAddressPrefix", "destinationAddressPrefixes")).isEqualTo(r.destinationPrefixes());
                assertThat(strings(p, "sourcePortRange", "sourcePortRanges")).isEqualTo(r.sourcePorts());
                assertThat(strings(p, "destinationPortRange", "destinationPortRanges")).isEqualTo(r.destinationPorts());
                assertThat(ids(p, "sourceApplicationSecurityGroups")).isEqualTo(r.sourceApplicationSecurityGroups());
                assertThat(ids(p, "destinationApplicationSecurityGroups")).isEqualTo(r.destinationApplicationSecurityGroups());
            }
        }
        for (RouteTable rt : d.routeTables()) {
            Map<String, JsonNode> got = routes.getOrDefault(rt.name(), Map.of());
            assertThat(got.keySet()).containsExactlyElementsOf(rt.routes().stream().map(Route::name).toList());
            for (Route r : rt.routes()) {
                JsonNode p = got.get(r.name());
                assertThat(p.get("addressPrefix").asText()).isEqualTo(r.addressPrefix());
                assertThat(p.get("nextHopType").asText()).isEqualTo(r.nextHopType());
                assertThat(p.path("nextHopIpAddress").asText(null)).isEqualTo(r.nextHopIpAddress());
            }
        }
        assertThat(rules.keySet()).containsExactlyElementsOf(d.securityGroups().stream()
                .filter(g -> !g.rules().isEmpty()).map(SecurityGroup::name).toList());
    }

    @Test
    void anMiSubnetThatOnlyItsInstanceMakesOneIsNamedInTheMetadataAndImportsAsAnMiSubnet() throws Exception {
        // the reference's MI subnet has no delegation: the instance in it makes it one, and the export has no instance
        Design d = Designs.reference();
        JsonNode t = export(d);
        assertThat(t.at("/metadata/minet/managedInstanceSubnets")).extracting(JsonNode::asText).containsExactly("vnet-mi/ManagedInstance");
        Design back = minet.io.arm.ArmImporter.load(List.of(minet.io.JsonSource.parse("export.json", t.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                minet.io.ImportOptions.NONE);
        assertThat(back.miSubnets()).extracting(minet.model.Subnet::name).containsExactly("ManagedInstance");
        // the VNet given another name at deployment: the one subnet of that name is still the MI subnet
        Design renamed = minet.io.arm.ArmImporter.load(List.of(minet.io.JsonSource.parse("export.json", t.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                new minet.io.ImportOptions(null, Map.of("vnetName_vnet_mi", "vnet-prod")));
        assertThat(renamed.miSubnets()).extracting(minet.model.Subnet::name).containsExactly("ManagedInstance");
        // a delegated subnet carries its delegation: no mark needed
        Design delegated = d.mapSubnet(d.miSubnets().get(0).id(), x -> x.withDelegations(List.of(minet.model.Subnet.MI_DELEGATION)));
        assertThat(export(delegated).at("/metadata/minet").isMissingNode()).isTrue();
        assertThat(new BicepExporter().export(d)).contains("metadata minet = {\n  managedInstanceSubnets: [\n    'vnet-mi/ManagedInstance'\n  ]\n}");
    }

    @Test
    void referenceNetworkIsADeployableTemplateWithRulesAndRoutesAsChildResources() throws Exception {
        Design d = Designs.reference();
        JsonNode t = export(d);
        assertThat(t.get("$schema").asText()).isEqualTo("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        assertThat(t.get("contentVersion").asText()).isEqualTo("1.0.0.0");
        assertThat(t.at("/parameters/location/defaultValue").asText()).isEqualTo("westeurope");
        // rules are not inlined in the parent: a redeploy must not replace the whole rule set
        assertThat(ofType(t, ArmExporter.NSG)).singleElement().satisfies(n -> {
            assertThat(n.at("/properties/securityRules").isMissingNode()).isTrue();
            assertThat(n.get("location").asText()).isEqualTo("[parameters('location')]");
        });
        assertThat(ofType(t, ArmExporter.RT)).singleElement()
                .satisfies(n -> assertThat(n.at("/properties/routes").isMissingNode()).isTrue());
        assertThat(ofType(t, ArmExporter.RULE)).hasSize(9);
        assertThat(ofType(t, ArmExporter.ROUTE)).hasSize(100);
        assertSameRulesAndRoutes(d, t);
        // every rule waits for its NSG, every route for its table
        ArmEval eval = new ArmEval(t);
        for (JsonNode r : ofType(t, ArmExporter.RULE)) {
            assertThat(r.get("dependsOn")).extracting(n -> eval.string(n.asText()))
                    .containsExactly(ArmExporter.NSG + "|nsg-mi");
        }
    }

    @Test
    void subnetResourceKeepsPrefixDelegationsAndEndpointsAndWaitsForTheRules() throws Exception {
        Design d = Designs.plain();
        JsonNode t = export(d);
        ArmEval eval = new ArmEval(t);
        List<JsonNode> subnets = ofType(t, ArmExporter.SUBNET);
        assertThat(subnets).extracting(s -> eval.string(s.get("name").asText())).containsExactly("vnet/subnet1", "vnet/subnet2");
        JsonNode mi = eval.tree(subnets.get(0).get("properties"));
        assertThat(mi.get("addressPrefix").asText()).isEqualTo("10.0.0.0/24");
        assertThat(mi.at("/networkSecurityGroup/id").asText()).isEqualTo(ArmExporter.NSG + "|nsg");
        assertThat(mi.at("/routeTable/id").asText()).isEqualTo(ArmExporter.RT + "|rt");
        assertThat(mi.at("/delegations/0/properties/serviceName").asText()).isEqualTo(Subnet.MI_DELEGATION);
        assertThat(subnets.get(0).get("comments").asText()).contains("replaces the whole subnet");
        List<String> deps = new ArrayList<>();
        subnets.get(0).get("dependsOn").forEach(n -> deps.add(eval.string(n.asText())));
        assertThat(deps).contains(ArmExporter.NSG + "|nsg", ArmExporter.RT + "|rt",
                ArmExporter.RULE + "|nsg|rule1", ArmExporter.RULE + "|nsg|rule3", ArmExporter.ROUTE + "|rt|route2");

        JsonNode app = eval.tree(subnets.get(1).get("properties"));
        assertThat(app.has("addressPrefix")).isFalse();
        assertThat(app.get("addressPrefixes")).extracting(JsonNode::asText).containsExactly("10.0.1.0/24", "10.0.3.0/24");
        assertThat(app.get("serviceEndpoints")).extracting(n -> n.get("service").asText()).containsExactly("Microsoft.Storage", "Microsoft.Sql");
        assertThat(app.has("routeTable")).isFalse();
        // subnets of one VNet go one after the other; the second waits for the rules through the first
        assertThat(subnets.get(1).get("dependsOn")).extracting(n -> eval.string(n.asText()))
                .containsExactly(ArmExporter.NSG + "|nsg", ArmExporter.SUBNET + "|vnet|subnet1");
    }

    @Test
    void pluralFieldsOnlyForSeveralValues() throws Exception {
        JsonNode t = export(Designs.plain());
        JsonNode plural = children(t, ArmExporter.RULE).get("nsg").get("rule2");
        assertThat(plural.has("sourceAddressPrefix")).isFalse();
        assertThat(plural.get("sourceAddressPrefixes")).hasSize(2);
        assertThat(plural.get("destinationPortRanges")).hasSize(3);
        assertThat(plural.get("sourcePortRanges")).hasSize(2);
        JsonNode single = children(t, ArmExporter.RULE).get("nsg").get("rule1");
        assertThat(single.has("destinationPortRanges")).isFalse();
        assertThat(single.get("destinationPortRange").asText()).isEqualTo("1433");
        JsonNode asg = children(t, ArmExporter.RULE).get("nsg").get("rule3");
        assertThat(asg.has("sourceAddressPrefix")).isFalse();
        assertThat(asg.has("sourceAddressPrefixes")).isFalse();
    }

    @Test
    void hostileNamesAndDescriptionsComeBackVerbatim() throws Exception {
        Design d = Designs.hostile();
        JsonNode t = export(d);
        assertSameRulesAndRoutes(d, t);
        // a description that looks like an expression stays a literal
        String raw = new ArmExporter().export(d);
        assertThat(raw).contains("[[concat('pwned')]");
        ArmEval eval = new ArmEval(t);
        assertThat(ofType(t, ArmExporter.SUBNET)).extracting(s -> eval.string(s.get("name").asText()))
                .containsExactly(d.virtualNetworks().get(0).name() + "/" + d.virtualNetworks().get(0).subnets().get(0).name(),
                        d.virtualNetworks().get(0).name() + "/" + d.virtualNetworks().get(0).subnets().get(1).name());
    }

    @Test
    void atAzuresLimitsRulesAndRoutesGoIntoNestedDeploymentsOfAtMost800() throws Exception {
        Design d = Designs.atLimits();
        String raw = new ArmExporter().export(d);
        JsonNode t = JSON.readTree(raw);
        assertThat(t.get("resources").size()).isLessThanOrEqualTo(ArmExporter.MAX_RESOURCES);
        List<JsonNode> parts = ofType(t, ArmExporter.DEPLOYMENT);
        assertThat(parts).hasSize(2);
        ArmEval eval = new ArmEval(t);
        for (JsonNode p : parts) {
            assertThat(p.at("/properties/template/resources").size()).isLessThanOrEqualTo(ArmExporter.MAX_RESOURCES);
            assertThat(p.at("/properties/mode").asText()).isEqualTo("Incremental");
            // inside, nothing depends on a resource the nested template does not declare
            p.at("/properties/template/resources").forEach(r -> assertThat(r.has("dependsOn")).isFalse());
        }
        assertThat(parts.get(0).get("dependsOn")).extracting(n -> eval.string(n.asText())).containsExactly(ArmExporter.NSG + "|nsg");
        assertThat(parts.get(1).get("dependsOn")).extracting(n -> eval.string(n.asText()))
                .containsExactly(ArmExporter.NSG + "|nsg", ArmExporter.RT + "|rt");
        assertSameRulesAndRoutes(d, t);
        // the first subnet waits for both parts, the others for the subnet before them
        List<JsonNode> subnets = ofType(t, ArmExporter.SUBNET);
        assertThat(subnets).hasSize(100);
        assertThat(subnets.get(0).get("dependsOn")).extracting(n -> eval.string(n.asText())).containsExactly(
                ArmExporter.NSG + "|nsg", ArmExporter.DEPLOYMENT + "|nsg-and-routes-part-1", ArmExporter.DEPLOYMENT + "|nsg-and-routes-part-2",
                ArmExporter.RT + "|rt");
        assertThat(subnets.get(1).get("dependsOn")).hasSize(3);
        assertThat(raw.length()).as("ARM's 4 MB template limit").isLessThan(4 * 1024 * 1024);
    }

    @Test
    void literalEscapesOnlyWhatArmWouldEvaluate() {
        assertThat(ArmExporter.literal("[x]")).isEqualTo("[[x]");
        assertThat(ArmExporter.literal("[x")).isEqualTo("[x");
        assertThat(ArmExporter.literal("x]")).isEqualTo("x]");
        assertThat(ArmExporter.expr("it's")).isEqualTo("'it''s'");
    }

    @Test
    void emptyDesignGivesAnEmptyButValidTemplate() throws Exception {
        JsonNode t = export(Designs.empty());
        assertThat(t.get("resources")).isEmpty();
        assertThat(t.at("/parameters/location/defaultValue").asText()).isEqualTo("[resourceGroup().location]");
    }

    @Test
    void designWithoutRouteTableAssociatesOnlyTheNsg() throws Exception {
        JsonNode t = export(Designs.withoutRouteTable(Designs.plain()));
        assertThat(ofType(t, ArmExporter.RT)).isEmpty();
        assertThat(ofType(t, ArmExporter.ROUTE)).isEmpty();
        assertThat(ofType(t, ArmExporter.SUBNET)).allSatisfy(s -> assertThat(s.at("/properties/routeTable").isMissingNode()).isTrue());
    }

    /** The importer's round trip (skipped, not failed, while ArmImporter says "not supported yet"). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"reference", "hostile", "limits"})
    void armImportOfTheExportGivesTheSameRulesRoutesAndAssociations(String which, @TempDir Path dir) throws Exception {
        // '/' separates the segments of a child resource's name in ARM (Azure refuses it in names), so the hostile
        // set goes through the importer without it
        Design d = switch (which) {
            case "reference" -> Designs.reference();
            case "limits" -> Designs.atLimits();
            default -> Designs.shaped(r -> Designs.hostile(r).replace('/', '_'));
        };
        Path f = dir.resolve("nsg-and-routes.json");
        Files.writeString(f, new ArmExporter().export(d));
        Design back;
        try {
            back = Importer.load(List.of(f), ImportOptions.NONE);
        } catch (InputException e) {
            Assumptions.assumeFalse(e.problem().contains("not supported yet"), "needs ARM import");
            throw e;
        }
        for (SecurityGroup g : d.securityGroups()) {
            SecurityGroup got = back.securityGroups().stream().filter(x -> x.name().equals(g.name())).findFirst().orElseThrow();
            assertThat(got.rules()).hasSameSizeAs(g.rules());
            for (SecurityRule r : g.rules()) {
                SecurityRule b = got.rules().stream().filter(x -> x.name().equals(r.name())).findFirst().orElseThrow();
                assertThat(List.of(b.priority(), b.direction(), b.access(), b.protocol(), b.sourcePrefixes(), b.sourcePorts(),
                        b.destinationPrefixes(), b.destinationPorts(), String.valueOf(b.description()),
                        b.sourceApplicationSecurityGroups(), b.destinationApplicationSecurityGroups()))
                        .isEqualTo(List.of(r.priority(), r.direction(), r.access(), r.protocol(), r.sourcePrefixes(), r.sourcePorts(),
                                r.destinationPrefixes(), r.destinationPorts(), String.valueOf(r.description()),
                                r.sourceApplicationSecurityGroups(), r.destinationApplicationSecurityGroups()));
            }
        }
        for (RouteTable rt : d.routeTables()) {
            RouteTable got = back.routeTables().stream().filter(x -> x.name().equals(rt.name())).findFirst().orElseThrow();
            assertThat(got.routes()).extracting(r -> List.of(r.name(), r.addressPrefix(), r.nextHopType(), String.valueOf(r.nextHopIpAddress())))
                    .containsExactlyElementsOf(rt.routes().stream().map(r -> List.of(r.name(), r.addressPrefix(), r.nextHopType(), String.valueOf(r.nextHopIpAddress()))).toList());
            assertThat(got.disableBgpRoutePropagation()).isEqualTo(rt.disableBgpRoutePropagation());
        }
        for (ExportScope.Association a : ExportScope.of(d).associations()) {
            Subnet s = back.subnets().filter(x -> x.name().equals(a.subnet().name())).findFirst().orElseThrow();
            assertThat(s.addressPrefixes()).isEqualTo(a.subnet().addressPrefixes());
            assertThat(s.delegations()).isEqualTo(a.subnet().delegations());
            assertThat(s.serviceEndpoints()).isEqualTo(a.subnet().serviceEndpoints());
            assertThat(back.securityGroup(s.nsgId()).map(SecurityGroup::name)).isEqualTo(java.util.Optional.ofNullable(a.nsg()).map(SecurityGroup::name));
            assertThat(back.routeTable(s.routeTableId()).map(RouteTable::name)).isEqualTo(java.util.Optional.ofNullable(a.routeTable()).map(RouteTable::name));
        }
    }
}
