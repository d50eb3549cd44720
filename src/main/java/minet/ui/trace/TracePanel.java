package minet.ui.trace;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;

/** Source, destination, protocol and port; the engine's hop-by-hop answer below. */
public final class TracePanel extends BorderPane {

    public TracePanel(TraceViewModel vm) {
        setId("tracePanel");
        ComboBox<String> from = endpoint(vm, "traceFrom", "element or address");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        ComboBox<String> to = endpoint(vm, "traceTo", "element or address");
        to.valueProperty().bindBidirectional(vm.toProperty());
        ChoiceBox<String> protocol = new ChoiceBox<>(javafx.collections.FXCollections.observableList(TraceViewModel.PROTOCOLS));
        protocol.valueProperty().bindBidirectional(vm.protocolProperty());
        TextField port = new TextField();
        port.setId("tracePort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(vm.portProperty());
        Button trace = new Button("Trace", new FontIcon("mdi2m-map-marker-path"));
        trace.setId("traceButton");
        trace.setDefaultButton(false);
        trace.disableProperty().bind(vm.canTrace().not());
        trace.setOnAction(e -> vm.trace());
        HBox form = new HBox(8, label("From"), from, label("To"), to, label("Protocol"), protocol, label("Port"), port, trace);
        trace.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        protocol.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.setPadding(new Insets(6));
        form.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label verdict = new Label();
        verdict.setId("traceVerdict");
        verdict.textProperty().bind(Bindings.when(vm.problemProperty().isEmpty())
                .then(vm.verdictProperty()).otherwise(vm.problemProperty()));
        verdict.setStyle("-fx-font-weight: bold");
        vm.allowedProperty().addListener((o, was, ok) -> verdict.setTextFill(
                ok == null ? Color.GRAY : ok ? Color.web("#1a7f37") : Color.web("#d1242f")));
        vm.problemProperty().addListener((o, was, p) -> {
            if (!p.isEmpty()) verdict.setTextFill(Color.web("#d1242f"));
        });

        ListView<TraceService.Hop> hops = new ListView<>(vm.hops());
        hops.setId("traceHops");
        hops.setPlaceholder(new Label("Pick two endpoints and a port, then Trace"));
        hops.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(TraceService.Hop h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : (getIndex() + 1) + ". " + h.step() + (h.detail().isEmpty() ? "" : " — " + h.detail()));
            }
        });
        setTop(form);
        setCenter(new VBox(6, verdict, hops));
        VBox.setVgrow(hops, javafx.scene.layout.Priority.ALWAYS);
        BorderPane.setMargin(getCenter(), new Insets(0, 6, 6, 6));
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static ComboBox<String> endpoint(TraceViewModel vm, String id, String prompt) {
        ComboBox<String> c = new ComboBox<>(vm.endpoints());
        c.setId(id);
        c.setEditable(true);
        c.setPromptText(prompt);
        c.setPrefWidth(240);
        c.setMinWidth(140);
        return c;
    }
}
