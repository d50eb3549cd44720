package minet.ui.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import minet.io.InputException;

/**
 * Everything a view model asks the user through a window: the one dialog service of the app ({@link FxDialogService}
 * in the window; tests answer with a fake). Every dialog it opens is owned by the main window, resizable, and at
 * least as large as its content ({@link Dialogs#prepare}).
 */
public interface DialogService {
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /** "Save changes to X before …?" */
    Unsaved askUnsaved(String documentName, String beforeWhat);

    Optional<Path> chooseFileToOpen(Path initialDirectory);

    Optional<Path> chooseFileToSave(Path suggestion, String description, String extension);

    boolean confirm(String title, String message);

    void showError(String title, String message);

    /** Bad input to File → Import…: names the file, line and column, and the problem; the open design is unchanged. */
    default void showInputError(InputException e) {
        showInputError(e, "Cannot import", "The open design was not changed.");
    }

    /**
     * Bad input: a dialog titled {@code title} naming the file, line and column and the problem, then what was kept
     * ({@code unchanged}, e.g. "The service tags in use were not changed.").
     */
    void showInputError(InputException e, String title, String unchanged);

    /** File → Load service tags…: Microsoft's weekly file (ServiceTags_Public_YYYYMMDD.json). */
    Optional<Path> chooseServiceTagsFile(Path initialDirectory);

    /** Shows the Fix all review; true when the user applies it. */
    boolean reviewFixes(FixPlan plan);

    /** Files to import (several az CLI files at once) and an optional ARM parameters file. */
    Optional<ImportRequest> chooseImport();

    Optional<Path> chooseFolder(String title);

    void copyToClipboard(String text);

    /** Help → Keyboard shortcuts (F1). */
    void showShortcuts();

    /** Help → Rule catalog: the rules of {@code profile} (the user may look at other profiles there). */
    void showRuleCatalog(String profile);

    /** Help → About: name, version, the profile in use. */
    void showAbout(String profile);

    /** What File → Import… asked for. */
    record ImportRequest(List<Path> files, Path parametersFile) {
        public ImportRequest {
            files = List.copyOf(files);
        }
    }
}
