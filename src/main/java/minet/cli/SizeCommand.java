package minet.cli;

import java.util.concurrent.Callable;
import minet.rules.Profile;
import minet.rules.Profiles;
import minet.rules.Sizing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minet size --gp N --bc N [--groups N] [--profile P]}: the subnet a plan needs, by the era's sizing formula. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = "Compute the MI subnet size a plan needs by the profile's formula (auto and latest: 5 + 6 per General Purpose + 10 per "
                + "Business Critical instance + 6 per virtual machine group, 09/2025; azure-2019-04: 5 + 2·GP + 4·BC), rounded up to a power "
                + "of two, never below the era's minimum.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the size is printed", "2:a negative count, a plan larger than IPv4 or a usage error"})
public final class SizeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProfileOption profile;

    @Option(names = "--gp", defaultValue = "0", paramLabel = "N", description = "General Purpose instances.")
    int gp;

    @Option(names = "--bc", defaultValue = "0", paramLabel = "N", description = "Business Critical instances.")
    int bc;

    @Option(names = "--groups", defaultValue = "1", paramLabel = "N",
            description = "Virtual machine groups (distinct hardware or maintenance-window configurations; default 1). Not used by azure-2019-04.")
    int groups;

    @Override public Integer call() {
        if (gp < 0 || bc < 0 || groups < 0) {
            spec.commandLine().getErr().println("minet size: counts cannot be negative");
            return Cli.UNUSABLE;
        }
        // No design to judge: auto means the current rules.
        Profile p = Profiles.byId(profile.name()).orElse(Profiles.latest());
        Sizing plan = Sizing.of(p.sizing(), gp, bc, groups);
        if (plan.prefixLength() < 0) {
            spec.commandLine().getErr().println("minet size: " + plan.needed() + " addresses needed: more than the whole IPv4 space (2^32) holds");
            return Cli.UNUSABLE;
        }
        spec.commandLine().getOut().println(plan.describe() + " (" + p.id() + ": " + plan.arithmetic() + "; " + p.sizing().source() + ")");
        return Cli.OK;
    }
}
