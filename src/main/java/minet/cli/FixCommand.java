package minet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import minet.fix.FixOutcome;
import minet.fix.FixRun;
import minet.fix.Fixes;
import minet.io.DesignFile;
import minet.io.InputException;
import minet.io.export.Unresolved;
import minet.model.Design;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.Severity;
import minet.rules.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minet fix FILE… -o OUT}: Fix all, as the window's button does; writes the fixed design (atomically), prints
 * the change list and what is left that no fix can do. Exit 0 when no error remains, 1 when errors remain, 2 when
 * the input cannot be used.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Apply every available fix and write the fixed design.",
                "Prints the change list, and what remains that needs the user."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error remains", "1:errors remain that no fix can remove",
                "2:input unusable, a value not known offline (give its --param), output not writable or a usage error"})
public final class FixCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin InputOptions input;

    @Mixin ProfileOption profile;
    @Mixin ServiceTagsOption serviceTags;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the fixed design (*.minet.json).")
    Path output;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Design design;
        minet.rules.eval.ServiceTags tags;
        try {
            design = input.load();
            tags = serviceTags.load();
        } catch (InputException e) {
            return Problems.unusable(spec, e);
        }
        // The era is chosen once, on the design as given: its fixes, then its rules on the result.
        Validator.Choice choice = Validator.choose(design, profile.name());
        FixRun run = Fixes.runAll(design, choice.profile());
        // A name or prefix still holding an unknown ({managedInstanceName}): say which, write nothing.
        List<Unresolved.Value> unresolved = Unresolved.inDesign(run.after());
        if (!unresolved.isEmpty()) {
            err.println("minet fix: " + Unresolved.report(unresolved));
            return Cli.UNUSABLE;
        }
        out.println(ReportWriter.header(Validator.validate(design, choice, tags)));
        try {
            DesignFile.write(output, run.after());
        } catch (IOException e) {
            return Problems.cannotWrite(spec, output, e);
        }
        if (run.changes().isEmpty()) out.println("No changes: nothing to fix.");
        else {
            out.println("Changes (" + run.changes().changes().size() + "):");
            out.print(ReportWriter.printableLines(run.changes().text()));
        }
        List<String> left = new ArrayList<>();
        for (FixOutcome o : run.notDone()) left.add(o.text());
        Report report = Validator.validate(run.after(), choice, tags);
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.INFO) continue;
            left.add(f.severity().id() + " " + f.ruleId() + " " + (f.resource() == null ? "" : f.resource() + ": ") + Fixes.advice(f).message());
        }
        if (!left.isEmpty()) {
            out.println("Not fixed (" + left.size() + "):");
            left.forEach(l -> out.println("  " + ReportWriter.printable(l)));
        }
        out.println("Wrote " + ReportWriter.printable(output.toString()));
        return report.hasErrors() || !run.notDone().isEmpty() ? Cli.FINDINGS : Cli.OK;
    }
}
