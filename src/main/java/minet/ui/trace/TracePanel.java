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
        // Enter in any of the fields traces, as the button does.
        port.setOnAction(e -> { if (!trace.isDisabled()) vm.trace(); });
        for (ComboBox<String> c : java.util.List.of(from, to)) {
            c.getEditor().setOnAction(e -> {
                c.commitValue();
                if (!trace.isDisabled()) vm.trace();
            });
        }
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
        // Green passed, red denied, amber when it cannot be decided offline (as the canvas draws it), never red then.
        vm.outcomeProperty().addListener((o, was, s) -> verdict.setTextFill(
                s == null ? Color.GRAY : s == minet.layout.TracePath.State.PASSED ? Color.web("#1a7f37")
                        : s == minet.layout.TracePath.State.UNDECIDED ? Color.web("#9a6700") : Color.web("#d1242f")));
        Label hint = new Label();
        hint.setId("traceHint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(vm.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        vm.problemProperty().addListener((o, was, p) -> {
            if (!p.isEmpty()) verdict.setTextFill(Color.web("#d1242f"));
        });

        ListView<TraceService.Hop> hops = new ListView<>(vm.hops());
        hops.setId("traceHops");
        hops.setPlaceholder(new Label("Pick two endpoints and a port, then Trace"));
        hops.setCellFactory(l -> new ListCell<>() {
            {
                // A hop's detail (the route chosen, the rule that decided) wraps: read whole, no sideways scrolling.
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
                setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }

            @Override protected void updateItem(TraceService.Hop h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : (getIndex() + 1) + ". " + h.step() + (h.detail().isEmpty() ? "" : " — " + h.detail()));
            }
        });
        setTop(form);
        setCenter(new VBox(6, verdict, hint, hops));
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
