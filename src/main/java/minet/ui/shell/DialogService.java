package minet.ui.shell;

import java.nio.file.Path;
import java.util.Optional;

/** Everything the ViewModels ask the user, behind an interface so that tests answer instead. */
public interface DialogService {
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /** "Save changes to X before …?" */
    Unsaved askUnsaved(String documentName, String beforeWhat);

    Optional<Path> chooseFileToOpen(Path initialDirectory);

    Optional<Path> chooseFileToSave(Path suggestion, String description, String extension);

    boolean confirm(String title, String message);

    void showError(String title, String message);
}
