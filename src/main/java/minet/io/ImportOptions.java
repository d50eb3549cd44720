package minet.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the user passes besides the files: an ARM parameters file and {@code --param k=v} overrides; Terraform
 * variables ({@code --var k=v}, {@code --var-file F}) in the order given, as Terraform applies them.
 */
public record ImportOptions(Path parametersFile, Map<String, String> parameters, List<TerraformVar> terraformVars) {
    public static final ImportOptions NONE = new ImportOptions(null, Map.of());

    /** One {@code --var name=value} (file null) or {@code --var-file F} (name and value null). */
    public record TerraformVar(String name, String value, Path file) {
        public static TerraformVar assign(String name, String value) { return new TerraformVar(name, value, null); }
        public static TerraformVar file(Path file) { return new TerraformVar(null, null, file); }
    }

    public ImportOptions {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        terraformVars = terraformVars == null ? List.of() : List.copyOf(terraformVars);
    }

    public ImportOptions(Path parametersFile, Map<String, String> parameters) {
        this(parametersFile, parameters, List.of());
    }
}
