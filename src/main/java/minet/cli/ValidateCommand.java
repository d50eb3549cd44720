package minet.cli;

import java.util.concurrent.Callable;
import minet.io.InputException;
import minet.model.Design;
import minet.rules.Catalog;
import minet.rules.Estate;
import minet.rules.Report;
import minet.rules.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minet validate FILE…}: runs a profile's rules. Exit 0 without errors, 1 with errors, 2 for unusable input. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the network of a managed instance against the connectivity rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error (warnings and infos allowed)", "1:errors found", "2:input unusable or a usage error"})
public final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin InputOptions input;
    @Mixin ProfileOption profile;
    @Mixin ServiceTagsOption serviceTags;

    @Option(names = "--format", paramLabel = "F", defaultValue = "TEXT",
            description = "text, json (rules.md's contract) or sarif (SARIF 2.1.0); default: text.")
    ReportWriter.Format format;

    @Override public Integer call() {
        Design design;
        minet.rules.eval.ServiceTags tags;
        try {
            design = input.load();
            tags = serviceTags.load();
        } catch (InputException e) {
            return Problems.unusable(spec, e);
        }
        if (design.miSubnets().size() > 1) { // an estate: a row per MI subnet, its networks validated on all processors
            EstateReport estate = EstateReport.of(Estate.validate(design, d -> Validator.validate(d, profile.name(), tags)));
            spec.commandLine().getOut().print(estate.write(format, estate.catalog()));
            return estate.report().hasErrors() ? Cli.FINDINGS : Cli.OK;
        }
        Report report = Validator.validate(design, profile.name(), tags);
        spec.commandLine().getOut().print(ReportWriter.write(format, report, Catalog.all(report.profile())));
        return report.hasErrors() ? Cli.FINDINGS : Cli.OK;
    }
}
