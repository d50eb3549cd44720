package minet.ui.dialogs;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import minet.fix.Change;

/** Fix all's review: the change list and what it means, with Apply and Cancel. */
public final class FixReviewDialog extends Dialog<ButtonType> {
    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    /** Shown through {@link Dialogs#prepare}, which gives it its owner and size. */
    public FixReviewDialog(FixPlan plan) {
        setTitle("Fix all: review");
        setHeaderText(summary(plan) + "\nApply applies them as one step: Edit → Undo reverts them all.");

        TableView<Change> changes = new TableView<>(javafx.collections.FXCollections.observableList(plan.changes()));
        changes.setId("fixChanges");
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Change, String> kind = new TableColumn<>("Change");
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(word(c.getValue().kind())));
        kind.setPrefWidth(90);
        kind.setMinWidth(80);
        TableColumn<Change, String> resource = new TableColumn<>("Element");
        resource.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().element().word() + " " + c.getValue().label()));
        resource.setPrefWidth(360);
        TableColumn<Change, String> what = new TableColumn<>("Details");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(details(c.getValue())));
        what.setPrefWidth(380);
        changes.getColumns().addAll(java.util.List.of(kind, resource, what));
        changes.setPrefHeight(300);

        ListView<String> semantic = new ListView<>(javafx.collections.FXCollections.observableList(words(plan.semanticChanges())));
        semantic.setId("fixSemantic");
        semantic.setPrefHeight(150);
        semantic.setPlaceholder(new Label("No change in what traffic is allowed"));
        semantic.setCellFactory(l -> wrapping(l));

        Label changesHead = new Label("Changes");
        changesHead.setStyle("-fx-font-weight: bold");
        Label meaningHead = new Label("What changes for traffic and routing");
        meaningHead.setStyle("-fx-font-weight: bold");
        VBox box = new VBox(8, changesHead, changes, meaningHead, semantic);
        if (!plan.notDone().isEmpty()) {
            Label notDoneHead = new Label("Left for you (no automatic fix)");
            notDoneHead.setStyle("-fx-font-weight: bold");
            ListView<String> notDone = new ListView<>(javafx.collections.FXCollections.observableList(words(plan.notDone())));
            notDone.setId("fixNotDone");
            notDone.setPrefHeight(90);
            box.getChildren().addAll(notDoneHead, notDone);
        }
        VBox.setVgrow(changes, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        getDialogPane().setPrefSize(1000, 680);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        getDialogPane().lookupButton(APPLY).setId("applyFixes");
    }

    /** "6 rules added, 99 routes added, 1 rule changed". */
    static String summary(FixPlan plan) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Change c : plan.changes()) counts.merge(c.element().word() + "|" + word(c.kind()).toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        java.util.List<String> parts = new java.util.ArrayList<>();
        counts.forEach((k, n) -> {
            String[] w = k.split("\\|");
            parts.add(n + " " + w[0] + (n == 1 || w[0].startsWith("NSG of") || w[0].startsWith("route table of") ? "" : "s") + " " + w[1]);
        });
        int n = plan.changes().size();
        return n + (n == 1 ? " change: " : " changes: ") + String.join(", ", parts) + ".";
    }

    private static javafx.scene.control.ListCell<String> wrapping(ListView<String> l) {
        javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        };
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(l.widthProperty().subtract(24));
        return cell;
    }

    private static String details(Change c) {
        String s = switch (c.kind()) {
            case ADDED -> c.after();
            case REMOVED -> c.before();
            case CHANGED -> c.details();
        };
        return s == null ? "" : minet.ui.Wording.forUser(s, null);
    }

    /** The fix engine's texts in the window's words. */
    private static java.util.List<String> words(java.util.List<String> texts) {
        return texts.stream().map(t -> minet.ui.Wording.forUser(t, null)).toList();
    }

    private static String word(Change.Kind k) {
        return switch (k) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case CHANGED -> "Changed";
        };
    }
}
