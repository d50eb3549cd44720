package minet.ui.properties;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import minet.rules.eval.EffectiveRules;
import minet.rules.route.EffectiveRoutes;

/**
 * A subnet's effective security rules (Inbound, Outbound: the NSG's rules by priority, then Azure's defaults) and
 * effective routes (system, gateway and user routes; the active one of each prefix), as the portal lists them for a
 * network interface.
 */
final class EffectiveDialog extends Dialog<Void> {

    EffectiveDialog(PropertiesViewModel.Effective e) {
        setTitle("Effective rules and routes · " + e.subnetName());
        setHeaderText("Subnet " + e.subnetName() + " (" + e.addressPrefixes() + "): what Azure applies to its traffic, computed offline from the design");
        TabPane tabs = new TabPane(
                new Tab("Inbound rules", rules(e.rules().inbound(), e.rules())),
                new Tab("Outbound rules", rules(e.rules().outbound(), e.rules())),
                new Tab("Routes", routes(e.routes())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("effectiveTabs");
        getDialogPane().setContent(tabs);
        getDialogPane().setId("effectiveDialog");
        getDialogPane().setPrefSize(1080, 620);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }

    private static VBox rules(List<EffectiveRules.Row> rows, EffectiveRules all) {
        TableView<EffectiveRules.Row> t = new TableView<>(FXCollections.observableList(rows));
        t.setId(rows == all.outbound() ? "effectiveOutbound" : "effectiveInbound");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No rules: nothing is filtered"));
        t.getColumns().addAll(List.of(
                col("Priority", r -> r.priority() == null ? "—" : String.valueOf(r.priority()), 70),
                col("Name", r -> r.name() + (r.kind() == EffectiveRules.Kind.MANAGED ? "  (managed by Azure)" : r.kind() == EffectiveRules.Kind.DEFAULT ? "  (default)" : ""), 300),
                col("Port", EffectiveRules.Row::destinationPorts, 110),
                col("Protocol", r -> r.protocol() == null ? "" : r.protocol(), 70),
                col("Source", EffectiveRules.Row::source, 160),
                col("Destination", EffectiveRules.Row::destination, 160),
                col("Action", r -> r.access() == null ? "" : r.access().azure(), 70)));
        t.setRowFactory(x -> new TableRow<>() {
            @Override protected void updateItem(EffectiveRules.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("default-rule");
                if (!empty && r != null && r.kind() == EffectiveRules.Kind.DEFAULT) getStyleClass().add("default-rule");
            }
        });
        String source = all.nsgName() == null ? "" : "Network security group " + all.nsgName() + ", then Azure's default rules. The first rule that matches a packet decides it.";
        return box(t, source, all.notes());
    }

    private static VBox routes(EffectiveRoutes r) {
        TableView<EffectiveRoutes.Row> t = new TableView<>(FXCollections.observableList(r.rows()));
        t.setId("effectiveRoutes");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().addAll(List.of(
                col("Source", EffectiveRoutes.Row::source, 180),
                col("State", row -> switch (row.state()) {
                    case ACTIVE -> "Active";
                    case INVALID -> "Invalid (overridden)";
                    case UNKNOWN -> "Cannot tell offline";
                }, 160),
                col("Address prefix", EffectiveRoutes.Row::addressPrefix, 190),
                col("Next hop type", EffectiveRoutes.Row::nextHopType, 170),
                col("Next hop IP", row -> row.nextHopIpAddress() == null ? "" : row.nextHopIpAddress(), 110),
                col("Route name", row -> row.routeName() == null ? "" : row.routeName(), 180)));
        t.setRowFactory(x -> new TableRow<>() {
            @Override protected void updateItem(EffectiveRoutes.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("effective-invalid");
                if (!empty && row != null && row.state() != EffectiveRoutes.State.ACTIVE) getStyleClass().add("effective-invalid");
            }
        });
        // "Invalid (overridden)": another route of the same prefix wins (user over gateway over system).
        String source = (r.routeTableName() == null ? "No route table: Azure's system routes only." : "Route table " + r.routeTableName() + " and Azure's system routes.")
                + " Per packet the longest matching prefix decides; of routes with the same prefix a user route beats a gateway route, which beats a system route.";
        return box(t, source, r.notes());
    }

    private static VBox box(TableView<?> t, String source, List<String> notes) {
        Label head = new Label(source);
        head.setWrapText(true);
        head.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, head, t);
        for (String n : notes) {
            Label l = new Label(n);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("effective-note");
            box.getChildren().add(l);
        }
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static <R> TableColumn<R, String> col(String title, Function<R, String> f, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
