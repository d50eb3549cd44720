package minet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.model.Design;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The inputs every command that reads a design shares: {@code FILE… [--parameters F] [--param k=v] [--var k=v]
 * [--var-file F]}. Use it as
 * {@code @Mixin InputOptions input;} and call {@link #load()}; turn its InputException into exit 2 with
 * {@link Problems#unusable}.
 */
public final class InputOptions {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "A design (*.minet.json), an ARM template, a Bicep file (compiled by the Bicep CLI), az CLI JSON (one object or a list; several files "
                    + "merge by resource ID), az graph query output (its pages), Terraform JSON (terraform show -json) or a "
                    + "Terraform module (its directory, or its .tf and .tf.json files); the format is detected.")
    List<Path> files;

    @Option(names = "--parameters", paramLabel = "F", description = "An ARM parameters file for the template.")
    Path parametersFile;

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    final Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "An ARM template parameter value (repeatable; wins over --parameters).")
    void setParameters(List<String> values) {
        parameters.clear();
        parameters.putAll(parseParams(spec, values));
    }

    /** {@code --param NAME=VALUE} pairs; one without '=' or without a name is a usage error (exit 2) that shows what was given. */
    static Map<String, String> parseParams(CommandSpec spec, List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0) throw new ParameterException(spec.commandLine(), "--param needs NAME=VALUE, not '" + v + "'");
            m.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return m;
    }

    /** --var and --var-file in the order given: Terraform applies them so, the last value of a variable wins. */
    final List<ImportOptions.TerraformVar> terraformVars = new ArrayList<>();

    /*
     * picocli calls a List setter with every value of the option so far, once per occurrence (and with an empty list
     * before parsing); the newest is the last. Recording that one keeps --var and --var-file in the order given.
     */
    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "A Terraform variable value (repeatable; wins over .tfvars files; for list, map and object variables, written as in HCL).")
    void addVar(List<String> values) {
        if (values.isEmpty()) return; // picocli's reset before parsing
        String value = values.get(values.size() - 1);
        int eq = value.indexOf('=');
        if (eq <= 0) throw new ParameterException(spec.commandLine(), "--var needs NAME=VALUE, not '" + value + "'");
        terraformVars.add(ImportOptions.TerraformVar.assign(value.substring(0, eq), value.substring(eq + 1)));
    }

    @Option(names = "--var-file", paramLabel = "F", description = "A Terraform variables file (.tfvars or .tfvars.json; repeatable).")
    void addVarFile(List<Path> files) {
        if (files.isEmpty()) return;
        terraformVars.add(ImportOptions.TerraformVar.file(files.get(files.size() - 1)));
    }

    public List<Path> files() { return files == null ? List.of() : files; }

    public ImportOptions importOptions() { return new ImportOptions(parametersFile, parameters, terraformVars); }

    /** Reads and merges the files into one design. */
    public Design load() throws InputException {
        return Importer.load(files(), importOptions());
    }
}
