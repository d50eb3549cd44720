package minet.ui.dialogs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import minet.io.InputException;

/** Answers the view models' questions as the test scripted them and records what they asked. */
public final class FakeDialogs implements DialogService {
    public final Deque<Unsaved> unsavedAnswers = new ArrayDeque<>();
    public final Deque<Optional<Path>> fileAnswers = new ArrayDeque<>();
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<InputException> inputErrors = new ArrayList<>();
    public final List<FixPlan> reviewed = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public boolean applyReview = true;
    public Optional<ImportRequest> importAnswer = Optional.empty();
    public Optional<Path> folderAnswer = Optional.empty();

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

    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }

    /** The titles of the input errors shown, in order ("Cannot import", "Cannot load service tags"). */
    public final List<String> inputErrorTitles = new ArrayList<>();

    @Override public void showInputError(InputException e, String title, String unchanged) {
        inputErrors.add(e);
        inputErrorTitles.add(title);
    }

    @Override public Optional<Path> chooseServiceTagsFile(Path initialDirectory) {
        asked.add("service tags");
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.pop();
    }

    @Override public boolean reviewFixes(FixPlan plan) {
        reviewed.add(plan);
        return applyReview;
    }

    @Override public Optional<ImportRequest> chooseImport() { return importAnswer; }
    @Override public Optional<Path> chooseFolder(String title) { return folderAnswer; }
    @Override public void copyToClipboard(String text) { clipboard.add(text); }
    @Override public void showShortcuts() { asked.add("shortcuts"); }
    @Override public void showRuleCatalog(String profile) { asked.add("rule catalog " + profile); }
    @Override public void showAbout(String profile) { asked.add("about " + profile); }
}
