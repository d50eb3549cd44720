package minet;

import java.nio.file.Files;
import java.nio.file.Path;
import minet.cli.Cli;

/**
 * Entry point of the jar. A command runs the CLI; no command (or a lone design file) opens the window. Kept free
 * of JavaFX types so that a fat jar with JavaFX inside can start (the main class must not extend Application).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        // No command, or just a design file (what a double-click on a .minet.json passes): the window.
        if (args.length == 0 || (args.length == 1 && args[0].endsWith(".json") && Files.isRegularFile(Path.of(args[0])))) {
            int rc = Cli.openWindow(() -> minet.ui.app.App.launchWindow(args), new java.io.PrintWriter(System.err, true));
            if (rc != Cli.OK) System.exit(rc);
            return;
        }
        System.exit(Cli.run(args));
    }
}
