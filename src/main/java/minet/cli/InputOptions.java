package minet.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.model.Design;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs every command that reads a design shares: {@code FILE… [--parameters F] [--param k=v]}. Use it as
 * {@code @Mixin InputOptions input;} and call {@link #load()}; turn its InputException into exit 2 with
 * {@link Problems#unusable}.
 */
public final class InputOptions {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "A design (*.minet.json), an ARM template, az CLI JSON (one object or a list; several files "
                    + "merge by resource ID) or Terraform JSON (terraform show -json); the format is detected.")
    List<Path> files;

    @Option(names = "--parameters", paramLabel = "F", description = "An ARM parameters file for the template.")
    Path parametersFile;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "An ARM template parameter value (repeatable; wins over --parameters).")
    Map<String, String> parameters = new LinkedHashMap<>();

    public List<Path> files() { return files == null ? List.of() : files; }

    public ImportOptions importOptions() { return new ImportOptions(parametersFile, parameters); }

    /** Reads and merges the files into one design. */
    public Design load() throws InputException {
        return Importer.load(files(), importOptions());
    }
}
