package minet.cli;

import static minet.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import minet.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets on the command line with bad input: one readable line naming the file, exit 2. */
class CliQaTest {
    static final String REFERENCE = "sample-networks/reference.minet.json";

    @TempDir Path tmp;

    @Test
    void truncatedJsonNamesThePositionWithoutJacksonsInternals() throws Exception {
        Path f = Files.writeString(tmp.resolve("cut.json"), "{\"a\": [1, 2");
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet validate: " + f + ":1:12: malformed JSON")
                .contains("start marker at line 1, column 7")
                .doesNotContain("Source:").doesNotContain("StreamReadFeature");
    }

    @Test
    void aDirectoryGivenAsInputIsCalledADirectoryNotAMissingFile() {
        // a directory is read as a Terraform module: without .tf files it is none
        Run r = run("validate", tmp.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err().strip()).isEqualTo("minet validate: " + tmp + ": is a directory with no .tf or .tf.json file in it: give files, or the directory of a Terraform module");
    }

    @Test
    void fixIntoADirectorySaysSoAndLeavesNoTempFileBehind() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Run r = run("fix", REFERENCE, "-o", dir.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err().strip()).isEqualTo("minet fix: cannot write " + dir + ": is a directory");
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(dir);
        }
    }

    @Test
    void exportUnderAFileNamesTheFileThatIsInTheWay() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Run r = run("export", REFERENCE, "--to", "csv", "-o", file.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err().strip()).isEqualTo("minet export: cannot write " + file.resolve("nsg-and-routes.csv")
                + ": " + file + ": is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aParamWithoutAnEqualsSignIsAUsageErrorThatSaysWhatIsExpected() {
        for (String cmd : new String[] {"validate", "diff"}) {
            String[] args = cmd.equals("diff") ? new String[] {cmd, REFERENCE, REFERENCE, "--param", "location"}
                    : new String[] {cmd, REFERENCE, "--param", "location"};
            Run r = run(args);
            assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
            assertThat(r.err()).startsWith("minet " + cmd + ": --param needs NAME=VALUE, not 'location'")
                    .doesNotContain("option option");
        }
    }

    /** Guards the switch of --param from a picocli map to a checked list: every occurrence still counts. */
    @Test
    void repeatedParamsAllReachTheImporter() {
        String t = "src/test/resources/real-world/quickstart-demo-mi-nested-vnet.json";
        Run r = run("validate", t, "--param", "managedInstanceNSGName=nsg-a", "--param", "managedInstanceRouteTableName=rt-b=c",
                "--format", "json", "--profile", "azure-2019-04");
        assertThat(r.out()).contains("routeTables/rt-b=c")
                .doesNotContain("parameter 'managedInstanceNSGName' has no value")
                .doesNotContain("parameter 'managedInstanceRouteTableName' has no value");
    }

    @Test
    void usageErrorsNameTheSubcommandLikeEveryOtherMessage() {
        Run r = run("trace", REFERENCE, "--from", "10.0.1.4", "--to", "10.0.0.5");
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet trace: Missing required option: '--port=N'");
    }

    @Test
    void sizeRefusesAPlanNoIpv4SubnetCanHoldInsteadOfPrintingANegativePrefix() {
        Run r = run("size", "--gp", "2000000000", "--bc", "2000000000", "--profile", "azure-2019-04");
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("minet size: 12000000005 addresses needed: more than the whole IPv4 space (2^32) holds");
        // The largest plan that still fits is answered, down to /0.
        Run edge = run("size", "--gp", "2147483645", "--profile", "azure-2019-04");
        assertThat(edge.code()).isEqualTo(Cli.OK);
        assertThat(edge.out().strip()).startsWith("4294967295 addresses needed → 4294967296 → /0");
    }

    @Test
    void renderHasHelpAndReportsBadInputLikeTheOtherCommands() throws Exception {
        Run help = run("render", "--help");
        assertThat(help.code()).isEqualTo(Cli.OK);
        assertThat(help.out()).contains("Usage: minet render").contains("--parameters");

        Path cut = Files.writeString(tmp.resolve("cut.json"), "{");
        Path png = tmp.resolve("x.png");
        Run bad = run("render", cut.toString(), "-o", png.toString());
        assertThat(bad.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(bad.err()).startsWith("minet render: " + cut + ":1:");
        assertThat(png).doesNotExist();

        // An ARM template renders with its parameters, as validate reads it.
        Run params = run("render", "src/test/resources/real-world/quickstart-demo-mi-nested-vnet.json",
                "--parameters", tmp.resolve("missing.parameters.json").toString(), "-o", png.toString());
        assertThat(params.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(params.err().strip()).isEqualTo("minet render: " + tmp.resolve("missing.parameters.json") + ": no such file");
    }

    @Test
    void noDisplayIsOneLineAndExit2NotAStackTrace() {
        java.io.StringWriter err = new java.io.StringWriter();
        int rc = Cli.openWindow(() -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        }, new java.io.PrintWriter(err));
        assertThat(rc).isEqualTo(Cli.UNUSABLE);
        assertThat(err.toString().strip()).isEqualTo(
                "minet: cannot open the window: Unable to open DISPLAY; the commands need no display: run 'minet --help' to list them");
        assertThat(Cli.openWindow(() -> { }, new java.io.PrintWriter(err))).isEqualTo(Cli.OK);
    }

    @Test
    void anUnknownFormatListsTheValuesAsTheHelpSpellsThem() {
        Run v = run("validate", REFERENCE, "--format", "xml");
        assertThat(v.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(v.err()).startsWith("minet validate: Invalid value for option '--format': unknown format 'xml'; use one of text, json, sarif");
        Run r = run("rules", "--format", "xml");
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet rules: Invalid value for option '--format': unknown format 'xml'; use one of text, markdown, json");
        assertThat(run("validate", REFERENCE, "--format", "SARIF").out()).contains("\"version\" : \"2.1.0\"");
    }

    @Test
    void oneShadowingRuleDecidesInTheSingular() {
        Run r = run("validate", "sample-networks/broken/shadowed-rule.minet.json");
        assertThat(r.out()).contains("earlier rule 'allow_tds_inbound' already decides all its traffic");
    }

    @Test
    void everyCommandsHelpSaysWhatItDoesInTheImperativeAndListsItsExitCodes() {
        Run root = run("--help");
        java.util.Set<String> verbs = java.util.Set.of("Check", "Apply", "Write", "Follow", "Compute", "Draw", "Compare", "List");
        for (String cmd : new String[] {"validate", "fix", "export", "trace", "size", "render", "diff", "rules"}) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).as(cmd).isEqualTo(Cli.OK);
            String first = r.out().lines().filter(l -> !l.startsWith("Usage:") && !l.startsWith(" ")).findFirst().orElseThrow();
            assertThat(verbs).as(cmd + ": " + first).contains(first.split(" ")[0]);
            assertThat(r.out()).as(cmd).contains("\nExit codes:\n").containsPattern("\n  2 +\\S");
            assertThat(root.out()).containsPattern("\n  " + cmd + " +" + first.split(" ")[0]);
        }
    }

    @Test
    void aDesignOfTheWrongShapeSaysWhichFieldAndWhatItShouldBeWithoutJavaTypeNames() throws Exception {
        String ref = Files.readString(Path.of(REFERENCE));
        Path vnets = Files.writeString(tmp.resolve("vnets.minet.json"), ref.replaceFirst("\"virtualNetworks\": \\[", "\"virtualNetworks\": 5, \"x\": ["));
        Run r = run("validate", vnets.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet validate: " + vnets + ":").contains(": 'virtualNetworks' must be a list, not a number")
                .doesNotContain("java.").doesNotContain("JsonToken");
        Path priority = Files.writeString(tmp.resolve("priority.minet.json"), ref.replaceFirst("\"priority\": 100", "\"priority\": \"high\""));
        Run p = run("validate", priority.toString());
        assertThat(p.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(p.err()).contains(": 'priority' must be a whole number, not a string").doesNotContain("java.");
    }

    @Test
    void aNullSubnetInADesignIsRefusedNotSilentlyDropped() throws Exception {
        String ref = Files.readString(Path.of(REFERENCE));
        Path f = Files.writeString(tmp.resolve("null.minet.json"), ref.replaceFirst("\"subnets\": \\[", "\"subnets\": [null, "));
        Run r = run("validate", f.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet validate: " + f + ":").contains(": item 0 of 'subnets' is null; remove it or give the object");
    }

    /** A read-only directory cannot be staged as root (CI's user); the reason NIO gives for one is checked directly. */
    @Test
    void aReadOnlyTargetReadsAsPermissionDeniedNamingTheDirectoryThatRefused() {
        Path target = Path.of("/ro/out.json");
        // AtomicFiles reports a refused temp file as its directory.
        assertThat(Problems.reason(target, new java.nio.file.AccessDeniedException("/ro"))).isEqualTo("/ro: permission denied");
        assertThat(Problems.reason(target, new java.nio.file.AccessDeniedException("/ro/out.json"))).isEqualTo("permission denied");
        assertThat(Problems.reason(target, new java.nio.file.FileSystemException("/ro/out.json", null, "Read-only file system")))
                .isEqualTo("read-only file system");
    }
}
