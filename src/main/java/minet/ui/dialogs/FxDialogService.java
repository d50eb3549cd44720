package minet.ui.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import minet.io.InputException;

/** The window's dialogs: alerts, the review and import dialogs, and the platform's file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override public Unsaved askUnsaved(String documentName, String beforeWhat) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes", "Unsaved changes",
                "Save changes to " + documentName + " before " + beforeWhat + "?", save, discard, ButtonType.CANCEL);
        Optional<ButtonType> r = Dialogs.showAndWait(a);
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) return Unsaved.CANCEL;
        return r.get() == save ? Unsaved.SAVE : Unsaved.DISCARD;
    }

    @Override public Optional<Path> chooseFileToOpen(Path initialDirectory) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a design, ARM template, az CLI or Terraform JSON");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Designs and JSON", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) fc.setInitialDirectory(initialDirectory.toFile());
        return Optional.ofNullable(Dialogs.keepingMaximised(owner.get(), () -> fc.showOpenDialog(owner.get()))).map(File::toPath);
    }

    @Override public Optional<Path> chooseServiceTagsFile(Path initialDirectory) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Microsoft's service tags file (ServiceTags_Public_YYYYMMDD.json)");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Service tags (ServiceTags_*.json)", "ServiceTags_*.json"),
                new FileChooser.ExtensionFilter("JSON", "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) fc.setInitialDirectory(initialDirectory.toFile());
        return Optional.ofNullable(Dialogs.keepingMaximised(owner.get(), () -> fc.showOpenDialog(owner.get()))).map(File::toPath);
    }

    @Override public Optional<Path> chooseFileToSave(Path suggestion, String description, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save as");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*" + extension));
        Path abs = suggestion.toAbsolutePath();
        if (abs.getParent() != null && Files.isDirectory(abs.getParent())) fc.setInitialDirectory(abs.getParent().toFile());
        fc.setInitialFileName(abs.getFileName().toString());
        return Optional.ofNullable(Dialogs.keepingMaximised(owner.get(), () -> fc.showSaveDialog(owner.get()))).map(File::toPath);
    }

    @Override public boolean confirm(String title, String message) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, title, message, ButtonType.YES, ButtonType.NO);
        return Dialogs.showAndWait(a).filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override public void showError(String title, String message) {
        Dialogs.showAndWait(alert(Alert.AlertType.ERROR, title, title, message, ButtonType.OK));
    }

    @Override public void showInputError(InputException e, String title, String unchanged) {
        StringBuilder where = new StringBuilder(e.file() == null ? "" : e.file());
        if (e.line() > 0) where.append(", line ").append(e.line());
        if (e.column() > 0) where.append(", column ").append(e.column());
        Alert a = alert(Alert.AlertType.ERROR, title,
                "Cannot read " + (e.file() == null ? "the input" : Path.of(e.file()).getFileName()),
                where + (where.length() > 0 ? ":\n" : "") + e.problem() + "\n\n" + unchanged, ButtonType.OK);
        a.getDialogPane().setId("inputErrorDialog");
        Dialogs.showAndWait(a);
    }

    /** An alert whose text wraps (a long path or message is never cut off with "…"). */
    private Alert alert(Alert.AlertType type, String title, String header, String message, ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        a.setTitle(title);
        a.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setPrefWidth(Math.min(640, Math.max(360, message.length() * 7.0)));
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.getStyleClass().add("alert-text");
        a.getDialogPane().setContentText(message); // read by tests and screen readers; the label shows it
        a.getDialogPane().setContent(text);
        return Dialogs.prepare(a, owner.get());
    }

    @Override public boolean reviewFixes(FixPlan plan) {
        FixReviewDialog d = Dialogs.prepare(new FixReviewDialog(plan), owner.get());
        return Dialogs.showAndWait(d).filter(b -> b == FixReviewDialog.APPLY).isPresent();
    }

    @Override public Optional<ImportRequest> chooseImport() {
        return Dialogs.showAndWait(Dialogs.prepare(new ImportDialog(), owner.get()));
    }

    @Override public void showShortcuts() { Dialogs.showAndWait(Dialogs.prepare(HelpDialogs.shortcuts(), owner.get())); }

    @Override public void showRuleCatalog(String profile) { Dialogs.showAndWait(Dialogs.prepare(HelpDialogs.ruleCatalog(profile), owner.get())); }

    @Override public void showAbout(String profile) {
        Dialogs.showAndWait(Dialogs.prepare(HelpDialogs.about(HelpDialogs.version(), profile), owner.get()));
    }

    @Override public Optional<Path> chooseFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        File f = Dialogs.keepingMaximised(owner.get(), () -> dc.showDialog(owner.get()));
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override public void copyToClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }
}
