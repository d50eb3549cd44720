package minet.ui.properties;

import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The properties panel: builds the editors the ViewModel lists and binds them; no logic of its own. */
public final class PropertiesView extends VBox {
    private final PropertiesViewModel vm;
    private final VBox form = new VBox(6);
    private final VBox tableBox = new VBox(4);
    private final TableView<RuleRow> rulesTable = new TableView<>();
    private final TableView<RouteRow> routesTable = new TableView<>();
    private ScrollPane scroll;

    public PropertiesView(PropertiesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("properties");
        setId("properties");
        setSpacing(8);
        setPadding(new Insets(10));
        Label heading = new Label();
        heading.getStyleClass().addAll("title-4", "properties-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(vm.headingProperty());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        this.scroll = scroll;
        Label hint = new Label("Click an element on the canvas (or a finding in the Problems panel) to see and edit it here. "
                + "A subnet's Effective rules and routes are here too.");
        hint.setId("properties-hint");
        hint.getStyleClass().add("properties-hint");
        hint.setWrapText(true);
        hint.visibleProperty().bind(vm.nothingSelectedProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        getChildren().addAll(heading, hint, scroll, tableBox);
        buildRulesTable();
        buildRoutesTable();
        vm.fields().addListener((ListChangeListener<PropertiesViewModel.Field>) c -> rebuild());
        vm.tableProperty().addListener((o, a, t) -> showTable(t));
        rebuild();
        showTable(vm.tableProperty().get());
    }

    private void rebuild() {
        form.getChildren().clear();
        for (PropertiesViewModel.Field f : vm.fields()) {
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
                    t.setOnAction(e -> { if (f.commit()) focusAfter(t); });
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
    private void focusAfter(javafx.scene.Node n) {
        var children = form.getChildren();
        for (int i = children.indexOf(n) + 1; i < children.size(); i++) {
            javafx.scene.Node c = children.get(i);
            if (c instanceof javafx.scene.control.Control && c.isFocusTraversable() && !c.isDisabled() && c.isVisible()) {
                c.requestFocus();
                return;
            }
        }
    }

    private void showTable(PropertiesViewModel.TableKind t) {
        tableBox.getChildren().clear();
        // The form takes the room when there is no table; with a table, the table does.
        boolean table = t != PropertiesViewModel.TableKind.NONE;
        VBox.setVgrow(scroll, table ? Priority.NEVER : Priority.ALWAYS);
        VBox.setVgrow(tableBox, table ? Priority.ALWAYS : Priority.NEVER);
        scroll.setMinHeight(table ? 140 : 0);
        if (t == PropertiesViewModel.TableKind.RULES) {
            tableBox.getChildren().addAll(new Label("Security rules"), toolbar(true), rulesTable);
            VBox.setVgrow(rulesTable, Priority.ALWAYS);
        } else if (t == PropertiesViewModel.TableKind.ROUTES) {
            tableBox.getChildren().addAll(new Label("Routes"), toolbar(false), routesTable);
            VBox.setVgrow(routesTable, Priority.ALWAYS);
        }
    }

    private ToolBar toolbar(boolean rules) {
        Button add = iconButton("mdi2p-plus", rules ? "Add a security rule" : "Add a route", rules ? "rule-add" : "route-add");
        Button remove = iconButton("mdi2m-minus", "Remove the selected row", rules ? "rule-remove" : "route-remove");
        Button up = iconButton("mdi2a-arrow-up", rules ? "Move up (swaps priorities)" : "Move up", rules ? "rule-up" : "route-up");
        Button down = iconButton("mdi2a-arrow-down", rules ? "Move down (swaps priorities)" : "Move down", rules ? "rule-down" : "route-down");
        TableView<?> table = rules ? rulesTable : routesTable;
        add.setOnAction(e -> select(table, rules ? vm.addRule(table.getSelectionModel().getSelectedIndex() < 0 ? table.getItems().size() - 1 : table.getSelectionModel().getSelectedIndex())
                : vm.addRoute(table.getSelectionModel().getSelectedIndex() < 0 ? table.getItems().size() - 1 : table.getSelectionModel().getSelectedIndex())));
        remove.setOnAction(e -> {
            int i = table.getSelectionModel().getSelectedIndex();
            if (rules) vm.removeRule(i); else vm.removeRoute(i);
            select(table, Math.min(i, table.getItems().size() - 1));
        });
        up.setOnAction(e -> select(table, rules ? vm.moveRule(table.getSelectionModel().getSelectedIndex(), -1) : vm.moveRoute(table.getSelectionModel().getSelectedIndex(), -1)));
        down.setOnAction(e -> select(table, rules ? vm.moveRule(table.getSelectionModel().getSelectedIndex(), 1) : vm.moveRoute(table.getSelectionModel().getSelectedIndex(), 1)));
        remove.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThan(0));
        up.disableProperty().bind(remove.disableProperty());
        down.disableProperty().bind(remove.disableProperty());
        return new ToolBar(add, remove, up, down);
    }

    private static void select(TableView<?> t, int i) {
        if (i >= 0 && i < t.getItems().size()) {
            t.getSelectionModel().select(i);
            t.scrollTo(i);
        }
    }

    private static Button iconButton(String icon, String tip, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setId(id);
        b.getStyleClass().add("flat");
        return b;
    }

    private void buildRulesTable() {
        rulesTable.setId("rules-table");
        rulesTable.getStyleClass().addAll("dense", "striped");
        rulesTable.setEditable(true);
        rulesTable.setItems(vm.rules());
        rulesTable.setPlaceholder(new Label("No rules: add one with +"));
        String[] titles = {"Priority", "Name", "Direction", "Access", "Protocol", "Source", "Source ports", "Destination", "Destination ports", "Description"};
        double[] widths = {64, 170, 78, 64, 70, 130, 90, 130, 150, 200};
        RuleRow.Column[] cols = RuleRow.Column.values();
        for (int i = 0; i < cols.length; i++) {
            RuleRow.Column col = cols[i];
            rulesTable.getColumns().add(column(titles[i], widths[i], col.name(), r -> r.get(col), (r, v) -> vm.editRule(r.index(), col, v)));
        }
    }

    /** A text column; {@code edit} applies a cell's new text and returns an error, or null. */
    private static <R> TableColumn<R, String> column(String title, double width, String name, java.util.function.Function<R, String> get,
                                                     BiFunction<R, String, String> edit) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setId("col-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(get.apply(cd.getValue())));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> {
            // A refused edit leaves the row as it was; the error is in the status bar.
            if (edit.apply(e.getRowValue(), e.getNewValue()) != null) e.getTableView().refresh();
        });
        return c;
    }

    private void buildRoutesTable() {
        routesTable.setId("routes-table");
        routesTable.getStyleClass().addAll("dense", "striped");
        routesTable.setEditable(true);
        routesTable.setItems(vm.routes());
        routesTable.setPlaceholder(new Label("No routes: add one with +"));
        String[] titles = {"Name", "Address prefix", "Next hop type", "Next hop IP"};
        double[] widths = {230, 130, 130, 110};
        RouteRow.Column[] cols = RouteRow.Column.values();
        for (int i = 0; i < cols.length; i++) {
            RouteRow.Column col = cols[i];
            routesTable.getColumns().add(column(titles[i], widths[i], col.name(), r -> r.get(col), (r, v) -> vm.editRoute(r.index(), col, v)));
        }
    }
}
