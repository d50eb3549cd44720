package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import minet.io.DesignFile;
import minet.io.export.ArmExporter;
import minet.io.export.ExportFormat;
import minet.io.export.MarkdownExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    static final String REFERENCE = Path.of("sample-networks", "reference.minet.json").toString();

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(rc, out.toString(), err.toString());
    }

    @Test
    void printsOneFormatToStdout() throws Exception {
        Result r = run("export", REFERENCE, "--to", "arm");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(new ArmExporter().export(DesignFile.read(Path.of(REFERENCE))));
        assertThat(new ObjectMapper().readTree(r.out()).get("resources")).hasSize(1 + 9 + 1 + 100 + 1);
    }

    @Test
    void severalFormatsOnStdoutAreHeaded() throws Exception {
        Result r = run("export", REFERENCE, "--to", "csv,markdown");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("==> nsg-and-routes.csv <==\n").contains("\n==> nsg-and-routes.md <==\n")
                .endsWith(new MarkdownExporter().export(DesignFile.read(Path.of(REFERENCE))));
    }

    @Test
    void writesEveryFormatAtomicallyIntoTheDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new/sub");
        Result r = run("export", REFERENCE, "--to", "arm,bicep", "--to", "terraform", "--to", "azcli,powershell,csv,markdown",
                "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Path> expected = Stream.of(ExportFormat.values()).map(f -> out.resolve(f.fileName())).toList();
        assertThat(r.out().lines()).containsExactlyElementsOf(expected.stream().map(Path::toString).toList());
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactlyInAnyOrderElementsOf(expected); // no temp files left
        }
        assertThat(Files.getPosixFilePermissions(out.resolve("nsg-and-routes.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(out.resolve("nsg-and-routes.ps1"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(out.resolve("nsg-and-routes.sh"))).startsWith("#!/usr/bin/env bash\n");
        assertThat(Files.readString(out.resolve("nsg-and-routes.tf"))).contains("azurerm_network_security_rule");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Result r = run("export", REFERENCE, "--to", "arm,yaml");
        assertThat(r.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).contains("unknown export format 'yaml'", "arm, bicep, terraform, azcli, powershell, csv, markdown");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingToIsAUsageError() {
        Result r = run("export", REFERENCE);
        assertThat(r.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).contains("--to");
    }

    @Test
    void unusableInputNamesTheFileAndPositionAndWritesNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"schemaVersion\": 1,\n  \"virtualNetworks\": [ }\n");
        Path out = dir.resolve("out");
        Result r = run("export", bad.toString(), "--to", "arm", "-o", out.toString());
        assertThat(r.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet export: " + bad + ":3:").doesNotContain("Exception", "\tat ");
        assertThat(out).doesNotExist();

        Result missing = run("export", dir.resolve("nope.json").toString(), "--to", "csv");
        assertThat(missing.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(missing.err()).contains("nope.json: no such file");
    }

    @Test
    void aValueNoScriptCanCarryIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        var d = DesignFile.read(Path.of(REFERENCE));
        var nul = d.mapSecurityGroup("nsg-mi", g -> g.withRules(List.of(g.rules().get(0).withDescription("a\0b"))));
        Path in = dir.resolve("nul.minet.json");
        DesignFile.write(in, nul);
        Path out = dir.resolve("out");
        Result r = run("export", in.toString(), "--to", "arm,azcli", "-o", out.toString());
        assertThat(r.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).contains("NUL");
        assertThat(out).doesNotExist();
    }

    @Test
    void unwritableOutputIsReportedPlainly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Result r = run("export", REFERENCE, "--to", "csv", "-o", file.toString());
        assertThat(r.exit()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet export: cannot write " + file.resolve("nsg-and-routes.csv"));
    }
}
