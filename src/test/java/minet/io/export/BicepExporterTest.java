package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import minet.model.Design;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** No Bicep compiler can be installed here: the output is checked with a reference tokenizer and by its structure. */
class BicepExporterTest {

    @Test
    void referenceNetworkHasParamsChildResourcesAndAnExistingVnet() {
        String b = new BicepExporter().export(Designs.reference());
        assertThat(b).contains("param location string = 'westeurope'", "param nsgName_nsg_mi string = 'nsg-mi'",
                "param routeTableName_rt_mi string = 'rt-mi'", "param vnetName_vnet_mi string = 'vnet-mi'");
        assertThat(b).contains("resource vnet_vnet_mi 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {\n  name: vnetName_vnet_mi\n}");
        assertThat(b.split("'Microsoft.Network/networkSecurityGroups/securityRules@", -1)).hasSize(10);
        assertThat(b.split("'Microsoft.Network/routeTables/routes@", -1)).hasSize(101);
        assertThat(b).contains("  parent: nsg_nsg_mi\n  name: 'allow_management_inbound'\n");
        assertThat(b).contains("    destinationPortRanges: [\n      '9000'\n      '9003'\n      '1438'\n      '1440'\n      '1452'\n    ]");
        assertThat(b).doesNotContain("securityRules: [");
        assertThat(b).contains("networkSecurityGroup: {\n      id: nsg_nsg_mi.id\n    }", "routeTable: {\n      id: rt_rt_mi.id\n    }");
        assertThat(b).contains("// A subnet PUT replaces the whole subnet");
        assertThat(b).contains("  dependsOn: [\n    rule_nsg_mi_allow_management_inbound\n");
        // every symbol used is declared once
        Literals l = Literals.bicep(b);
        assertThat(l.values).contains("Management and deployment services (seed: mandatory inbound 'management')");
    }

    @Test
    void subnetKeepsDelegationsEndpointsAndPluralPrefixes() {
        String b = new BicepExporter().export(Designs.plain());
        assertThat(b).contains("    delegations: [\n      {\n        name: 'Microsoft.Sql.managedInstances'\n        properties: {\n          serviceName: 'Microsoft.Sql/managedInstances'\n");
        assertThat(b).contains("    addressPrefixes: [\n      '10.0.1.0/24'\n      '10.0.3.0/24'\n    ]");
        assertThat(b).contains("    serviceEndpoints: [\n      {\n        service: 'Microsoft.Storage'\n      }");
        assertThat(b).contains("sourceApplicationSecurityGroups: [\n      {\n        id: '/subscriptions/s/");
        // the second subnet of the VNet waits for the first
        assertThat(b).containsPattern("dependsOn: \\[[^\\]]*subnet_vnet_subnet1\\n  \\]");
    }

    @Test
    void hostileTextStaysInsideItsQuotes() {
        String hostile = new BicepExporter().export(Designs.hostile());
        String plain = new BicepExporter().export(Designs.plain());
        assertThat(Literals.bicep(hostile).skeleton).isEqualTo(Literals.bicep(plain).skeleton);
        assertThat(Literals.bicep(hostile).values).containsAll(Designs.HOSTILE);
    }

    @Test
    void pastTheTemplateLimitTheFileSaysSo() {
        assertThat(new BicepExporter().export(Designs.atLimits())).contains("// WARNING: 1502 resources, but a deployment holds at most 800.");
        assertThat(new BicepExporter().export(Designs.reference())).doesNotContain("WARNING");
    }

    @Test
    void stringEscapes() {
        assertThat(BicepExporter.string("it's")).isEqualTo("'it\\'s'");
        assertThat(BicepExporter.string("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(BicepExporter.string("${x} $y")).isEqualTo("'\\${x} $y'");
        assertThat(BicepExporter.string("a\nb\u0001")).isEqualTo("'a\\nb\\u{1}'");
    }

    @Test
    void emptyDesignAndDesignWithoutRouteTable() {
        String empty = new BicepExporter().export(Designs.empty());
        assertThat(empty).contains("param location string = resourceGroup().location").doesNotContain("resource ");
        String noRt = new BicepExporter().export(Designs.withoutRouteTable(Designs.plain()));
        assertThat(noRt).doesNotContain("Microsoft.Network/routeTables", "routeTable:");
        assertThat(noRt.split("'Microsoft.Network/virtualNetworks/subnets@", -1)).hasSize(3);
    }

    @Test
    void symbolsAreUniqueEvenWhenNamesSanitiseAlike() {
        Design d = Designs.shaped(role -> switch (role) {
            case "rule1" -> "a-b";
            case "rule2" -> "a.b";
            case "rule3" -> "A_B";
            default -> role;
        });
        List<String> symbols = new BicepExporter().export(d).lines().filter(l -> l.startsWith("resource rule_"))
                .map(l -> l.split(" ")[1]).toList();
        assertThat(symbols).containsExactly("rule_nsg_a_b", "rule_nsg_a_b_2", "rule_nsg_A_B_3");
    }

    @Property(tries = 300)
    void stringReadsBackAsItself(@ForAll String s) {
        Literals l = Literals.bicep("x " + BicepExporter.string(s) + " y");
        assertThat(l.values).containsExactly(s);
    }
}
