package minet.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import minet.io.InputException;
import picocli.CommandLine.Model.CommandSpec;

/** How commands report input they cannot use: one line on stderr, {@code file:line:column: problem}, and exit 2. */
public final class Problems {
    private Problems() {}

    public static int unusable(CommandSpec spec, InputException e) {
        spec.commandLine().getErr().println("minet " + spec.name() + ": " + ReportWriter.printable(e.getMessage()));
        return Cli.UNUSABLE;
    }

    /** An output that cannot be written: {@code minet CMD: cannot write TARGET: reason}, and exit 2. */
    public static int cannotWrite(CommandSpec spec, Path target, IOException e) {
        spec.commandLine().getErr().println("minet " + spec.name() + ": cannot write " + ReportWriter.printable(target + ": " + reason(target, e)));
        return Cli.UNUSABLE;
    }

    /** NIO's messages are often just a path (its own or a temp file's); say what went wrong, and where if not the target. */
    static String reason(Path target, IOException e) {
        if (!(e instanceof FileSystemException fse)) return e.getMessage();
        String why = fse.getReason() != null ? fse.getReason().toLowerCase(Locale.ROOT)
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or directory"
                : e.getClass().getSimpleName();
        String where = fse.getFile();
        boolean elsewhere = where != null && !Path.of(where).toAbsolutePath().equals(target.toAbsolutePath());
        return elsewhere ? where + ": " + why : why;
    }
}
