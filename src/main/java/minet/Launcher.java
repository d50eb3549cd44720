package minet;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import minet.cli.Cli;

/**
 * Entry point of the jar. A command runs the CLI; no command (or a lone design file) opens the window. Kept free
 * of JavaFX types so that a fat jar with JavaFX inside can start (the main class must not extend Application).
 */
public final class Launcher {
    private Launcher() {}

    /** What a command line asks for. */
    enum Route { WINDOW, COMMAND, NO_SUCH_FILE }

    /**
     * No arguments or one file (what a double-click on a .minet.json passes): the window. One argument that is
     * neither a command nor an option nor an existing file: a file that is not there. Started from a terminal that
     * is said there; started from the desktop (no console) the window opens and says it in a dialog.
     */
    static Route route(String[] args, boolean fromTerminal) {
        if (args.length == 0) return Route.WINDOW;
        if (args.length != 1 || args[0].startsWith("-") || Cli.isCommand(args[0])) return Route.COMMAND;
        if (isFile(args[0])) return Route.WINDOW;
        return fromTerminal ? Route.NO_SUCH_FILE : Route.WINDOW;
    }

    private static boolean isFile(String arg) {
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
        switch (route(args, System.console() != null)) {
            case WINDOW: {
                int rc = Cli.openWindow(() -> minet.ui.app.App.launchWindow(args), err);
                if (rc != Cli.OK) {
                    if (args.length == 1 && !isFile(args[0])) Cli.noSuchFile(args[0], err);
                    System.exit(rc);
                }
                return;
            }
            case NO_SUCH_FILE:
                System.exit(Cli.noSuchFile(args[0], err));
                return;
            default:
                System.exit(Cli.run(args));
        }
    }
}
