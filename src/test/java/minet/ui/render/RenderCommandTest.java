package minet.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import minet.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render}'s refusals: a user's mistake is a message and exit 2, and nothing is written. (The drawing itself is
 * checked on the FX thread in DiagramPaneFxTest: one toolkit per test JVM.)
 */
class RenderCommandTest {
    @TempDir Path dir;

    String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(rc), out.toString(), err.toString()};
    }

    @Test void aBrokenFileIsNamedWithItsPosition() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"schemaVersion\": 1,\n  \"virtualNetworks\": [ , ]\n}\n");
        Path png = dir.resolve("out.png");
        String[] r = run("render", bad.toString(), "-o", png.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("bad.json:3:").doesNotContain("Exception");
        assertThat(png).doesNotExist();
    }

    @Test void anUnknownThemeOrWidthIsRefused() {
        Path png = dir.resolve("out.png");
        String[] r = run("render", "sample-networks/reference.minet.json", "-o", png.toString(), "--theme", "sepia");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("theme must be light or dark");
        r = run("render", "sample-networks/reference.minet.json", "-o", png.toString(), "--width", "-5");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--width");
        assertThat(png).doesNotExist();
    }

    @Test void anUnknownProfileIsRefusedAndNamesTheKnownOnes() {
        Path png = dir.resolve("out.png");
        String[] r = run("render", "sample-networks/reference.minet.json", "-o", png.toString(), "--profile", "azure-1999-01");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("unknown profile 'azure-1999-01'").contains("azure-2019-04").contains("auto");
        assertThat(png).doesNotExist();
    }

    @Test void theOutputIsRequired() {
        String[] r = run("render", "sample-networks/reference.minet.json");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("-o");
    }
}
