package minet.ui.shell;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the ViewModels' questions from a script and records what they asked. */
public final class ScriptedDialogs implements DialogService {
    public final Deque<Unsaved> unsavedAnswers = new ArrayDeque<>();
    public final Deque<Optional<Path>> fileAnswers = new ArrayDeque<>();
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override public Unsaved askUnsaved(String documentName, String beforeWhat) {
        asked.add("unsaved " + documentName + " before " + beforeWhat);
        return unsavedAnswers.isEmpty() ? Unsaved.CANCEL : unsavedAnswers.pop();
    }

    @Override public Optional<Path> chooseFileToOpen(Path initialDirectory) {
        asked.add("open");
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.pop();
    }

    @Override public Optional<Path> chooseFileToSave(Path suggestion, String description, String extension) {
        asked.add("save " + suggestion.getFileName());
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.pop();
    }

    @Override public boolean confirm(String title, String message) {
        asked.add("confirm " + title);
        return !confirmAnswers.isEmpty() && confirmAnswers.pop();
    }

    @Override public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }
}
