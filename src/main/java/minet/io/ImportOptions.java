package minet.io;

import java.nio.file.Path;
import java.util.Map;

/** What the user passes besides the files: an ARM parameters file and {@code --param k=v} overrides. */
public record ImportOptions(Path parametersFile, Map<String, String> parameters) {
    public static final ImportOptions NONE = new ImportOptions(null, Map.of());

    public ImportOptions {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
