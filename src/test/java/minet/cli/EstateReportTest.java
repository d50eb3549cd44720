package minet.cli;

import static minet.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import minet.bench.Estate;
import minet.cli.CliTest.Run;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.model.Design;
import minet.model.DesignState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estate from Azure Resource Graph: 12 MI subnets in 12 subscriptions written as az graph query pages. The
 * generator leaves out the management inbound rule of every tenth NSG (0 and 10), so under azure-2019-04 those two
 * rows have one error each and the others none.
 */
class EstateReportTest {
    static final ObjectMapper M = new ObjectMapper();
    @TempDir static Path tmp;
    static Path page1, page2, plain;

    @BeforeAll
    static void pages() throws Exception {
        // 12 subnets make 48 rows; pages of 30 rows as --first 30 would give them
        List<ObjectNode> rows = Estate.rows(12);
        page1 = page(rows.subList(0, 30), "ew0KICAiJGlkIjogIjEi", "p1.json");
        page2 = page(rows.subList(30, rows.size()), null, "p2.json");
        plain = tmp.resolve("plain.json");
        M.writeValue(plain.toFile(), rows);
    }

    private static Path page(List<ObjectNode> rows, String skipToken, String name) throws Exception {
        ObjectNode o = M.createObjectNode();
        o.put("count", rows.size());
        o.putArray("data").addAll(rows);
        if (skipToken != null) o.put("skip_token", skipToken);
        else o.putNull("skip_token");
        o.put("total_records", 48);
        Path p = tmp.resolve(name);
        Files.writeString(p, M.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        return p;
    }

    @Test
    void pagesOfAzGraphQueryMakeOneLiveDesignAsAPlainListDoes() throws Exception {
        Design paged = Importer.load(List.of(page1, page2), ImportOptions.NONE);
        Design list = Importer.load(List.of(plain), ImportOptions.NONE);
        assertThat(paged.state()).isEqualTo(DesignState.LIVE);
        assertThat(paged.virtualNetworks()).hasSize(12);
        assertThat(paged.miSubnets()).hasSize(12).allSatisfy(s -> {
            assertThat(s.delegatedToMi()).isTrue();
            assertThat(paged.securityGroup(s.nsgId())).isPresent();
            assertThat(paged.routeTable(s.routeTableId())).isPresent();
            assertThat(paged.instancesIn(s)).hasSize(1);
        });
        assertThat(paged.securityGroups()).extracting(g -> g.rules().size()).containsOnly(Estate.RULES);
        // the same resources whichever way they were read (their sources name different files)
        assertThat(paged.subnets().map(s -> s.withNsgId(s.nsgId())).map(s -> s.id() + s.addressPrefixes() + s.nsgId() + s.routeTableId()).toList())
                .isEqualTo(list.subnets().map(s -> s.id() + s.addressPrefixes() + s.nsgId() + s.routeTableId()).toList());
        assertThat(paged.securityGroups().stream().map(g -> g.id() + g.rules().size()).toList())
                .isEqualTo(list.securityGroups().stream().map(g -> g.id() + g.rules().size()).toList());
    }

    @Test
    void theTextReportStartsWithATableOfEveryMiSubnet() {
        Run r = run("validate", page1.toString(), page2.toString(), "--profile", "azure-2019-04");
        assertThat(r.code()).isEqualTo(Cli.FINDINGS);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("12 MI subnets in 12 subscriptions, 2 with errors");
        assertThat(lines.get(1)).matches("subscription +vnet +subnet +profile +errors +warnings");
        assertThat(lines.subList(2, 14)).allMatch(l -> l.contains("ManagedInstance") && l.contains("azure-2019-04"));
        assertThat(lines.get(2)).matches("5a000000-0000-4000-8000-000000000000 +vnet-sqlmi-0 +ManagedInstance +azure-2019-04 +1 +0");
        assertThat(lines.get(3)).matches("5a000001-0000-4000-8000-000000000001 +vnet-sqlmi-1 +ManagedInstance +azure-2019-04 +0 +0");
        assertThat(lines.get(12)).matches(".* vnet-sqlmi-10 .* 1 +0");
        assertThat(lines.get(14)).isEmpty();
        assertThat(lines.get(15)).startsWith("Profile azure-2019-04 (chosen by hand); judged as a live configuration");
        // the delegated subnets would be judged by today's rules: said once, not once per network
        assertThat(r.out()).contains("error   MI-NSG-IN-MANAGEMENT  networkSecurityGroups/nsg-sqlmi-10: ")
                .containsOnlyOnce("PROFILE-CHOICE").endsWith("2 errors, 0 warnings, 1 info (profile azure-2019-04)\n");
    }

    @Test
    void jsonAndSarifCarryFullResourceIds() throws Exception {
        Run json = run("validate", page1.toString(), page2.toString(), "--profile", "azure-2019-04", "--format", "json");
        JsonNode root = M.readTree(json.out());
        assertThat(root.get("subnets")).hasSize(12);
        JsonNode row0 = root.get("subnets").get(0);
        assertThat(row0.get("subnetId").asText()).isEqualTo("/subscriptions/5a000000-0000-4000-8000-000000000000/resourceGroups/"
                + "rg-sqlmi-0/providers/Microsoft.Network/virtualNetworks/vnet-sqlmi-0/subnets/ManagedInstance");
        assertThat(row0.get("resourceGroup").asText()).isEqualTo("rg-sqlmi-0");
        assertThat(row0.get("errors").asInt()).isEqualTo(1);
        assertThat(root.get("findings")).filteredOn(f -> f.get("severity").asText().equals("error")).hasSize(2)
                .allSatisfy(f -> assertThat(f.get("resourceId").asText())
                        .matches("/subscriptions/5a0000(00|0a)-.*/providers/Microsoft.Network/networkSecurityGroups/nsg-sqlmi-(0|10)"));
        assertThat(row0.get("profile").asText()).isEqualTo("azure-2019-04");
        assertThat(row0.get("profileReason").asText()).isEqualTo(root.get("profileReason").asText());

        Run sarif = run("validate", page1.toString(), page2.toString(), "--profile", "azure-2019-04", "--format", "sarif");
        JsonNode results = M.readTree(sarif.out()).get("runs").get(0).get("results");
        assertThat(results).hasSize(3); // two errors and the profile choice
        JsonNode logical = results.get(0).get("locations").get(0).get("logicalLocations").get(0);
        assertThat(logical.get("fullyQualifiedName").asText()).startsWith("/subscriptions/").contains("/networkSecurityGroups/nsg-sqlmi-");
        assertThat(logical.get("name").asText()).startsWith("networkSecurityGroups/nsg-sqlmi-");
        assertThat(results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .endsWith("p1.json");
    }

    @Test
    void aDesignWithOneMiSubnetKeepsItsReport() {
        Run r = run("validate", "sample-networks/reference.minet.json", "--profile", "azure-2019-04");
        assertThat(r.out()).doesNotContain("MI subnets in").doesNotContain("subscription ");
    }
}
