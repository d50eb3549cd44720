package minet.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Real dialogs: Alerts and the platform's file chooser, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) { this.owner = owner; }

    @Override public Unsaved askUnsaved(String documentName, String beforeWhat) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save changes to " + documentName + " before " + beforeWhat + "?", save, discard, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Unsaved changes");
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) return Unsaved.CANCEL;
        return r.get() == save ? Unsaved.SAVE : Unsaved.DISCARD;
    }

    @Override public Optional<Path> chooseFileToOpen(Path initialDirectory) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a design, ARM template, az CLI or Terraform JSON");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Designs and JSON", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) fc.setInitialDirectory(initialDirectory.toFile());
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(f -> f.toPath());
    }

    @Override public Optional<Path> chooseFileToSave(Path suggestion, String description, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save as");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*" + extension));
        Path abs = suggestion.toAbsolutePath();
        if (abs.getParent() != null && Files.isDirectory(abs.getParent())) fc.setInitialDirectory(abs.getParent().toFile());
        fc.setInitialFileName(abs.getFileName().toString());
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(f -> f.toPath());
    }

    @Override public boolean confirm(String title, String message) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.YES, ButtonType.NO);
        a.initOwner(owner);
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    @Override public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText(title);
        a.showAndWait();
    }
}
