package minet.ui.properties;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import minet.model.Direction;
import minet.rules.eval.EffectiveRules;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An NSG's rules as the portal shows them: Inbound and Outbound tabs sorted by priority, Azure's default rules at the
 * end greyed, the rules Azure manages locked; the selected rule's every field in a form below (a table of ten
 * columns is unreadable in a side panel).
 */
final class NsgEditorView extends VBox {
    private final PropertiesViewModel vm;
    private final TabPane tabs = new TabPane();
    private final TableView<RuleRow> inbound, outbound;
    private final VBox ruleForm = new VBox(6);
    /** Told when the user picks a rule in a table: the panel brings the rule's form into view. */
    Runnable onRulePicked;

    /** The selected rule's heading and fields. */
    javafx.scene.Node ruleForm() { return ruleForm; }

    NsgEditorView(PropertiesViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setId("nsg-editor");
        inbound = table(Direction.INBOUND);
        outbound = table(Direction.OUTBOUND);
        Tab in = new Tab(null, pane(Direction.INBOUND, inbound));
        in.textProperty().bind(Bindings.createStringBinding(() -> "Inbound (" + own(vm.rules(Direction.INBOUND)) + ")", vm.rules(Direction.INBOUND)));
        in.setId("tab-inbound");
        Tab out = new Tab(null, pane(Direction.OUTBOUND, outbound));
        out.textProperty().bind(Bindings.createStringBinding(() -> "Outbound (" + own(vm.rules(Direction.OUTBOUND)) + ")", vm.rules(Direction.OUTBOUND)));
        out.setId("tab-outbound");
        tabs.getTabs().setAll(in, out);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(260);
        tabs.setMinHeight(260);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            // Switching tabs clears a rule of the other direction from the form.
            RuleRow sel = vm.selectedRuleProperty().get();
            if (sel != null && !sel.direction().equalsIgnoreCase(direction().azure())) vm.selectRule(null);
        });

        Label ruleHeading = new Label();
        ruleHeading.getStyleClass().add("title-4");
        ruleHeading.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedRuleProperty().get() == null ? ""
                : "Rule · " + vm.selectedRuleProperty().get().name(), vm.selectedRuleProperty()));
        Label note = new Label();
        note.setId("rule-note");
        note.setWrapText(true);
        note.getStyleClass().add("properties-hint");
        note.textProperty().bind(vm.ruleNoteProperty());
        note.visibleProperty().bind(vm.ruleNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Label pick = new Label("Select a rule to see or edit all its fields.");
        pick.getStyleClass().add("properties-hint");
        pick.visibleProperty().bind(vm.selectedRuleProperty().isNull());
        pick.managedProperty().bind(pick.visibleProperty());
        VBox formFields = new VBox(6);
        formFields.setId("rule-form");
        vm.ruleFields().addListener((ListChangeListener<PropertiesViewModel.Field>) c -> FieldEditors.fill(formFields, vm.ruleFields()));
        ruleForm.getChildren().addAll(ruleHeading, note, pick, formFields);
        ruleForm.setPadding(new Insets(4, 4, 0, 0));
        Label title = new Label("Security rules");
        title.getStyleClass().add("field-label");
        // In the panel's scroll pane with the NSG's own fields: the table a fixed height, the form below it.
        getChildren().addAll(title, tabs, ruleForm);

        // The table shows the selected rule; a rule whose direction changed is found in the other tab.
        vm.selectedRuleProperty().addListener((o, was, r) -> showSelected(r));
        vm.rules(Direction.INBOUND).addListener((ListChangeListener<RuleRow>) c -> showSelected(vm.selectedRuleProperty().get()));
        vm.rules(Direction.OUTBOUND).addListener((ListChangeListener<RuleRow>) c -> showSelected(vm.selectedRuleProperty().get()));
    }

    private static long own(java.util.List<RuleRow> rows) {
        return rows.stream().filter(r -> r.kind() != EffectiveRules.Kind.DEFAULT).count();
    }

    private Direction direction() { return tabs.getSelectionModel().getSelectedIndex() == 1 ? Direction.OUTBOUND : Direction.INBOUND; }

    private TableView<RuleRow> tableOf(Direction d) { return d == Direction.OUTBOUND ? outbound : inbound; }

    private boolean selecting;

    private void showSelected(RuleRow r) {
        if (selecting) return;
        selecting = true;
        try {
            if (r == null) {
                inbound.getSelectionModel().clearSelection();
                outbound.getSelectionModel().clearSelection();
                return;
            }
            Direction d = "Outbound".equalsIgnoreCase(r.direction()) ? Direction.OUTBOUND : Direction.INBOUND;
            tabs.getSelectionModel().select(d == Direction.OUTBOUND ? 1 : 0);
            TableView<RuleRow> t = tableOf(d);
            for (int i = 0; i < t.getItems().size(); i++) {
                RuleRow row = t.getItems().get(i);
                if (r.index() >= 0 ? row.index() == r.index() : row.name().equals(r.name())) {
                    if (t.getSelectionModel().getSelectedIndex() != i) t.getSelectionModel().select(i);
                    t.scrollTo(Math.max(0, i - 2));
                    return;
                }
            }
        } finally {
            selecting = false;
        }
    }

    private VBox pane(Direction d, TableView<RuleRow> table) {
        TableView<RuleRow> t = table;
        String word = d == Direction.INBOUND ? "inbound" : "outbound";
        Button add = PropertiesView.iconButton("mdi2p-plus", "Add an " + word + " rule at the next free priority", "rule-add-" + word);
        add.setOnAction(e -> {
            if (vm.addRule(d) >= 0) javafx.application.Platform.runLater(() -> {
                // Straight on to naming it.
                javafx.scene.Node name = ruleForm.lookup("#field-rule-name");
                if (name != null) name.requestFocus();
            });
        });
        Button remove = PropertiesView.iconButton("mdi2m-minus", "Delete the selected rule", "rule-remove-" + word);
        remove.setOnAction(e -> { RuleRow r = t.getSelectionModel().getSelectedItem(); if (r != null) vm.removeRule(r.index()); });
        Button up = PropertiesView.iconButton("mdi2a-arrow-up", "Evaluate earlier (swaps priorities with the rule above)", "rule-up-" + word);
        up.setOnAction(e -> { RuleRow r = t.getSelectionModel().getSelectedItem(); if (r != null) vm.moveRule(r.index(), -1); });
        Button down = PropertiesView.iconButton("mdi2a-arrow-down", "Evaluate later (swaps priorities with the rule below)", "rule-down-" + word);
        down.setOnAction(e -> { RuleRow r = t.getSelectionModel().getSelectedItem(); if (r != null) vm.moveRule(r.index(), 1); });
        // Azure's rules can be looked at, not changed.
        var locked = Bindings.createBooleanBinding(() -> t.getSelectionModel().getSelectedItem() == null || t.getSelectionModel().getSelectedItem().locked(),
                t.getSelectionModel().selectedItemProperty());
        remove.disableProperty().bind(locked);
        up.disableProperty().bind(locked);
        down.disableProperty().bind(locked);
        VBox box = new VBox(2, new ToolBar(add, remove, up, down), t);
        VBox.setVgrow(t, Priority.ALWAYS);
        return box;
    }

    private TableView<RuleRow> table(Direction d) {
        TableView<RuleRow> t = new TableView<>(vm.rules(d));
        t.setId("rules-" + (d == Direction.INBOUND ? "inbound" : "outbound"));
        t.getStyleClass().addAll("dense");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No rules"));
        TableColumn<RuleRow, String> priority = column("Priority", RuleRow::priority, 76);
        TableColumn<RuleRow, String> name = column("Name", RuleRow::name, 120);
        name.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                RuleRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : s);
                setGraphic(row != null && row.kind() == EffectiveRules.Kind.MANAGED ? new FontIcon("mdi2l-lock-outline") : null);
                setTooltip(row == null ? null : new Tooltip(s + (row.kind() == EffectiveRules.Kind.MANAGED ? " (managed by Azure)"
                        : row.kind() == EffectiveRules.Kind.DEFAULT ? " (Azure's default rule)" : "")));
            }
        });
        TableColumn<RuleRow, String> port = column("Port", RuleRow::destinationPorts, 66);
        TableColumn<RuleRow, String> action = column("Action", RuleRow::access, 62);
        t.getColumns().addAll(java.util.List.of(priority, name, port, action));
        t.setRowFactory(x -> new TableRow<>() {
            @Override protected void updateItem(RuleRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("default-rule", "managed-rule");
                if (!empty && r != null && r.kind() == EffectiveRules.Kind.DEFAULT) getStyleClass().add("default-rule");
                if (!empty && r != null && r.kind() == EffectiveRules.Kind.MANAGED) getStyleClass().add("managed-rule");
            }
        });
        t.getSelectionModel().selectedItemProperty().addListener((o, was, r) -> {
            if (!selecting && r != null) {
                vm.selectRule(r);
                if (onRulePicked != null) onRulePicked.run();
            }
        });
        return t;
    }

    private static TableColumn<RuleRow, String> column(String title, java.util.function.Function<RuleRow, String> get, double width) {
        TableColumn<RuleRow, String> c = new TableColumn<>(title);
        c.setId("col-" + title.toLowerCase(java.util.Locale.ROOT));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(get.apply(cd.getValue())));
        return c;
    }

}
