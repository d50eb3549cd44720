package minet.ui.dialogs;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import minet.io.export.ExportFormat;
import org.kordamp.ikonli.javafx.FontIcon;

/** File → Export rule sets…: the view of {@link ExportViewModel}. */
public final class ExportDialog extends Dialog<Void> {

    /** Shown through {@link Dialogs#prepare}, which gives it its owner and size. */
    public ExportDialog(ExportViewModel vm) {
        setTitle("Export rule sets");
        setHeaderText("NSGs, route tables and subnet associations as code");

        FlowPane formats = new FlowPane(12, 6);
        for (ExportFormat f : ExportFormat.values()) {
            CheckBox c = new CheckBox(f.cliName() + " (" + f.fileName() + ")");
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
        preview.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(ExportFormat f) { return f == null ? "" : f.cliName(); }
            @Override public ExportFormat fromString(String s) { return ExportFormat.parse(s); }
        });
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

        // first, what must be given before anything can be written
        Label unresolvedHeader = new Label("Not known offline — Azure would refuse these names and prefixes; give them first:",
                new FontIcon("mdi2a-alert"));
        unresolvedHeader.setWrapText(true);
        // each value wrapped on its lines; a few in view, the rest a scroll away, never squeezed by the preview below
        VBox unresolvedRows = new VBox(4);
        unresolvedRows.setId("exportUnresolved");
        Runnable fill = () -> unresolvedRows.getChildren().setAll(vm.unresolved().stream().map(t -> {
            Label l = new Label("• " + t);
            l.setWrapText(true);
            return l;
        }).toList());
        vm.unresolved().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        ScrollPane unresolved = new ScrollPane(unresolvedRows);
        unresolved.setFitToWidth(true);
        unresolved.setPrefViewportHeight(96);
        unresolved.setMinHeight(Region.USE_PREF_SIZE);
        VBox unresolvedBox = new VBox(4, unresolvedHeader, unresolved);
        unresolvedBox.visibleProperty().bind(Bindings.isNotEmpty(vm.unresolved()));
        unresolvedBox.managedProperty().bind(unresolvedBox.visibleProperty());
        save.disableProperty().bind(unresolvedBox.visibleProperty());
        copy.disableProperty().bind(unresolvedBox.visibleProperty());

        VBox box = new VBox(8, unresolvedBox, new Label("Formats to save"), formats, corrected, asIs,
                new HBox(8, new Label("Preview"), preview, copy, save), text, status);
        box.setPadding(new Insets(10));
        getDialogPane().setContent(box);
        getDialogPane().setPrefSize(960, 720);
        getDialogPane().setMinWidth(900);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
