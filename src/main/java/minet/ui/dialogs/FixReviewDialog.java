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
import javafx.stage.Window;
import minet.fix.Change;
import minet.ui.validation.FixService.FixPlan;

/** Fix all's review: the change list and what it means, with Apply and Cancel. */
public final class FixReviewDialog extends Dialog<ButtonType> {
    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    public FixReviewDialog(Window owner, FixPlan plan) {
        if (owner != null) initOwner(owner);
        setTitle("Fix all: review");
        setResizable(true);
        setHeaderText(plan.changes().size() + " change(s) to NSGs, route tables and subnet associations."
                + " Apply them as one step (Edit → Undo reverts them all).");

        TableView<Change> changes = new TableView<>(javafx.collections.FXCollections.observableList(plan.changes()));
        changes.setId("fixChanges");
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Change, String> kind = new TableColumn<>("Change");
        kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(word(c.getValue().kind())));
        kind.setPrefWidth(90);
        TableColumn<Change, String> resource = new TableColumn<>("Element");
        resource.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().element().word() + " " + c.getValue().label()));
        resource.setPrefWidth(360);
        TableColumn<Change, String> what = new TableColumn<>("Details");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(details(c.getValue())));
        what.setPrefWidth(380);
        changes.getColumns().addAll(java.util.List.of(kind, resource, what));
        changes.setPrefHeight(300);

        ListView<String> semantic = new ListView<>(javafx.collections.FXCollections.observableList(plan.semanticChanges()));
        semantic.setId("fixSemantic");
        semantic.setPrefHeight(150);
        semantic.setPlaceholder(new Label("No change in what traffic is allowed"));

        Label changesHead = new Label("Changes");
        changesHead.setStyle("-fx-font-weight: bold");
        Label meaningHead = new Label("What changes for traffic and routing");
        meaningHead.setStyle("-fx-font-weight: bold");
        VBox box = new VBox(8, changesHead, changes, meaningHead, semantic);
        if (!plan.notDone().isEmpty()) {
            Label notDoneHead = new Label("Left for you (no automatic fix)");
            notDoneHead.setStyle("-fx-font-weight: bold");
            ListView<String> notDone = new ListView<>(javafx.collections.FXCollections.observableList(plan.notDone()));
            notDone.setId("fixNotDone");
            notDone.setPrefHeight(90);
            box.getChildren().addAll(notDoneHead, notDone);
        }
        VBox.setVgrow(changes, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setPrefWidth(900);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        getDialogPane().lookupButton(APPLY).setId("applyFixes");
    }

    private static String details(Change c) {
        String s = switch (c.kind()) {
            case ADDED -> c.after();
            case REMOVED -> c.before();
            case CHANGED -> c.details();
        };
        return s == null ? "" : s;
    }

    private static String word(Change.Kind k) {
        return switch (k) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case CHANGED -> "Changed";
        };
    }
}
