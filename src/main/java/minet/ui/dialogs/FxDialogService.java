package minet.ui.dialogs;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import minet.io.InputException;
import minet.ui.validation.FixService.FixPlan;

/** The window's dialogs. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override public void showInputError(InputException e) {
        Alert a = alert("Cannot import");
        a.setHeaderText("Cannot read " + (e.file() == null ? "the input" : Path.of(e.file()).getFileName()));
        StringBuilder where = new StringBuilder(e.file() == null ? "" : e.file());
        if (e.line() > 0) where.append(", line ").append(e.line());
        if (e.column() > 0) where.append(", column ").append(e.column());
        a.setContentText(where + (where.length() > 0 ? ":\n" : "") + e.problem()
                + "\n\nThe open design was not changed.");
        a.getDialogPane().setId("inputErrorDialog");
        a.showAndWait();
    }

    @Override public void showError(String title, String message) {
        Alert a = alert(title);
        a.setHeaderText(title);
        a.setContentText(message);
        a.showAndWait();
    }

    private Alert alert(String title) {
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle(title);
        if (owner.get() != null) a.initOwner(owner.get());
        a.setResizable(true);
        return a;
    }

    @Override public boolean reviewFixes(FixPlan plan) {
        return new FixReviewDialog(owner.get(), plan).showAndWait().filter(b -> b == FixReviewDialog.APPLY).isPresent();
    }

    @Override public Optional<ImportRequest> chooseImport() {
        return new ImportDialog(owner.get()).showAndWait();
    }

    @Override public Optional<Path> chooseFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        File f = dc.showDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override public void copyToClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }
}
