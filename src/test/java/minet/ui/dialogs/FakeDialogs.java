package minet.ui.dialogs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import minet.io.InputException;
import minet.ui.validation.FixService.FixPlan;

/** Records what the view models asked and answers as the test says. */
public final class FakeDialogs implements DialogService {
    public final List<InputException> inputErrors = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<FixPlan> reviewed = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public boolean applyReview = true;
    public Optional<ImportRequest> importAnswer = Optional.empty();
    public Optional<Path> folderAnswer = Optional.empty();

    @Override public void showInputError(InputException e) { inputErrors.add(e); }
    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }

    @Override public boolean reviewFixes(FixPlan plan) {
        reviewed.add(plan);
        return applyReview;
    }

    @Override public Optional<ImportRequest> chooseImport() { return importAnswer; }
    @Override public Optional<Path> chooseFolder(String title) { return folderAnswer; }
    @Override public void copyToClipboard(String text) { clipboard.add(text); }
}
