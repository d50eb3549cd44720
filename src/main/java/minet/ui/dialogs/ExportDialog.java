package minet.ui.dialogs;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import minet.io.export.ExportFormat;
import org.kordamp.ikonli.javafx.FontIcon;

/** File → Export rule sets…: the view of {@link ExportViewModel}. */
public final class ExportDialog extends Dialog<Void> {

    public ExportDialog(Window owner, ExportViewModel vm) {
        if (owner != null) initOwner(owner);
        setTitle("Export rule sets");
        setResizable(true);
        setHeaderText("NSGs, route tables and subnet associations as code");

        FlowPane formats = new FlowPane(12, 6);
        for (ExportFormat f : ExportFormat.values()) {
            CheckBox c = new CheckBox(f.fileName());
            c.setId("export-" + f.cliName());
            c.selectedProperty().bindBidirectional(vm.pickedProperty(f));
            formats.getChildren().add(c);
        }
        ToggleGroup which = new ToggleGroup();
        RadioButton corrected = new RadioButton("Corrected (as after Fix all; the open design is not changed)");
        corrected.setId("exportCorrected");
        corrected.setToggleGroup(which);
        RadioButton asIs = new RadioButton("As is");
        asIs.setId("exportAsIs");
        asIs.setToggleGroup(which);
        corrected.setSelected(vm.correctedProperty().get());
        asIs.setSelected(!vm.correctedProperty().get());
        corrected.selectedProperty().addListener((o, was, on) -> vm.correctedProperty().set(on));

        ComboBox<ExportFormat> preview = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ExportFormat.values()));
        preview.setId("exportPreviewFormat");
        preview.valueProperty().bindBidirectional(vm.previewFormatProperty());
        TextArea text = new TextArea();
        text.setId("exportPreview");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace");
        text.textProperty().bind(vm.previewProperty());
        text.setPrefRowCount(22);
        VBox.setVgrow(text, Priority.ALWAYS);
        Button copy = new Button("Copy", new FontIcon("mdi2c-content-copy"));
        copy.setOnAction(e -> vm.copyPreview());
        Button save = new Button("Save to folder…", new FontIcon("mdi2c-content-save"));
        save.setId("exportSave");
        save.setOnAction(e -> vm.save());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());

        VBox box = new VBox(8, new Label("Formats to save"), formats, corrected, asIs,
                new HBox(8, new Label("Preview"), preview, copy, save), text, status);
        box.setPadding(new Insets(10));
        box.setPrefSize(900, 640);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
