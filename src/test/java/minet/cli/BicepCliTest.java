package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command takes a .bicep file; the Bicep CLI is a stand-in script here (see minet.io.BicepTest). */
class BicepCliTest {
    static final Path MAIN = Path.of("src", "test", "resources", "bicep", "main.bicep");
    static final Path COMPILED = Path.of("src", "test", "resources", "bicep", "main.compiled.json").toAbsolutePath();

    @TempDir Path dir;

    @BeforeEach
    void standIn() throws Exception {
        assumeFalse(System.getProperty("os.name", "").toLowerCase().startsWith("windows"), "the stand-in is a shell script");
        Path bicep = dir.resolve("bicep");
        Files.writeString(bicep, "#!/bin/sh\n[ \"$1\" = build ] && [ \"$3\" = --stdout ] || exit 9\ncat '" + COMPILED + "'\n");
        Files.setPosixFilePermissions(bicep, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty("minet.bicep", bicep.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("minet.bicep");
    }

    @Test
    void validateFixExportTraceAndDiffTakeABicepFile() {
        // the deny-all at 4096 leaves no management rule: errors, each at its line in main.bicep
        RealWorldCliTest.Run v = RealWorldCliTest.run("validate", MAIN.toString(), "--profile", "azure-2019-04");
        assertThat(v.code()).as(v.err()).isEqualTo(Cli.FINDINGS);
        assertThat(v.out()).contains("(main.bicep line 13)").contains("errors");
        RealWorldCliTest.noStackTrace(v);

        Path fixed = dir.resolve("fixed.minet.json");
        RealWorldCliTest.Run fix = RealWorldCliTest.run("fix", MAIN.toString(), "-o", fixed.toString());
        assertThat(fix.code()).as(fix.out() + fix.err()).isIn(Cli.OK, Cli.FINDINGS);
        assertThat(fixed).exists();

        RealWorldCliTest.Run export = RealWorldCliTest.run("export", MAIN.toString(), "--to", "arm");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("nsg-bicep-mi");

        RealWorldCliTest.Run trace = RealWorldCliTest.run("trace", MAIN.toString(), "--from", "10.40.1.4", "--to", "10.40.0.10", "--port", "1433");
        assertThat(trace.out()).contains("allow_tds_inbound");

        RealWorldCliTest.Run diff = RealWorldCliTest.run("diff", MAIN.toString(), fixed.toString());
        assertThat(diff.code()).as(diff.err()).isIn(Cli.OK, Cli.FINDINGS);
        RealWorldCliTest.noStackTrace(diff);
    }

    @Test
    void aMissingCompilerIsOneLineAndExit2() {
        System.setProperty("minet.bicep", dir.resolve("not-installed").toString());
        RealWorldCliTest.Run v = RealWorldCliTest.run("validate", MAIN.toString());
        assertThat(v.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(v.err().strip().lines()).singleElement().asString()
                .startsWith("minet validate: " + MAIN + ": is a Bicep file, and ").contains("install the Bicep CLI");
    }
}
