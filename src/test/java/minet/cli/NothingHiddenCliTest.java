package minet.cli;

import static minet.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import minet.cli.CliTest.Run;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.Lists;
import minet.model.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken link, name or ID is an error in every output format and stops an export before it writes anything; a
 * name cannot act on the terminal the report is printed on.
 */
class NothingHiddenCliTest {
    static final ObjectMapper M = new ObjectMapper();
    static final Path DENY_FIRST = Path.of("sample-networks/broken/deny-first.minet.json");
    static final Path REFERENCE = Path.of("sample-networks/reference.minet.json");

    @TempDir Path tmp;

    Path design(Path from, UnaryOperator<Design> edit) throws Exception {
        Path f = Files.createTempFile(tmp, "design", ".minet.json");
        DesignFile.write(f, edit.apply(DesignFile.read(from)));
        return f;
    }

    @Test
    void anInstanceWhoseSubnetIdHasATypoIsAnErrorInEveryFormat() throws Exception {
        Path f = design(DENY_FIRST, d -> d.mapManagedInstance("sqlmi-ref", m -> m.withSubnetId("vnet-mi/NoSuchSubnet")));

        Run text = run("validate", f.toString());
        assertThat(text.code()).isEqualTo(Cli.FINDINGS);
        assertThat(text.out()).containsPattern("error +NET-REFERENCE +managedInstances/sqlmi-ref: Managed instance 'sqlmi-ref' is in subnet 'vnet-mi/NoSuchSubnet'");

        Run json = run("validate", f.toString(), "--format", "json");
        assertThat(json.code()).isEqualTo(Cli.FINDINGS);
        JsonNode finding = M.readTree(json.out()).get("findings").get(0);
        assertThat(finding.get("ruleId").asText()).isEqualTo("NET-REFERENCE");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("details").get("subnetId").asText()).isEqualTo("vnet-mi/NoSuchSubnet");

        Run sarif = run("validate", f.toString(), "--format", "sarif");
        assertThat(sarif.code()).isEqualTo(Cli.FINDINGS);
        JsonNode run = M.readTree(sarif.out()).get("runs").get(0);
        assertThat(run.get("results").get(0).get("ruleId").asText()).isEqualTo("NET-REFERENCE");
        assertThat(run.get("results").get(0).get("level").asText()).isEqualTo("error");
        assertThat(run.get("tool").get("driver").get("rules").findValuesAsText("id")).contains("NET-REFERENCE", "NET-NAME", "NET-DUPLICATE");
    }

    @Test
    void exportRefusesWhatAzureWouldNotTakeNamingTheElementAndWritesNothing() throws Exception {
        record Case(UnaryOperator<Design> edit, String says) {}
        List<Case> cases = List.of(
                new Case(d -> d.mapSecurityGroup("nsg-mi", g -> g.withName(null)),
                        "cannot export: network security group 1 of 1 (ID 'nsg-mi') has no name"),
                new Case(d -> d.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.replaceFirst(t.routes(), r -> true, r -> r.withName(null)))),
                        "cannot export: route 1 of route table 'rt-mi' has no name"),
                new Case(d -> d.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.replaceFirst(t.routes(), r -> true, r -> r.withAddressPrefix(null)))),
                        "cannot export: route 1 of route table 'rt-mi' ('subnet_to_vnetlocal') has no address prefix"),
                new Case(d -> d.mapSubnet("vnet-mi/ManagedInstance", s -> s.withName(null)),
                        "cannot export: subnet with ID 'vnet-mi/ManagedInstance' has no name"),
                new Case(d -> d.withSecurityGroups(List.of(d.securityGroups().get(0),
                                new minet.model.SecurityGroup("nsg-2", "NSG-MI", null, List.of(), null))),
                        "cannot export: two network security groups are named 'NSG-MI' and 'nsg-mi'"),
                new Case(d -> d.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.plus(t.routes(), Route.of("Subnet_To_VnetLocal", "10.0.9.0/24", "VnetLocal")))),
                        "cannot export: two routes of route table 'rt-mi' are named 'Subnet_To_VnetLocal' and 'subnet_to_vnetlocal'"));
        for (Case c : cases) {
            Path in = design(REFERENCE, c.edit());
            Path out = tmp.resolve("out-" + in.getFileName());
            Run r = run("export", in.toString(), "--to", "arm,azcli,csv", "-o", out.toString());
            assertThat(r.code()).as(c.says()).isEqualTo(Cli.UNUSABLE);
            assertThat(r.err()).as(c.says()).startsWith("minet export: " + c.says()).doesNotContain("Exception");
            assertThat(out).doesNotExist();
            Run stdout = run("export", in.toString(), "--to", "markdown");
            assertThat(stdout.code()).isEqualTo(Cli.UNUSABLE);
            assertThat(stdout.out()).isEmpty();
            // validation reports the same, so a pipeline stops before the export
            assertThat(run("validate", in.toString()).code()).as(c.says()).isEqualTo(Cli.FINDINGS);
        }
    }

    @Test
    void aRouteWithoutAnAddressPrefixIsAnError() throws Exception {
        Path f = design(REFERENCE, d -> d.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.replaceFirst(t.routes(), r -> true, r -> r.withAddressPrefix(null)))));
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(Cli.FINDINGS);
        assertThat(r.out()).containsPattern("NET-ADDRESS +routeTables/rt-mi/routes/subnet_to_vnetlocal: Route 'subnet_to_vnetlocal' in route table 'rt-mi' has no address prefix\n");
    }

    @Test
    void aPrefixLengthThatWrapsAroundIsInvalidNotSlash8() throws Exception {
        Path f = design(REFERENCE, d -> d.mapRouteTable("rt-mi", t -> t.withRoutes(
                Lists.plus(t.routes(), Route.of("wrapped", "52.0.0.0/4294967304", "VirtualNetworkGateway")))));
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(Cli.FINDINGS);
        // read as /8 it would divert the management prefix 52.0.0.0/8 (MI-UDR-CONFLICT); it is no prefix at all
        assertThat(r.out()).contains("routeTables/rt-mi/routes/wrapped: Route 'wrapped' in route table 'rt-mi' has address prefix '52.0.0.0/4294967304'")
                .doesNotContain("MI-UDR-CONFLICT");
    }

    @Test
    void namesCannotClearTheScreenOrForgeAFindingLine() throws Exception {
        String hostile = "nsg\u001b[2J\u001b[H\nerror   FAKE-RULE  all clear\u202e";
        Path f = design(REFERENCE, d -> d.mapSecurityGroup("nsg-mi", g -> g.withName(hostile)));
        Run r = run("validate", f.toString());
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u202e")
                .contains("nsg\\u001B[2J\\u001B[H\\nerror   FAKE-RULE  all clear\\u202E");
        assertThat(r.out().lines()).noneMatch(l -> l.startsWith("error   FAKE-RULE"));
        // the machine formats carry the name as it is, escaped by JSON
        JsonNode json = M.readTree(run("validate", f.toString(), "--format", "json").out());
        assertThat(json.get("findings").findValuesAsText("resource")).contains("networkSecurityGroups/" + hostile);
    }
}
