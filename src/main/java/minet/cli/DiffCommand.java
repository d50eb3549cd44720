package minet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import minet.fix.ChangeList;
import minet.fix.SemanticDiff;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.model.Design;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code minet diff A B}: what changed from configuration A to B: the change list (rules, routes, associations,
 * service endpoints) and the semantic diff (traffic that changes verdict, destinations whose next hop changes).
 * Exit 0 when they do not differ, 1 when they do (as diff(1)), 2 when an input cannot be used.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two configurations: the change list and the traffic that changes verdict.",
                "Each of A and B is a design, an ARM template, az CLI or Terraform JSON."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no difference", "1:differences", "2:input unusable or a usage error"})
public final class DiffCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The configuration before.")
    Path before;

    @Parameters(index = "1", paramLabel = "B", description = "The configuration after.")
    Path after;

    @Option(names = "--parameters", paramLabel = "F", description = "ARM parameters file (for both).")
    Path parameters;

    final Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "ARM parameter value (repeatable, for both).")
    void setParams(List<String> values) {
        params.clear();
        params.putAll(InputOptions.parseParams(spec, values));
    }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ImportOptions options = new ImportOptions(parameters, params);
        Design a, b;
        try {
            a = Importer.load(List.of(before), options);
            b = Importer.load(List.of(after), options);
        } catch (InputException e) {
            return Problems.unusable(spec, e);
        }
        ChangeList changes = ChangeList.between(a, b);
        SemanticDiff traffic = SemanticDiff.between(a, b);
        if (changes.isEmpty() && traffic.isEmpty()) {
            out.println("No differences.");
            return Cli.OK;
        }
        out.println("Changes (" + changes.changes().size() + "):");
        out.print(changes.text());
        out.println("Traffic (" + traffic.differences().size() + "):");
        out.print(traffic.isEmpty() ? "  no traffic changes verdict or next hop\n" : traffic.text());
        return Cli.FINDINGS;
    }
}
