package minet;

import minet.cli.Cli;

/**
 * Entry point of the jar. A command runs the CLI; no command opens the window. Kept free of JavaFX types so that
 * a fat jar with JavaFX inside can start (the main class must not extend Application).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            int rc = Cli.openWindow(() -> minet.ui.App.launchWindow(args), new java.io.PrintWriter(System.err, true));
            if (rc != Cli.OK) System.exit(rc);
            return;
        }
        System.exit(Cli.run(args));
    }
}
