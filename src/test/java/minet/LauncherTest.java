package minet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import minet.Launcher.Route;
import minet.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From defect 9: 'minet FILE' with a missing file said "Unmatched argument" and printed the usage. */
class LauncherTest {
    @TempDir Path dir;

    @Test void aMissingFileIsSaidAsSuchInATerminalAndInTheWindowFromTheDesktop() {
        String missing = dir.resolve("design.minet.json").toString();
        assertThat(Launcher.route(new String[] {missing}, true)).isEqualTo(Route.NO_SUCH_FILE);
        assertThat(Launcher.route(new String[] {missing}, false)).as("no console: the window says it").isEqualTo(Route.WINDOW);
        StringWriter err = new StringWriter();
        assertThat(Cli.noSuchFile(missing, new PrintWriter(err))).isEqualTo(Cli.UNUSABLE);
        assertThat(err.toString()).isEqualTo("minet: " + missing + ": no such file (to run a command instead, see 'minet --help')" + System.lineSeparator());
    }

    @Test void filesOpenTheWindowAndCommandsRunTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "{}");
        assertThat(Launcher.route(new String[] {}, true)).isEqualTo(Route.WINDOW);
        assertThat(Launcher.route(new String[] {file.toString()}, true)).isEqualTo(Route.WINDOW);
        for (String command : new String[] {"validate", "fix", "export", "trace", "size", "render", "diff", "rules", "help"}) {
            assertThat(Launcher.route(new String[] {command}, true)).as(command).isEqualTo(Route.COMMAND);
        }
        assertThat(Launcher.route(new String[] {"--help"}, true)).isEqualTo(Route.COMMAND);
        assertThat(Launcher.route(new String[] {"validate", file.toString()}, true)).isEqualTo(Route.COMMAND);
    }
}
