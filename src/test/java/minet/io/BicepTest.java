package minet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .bicep files through the Bicep CLI. The CLI is not installed where these tests run: stand-in executables (small
 * shell scripts written here) check the arguments they are given and answer as the CLI does, with the template
 * bicep build gives for src/test/resources/bicep/main.bicep, an error, or no answer at all.
 */
class BicepTest {
    static final Path DIR = Path.of("src", "test", "resources", "bicep");
    static final Path MAIN = DIR.resolve("main.bicep");
    static final Path COMPILED = DIR.resolve("main.compiled.json").toAbsolutePath();

    @TempDir Path tmp;

    @BeforeEach
    void unix() {
        assumeFalse(System.getProperty("os.name", "").toLowerCase().startsWith("windows"), "the stand-ins are shell scripts");
    }

    @AfterEach
    void clear() {
        System.clearProperty(Bicep.EXECUTABLE_PROPERTY);
        System.clearProperty(Bicep.TIMEOUT_PROPERTY);
    }

    /** An executable {@code name} in {@code dir} running {@code body} under /bin/sh. */
    static Path script(Path dir, String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** bicep build FILE --stdout, and nothing else, gives the compiled template. */
    Path bicep() throws IOException {
        return script(tmp, "bicep", "[ \"$1\" = build ] && [ \"$3\" = --stdout ] && [ -f \"$2\" ] || { echo \"unexpected: $*\" >&2; exit 9; }\n"
                + "cat '" + COMPILED + "'");
    }

    @Test
    void aBicepFileImportsAsItsCompiledTemplateWithPlacesInTheBicepFile() throws Exception {
        System.setProperty(Bicep.EXECUTABLE_PROPERTY, bicep().toString());
        Design d = Importer.load(List.of(MAIN), ImportOptions.NONE);
        assertThat(d.name()).isEqualTo("main");
        SecurityGroup nsg = d.securityGroups().get(0);
        assertThat(nsg.name()).isEqualTo("nsg-bicep-mi");
        // the resource by its symbolic name; rules, subnets by the one line that names them
        assertThat(nsg.source()).extracting(s -> s.file(), s -> s.line(), s -> s.column()).containsExactly(MAIN.toString(), 13, 1);
        assertThat(nsg.rules()).extracting(SecurityRule::name, r -> r.source().line(), r -> r.source().column())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allow_tds_inbound", 20, 9), org.assertj.core.groups.Tuple.tuple("deny_all_inbound", 33, 9));
        Subnet mi = d.miSubnets().get(0);
        assertThat(mi.addressPrefixes()).containsExactly("10.40.0.0/24");
        assertThat(mi.source().line()).isEqualTo(60);
        assertThat(d.virtualNetworks().get(0).source().line()).isEqualTo(49);
        assertThat(d.importNotes()).isEmpty(); // tags is nullable
    }

    @Test
    void azBicepBuildIsUsedWhenOnlyTheAzureCliIsThere() throws Exception {
        Path az = script(tmp, "az", "[ \"$1 $2 $3\" = \"bicep build --file\" ] && [ \"$5\" = --stdout ] || { echo \"unexpected: $*\" >&2; exit 9; }\n"
                + "cat '" + COMPILED + "'");
        assertThat(Bicep.executable(Map.of("PATH", tmp.toString()))).containsExactly(az.toString());
        Bicep b = Bicep.compile(MAIN, List.of(az.toString()), Duration.ofSeconds(30));
        assertThat(b.template().root().path("resources").has("nsg")).isTrue();
        // with both, bicep itself
        Path bicep = bicep();
        assertThat(Bicep.executable(Map.of("PATH", tmp.toString()))).containsExactly(bicep.toString());
    }

    @Test
    void withoutTheCliOneLineSaysWhatToInstall() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(Bicep.executable(Map.of("PATH", empty.toString()))).isNull();
        assertThatThrownBy(() -> Bicep.compile(MAIN, null, Duration.ofSeconds(5)))
                .isInstanceOf(InputException.class)
                .hasMessage(MAIN + ": is a Bicep file, which needs the Bicep CLI to compile: install the Bicep CLI "
                        + "(https://aka.ms/bicep-install, or 'az bicep install' with the Azure CLI), or set MINET_BICEP to the bicep executable");
        System.setProperty(Bicep.EXECUTABLE_PROPERTY, tmp.resolve("no-such-bicep").toString());
        assertThatThrownBy(() -> Importer.load(List.of(MAIN), ImportOptions.NONE)).hasMessageContaining("could not be run").hasMessageContaining("install the Bicep CLI");
    }

