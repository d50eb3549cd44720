package minet.io.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import minet.bench.ArmImportBenchmark;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.model.Design;
import minet.model.ImportNote;
import org.junit.jupiter.api.Test;

/** A large template's security groups and route tables are built on several threads, with the result of one. */
class ParallelImportTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static Design load(String json, int parallelFrom) throws InputException {
        return ArmImporter.load(List.of(Arm.source("t.json", json)), ImportOptions.NONE, parallelFrom);
    }

    /** n NSGs, each with one rule whose prefix is {@code prefix} (a literal or an expression). */
    static String nsgs(int n, String prefix) {
        StringBuilder rs = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) rs.append(", ");
            rs.append("{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"name\": \"[concat('nsg-', ").append(i).append(")]\", ")
                    .append("\"properties\": {\"securityRules\": [{\"name\": \"r\", \"properties\": {\"priority\": 100, \"direction\": \"Inbound\", ")
                    .append("\"access\": \"Allow\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\": ").append(prefix)
                    .append(", \"destinationAddressPrefix\": \"*\", \"sourcePortRange\": \"*\", \"destinationPortRange\": \"[variables('port')]\"}}]}}");
        }
        return Arm.template("", "\"port\": \"1433\"", rs.toString());
    }

    @Test
    void aLargeTemplateImportsTheSameOnSeveralThreadsAsOnOne() throws Exception {
        String json = MAPPER.writeValueAsString(ArmImportBenchmark.largeTemplate(40, 12, 4, 10));
        Design one = load(json, Integer.MAX_VALUE);
        Design many = load(json, Parallel.FROM);
        assertThat(many).isEqualTo(one);
        assertThat(many.securityGroups()).hasSize(40 + 50);
        assertThat(many.securityGroups().get(0).rules().get(0).source().line()).isPositive();
    }

    @Test
    void notesMadeWhileBuildingKeepTheTemplatesOrder() throws Exception {
        // every rule's prefix is an unsupported function: one note per rule, in template order whatever the threads
        String json = nsgs(40, "\"[reference('x').prefix]\"");
        Design one = load(json, Integer.MAX_VALUE);
        Design many = load(json, Parallel.FROM);
        assertThat(many).isEqualTo(one);
        assertThat(many.importNotes()).extracting(ImportNote::ruleId).containsOnly("IMPORT-FUNCTION").hasSize(40);
        assertThat(many.importNotes().get(0).source().pointer()).startsWith("/resources/0/");
    }

    @Test
    void theFirstErrorInTheTemplateIsTheOneReported() throws Exception {
        StringBuilder json = new StringBuilder(nsgs(40, "\"*\""));
        // NSGs 7 and 30 refer to undeclared variables: one thread meets 7 first, so must several
        String bad7 = json.toString().replaceFirst("\\[concat\\('nsg-', 7\\)\\]", "[variables('seven')]");
        String bad = bad7.replaceFirst("\"\\[concat\\('nsg-', 30\\)\\]\"", "\"x\", \"location\": \"[variables('thirty')]\"");
        assertThatThrownBy(() -> load(bad, Integer.MAX_VALUE)).hasMessageContaining("'seven'");
        assertThatThrownBy(() -> load(bad, Parallel.FROM)).hasMessageContaining("'seven'");
    }
}
