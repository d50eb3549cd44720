package minet.ui.properties;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** Builds the editor of each {@link PropertiesViewModel.Field} into a form: text fields, drop-downs, check boxes, values. */
final class FieldEditors {
    private FieldEditors() {}

    static void fill(VBox form, java.util.List<PropertiesViewModel.Field> fields) {
        form.getChildren().clear();
        for (PropertiesViewModel.Field f : fields) {
            Label name = new Label(f.label());
            name.getStyleClass().add("field-label");
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(f.errorProperty());
            error.visibleProperty().bind(f.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            error.setWrapText(true);
            switch (f.kind()) {
                case TEXT: {
                    TextField t = new TextField();
                    t.setId("field-" + f.id());
                    t.textProperty().bindBidirectional(f.textProperty());
                    if (f.help() != null) t.setPromptText(f.help());
                    if (f.help() != null) t.setTooltip(new Tooltip(f.help()));
                    f.errorProperty().addListener((o, a, e) -> t.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), e != null && !e.isEmpty()));
                    // Enter applies and moves on, as Tab does (a form, not a one-field dialog).
                    t.setOnAction(e -> { if (f.commit()) focusAfter(form, t); });
                    t.focusedProperty().addListener((o, was, now) -> { if (!now) f.commit(); });
                    t.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ESCAPE) f.revert(); });
                    form.getChildren().addAll(name, t, error);
                    break;
                }
                case CHOICE: {
                    ComboBox<String> c = new ComboBox<>();
                    c.setId("field-" + f.id());
                    c.setItems(f.choices());
                    // Names in the list, the full resource ID in a tooltip.
                    c.setCellFactory(l -> choiceCell(f));
                    c.setButtonCell(choiceCell(f));
                    c.setValue(f.textProperty().get());
                    c.setMaxWidth(Double.MAX_VALUE);
                    f.textProperty().addListener((o, a, v) -> { if (v != null && !v.equals(c.getValue())) c.setValue(v); });
                    c.valueProperty().addListener((o, a, v) -> {
                        if (v != null && !v.equals(f.textProperty().get())) {
                            f.textProperty().set(v);
                            f.commit();
                        }
                    });
                    form.getChildren().addAll(name, c, error);
                    break;
                }
                case CHECK: {
                    CheckBox b = new CheckBox(f.label());
                    b.setId("field-" + f.id());
                    b.setWrapText(true);
                    b.selectedProperty().bindBidirectional(f.flagProperty());
                    form.getChildren().addAll(b, error);
                    break;
                }
                default: {
                    Label v = new Label();
                    v.setId("field-" + f.id());
                    v.textProperty().bind(f.textProperty());
                    v.setWrapText(true);
                    v.getStyleClass().add("field-value");
                    form.getChildren().addAll(name, v);
                }
            }
        }
    }

    private static javafx.scene.control.ListCell<String> choiceCell(PropertiesViewModel.Field f) {
        return new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : f.display(item));
                setTooltip(empty || item == null || f.display(item).equals(item) ? null : new Tooltip(item));
            }
        };
    }

    /** Focuses the next editable control of the form after {@code n}, if any. */
    private static void focusAfter(VBox form, javafx.scene.Node n) {
        var children = form.getChildren();
        for (int i = children.indexOf(n) + 1; i < children.size(); i++) {
            javafx.scene.Node c = children.get(i);
            if (c instanceof javafx.scene.control.Control && c.isFocusTraversable() && !c.isDisabled() && c.isVisible()) {
                c.requestFocus();
                return;
            }
        }
    }

}
