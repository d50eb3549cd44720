package minet.io.arm;

import java.util.List;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;

public final class ArmImporter {
    private ArmImporter() {}

    public static Design load(List<JsonSource> sources, ImportOptions options) throws InputException {
        throw new InputException(sources.get(0).file(), "this format is not supported yet");
    }
}
