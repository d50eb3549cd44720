package minet.io.azcli;

import java.util.List;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;

public final class AzCliImporter {
    private AzCliImporter() {}

    public static Design load(List<JsonSource> sources) throws InputException {
        throw new InputException(sources.get(0).file(), "this format is not supported yet");
    }
}
