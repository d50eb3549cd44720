package minet.ui.dialogs;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import minet.ui.dialogs.DialogService.ImportRequest;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Picks the files of one import: a template and its parameters, several az CLI files or az graph query pages,
 * Terraform JSON, or a Terraform module (its folder, or its .tf and .tfvars files).
 */
public final class ImportDialog extends Dialog<ImportRequest> {
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    /** Shown through {@link Dialogs#prepare}, which gives it its owner and size. */
    public ImportDialog() {
        setTitle("Import");
        setHeaderText("ARM template or Bicep file (compiled with the Bicep CLI), az CLI JSON or az graph query pages (several files"
                + " merge by resource ID), Terraform JSON (terraform show -json), or a Terraform module: its folder or its .tf files."
                + " The format is detected.");
        ObservableList<Path> files = FXCollections.observableArrayList();
        ListView<Path> list = new ListView<>(files);
        list.setId("importFiles");
        list.setPrefHeight(160);
        list.setPlaceholder(new Label("No file chosen"));
        Button add = new Button("Add files…", new FontIcon("mdi2f-file-plus"));
        add.setOnAction(e -> {
            FileChooser fc = chooser("Files to import");
            List<File> chosen = Dialogs.keepingMaximised(getOwner(), () -> fc.showOpenMultipleDialog(window()));
            if (chosen != null) chosen.forEach(f -> files.add(f.toPath()));
        });
        Button folder = new Button("Add module folder…", new FontIcon("mdi2f-folder-plus"));
        folder.setId("importFolder");
        folder.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Terraform module folder");
            File dir = Dialogs.keepingMaximised(getOwner(), () -> dc.showDialog(window()));
            if (dir != null) files.add(dir.toPath());
        });
        Button remove = new Button("Remove", new FontIcon("mdi2m-minus"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> files.remove(list.getSelectionModel().getSelectedItem()));

        TextField params = new TextField();
        params.setId("importParameters");
        params.setPromptText("optional: the template's parameters file");
        HBox.setHgrow(params, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            File f = Dialogs.keepingMaximised(getOwner(), () -> chooser("ARM parameters file").showOpenDialog(window()));
            if (f != null) params.setText(f.toString());
        });
        VBox box = new VBox(8, new HBox(8, add, folder, remove), list, new Label("ARM parameters file"), new HBox(8, params, browse));
        box.setPadding(new Insets(10));
        box.setPrefWidth(640);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        getDialogPane().lookupButton(IMPORT).disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(files));
        setResultConverter(b -> b == IMPORT
                ? new ImportRequest(files, params.getText().isBlank() ? null : Path.of(params.getText().trim()))
                : null);
    }

    /**
     * The file choosers' owner: this dialog, so they open over it (owned by the main window they opened behind it,
     * out of reach). GTK still takes the main window out of its maximised state meanwhile: it is maximised again after.
     */
    private javafx.stage.Window window() {
        return getDialogPane().getScene() == null ? getOwner() : getDialogPane().getScene().getWindow();
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON, Bicep and Terraform", "*.json", "*.bicep", "*.tf", "*.tfvars"),
                new FileChooser.ExtensionFilter("JSON", "*.json"), new FileChooser.ExtensionFilter("Bicep", "*.bicep"),
                new FileChooser.ExtensionFilter("Terraform", "*.tf", "*.tfvars"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }
}
