package minet.ui.properties;

import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The properties panel: builds the editors the ViewModel lists and binds them; no logic of its own. */
public final class PropertiesView extends VBox {
    private final PropertiesViewModel vm;
    private final VBox form = new VBox(6);
    private final VBox tableBox = new VBox(4);
    /** Below the fields, inside the scroll pane: the NSG editor (rules table and rule form). */
    private final VBox extra = new VBox();
    /** Built when an NSG is first shown: not on the first screen, so not at start-up. */
    private NsgEditorView nsgEditor;
    private final TableView<RouteRow> routesTable = new TableView<>();
    private ScrollPane scroll;
    private final Button collapse = new Button(null, new FontIcon("mdi2c-chevron-double-right"));

    public PropertiesView(PropertiesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("properties");
        setId("properties");
        setSpacing(8);
        setPadding(new Insets(10));
        Label heading = new Label();
        heading.getStyleClass().addAll("title-4", "properties-heading");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a long name wraps instead of "…"
        heading.textProperty().bind(vm.headingProperty());
        Button effective = new Button("Effective rules and routes…", new FontIcon("mdi2t-table-eye"));
        effective.setId("show-effective");
        effective.setTooltip(new Tooltip("What Azure applies to this subnet: its NSG's rules with Azure's defaults, its routes with the system routes"));
        effective.visibleProperty().bind(vm.subnetSelectedProperty());
        effective.managedProperty().bind(effective.visibleProperty());
        effective.setOnAction(e -> vm.effective().ifPresent(x ->
                minet.ui.dialogs.Dialogs.showAndWait(minet.ui.dialogs.Dialogs.prepare(new EffectiveDialog(x), getScene().getWindow()))));
        VBox content = new VBox(10, effective, form, extra);
        content.setPadding(new Insets(0, 6, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
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
        // Folds the panel away (the window decides what that means; hidden until it says).
        collapse.setId("properties-collapse");
        collapse.getStyleClass().addAll("flat", "small");
        collapse.setTooltip(new Tooltip("Fold the properties panel away (F4): more room for the diagram"));
        collapse.setFocusTraversable(false);
        collapse.setVisible(false);
        collapse.managedProperty().bind(collapse.visibleProperty());
        heading.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(heading, Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(4, heading, collapse);
        head.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        getChildren().addAll(head, hint, scroll, tableBox);
        // Tab and Enter walk through the fields: keep the focused one in view.
        sceneProperty().addListener((o, was, sc) -> {
            if (sc != null) sc.focusOwnerProperty().addListener((x, a, f) -> scrollTo(f));
        });
        buildRoutesTable();
        vm.fields().addListener((ListChangeListener<PropertiesViewModel.Field>) c -> rebuild());
        vm.tableProperty().addListener((o, a, t) -> showTable(t));
        rebuild();
        showTable(vm.tableProperty().get());
    }

    /** Shows a button in the heading that folds the panel away: {@code action} does it. */
    public void setOnCollapse(Runnable action) {
        collapse.setOnAction(e -> action.run());
        collapse.setVisible(action != null);
    }

    private void rebuild() {
        FieldEditors.fill(form, vm.fields());
    }

    private void scrollTo(javafx.scene.Node n) {
        javafx.scene.Node content = scroll.getContent();
        boolean inside = false;
        for (javafx.scene.Node x = n; x != null; x = x.getParent()) if (x == content) inside = true;
        if (!inside || n == null) return;
        double contentHeight = content.getBoundsInLocal().getHeight(), view = scroll.getViewportBounds().getHeight();
        if (contentHeight <= view) return;
        javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - view);
        if (b.getMinY() < top) scroll.setVvalue(Math.max(0, (b.getMinY() - 30) / (contentHeight - view)));
        else if (b.getMaxY() > top + view) scroll.setVvalue(Math.min(1, (b.getMaxY() - view + 30) / (contentHeight - view)));
    }

    /** Runs {@code r} once the next pulse has laid the panel out (the form just filled has its height then). */
    private void afterLayout(Runnable r) {
        if (getScene() == null) return;
        javafx.scene.Scene sc = getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            sc.removePostLayoutPulseListener(once[0]);
            javafx.application.Platform.runLater(r);
        };
        sc.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /**
     * Scrolls the panel so that {@code top} (inside it) starts at the top of the view, unless then the first
     * {@code showing} pixels of {@code then} would be below it: then as far as they need.
     */
    private void scrollToShow(javafx.scene.Node top, javafx.scene.Node then, double showing) {
        javafx.scene.Parent content = (javafx.scene.Parent) scroll.getContent();
        // The form was just filled: measure it laid out.
        scroll.applyCss();
        scroll.layout();
        content.layout();
        double contentHeight = content.getLayoutBounds().getHeight(), view = scroll.getViewportBounds().getHeight();
        if (contentHeight <= view) return;
        double y = content.sceneToLocal(top.localToScene(top.getBoundsInLocal())).getMinY();
        javafx.geometry.Bounds next = content.sceneToLocal(then.localToScene(then.getBoundsInLocal()));
        y = Math.max(y, next.getMinY() + Math.min(next.getHeight(), showing) - view);
        scroll.setVvalue(Math.max(0, Math.min(1, y / (contentHeight - view))));
    }

    private void showTable(PropertiesViewModel.TableKind t) {
        tableBox.getChildren().clear();
        extra.getChildren().clear();
        // The form takes the room when there is no table; with the routes table, the table does.
        boolean table = t == PropertiesViewModel.TableKind.ROUTES;
        VBox.setVgrow(scroll, table ? Priority.NEVER : Priority.ALWAYS);
        VBox.setVgrow(tableBox, table ? Priority.ALWAYS : Priority.NEVER);
        scroll.setMinHeight(table ? 140 : 0);
        if (t == PropertiesViewModel.TableKind.RULES) {
            if (nsgEditor == null) {
                nsgEditor = new NsgEditorView(vm);
                // The form of a picked rule lies below the table: seen at 1440 × 900 it was out of view. Scroll so
                // the rules table starts at the top, or further where the form's first fields would not show.
                nsgEditor.onRulePicked = () -> afterLayout(() -> scrollToShow(nsgEditor, nsgEditor.ruleForm(), 200));
            }
            extra.getChildren().setAll(nsgEditor);
        } else if (t == PropertiesViewModel.TableKind.ROUTES) {
            tableBox.getChildren().addAll(new Label("Routes"), routesToolbar(), routesTable);
            VBox.setVgrow(routesTable, Priority.ALWAYS);
        }
    }

    private ToolBar routesToolbar() {
        Button add = iconButton("mdi2p-plus", "Add a route", "route-add");
        Button remove = iconButton("mdi2m-minus", "Remove the selected route", "route-remove");
        Button up = iconButton("mdi2a-arrow-up", "Move up (routes have no order in Azure: this only tidies the list)", "route-up");
        Button down = iconButton("mdi2a-arrow-down", "Move down", "route-down");
        TableView<RouteRow> table = routesTable;
        add.setOnAction(e -> select(table, vm.addRoute(table.getSelectionModel().getSelectedIndex() < 0 ? table.getItems().size() - 1 : table.getSelectionModel().getSelectedIndex())));
        remove.setOnAction(e -> {
            int i = table.getSelectionModel().getSelectedIndex();
            vm.removeRoute(i);
            select(table, Math.min(i, table.getItems().size() - 1));
        });
        up.setOnAction(e -> select(table, vm.moveRoute(table.getSelectionModel().getSelectedIndex(), -1)));
        down.setOnAction(e -> select(table, vm.moveRoute(table.getSelectionModel().getSelectedIndex(), 1)));
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

    /** A flat toolbar button with an icon and a tooltip (the properties panel's and the NSG editor's). */
    static Button iconButton(String icon, String tip, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setId(id);
        b.getStyleClass().add("flat");
        return b;
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
