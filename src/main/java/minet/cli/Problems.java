package minet.cli;

import minet.io.InputException;
import picocli.CommandLine.Model.CommandSpec;

/** How commands report input they cannot use: one line on stderr, {@code file:line:column: problem}, and exit 2. */
public final class Problems {
    private Problems() {}

    public static int unusable(CommandSpec spec, InputException e) {
        spec.commandLine().getErr().println("minet " + spec.name() + ": " + e.getMessage());
        return Cli.UNUSABLE;
    }
}
