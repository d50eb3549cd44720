package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The exported HCL is parsed with hcl4j (com.bertramlabs.plugins:hcl4j). hcl4j decodes backslash escapes but
 * leaves HCL's template escapes ($${ and %%{) as written, so the test applies that one rule of the HCL spec itself;
 * and it does not read HCL's unicode escapes at all, so the hcl4j run leaves out the one hostile value that needs one
 * (U+0085). The reference tokenizer ({@link Literals#hcl}) checks the full hostile set.
 */
class TerraformExporterTest {

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Map<String, Object>>> parse(String hcl) throws Exception {
        Map<String, Object> m = new HCLParser().parse(hcl);
        return (Map<String, Map<String, Map<String, Object>>>) m.get("resource");
    }

    static String text(Object v) {
        return v == null ? null : v.toString().replace("$${", "${").replace("%%{", "%{");
    }

    @SuppressWarnings("unchecked")
    static List<String> texts(Map<String, Object> block, String one, String many) {
        assertThat(block.containsKey(one) && block.containsKey(many)).as("%s and %s both set", one, many).isFalse();
        if (block.containsKey(one)) return List.of(text(block.get(one)));
        List<String> out = new ArrayList<>();
        if (block.containsKey(many)) {
            ((List<Object>) block.get(many)).forEach(o -> out.add(text(o)));
            assertThat(out).as("%s holds one value", many).hasSizeGreaterThan(1);
        }
        return out;
    }

    static void assertSameRulesAndRoutes(Design d, Map<String, Map<String, Map<String, Object>>> res) {
        List<Map<String, Object>> rules = new ArrayList<>(res.getOrDefault("azurerm_network_security_rule", Map.of()).values());
        List<SecurityRule> expected = d.securityGroups().stream().flatMap(g -> g.rules().stream()).toList();
        assertThat(rules).hasSameSizeAs(expected);
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Object> r = rules.get(i);
            SecurityRule e = expected.get(i);
            assertThat(text(r.get("name"))).isEqualTo(e.name());
            assertThat(((Number) r.get("priority")).intValue()).isEqualTo(e.priority());
            assertThat(text(r.get("direction"))).isEqualTo(e.direction().azure());
            assertThat(text(r.get("access"))).isEqualTo(e.access().azure());
            assertThat(text(r.get("protocol"))).isEqualTo(e.protocol());
            assertThat(text(r.get("description"))).isEqualTo(e.description());
            assertThat(texts(r, "source_port_range", "source_port_ranges")).isEqualTo(e.sourcePorts());
            assertThat(texts(r, "destination_port_range", "destination_port_ranges")).isEqualTo(e.destinationPorts());
            assertThat(texts(r, "source_address_prefix", "source_address_prefixes")).isEqualTo(e.sourcePrefixes());
            assertThat(texts(r, "destination_address_prefix", "destination_address_prefixes")).isEqualTo(e.destinationPrefixes());
        }
        List<Map<String, Object>> routes = new ArrayList<>(res.getOrDefault("azurerm_route", Map.of()).values());
        List<Route> expectedRoutes = d.routeTables().stream().flatMap(t -> t.routes().stream()).toList();
        assertThat(routes).hasSameSizeAs(expectedRoutes);
        for (int i = 0; i < routes.size(); i++) {
            Route e = expectedRoutes.get(i);
            assertThat(text(routes.get(i).get("name"))).isEqualTo(e.name());
            assertThat(text(routes.get(i).get("address_prefix"))).isEqualTo(e.addressPrefix());
            assertThat(text(routes.get(i).get("next_hop_type"))).isEqualTo(e.nextHopType());
            assertThat(text(routes.get(i).get("next_hop_in_ip_address"))).isEqualTo(e.nextHopIpAddress());
        }
        assertThat(res.getOrDefault("azurerm_network_security_group", Map.of()).values())
                .extracting(g -> text(g.get("name"))).containsExactlyElementsOf(d.securityGroups().stream().map(SecurityGroup::name).toList());
        assertThat(res.getOrDefault("azurerm_route_table", Map.of()).values())
                .extracting(t -> text(t.get("name"))).containsExactlyElementsOf(d.routeTables().stream().map(RouteTable::name).toList());
    }

    @Test
    void referenceNetworkParsesAsHclWithStandaloneRulesAndAssociations() throws Exception {
        Design d = Designs.reference();
        String tf = new TerraformExporter().export(d);
        var res = parse(tf);
        assertSameRulesAndRoutes(d, res);
        assertThat(tf).contains("variable \"resource_group_name\"", "variable \"location\"", "source  = \"hashicorp/azurerm\"");
        assertThat(tf).contains("network_security_group_name = azurerm_network_security_group.nsg_nsg_mi.name");
        assertThat(tf).contains("route_table_name    = azurerm_route_table.rt_rt_mi.name");
        // no inline rules in the NSG: they would fight the standalone ones
        assertThat(res.get("azurerm_network_security_group").get("nsg_nsg_mi")).doesNotContainKey("security_rule");
        assertThat(res.get("azurerm_route_table").get("rt_rt_mi")).containsEntry("bgp_route_propagation_enabled", true);
        Map<String, Object> nsgAssoc = res.get("azurerm_subnet_network_security_group_association").get("subnet_vnet_mi_ManagedInstance");
        assertThat(text(nsgAssoc.get("subnet_id"))).isEqualTo("data.azurerm_subnet.subnet_vnet_mi_ManagedInstance.id");
        assertThat(text(nsgAssoc.get("network_security_group_id"))).isEqualTo("azurerm_network_security_group.nsg_nsg_mi.id");
        assertThat((List<?>) nsgAssoc.get("depends_on")).hasSize(9);
        assertThat(res.get("azurerm_subnet_route_table_association")).containsKey("subnet_vnet_mi_ManagedInstance");
        assertThat(tf).contains("data \"azurerm_subnet\" \"subnet_vnet_mi_ManagedInstance\" {\n  name                 = \"ManagedInstance\"\n"
                + "  virtual_network_name = \"vnet-mi\"\n  resource_group_name  = var.resource_group_name\n}");
    }

    @Test
    void hostileTextParsesBackVerbatimAndLeavesTheCodeAlone() throws Exception {
        Design forHcl4j = Designs.shaped(role -> Designs.hostile(role).replace("\u0085", ""));
        assertSameRulesAndRoutes(forHcl4j, parse(new TerraformExporter().export(forHcl4j)));
        String tf = new TerraformExporter().export(Designs.hostile());
        Literals hostile = Literals.hcl(tf);
        assertThat(hostile.skeleton).isEqualTo(Literals.hcl(new TerraformExporter().export(Designs.plain())).skeleton);
        assertThat(hostile.values).containsAll(Designs.HOSTILE);
        for (String line : tf.lines().toList()) {
            if (line.startsWith("resource") || line.startsWith("data")) {
                assertThat(line).matches("(resource|data) \"azurerm_[a-z_]+\" \"[A-Za-z][A-Za-z0-9_]*\" \\{");
            }
        }
    }

    @Test
    void stringEscapes() {
        assertThat(TerraformExporter.string("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(TerraformExporter.string("${x} %{if} $y %z")).isEqualTo("\"$${x} %%{if} $y %z\"");
        assertThat(TerraformExporter.string("l1\nl2")).isEqualTo("\"l1\\nl2\"");
    }

    @Test
    void emptyDesignAndDesignWithoutRouteTable() throws Exception {
        String empty = new TerraformExporter().export(Designs.empty());
        assertThat(new HCLParser().parse(empty)).doesNotContainKey("resource").containsKey("variable");
        Design noRt = Designs.withoutRouteTable(Designs.plain());
        var res = parse(new TerraformExporter().export(noRt));
        assertSameRulesAndRoutes(noRt, res);
        assertThat(res).doesNotContainKeys("azurerm_route_table", "azurerm_subnet_route_table_association");
        assertThat(res.get("azurerm_subnet_network_security_group_association")).hasSize(2);
    }

    @Test
    void atAzuresLimitsEachAssociationWaitsForTheOneBeforeNotForEveryRule() throws Exception {
        Design d = Designs.atLimits();
        var res = parse(new TerraformExporter().export(d));
        assertSameRulesAndRoutes(d, res);
        List<Map<String, Object>> nsgAssoc = new ArrayList<>(res.get("azurerm_subnet_network_security_group_association").values());
        assertThat(nsgAssoc).hasSize(100);
        assertThat((List<?>) nsgAssoc.get(0).get("depends_on")).hasSize(1000);
        assertThat(nsgAssoc.subList(1, 100)).allSatisfy(a -> assertThat((List<?>) a.get("depends_on")).hasSize(1));
        assertThat(text(((List<?>) nsgAssoc.get(1).get("depends_on")).get(0)))
                .isEqualTo("azurerm_subnet_network_security_group_association.subnet_vnet_subnet_0");
        List<Map<String, Object>> rtAssoc = new ArrayList<>(res.get("azurerm_subnet_route_table_association").values());
        assertThat((List<?>) rtAssoc.get(0).get("depends_on")).hasSize(400);
        assertThat(rtAssoc.subList(1, 100)).allSatisfy(a -> assertThat((List<?>) a.get("depends_on")).hasSize(1));
    }

    @Property(tries = 300)
    void stringReadsBackAsItself(@ForAll String s) {
        Literals l = Literals.hcl("x = " + TerraformExporter.string(s));
        assertThat(l.values).containsExactly(s);
    }
}
