package minet.cli;

import java.nio.file.Path;
import minet.io.InputException;
import minet.io.ServiceTagsFile;
import minet.rules.eval.ServiceTags;
import picocli.CommandLine.Option;

/** {@code --service-tags FILE}: Microsoft's weekly service tags file, so tags stand for their addresses. */
public final class ServiceTagsOption {
    @Option(names = "--service-tags", paramLabel = "FILE",
            description = "Microsoft's service tags file (ServiceTags_Public_YYYYMMDD.json, or the output of az network list-service-tags): "
                    + "tags then stand for their addresses, so checks and traces decide what they otherwise cannot offline.")
    Path file;

    public ServiceTags load() throws InputException {
        return file == null ? ServiceTags.NONE : ServiceTagsFile.read(file);
    }
}
