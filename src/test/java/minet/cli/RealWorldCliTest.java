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
import java.util.Map;
import java.util.stream.Stream;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.export.ExportFormat;
import minet.model.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI on the four public quickstart templates, as a user would run it, judged by the 04/2019 document's rules
 * (validate and fix get {@code --profile azure-2019-04}; RealWorldProfilesTest has every era's verdicts).
 */
class RealWorldCliTest {
    static final Path RW = minet.RealWorld.DIR;
    static final String T2019 = RW.resolve("quickstart-101-sqlmi-new-vnet-2019.json").toString();
    static final String NESTED = RW.resolve("quickstart-demo-mi-nested-vnet.json").toString();
    static final String NESTED_PARAMS = RW.resolve("quickstart-demo-mi-nested-vnet.parameters.json").toString();
    static final String SERVICE_AIDED = RW.resolve("quickstart-sqlmi-new-vnet-service-aided.json").toString();
    static final String AZURE_ENV = RW.resolve("quickstart-sql-managed-instance-azure-environment.json").toString();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        if ((args[0].equals("validate") || args[0].equals("fix")) && !List.of(args).contains("--profile")) {
            List<String> a = new ArrayList<>(List.of(args));
            a.addAll(List.of("--profile", "azure-2019-04"));
            args = a.toArray(String[]::new);
        }
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A template's file and the options it needs: the nested one its parameters file, the 2019 and service-aided
     * ones the instance's name (their NSG and route table are named after it, and fix and export write no name
     * that holds an unknown).
     */
    static List<String> input(String template) {
        if (template.equals(NESTED)) return List.of(NESTED, "--parameters", NESTED_PARAMS);
        if (template.equals(T2019) || template.equals(SERVICE_AIDED)) return List.of(template, "--param", "managedInstanceName=sqlmi-1");
        return List.of(template);
    }

    static String[] args(String command, List<String> input, String... more) {
        List<String> a = new ArrayList<>();
        a.add(command);
        a.addAll(input);
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static void noStackTrace(Run r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Errors and warnings per RealWorldVerdictsTest's reasoning: only the 2019 template has no error. */
    static Stream<Arguments> templates() {
        return Stream.of(Arguments.of(T2019, 0, 1, Cli.OK), Arguments.of(NESTED, 2, 1, Cli.FINDINGS),
                Arguments.of(SERVICE_AIDED, 7, 0, Cli.FINDINGS), Arguments.of(AZURE_ENV, 7, 1, Cli.FINDINGS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void validateInEveryFormatGivesTheSameCountsAndTheExitCodeOfItsErrors(String template, int errors, int warnings, int exit) throws Exception {
        Run text = run(args("validate", input(template)));
        assertThat(text.code()).as(text.out()).isEqualTo(exit);
        noStackTrace(text);

        Run json = run(args("validate", input(template), "--format", "json"));
        assertThat(json.code()).isEqualTo(exit);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("profile").asText()).isEqualTo("azure-2019-04");
        assertThat(root.at("/summary/errors").asInt()).isEqualTo(errors);
        assertThat(root.at("/summary/warnings").asInt()).isEqualTo(warnings);
        List<String> ruleIds = new ArrayList<>();
        root.get("findings").forEach(f -> ruleIds.add(f.get("ruleId").asText()));
        // Text names the same rules the JSON has, and ends with the same counts.
        for (String id : ruleIds) assertThat(text.out()).contains(id);
        assertThat(text.out()).contains(errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"))
                .contains("(profile azure-2019-04)");

        Run sarif = run(args("validate", input(template), "--format", "sarif"));
        assertThat(sarif.code()).isEqualTo(exit);
        JsonNode s = JSON.readTree(sarif.out());
        assertThat(s.get("version").asText()).isEqualTo("2.1.0");
        List<String> sarifIds = new ArrayList<>();
        s.at("/runs/0/results").forEach(x -> sarifIds.add(x.get("ruleId").asText()));
        assertThat(sarifIds).containsExactlyInAnyOrderElementsOf(ruleIds);
    }

    @Test
    void nestedTemplateJsonListsTheSevenUncoveredSeedPrefixes() throws Exception {
        Run json = run(args("validate", input(NESTED), "--format", "json"));
        JsonNode udr = null;
        for (JsonNode f : JSON.readTree(json.out()).get("findings")) if (f.get("ruleId").asText().equals("MI-UDR-MANAGEMENT")) udr = f;
        assertThat(udr).isNotNull();
        assertThat(udr.get("resource").asText()).isEqualTo("routeTables/mi-RouteTable");
        List<String> uncovered = new ArrayList<>();
        udr.at("/details/uncovered").forEach(x -> uncovered.add(x.asText()));
        assertThat(uncovered).containsExactly("13.96.0.0/13", "20.0.0.0/8", "51.0.0.0/8", "52.0.0.0/8", "131.253.0.0/16",
                "192.100.102.0/24", "192.100.103.0/24");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void fixThenValidateIsClean_thenExportToArmAndValidateTheExportIsCleanToo(String template) throws Exception {
        Path fixed = dir.resolve("fixed.minet.json");
        Run fix = run(args("fix", input(template), "-o", fixed.toString()));
        assertThat(fix.code()).as(fix.out() + fix.err()).isZero();
        assertThat(fix.out()).contains("Wrote " + fixed);

        Run v = run("validate", fixed.toString(), "--format", "json");
        assertThat(v.code()).as(v.out()).isZero();
        JsonNode summary = JSON.readTree(v.out()).get("summary");
        assertThat(summary.get("errors").asInt()).isZero();
        // The nested template's inbound-management (source SqlManagement) is kept, not widened: the rule with source *
        // that the 04/2019 document requires now decides all its traffic, and NSG-SHADOWED offers to delete it.
        List<String> warnings = new ArrayList<>();
        JSON.readTree(v.out()).get("findings").forEach(f -> { if (f.get("severity").asText().equals("warning")) warnings.add(f.get("resource").asText()); });
        assertThat(warnings).isEqualTo(template.equals(NESTED) ? List.of("networkSecurityGroups/mi-NSG/securityRules/inbound-management") : List.of());

        Path out = dir.resolve("export");
        Run export = run("export", fixed.toString(), "--to", "arm", "-o", out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        Path arm = out.resolve(ExportFormat.ARM.fileName());
        assertThat(arm).exists();
        Run again = run("validate", arm.toString(), "--format", "json");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(JSON.readTree(again.out()).at("/summary/errors").asInt()).isZero();
    }

    /**
     * Exported ARM re-validates to 0 errors only meaningfully if its subnet is still an MI subnet. The delegated
     * templates carry the delegation in the exported subnet resource; the 2019 template's subnet is an MI subnet
     * only because the Microsoft.Sql/managedInstances resource points at it, and the export has no instance.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("delegated")
    void theExportedArmOfADelegatedSubnetStillHasAnMiSubnetForTheValidatorToCheck(String template) throws Exception {
        assertExportKeepsTheMiSubnet(template);
    }

    static Stream<String> delegated() {
        return Stream.of(NESTED, SERVICE_AIDED, AZURE_ENV);
    }

    @Test
    void fixAndExportOfATemplateWithoutItsParametersWriteNothingAndNameTheParameterToGive() {
        // the service-aided quickstart names its NSG SQLMI-{managedInstanceName}-NSG: Azure would refuse that name
        Path fixed = dir.resolve("fixed.minet.json");
        Run fix = run("fix", SERVICE_AIDED, "-o", fixed.toString());
        assertThat(fix.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(fix.err()).contains("nothing was written")
                .contains("networkSecurityGroups/SQLMI-{managedInstanceName}-NSG: name 'SQLMI-{managedInstanceName}-NSG' (quickstart-sqlmi-new-vnet-service-aided.json line ")
                .contains("give --param managedInstanceName=…");
        assertThat(fixed).doesNotExist();
        noStackTrace(fix);
        Path out = dir.resolve("export");
        Run export = run("export", SERVICE_AIDED, "--to", "arm,bicep", "-o", out.toString());
        assertThat(export.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(export.err()).contains("routeTables/SQLMI-{managedInstanceName}-Route-Table: name").contains("give --param managedInstanceName=…");
        assertThat(out.resolve(ExportFormat.ARM.fileName())).doesNotExist();
        // given, both write
        assertThat(run(args("fix", input(SERVICE_AIDED), "-o", fixed.toString())).code()).isZero();
        assertThat(run("export", fixed.toString(), "--to", "arm", "-o", out.toString()).code()).isZero();
    }

    /** The 2019 subnet is an MI subnet by its instance, which the export does not carry: its metadata names the subnet. */
    @Test
    void theExportedArmOfThe2019TemplateStillHasAnMiSubnetForTheValidatorToCheck() throws Exception {
        assertExportKeepsTheMiSubnet(T2019);
    }

    @Test
    void validatingTheExportedArmOfTheFixed2019TemplateWarnsOfNoShadowedRule() {
        // The fix adds allow_redirect_inbound from VirtualNetwork after allow_misubnet_inbound from the MI subnet.
        // The export declares the subnet, not its VNet: VirtualNetwork is then more than the subnet, not equal to it.
        Path fixed = dir.resolve("fixed.minet.json");
        assertThat(run(args("fix", input(T2019), "-o", fixed.toString())).code()).isZero();
        Path out = dir.resolve("export");
        assertThat(run("export", fixed.toString(), "--to", "arm", "-o", out.toString()).code()).isZero();
        Run r = run("validate", out.resolve(ExportFormat.ARM.fileName()).toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).doesNotContain("NSG-SHADOWED").contains("0 errors, 0 warnings");
    }

    private void assertExportKeepsTheMiSubnet(String template) throws Exception {
        Path fixed = dir.resolve("fixed.minet.json");
        assertThat(run(args("fix", input(template), "-o", fixed.toString())).code()).isZero();
        Path out = dir.resolve("export");
        assertThat(run("export", fixed.toString(), "--to", "arm", "-o", out.toString()).code()).isZero();
        Design back = Importer.load(List.of(out.resolve(ExportFormat.ARM.fileName())), new ImportOptions(null, Map.of()));
        assertThat(back.miSubnets()).as("MI subnets of the exported template").hasSize(1);
    }

    @Test
    void traceFromTheManagementServiceToTheMiSubnetOn9000_allowedIn2019_deniedInServiceAided() {
        // 52.1.2.3: a public Azure address (inside the seed's 52.0.0.0/8), as the management service uses.
        Run ok = run("trace", T2019, "--from", "52.1.2.3", "--to", "10.0.0.10", "--port", "9000");
        assertThat(ok.code()).as(ok.out() + ok.err()).isEqualTo(Cli.OK);
        assertThat(ok.out()).contains("allow_management_inbound").contains("Verdict: ALLOWED");

        Run no = run("trace", SERVICE_AIDED, "--from", "52.1.2.3", "--to", "10.0.0.10", "--port", "9000");
        assertThat(no.code()).isEqualTo(Cli.FINDINGS);
        assertThat(no.out()).contains("deny_all_inbound").contains("Verdict: DENIED");
        noStackTrace(no);
    }

    @Test
    void traceToTheNestedTemplateCannotProve9000AllowedBecauseSqlManagementIsNotExpandableOffline() {
        // 52.1.2.3 may or may not be in SqlManagement: rules.md says "indeterminate" rather than guess; not allowed → 1.
        Run r = run(args("trace", input(NESTED), "--from", "52.1.2.3", "--to", "10.0.0.10", "--port", "9000"));
        assertThat(r.code()).isEqualTo(Cli.FINDINGS);
        assertThat(r.out()).contains("Verdict: INDETERMINATE");
    }

    @Test
    void diffOfTheServiceAidedTemplateAndItsFixListsTheAddedRulesAndRoutes() {
        Path fixed = dir.resolve("fixed.minet.json");
        assertThat(run(args("fix", input(SERVICE_AIDED), "-o", fixed.toString())).code()).isZero();
        Run diff = run("diff", SERVICE_AIDED, fixed.toString(), "--param", "managedInstanceName=sqlmi-1");
        assertThat(diff.code()).as(diff.err()).isEqualTo(Cli.FINDINGS);
        assertThat(diff.out()).contains("+ rule SQLMI-sqlmi-1-NSG/allow_management_inbound (100, Inbound, Allow, Tcp * → 10.0.0.0/24: 9000,9003,1438,1440,1452)")
                .contains("+ route SQLMI-sqlmi-1-Route-Table/subnet_to_vnetlocal (10.0.0.0/24 → VnetLocal)")
                .contains("+ route SQLMI-sqlmi-1-Route-Table/mi-216-220-208-20-nexthop-internet (216.220.208.0/20 → Internet)");
        // The traffic part says the management ports are now open.
        assertThat(diff.out()).contains("now allows inbound TCP 1438, 1440, 1452, 9000, 9003");
    }

    @Test
    void diffOfTheNestedTemplateAndItsFixShowsTheChangedRulesAndTheSevenRoutes() {
        Path fixed = dir.resolve("fixed.minet.json");
        assertThat(run(args("fix", input(NESTED), "-o", fixed.toString())).code()).isZero();
        Run diff = run("diff", NESTED, fixed.toString(), "--parameters", NESTED_PARAMS);
        assertThat(diff.code()).as(diff.err()).isEqualTo(Cli.FINDINGS);
        // inbound-management allows 9000… from SqlManagement: kept as written; the 04/2019 rule with source * goes first, saying why.
        assertThat(diff.out()).contains("~ rule mi-NSG/inbound-management: priority 100 → 103; protocol TCP → Tcp").doesNotContain("SqlManagement → *")
                .contains("+ rule mi-NSG/allow_management_inbound (100, Inbound, Allow, Tcp * → 10.0.0.0/24: 9000,9003,1438,1440,1452)"
                        + " — 04/2019 mandatory inbound 'management': any source, as Microsoft's management services connect from public addresses")
                .contains("~ rule mi-NSG/allow-management-outbound")
                .contains("+ route mi-RouteTable/mi-52-8-nexthop-internet (52.0.0.0/8 → Internet)");
        assertThat(diff.out().lines().filter(l -> l.startsWith("+ route "))).hasSize(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void aTruncatedCopyIsRefusedWithFileLineAndColumn_noStackTrace(String template) throws Exception {
        String text = Files.readString(Path.of(template));
        Path cut = dir.resolve("truncated.json");
        Files.writeString(cut, text.substring(0, text.length() / 2));
        for (String command : List.of("validate", "fix", "export", "diff")) {
            List<String> a = new ArrayList<>(List.of(command, cut.toString()));
            if (command.equals("fix")) a.addAll(List.of("-o", dir.resolve("never.minet.json").toString()));
            if (command.equals("export")) a.addAll(List.of("--to", "arm", "-o", dir.resolve("never").toString()));
            if (command.equals("diff")) a.add(cut.toString());
            Run r = run(a.toArray(String[]::new));
            assertThat(r.code()).as(command).isEqualTo(Cli.UNUSABLE);
            assertThat(r.err()).as(command).containsPattern(java.util.regex.Pattern.quote(cut.toString()) + ":\\d+:\\d+: \\S");
            noStackTrace(r);
        }
        // Nothing half-written.
        assertThat(dir.resolve("never.minet.json")).doesNotExist();
        assertThat(dir.resolve("never").resolve(ExportFormat.ARM.fileName())).doesNotExist();
    }

    @Test
    void aTruncatedParametersFileIsRefusedWithItsOwnLineAndColumn() throws Exception {
        String text = Files.readString(Path.of(NESTED_PARAMS));
        Path cut = dir.resolve("truncated.parameters.json");
        Files.writeString(cut, text.substring(0, text.length() / 3));
        Run r = run("validate", NESTED, "--parameters", cut.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(cut.toString()) + ":\\d+:\\d+: malformed JSON");
        noStackTrace(r);
    }
}
