package minet.cli;

import java.util.concurrent.Callable;
import minet.rules.Sizing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minet size --gp N --bc N}: the subnet the plan needs, by the seed's sizing rule. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = "Compute the MI subnet size a plan needs: 5 + 2 per General Purpose + 4 per Business Critical instance, rounded up to a power of two (at least /28).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the size is printed", "2:a negative count, a plan larger than IPv4 or a usage error"})
public final class SizeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--gp", defaultValue = "0", paramLabel = "N", description = "General Purpose instances.")
    int gp;

    @Option(names = "--bc", defaultValue = "0", paramLabel = "N", description = "Business Critical instances.")
    int bc;

    @Override public Integer call() {
        if (gp < 0 || bc < 0) {
            spec.commandLine().getErr().println("minet size: instance counts cannot be negative");
            return Cli.UNUSABLE;
        }
        Sizing plan = Sizing.of(gp, bc);
        if (plan.prefixLength() < 0) {
            spec.commandLine().getErr().println("minet size: " + plan.needed() + " addresses needed: more than the whole IPv4 space (2^32) holds");
            return Cli.UNUSABLE;
        }
        spec.commandLine().getOut().println(plan.describe());
        return Cli.OK;
    }
}
