package minet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code minet <command>}: the window's engine without the window. Exit codes: 0 ok, 1 errors found, 2 unusable input. */
@Command(name = "minet", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "MI Network Designer: validate, fix, export and trace the network of an Azure SQL Managed Instance.",
        subcommands = {ValidateCommand.class, FixCommand.class, ExportCommand.class, TraceCommand.class,
                SizeCommand.class, RenderCommand.class, DiffCommand.class, RulesCommand.class})
public final class Cli implements Runnable {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int UNUSABLE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --format json, --format SARIF …
        // Refusals list the values as the help text spells them (lower case), not as Java's constants.
        cl.registerConverter(ReportWriter.Format.class, lowerCase(ReportWriter.Format.class));
        cl.registerConverter(RulesCommand.Format.class, lowerCase(RulesCommand.Format.class));
        // A user's mistake on the command line is a message and exit 2, never a stack trace.
        cl.setParameterExceptionHandler((ex, a) -> {
            // Prefixed like every other message of a command: "minet validate: …".
            ex.getCommandLine().getErr().println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return UNUSABLE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("minet: internal error: " + ex);
            return UNUSABLE;
        });
        int rc = cl.execute(args);
        out.flush();
        err.flush();
        return rc;
    }

    public static int run(String... args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static <E extends Enum<E>> CommandLine.ITypeConverter<E> lowerCase(Class<E> type) {
        return value -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value)) return e;
            }
            List<String> known = new ArrayList<>();
            for (E e : type.getEnumConstants()) known.add(e.name().toLowerCase(Locale.ROOT));
            throw new CommandLine.TypeConversionException("unknown format '" + value + "'; use one of " + String.join(", ", known));
        };
    }

    /**
     * Opens the window (no command given). Without a usable display JavaFX throws from its launcher thread; a user
     * in a headless shell gets one line pointing at the commands, exit 2, not a stack trace.
     */
    public static int openWindow(Runnable launch, PrintWriter err) {
        try {
            launch.run();
            return OK;
        } catch (RuntimeException | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("minet: cannot open the window: " + why
                    + "; the commands need no display: run 'minet --help' to list them");
            err.flush();
            return UNUSABLE;
        }
    }

    /** Whether {@code name} is one of the commands (or help): anything else alone on the line is meant as a file. */
    public static boolean isCommand(String name) {
        if ("help".equals(name)) return true;
        // From the annotations, without building picocli's model: this runs before the window opens.
        for (Class<?> c : Cli.class.getAnnotation(Command.class).subcommands()) {
            Command sub = c.getAnnotation(Command.class);
            if (sub != null && (sub.name().equals(name) || java.util.Arrays.asList(sub.aliases()).contains(name))) return true;
        }
        return false;
    }

    /** {@code minet FILE} for a file that is not there: said as every command says it, exit 2 (not a usage error). */
    public static int noSuchFile(String file, PrintWriter err) {
        err.println("minet: " + file + ": no such file (to run a command instead, see 'minet --help')");
        err.flush();
        return UNUSABLE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"minet " + (v == null ? "dev" : v)};
        }
    }
}