    @Test
    void theCompilersErrorIsReportedAtItsPlaceInTheBicepFile() throws Exception {
        Path broken = script(tmp, "bicep", "echo \"$2(7,14) : Error BCP018: Expected the \\\":\\\" character at this location. [https://aka.ms/bicep/core-diagnostics#BCP018]\" >&2\n"
                + "echo \"$2(9,1) : Error BCP007: This declaration type is not recognized.\" >&2\n"
                + "echo \"$2(3,1) : Warning no-unused-params: Parameter is declared but never used.\" >&2\nexit 1");
        assertThatThrownBy(() -> Bicep.compile(MAIN, List.of(broken.toString()), Duration.ofSeconds(30)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.file()).isEqualTo(MAIN.toString());
                    assertThat(ie.line()).isEqualTo(7);
                    assertThat(ie.column()).isEqualTo(14);
                    assertThat(ie.problem()).isEqualTo("bicep build: Expected the \":\" character at this location. (BCP018) (and 1 more error)");
                });
        Path silent = script(tmp, "bicep2", "echo 'something else went wrong' >&2\nexit 3");
        assertThatThrownBy(() -> Bicep.compile(MAIN, List.of(silent.toString()), Duration.ofSeconds(30)))
                .hasMessage(MAIN + ": bicep build failed (exit 3): something else went wrong");
        Path notJson = script(tmp, "bicep3", "echo 'Build succeeded.'");
        assertThatThrownBy(() -> Bicep.compile(MAIN, List.of(notJson.toString()), Duration.ofSeconds(30)))
                .hasMessageStartingWith(MAIN + ": bicep build did not give an ARM template");
    }

    @Test
    void aBuildThatDoesNotFinishIsStoppedAfterTheTimeOut() throws Exception {
        Path pid = tmp.resolve("pid");
        Path hangs = script(tmp, "bicep", "echo $$ > '" + pid + "'\nexec sleep 60");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Bicep.compile(MAIN, List.of(hangs.toString()), Duration.ofSeconds(1)))
                .isInstanceOf(InputException.class).hasMessage(MAIN + ": bicep build did not finish within 1 s; nothing was imported");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        long p = Long.parseLong(Files.readString(pid).strip());
        // the stand-in is gone, not left running
        for (int i = 0; i < 50 && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false); i++) Thread.sleep(100);
        assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void anErrorInTheCompiledTemplateIsReportedInTheBicepFileWhereItCanBeTold() throws Exception {
        // the compiler accepts the name, but it reads no parameter the template declares: the import says where
        Path bad = tmp.resolve("bad.compiled.json");
        Files.writeString(bad, Files.readString(COMPILED).replace("\"name\": \"deny_all_inbound\"", "\"name\": \"[parameters('nope')]\""));
        Path b = script(tmp, "bicep", "cat '" + bad.toAbsolutePath() + "'");
        System.setProperty(Bicep.EXECUTABLE_PROPERTY, b.toString());
        assertThatThrownBy(() -> Importer.load(List.of(MAIN), ImportOptions.NONE))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.file()).isEqualTo(MAIN.toString());
                    // the rule has no literal name any more: its NSG's symbolic name is the nearest place the file shows
                    assertThat(ie.line()).isEqualTo(13);
                    assertThat(ie.problem()).contains("declares no parameter 'nope'").contains("in the template bicep build made of it, line ");
                });
    }
}
