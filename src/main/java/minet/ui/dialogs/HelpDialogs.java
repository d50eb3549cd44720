package minet.ui.dialogs;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import minet.rules.Catalog;
import minet.rules.RuleInfo;
import minet.ui.Wording;

/** Help: the keyboard shortcuts, the rule catalog of a profile, and About. */
public final class HelpDialogs {
    private HelpDialogs() {}

    public static Dialog<Void> shortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(5);
        grid.setPadding(new Insets(4, 8, 4, 8));
        int row = 0;
        for (Shortcuts.Group g : Shortcuts.ALL) {
            Label head = new Label(g.title());
            head.getStyleClass().add("title-4");
            head.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
            grid.add(head, 0, row++, 2, 1);
            for (Shortcuts.Entry e : g.entries()) {
                Label keys = new Label(e.keys());
                keys.setStyle("-fx-font-weight: bold");
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label what = new Label(e.what());
                what.setWrapText(true);
                what.setPrefWidth(440);
                grid.add(keys, 0, row);
                grid.add(what, 1, row++);
            }
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPrefViewportHeight(540);
        Dialog<Void> d = new Dialog<>();
        d.setTitle("Keyboard shortcuts");
        d.getDialogPane().setId("shortcutsDialog");
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().setPrefWidth(760);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        return d;
    }

    /** The rules the design is checked against, per profile, in the catalog's words. */
    public static Dialog<Void> ruleCatalog(String profile) {
        List<String> profiles = Catalog.profiles();
        ComboBox<String> which = new ComboBox<>(FXCollections.observableArrayList(profiles));
        which.setId("catalogProfile");
        which.setValue(profiles.contains(profile) ? profile : profiles.get(0));
        Label source = new Label();
        source.setWrapText(true);
        TableView<RuleInfo> table = new TableView<>();
        table.setId("catalogTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The longest ID (MI-NSG-OUT-MANAGEMENT-SINGLE-RULE) whole: the ID is what the CLI and SARIF name.
        table.getColumns().add(column("Rule", RuleInfo::id, 290, false));
        table.getColumns().add(column("Severity", r -> r.severity().id(), 70, false));
        table.getColumns().add(column("What it checks", RuleInfo::title, 220, true));
        TableColumn<RuleInfo, String> requirement = column("Requirement", r -> Wording.forUser(r.requirement(), which.getValue()), 420, true);
        table.getColumns().add(requirement);
        Runnable fill = () -> {
            table.getItems().setAll(Catalog.all(which.getValue()));
            source.setText(table.getItems().size() + " rules of profile " + which.getValue() + ", after " + Wording.document(which.getValue())
                    + ". IDs and severities are stable: they are what the command line and SARIF report.");
        };
        which.valueProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        HBox top = new HBox(8, new Label("Profile"), which);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, source, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        Dialog<Void> d = new Dialog<>();
        d.setTitle("Rule catalog");
        d.getDialogPane().setId("ruleCatalogDialog");
        d.getDialogPane().setContent(box);
        d.getDialogPane().setPrefSize(1120, 660);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        return d;
    }

    private static TableColumn<RuleInfo, String> column(String title, java.util.function.Function<RuleInfo, String> f, double width, boolean wrap) {
        TableColumn<RuleInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(wrap ? Math.min(width, 80) : width); // an ID is never cut
        if (wrap) {
            c.setCellFactory(x -> new TableCell<>() {
                // A Text, not a Label: its height follows its wrapping width, so the row grows to the whole requirement
                // (a wrapped Label kept two lines and cut the rest with "…", seen under Xvfb).
                private final javafx.scene.text.Text text = new javafx.scene.text.Text();
                {
                    text.getStyleClass().add("finding-message");
                    text.wrappingWidthProperty().bind(c.widthProperty().subtract(14));
                }

                @Override protected void updateItem(String s, boolean empty) {
                    super.updateItem(s, empty);
                    text.setText(empty ? null : s);
                    setGraphic(empty || s == null ? null : text);
                    setText(null);
                }
            });
        }
        return c;
    }

    /** The app's name, version (from the jar's manifest), the profile in use and what runs it. */
    public static Dialog<Void> about(String version, String profile) {
        Label name = new Label("MI Network Designer");
        name.getStyleClass().add("title-2");
        Label what = new Label("Designs, checks and fixes the network of an Azure SQL Managed Instance: the VNet, the MI subnet, "
                + "its network security group and route table, and the parties outside.");
        what.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        String[][] rows = {
                {"Version", version == null ? "development build" : version},
                {"Rules", "profile " + profile + ": " + Wording.document(profile)},
                {"Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "") + ")"},
                {"JavaFX", System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "?"))},
        };
        for (int i = 0; i < rows.length; i++) {
            Label k = new Label(rows[i][0]);
            k.setStyle("-fx-font-weight: bold");
            Label v = new Label(rows[i][1]);
            v.setId("about-" + rows[i][0].toLowerCase(java.util.Locale.ROOT));
            v.setWrapText(true);
            facts.add(k, 0, i);
            facts.add(v, 1, i);
        }
        VBox box = new VBox(10, name, what, facts);
        box.setPrefWidth(520);
        box.setPadding(new Insets(4));
        Dialog<Void> d = new Dialog<>();
        d.setTitle("About MI Network Designer");
        d.getDialogPane().setId("aboutDialog");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        return d;
    }

    /** The version in the jar's manifest, or null when run from classes (a development build). */
    public static String version() {
        return HelpDialogs.class.getPackage() == null ? null : HelpDialogs.class.getPackage().getImplementationVersion();
    }
}
