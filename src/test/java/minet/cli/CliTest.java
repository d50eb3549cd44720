package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.io.Importer;
import minet.io.ImportOptions;
import minet.model.Design;
import minet.rules.Catalog;
import minet.rules.Report;
import minet.rules.RuleInfo;
import minet.rules.Severity;
import minet.rules.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI in-process and checks exit codes and output shapes. */
class CliTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String AZ = "src/test/resources/azcli/";
    static final String TF = "src/test/resources/terraform/";
    static final String[] AZ_SET = {AZ + "vnet-show.json", AZ + "nsg-list.json", AZ + "route-table-show.json", AZ + "mi-show.json"};

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static String[] validate(String[] files, String... rest) {
        List<String> all = new ArrayList<>();
        all.add("validate");
        all.addAll(List.of(files));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    static Report expected(String... files) throws Exception {
        Design d = Importer.load(java.util.Arrays.stream(files).map(Path::of).toList(), ImportOptions.NONE);
        return Validator.validate(d, Validator.DEFAULT_PROFILE);
    }

    @Test
    void validateJsonIsTheEnginesReportAndTheExitCodeFollowsItsErrors() throws Exception {
        Run r = run(validate(AZ_SET, "--format", "json"));
        assertThat(r.err()).isEmpty();
        JsonNode root = M.readTree(r.out());
        assertThat(ReportWriterTest.fieldNames(root)).containsExactly("profile", "profileReason", "state", "findings", "summary");
        // az CLI output of MI subnets that are not delegated and carry none of Azure's rules: auto picks the 04/2019 rules.
        assertThat(root.get("profile").asText()).isEqualTo("azure-2019-04");
        assertThat(root.get("profileReason").asText()).contains("no MI subnet is delegated");
        assertThat(root.get("state").asText()).isEqualTo("live");
        Report want = expected(AZ_SET);
        assertThat(root.get("findings")).hasSize(want.findings().size());
        for (JsonNode f : root.get("findings")) {
            assertThat(ReportWriterTest.fieldNames(f)).containsExactly("ruleId", "severity", "resource", "message", "details");
        }
        assertThat(root.get("summary").get("errors").asLong()).isEqualTo(want.errors());
        assertThat(r.code()).isEqualTo(want.hasErrors() ? Cli.FINDINGS : Cli.OK);
    }

    @Test
    void validateSarifParsesWithItsRequiredFields() throws Exception {
        Run r = run("validate", TF + "plan.json", "--format", "SARIF"); // format names are case-insensitive
        JsonNode root = M.readTree(r.out());
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = root.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("minet");
        assertThat(run.get("tool").get("driver").get("rules")).hasSizeGreaterThanOrEqualTo(Catalog.all(run.get("properties").get("profile").asText()).size());
        assertThat(run.get("properties").get("profileReason").asText()).isNotBlank();
        assertThat(run.get("results")).hasSize(expected(TF + "plan.json").findings().size());
        for (JsonNode res : run.get("results")) {
            assertThat(res.has("ruleId") && res.has("level") && res.get("message").has("text")).isTrue();
        }
    }

    @Test
    void validateTextEndsWithTheSummary() throws Exception {
        Run r = run("validate", TF + "state.json");
        String[] lines = r.out().split("\n");
        Report want = expected(TF + "state.json");
        assertThat(lines[0]).isEqualTo(ReportWriter.header(want));
        assertThat(lines[lines.length - 1]).isEqualTo(ReportWriter.summary(want) + " (profile " + want.profile() + ")");
        assertThat(lines).hasSize(want.findings().size() + 2);
    }

    @Test
    void malformedInputIsExitTwoWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("nsg.json");
        Files.writeString(bad, "{\n  \"name\": \"nsg\",\n  \"securityRules\": [,]\n}\n");
        Run r = run("validate", bad.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("minet validate: " + bad + ":3:21: malformed JSON").doesNotContain("at minet.");
    }

    @Test
    void aWrongShapeIsExitTwoWithItsPlace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("rt.json");
        Files.writeString(bad, "{\"name\": \"rt\", \"type\": \"Microsoft.Network/routeTables\",\n \"routes\": {\"name\": \"x\"}}");
        Run r = run("validate", bad.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err().trim()).isEqualTo("minet validate: " + bad + ":2:12: 'routes' must be a list, not an object");
    }

    @Test
    void aMissingFileAndMixedFormatsAreUnusable() {
        Run missing = run("validate", "no/such/file.json");
        assertThat(missing.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(missing.err()).contains("no/such/file.json: no such file");
        Run mixed = run("validate", AZ + "nsg-show.json", TF + "plan.json");
        assertThat(mixed.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(mixed.err()).contains("Terraform JSON").contains("az CLI JSON");
    }

    @Test
    void anUnknownProfileIsExitTwoNamingTheKnownOnes() {
        for (String cmd : List.of("validate", "rules")) {
            Run r = cmd.equals("rules") ? run("rules", "--profile", "azure-1999") : run("validate", "--profile", "azure-1999", AZ + "nsg-show.json");
            assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
            assertThat(r.err()).contains("unknown profile 'azure-1999'; known profiles: auto, latest, " + String.join(", ", Catalog.profiles()));
        }
    }

    @Test
    void usageMistakesAreExitTwo() {
        assertThat(run("validate").code()).isEqualTo(Cli.UNUSABLE); // no FILE
        Run r = run("validate", AZ + "nsg-show.json", "--format", "xml");
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).contains("--format");
        assertThat(run("rules", "--format", "html").code()).isEqualTo(Cli.UNUSABLE);
    }

    @Test
    void inputOptionsCarryFilesParametersFileAndParams() {
        ValidateCommand v = new ValidateCommand();
        new picocli.CommandLine(v).parseArgs("a.json", "b.json", "--parameters", "p.json", "--param", "location=westeurope",
                "--param", "vnetName=v=1");
        assertThat(v.input.files()).containsExactly(Path.of("a.json"), Path.of("b.json"));
        assertThat(v.input.importOptions().parametersFile()).isEqualTo(Path.of("p.json"));
        assertThat(v.input.importOptions().parameters()).containsEntry("location", "westeurope").containsEntry("vnetName", "v=1");
        assertThat(v.profile.name()).isEqualTo(Validator.DEFAULT_PROFILE);
        assertThat(v.format).isEqualTo(ReportWriter.Format.TEXT);
    }

    @Test
    void rulesListsTheCatalogInEachFormat() throws Exception {
        List<RuleInfo> catalog = Catalog.all("azure-2019-04");
        Run json = run("rules", "--format", "json", "--profile", "azure-2019-04");
        assertThat(json.code()).isEqualTo(Cli.OK);
        JsonNode root = M.readTree(json.out());
        assertThat(root.get("profile").asText()).isEqualTo("azure-2019-04");
        assertThat(root.get("rules")).hasSize(catalog.size());
        Run md = run("rules", "--format", "markdown", "--profile", "azure-2019-04");
        assertThat(md.out()).startsWith("# Rules of profile `azure-2019-04`").contains("| ID | Severity | Title | Requirement | Fix | Source |");
        assertThat(md.out().lines().filter(l -> l.startsWith("| `")).count()).isEqualTo(catalog.size());
        Run text = run("rules", "--profile", "azure-2019-04");
        assertThat(text.code()).isEqualTo(Cli.OK);
        assertThat(text.out()).startsWith("Rules of profile azure-2019-04 — Manual configuration, 04/2019 (" + catalog.size() + ")");
        // Without --profile (auto): every profile, each with its rules.
        JsonNode all = M.readTree(run("rules", "--format", "json").out());
        assertThat(all.get("profiles")).hasSize(Catalog.profiles().size());
        for (JsonNode p : all.get("profiles")) assertThat(p.get("rules")).hasSize(Catalog.all(p.get("profile").asText()).size());
        String allMd = run("rules", "--format", "markdown").out();
        for (String p : Catalog.profiles()) assertThat(allMd).contains("## Profile `" + p + "`");
    }

    @Test
    void rulesFormattersShowEveryField() throws Exception {
        List<RuleInfo> rules = List.of(
                new RuleInfo("MI-SUBNET-NSG", Severity.ERROR, "An NSG is associated", "An NSG | is associated\nwith the subnet", "create one"),
                new RuleInfo("MI-NSG-ORDER", Severity.WARNING, "Mandatory rules first", "before any other rule", "renumber"));
        minet.rules.Profile p = new minet.rules.Profile("p", "P", "a document", false, false, 16, 32, minet.rules.Sizing.SEED, List.of(), List.of(),
                List.of(), "resolve names", rules);
        String md = RulesCommand.markdown(p, false);
        assertThat(md).contains("| `MI-SUBNET-NSG` | error | An NSG is associated | An NSG \\| is associated<br>with the subnet | create one |  |");
        assertThat(md.lines().filter(l -> l.startsWith("| `")).count()).isEqualTo(2);
        String text = RulesCommand.text("p", rules);
        assertThat(text).contains("MI-SUBNET-NSG  error    An NSG is associated").contains("fix: renumber");
        JsonNode json = M.readTree(RulesCommand.json("p", rules));
        assertThat(ReportWriterTest.fieldNames(json.get("rules").get(0))).containsExactly("id", "severity", "title", "requirement", "fix", "source");
        assertThat(json.get("rules").get(1).get("severity").asText()).isEqualTo("warning");
    }
}
