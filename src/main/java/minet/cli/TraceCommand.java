package minet.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import minet.io.InputException;
import minet.model.Design;
import minet.model.FailoverGroup;
import minet.rules.Tracer;
import minet.rules.eval.Protocols;
import minet.rules.eval.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minet trace FILE… --from X --to Y --port N}: Network Watcher's IP flow verify and next hop, offline. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Follow traffic hop by hop: the route chosen at the source subnet, its outbound NSG and the destination's inbound NSG, with the rule that decides each; then the route the replies take back, with a warning when it differs (asymmetric routing).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allowed", "1:denied (or not provably allowed)", "2:input unusable or a usage error"})
public final class TraceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin InputOptions input;
    @Mixin ServiceTagsOption serviceTags;
    @Mixin ProfileOption profile;

    @Option(names = "--from", required = true, paramLabel = "ADDR|NAME",
            description = "Source: an IPv4 address or prefix, a subnet, managed instance or external network (name or id), or a service tag.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ADDR|NAME", description = "Destination, as for --from.")
    String to;

    @Option(names = "--port", required = true, paramLabel = "N", description = "Destination port (0–65535).")
    int port;

    @Option(names = "--protocol", defaultValue = "tcp", paramLabel = "P", description = "tcp or udp; default: tcp.")
    String protocol;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Tracer tracer;
        Tracer.Trace t;
        Tracer.Trace reverse = null;
        try {
            Design design = input.load();
            // A template's MI NSG is traced as Azure deploys it in the profile's era, as validate judges it.
            tracer = new Tracer(design, serviceTags.load(), minet.rules.Validator.choose(design, profile.name()).profile());
            t = tracer.trace(from, to, port, protocol);
            // The two instances of a failover group replicate both ways: answer both directions.
            if (partners(design, t)) reverse = tracer.trace(to, from, port, protocol);
        } catch (InputException e) {
            return Problems.unusable(spec, e);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("minet trace: " + e.getMessage());
            return Cli.UNUSABLE;
        }
        print(out, t);
        if (reverse != null) {
            out.println();
            out.println("And back (the two instances are partners of a failover group):");
            print(out, reverse);
        }
        return t.allowed() && (reverse == null || reverse.allowed()) ? Cli.OK : Cli.FINDINGS;
    }

    private static boolean partners(Design d, Tracer.Trace t) {
        if (!"instance".equals(t.from().kind()) || !"instance".equals(t.to().kind())) return false;
        for (FailoverGroup g : d.failoverGroups()) {
            var p = d.managedInstance(g.primaryInstanceId()).flatMap(m -> d.subnet(m.subnetId())).orElse(null);
            var s = d.managedInstance(g.secondaryInstanceId()).flatMap(m -> d.subnet(m.subnetId())).orElse(null);
            if (p == null || s == null) continue;
            if ((t.from().subnet() == p && t.to().subnet() == s) || (t.from().subnet() == s && t.to().subnet() == p)) return true;
        }
        return false;
    }

    private static void print(PrintWriter out, Tracer.Trace t) {
        out.println(Protocols.describe(t.protocol()) + " " + t.port() + " from " + t.from().label() + " to " + t.to().label());
        int n = 1;
        if (t.route() == null) {
            out.println("  " + n++ + ". Route: the source is outside the design's subnets; no route table applies");
        } else {
            out.println("  " + n++ + ". Route at subnet '" + t.from().subnet().name() + "': " + t.route().describe()
                    + (t.droppedByRoute() ? " — dropped" : "") + (t.routeNote() == null ? "" : " (" + t.routeNote() + ")"));
        }
        out.println("  " + n++ + ". " + step(t.outbound(), "source", t.from()));
        out.println("  " + n++ + ". " + step(t.inbound(), "destination", t.to()));
        if (t.returnRoute() == null) {
            out.println("  " + n + ". Return route: the destination is outside the design's subnets; none applies");
        } else {
            out.println("  " + n + ". Return route at subnet '" + t.to().subnet().name() + "': " + t.returnRoute().describe()
                    + (t.returnNote() == null ? "" : " (" + t.returnNote() + ")") + "; NSGs are stateful, so the replies pass them");
        }
        out.println("Verdict: " + verdict(t.verdict()));
        if (t.asymmetric()) out.println("Warning: " + t.asymmetry());
    }

    private static String step(Tracer.NsgStep s, String role, Tracer.Endpoint e) {
        String dir = s == null ? (role.equals("source") ? "Outbound" : "Inbound") : s.direction().azure();
        if (s == null) return dir + " NSG: the " + role + " is outside the design's subnets; none applies";
        String where = " of subnet '" + s.subnet().name() + "'";
        if (s.nsg() == null) return dir + " NSG" + where + ": none associated, so everything passes";
        return dir + " NSG '" + s.nsg().name() + "'" + where + ": " + s.outcome();
    }

    private static String verdict(Verdict v) {
        String s = switch (v) {
            case ALLOWED, ALLOWED_BY_DEFAULT -> "allowed";
            case PARTIAL -> "partly denied";
            case DENIED -> "denied";
            case INDETERMINATE -> "indeterminate (not provably allowed)";
        };
        return s.toUpperCase(Locale.ROOT);
    }
}
