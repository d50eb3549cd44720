package minet.io.terraform;

import java.util.List;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;

public final class TerraformImporter {
    private TerraformImporter() {}

    public static Design load(List<JsonSource> sources) throws InputException {
        throw new InputException(sources.get(0).file(), "this format is not supported yet");
    }
}
