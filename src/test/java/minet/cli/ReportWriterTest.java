package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minet.model.Source;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.RuleInfo;
import minet.rules.Severity;
import org.junit.jupiter.api.Test;

/** The three report formats, on hand-made findings (the rule engine is tested on its own). */
class ReportWriterTest {
    static final ObjectMapper M = new ObjectMapper();

    static final Finding UDR = new Finding("MI-UDR-MANAGEMENT", Severity.ERROR, "routeTables/rt-mi",
            "route table 'rt-mi' does not route 2 management prefixes to Internet",
            Map.of("uncovered", List.of("13.96.0.0/13", "20.0.0.0/8")), "rt-id", Source.of("net/route table.json", "/routes", 12, 5));
    static final Finding ORDER = new Finding("MI-NSG-ORDER", Severity.WARNING, "networkSecurityGroups/nsg-mi/securityRules/x",
            "rule 'x' comes before the mandatory rules", null, "nsg-id", Source.of("nsg.json", "/securityRules/0", 3, 0));
    static final Finding DNS = new Finding("MI-DNS-CUSTOM", Severity.INFO, "virtualNetworks/vnet", "custom DNS confirmed", null, "v", null);
    static final Finding NOTE = new Finding("IMPORT-MISSING-REF", Severity.WARNING, "managedInstances/mi",
            "managed instance 'mi' is in subnet 's', which is not in the input", null, "mi", Source.of("mi.json", "", 1, 1));

    static final List<RuleInfo> CATALOG = List.of(
            new RuleInfo("MI-UDR-MANAGEMENT", Severity.ERROR, "Management prefixes routed to Internet",
                    "Each of the seed's 99 management prefixes is routed to Internet", "add the missing routes"),
            new RuleInfo("MI-NSG-ORDER", Severity.WARNING, "Mandatory rules first", "The mandatory rules come before any other rule",
                    "renumber"),
            new RuleInfo("MI-DNS-CUSTOM", Severity.WARNING, "Custom DNS resolves Azure names", "They must resolve *.core.windows.net", "none"));

    static Report report(Finding... f) {
        return new Report("azure-2019-04", "chosen by hand", minet.model.DesignState.DESIRED, List.of(f), 1000);
    }

    @Test
    void textHasOneLinePerFindingAndASummary() {
        String[] lines = ReportWriter.text(report(UDR, ORDER, DNS)).split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("Profile azure-2019-04 (chosen by hand); judged as a template, plan or drawing: Azure adds its own rules at deployment");
        assertThat(lines[1]).startsWith("error   MI-UDR-MANAGEMENT  routeTables/rt-mi: route table 'rt-mi' does not route")
                .endsWith("(route table.json line 12)");
        assertThat(lines[2]).startsWith("warning MI-NSG-ORDER       networkSecurityGroups/nsg-mi/securityRules/x: rule 'x'");
        assertThat(lines[3]).isEqualTo("info    MI-DNS-CUSTOM      virtualNetworks/vnet: custom DNS confirmed");
        assertThat(lines[4]).isEqualTo("1 error, 1 warning, 1 info (profile azure-2019-04)");
    }

    @Test
    void summaryCountsInTheUsersWords() {
        assertThat(ReportWriter.summary(report(UDR, UDR, ORDER))).isEqualTo("2 errors, 1 warning");
        assertThat(ReportWriter.summary(report())).isEqualTo("0 errors, 0 warnings");
        assertThat(ReportWriter.summary(report(DNS, DNS))).isEqualTo("0 errors, 0 warnings, 2 infos");
    }

    @Test
    void jsonFollowsTheOutputContractExactly() throws Exception {
        JsonNode root = M.readTree(ReportWriter.json(report(UDR, ORDER, DNS)));
        assertThat(fieldNames(root)).containsExactly("profile", "profileReason", "state", "findings", "summary");
        assertThat(root.get("profile").asText()).isEqualTo("azure-2019-04");
        assertThat(root.get("profileReason").asText()).isEqualTo("chosen by hand");
        assertThat(root.get("state").asText()).isEqualTo("desired");
        JsonNode f = root.get("findings").get(0);
        assertThat(fieldNames(f)).containsExactly("ruleId", "severity", "resource", "message", "details");
        assertThat(f.get("ruleId").asText()).isEqualTo("MI-UDR-MANAGEMENT");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("resource").asText()).isEqualTo("routeTables/rt-mi");
        assertThat(f.get("details").get("uncovered")).extracting(JsonNode::asText).containsExactly("13.96.0.0/13", "20.0.0.0/8");
        assertThat(root.get("findings").get(1).get("details").isObject()).isTrue(); // always an object, empty when none
        assertThat(root.get("findings").get(2).get("severity").asText()).isEqualTo("info");
        JsonNode s = root.get("summary");
        assertThat(fieldNames(s)).containsExactly("errors", "warnings", "infos");
        assertThat(List.of(s.get("errors").asInt(), s.get("warnings").asInt(), s.get("infos").asInt())).containsExactly(1, 1, 1);
    }

    @Test
    void sarifCarriesRulesResultsAndLocations() throws Exception {
        JsonNode root = M.readTree(ReportWriter.sarif(report(UDR, DNS, NOTE), CATALOG));
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = root.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("minet");
        JsonNode rules = driver.get("rules");
        // the catalog's three, then the import note's ID that the catalog does not know
        assertThat(rules).extracting(r -> r.get("id").asText())
                .containsExactly("MI-UDR-MANAGEMENT", "MI-NSG-ORDER", "MI-DNS-CUSTOM", "IMPORT-MISSING-REF");
        JsonNode udrRule = rules.get(0);
        assertThat(udrRule.get("shortDescription").get("text").asText()).isEqualTo("Management prefixes routed to Internet");
        assertThat(udrRule.get("fullDescription").get("text").asText()).startsWith("Each of the seed's 99");
        assertThat(udrRule.get("help").get("text").asText()).isEqualTo("Fix: add the missing routes");
        assertThat(udrRule.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
        assertThat(rules.get(3).get("defaultConfiguration").get("level").asText()).isEqualTo("warning");

        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        for (JsonNode r : results) {
            int i = r.get("ruleIndex").asInt();
            assertThat(rules.get(i).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.get("message").get("text").asText()).isNotBlank();
        }
        JsonNode udr = results.get(0);
        assertThat(udr.get("level").asText()).isEqualTo("error");
        JsonNode loc = udr.get("locations").get(0);
        assertThat(loc.get("physicalLocation").get("artifactLocation").get("uri").asText()).isEqualTo("net/route%20table.json");
        assertThat(loc.get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(12);
        assertThat(loc.get("physicalLocation").get("region").get("startColumn").asInt()).isEqualTo(5);
        assertThat(loc.get("logicalLocations").get(0).get("fullyQualifiedName").asText()).isEqualTo("routeTables/rt-mi");
        assertThat(udr.get("properties").get("details").get("uncovered")).hasSize(2);

        JsonNode dns = results.get(1);
        assertThat(dns.get("level").asText()).isEqualTo("note"); // SARIF has no "info"
        assertThat(dns.get("locations").get(0).has("physicalLocation")).isFalse(); // drawn in the window: no file
        assertThat(dns.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("virtualNetworks/vnet");
    }

    @Test
    void sarifUrisAreRelativeOrFileUris() {
        assertThat(ReportWriter.uri("a b/c.json")).isEqualTo("a%20b/c.json");
        String abs = Path.of("/tmp/x y.json").toAbsolutePath().toString();
        assertThat(ReportWriter.uri(abs)).startsWith("file:").endsWith("x%20y.json");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
