package minet.ui.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import minet.io.InputException;
import minet.ui.validation.FixService.FixPlan;

/** Everything a view model asks the user through a window; tests answer with a fake. */
public interface DialogService {
    /** Bad input: names the file, line and column, and the problem. */
    void showInputError(InputException e);

    void showError(String title, String message);

    /** Shows the Fix all review; true when the user applies it. */
    boolean reviewFixes(FixPlan plan);

    /** Files to import (several az CLI files at once) and an optional ARM parameters file. */
    Optional<ImportRequest> chooseImport();

    Optional<Path> chooseFolder(String title);

    void copyToClipboard(String text);

    /** What File → Import… asked for. */
    record ImportRequest(List<Path> files, Path parametersFile) {
        public ImportRequest {
            files = List.copyOf(files);
        }
    }
}
