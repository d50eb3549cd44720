package minet.ui.validation;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import minet.rules.Finding;
import minet.rules.Severity;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom panel: findings with filter, counts, Fix buttons, and the selected finding explained. */
public final class ValidationPanel extends BorderPane {

    public ValidationPanel(ValidationViewModel vm) {
        getStyleClass().add("validation-panel");
        setId("validationPanel");

        ToggleButton errors = severityToggle(Severity.ERROR, vm.showErrorsProperty());
        errors.textProperty().bind(Bindings.createStringBinding(() -> counted(vm.errorsProperty().get(), "error", "errors"), vm.errorsProperty()));
        ToggleButton warnings = severityToggle(Severity.WARNING, vm.showWarningsProperty());
        warnings.textProperty().bind(Bindings.createStringBinding(() -> counted(vm.warningsProperty().get(), "warning", "warnings"), vm.warningsProperty()));
        ToggleButton infos = severityToggle(Severity.INFO, vm.showInfosProperty());
        infos.textProperty().bind(Bindings.format("%d info", vm.infosProperty()));

        TextField filter = new TextField();
        filter.setId("findingFilter");
        filter.setPromptText("Filter");
        filter.setTooltip(new Tooltip("Show findings whose rule, element or message contains this text"));
        filter.setPrefColumnCount(10);
        filter.textProperty().bindBidirectional(vm.filterTextProperty());

        ComboBox<String> profile = new ComboBox<>(vm.profiles());
        profile.setId("profileSelector");
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        profile.setTooltip(new Tooltip("The rule profile the design is checked against; auto picks it from the design"));
        // "auto" says what it picked for this design.
        profile.setButtonCell(new javafx.scene.control.ListCell<>() {
            {
                vm.analysisProperty().addListener(o -> show(getItem(), isEmpty()));
            }

            @Override protected void updateItem(String p, boolean empty) {
                super.updateItem(p, empty);
                show(p, empty);
            }

            private void show(String p, boolean empty) {
                setText(empty || p == null ? null : p.equals(minet.rules.Profiles.AUTO) && !vm.profileInUse().isEmpty() ? "auto: " + vm.profileInUse() : p);
            }
        });

        Button fixAll = new Button("Fix all…", new FontIcon("mdi2a-auto-fix"));
        fixAll.setId("fixAllButton");
        fixAll.setTooltip(new Tooltip("Review every available fix, then apply them as one undoable step"));
        fixAll.disableProperty().bind(vm.anyFixableProperty().not());
        fixAll.setOnAction(e -> vm.fixAll());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // Fix all first: it must stay visible when the panel is narrow.
        ToolBar bar = new ToolBar(fixAll, errors, warnings, infos, filter, grow, profile);
        setTop(bar);

        TableView<Finding> table = new TableView<>(vm.visibleFindings());
        table.setId("findingsTable");
        table.setPlaceholder(new Label("No problems found"));

        TableColumn<Finding, Severity> sev = new TableColumn<>("");
        sev.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        sev.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setGraphic(empty || s == null ? null : icon(s));
                setTooltip(empty || s == null ? null : new Tooltip(s.id()));
            }
        });
        sev.setPrefWidth(30);
        sev.setMaxWidth(30);
        sev.setMinWidth(30);
        sev.setSortable(false);
        TableColumn<Finding, String> rule = column("Rule", Finding::ruleId, Finding::ruleId, 200);
        rule.setId("col-rule");
        // The element by kind and name; its resource path in the tooltip.
        TableColumn<Finding, String> element = column("Element", f -> ValidationViewModel.elementLabel(f.resource()), Finding::resource, 170);
        element.setId("col-element");
        TableColumn<Finding, String> message = new TableColumn<>("Message");
        message.setId("col-message");
        message.setCellValueFactory(x -> new ReadOnlyStringWrapper(vm.message(x.getValue())));
        message.setCellFactory(x -> wrappingCell(message));
        message.setMinWidth(220);
        TableColumn<Finding, Finding> fix = new TableColumn<>("");
        fix.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        fix.setCellFactory(c -> new TableCell<>() {
            private final Button b = new Button("Fix", new FontIcon("mdi2w-wrench"));
            {
                b.getStyleClass().add("small");
                b.setOnAction(e -> {
                    if (getItem() != null) vm.fix(getItem());
                });
            }

            @Override protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setGraphic(empty || f == null || !vm.canFix(f) ? null : b);
            }
        });
        fix.setPrefWidth(78);
        fix.setMinWidth(78);
        fix.setSortable(false);
        // The Fix button next to the icon, so it stays in view; the message takes the room the others leave, and
        // wraps: it is what the user reads (at 1024 × 700 the table still shows it).
        table.getColumns().addAll(java.util.List.of(sev, fix, rule, element, message));
        // Rule and Element give way on a small window (their full text is in the tooltip); the message never does.
        rule.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(150, Math.min(230, table.getWidth() * 0.2)), table.widthProperty()));
        element.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(110, Math.min(220, table.getWidth() * 0.17)), table.widthProperty()));
        message.prefWidthProperty().bind(table.widthProperty().subtract(sev.widthProperty()).subtract(fix.widthProperty())
                .subtract(rule.widthProperty()).subtract(element.widthProperty()).subtract(18));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, f) -> vm.selectedProperty().set(f));
        vm.selectedProperty().addListener((o, was, f) -> {
            if (f == null) table.getSelectionModel().clearSelection();
            else if (table.getSelectionModel().getSelectedItem() != f) table.getSelectionModel().select(f);
        });

        VBox detailsBox = details(vm);
        detailsBox.setMinWidth(200);
        SplitPane split = new SplitPane(table, detailsBox);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        setCenter(split);
        setPrefHeight(250);
        setMinHeight(160);
    }

    private static VBox details(ValidationViewModel vm) {
        Label ruleId = new Label();
        ruleId.setId("detailsRuleId");
        ruleId.setStyle("-fx-font-weight: bold");
        Label title = new Label();
        title.setStyle("-fx-font-weight: bold");
        title.setWrapText(true);
        Label requirementHead = new Label();
        requirementHead.textProperty().bind(Bindings.createStringBinding(() -> "What " + minet.ui.Wording.document(vm.profileProperty().get()) + " requires",
                vm.profileProperty()));
        requirementHead.setStyle("-fx-font-weight: bold");
        requirementHead.setWrapText(true);
        Label requirement = new Label();
        requirement.setWrapText(true);
        Label fixHead = new Label("What the fix does");
        fixHead.setStyle("-fx-font-weight: bold");
        Label fix = new Label();
        fix.setWrapText(true);
        Label facts = new Label();
        facts.setId("findingFacts");
        facts.setWrapText(true);
        vm.detailsProperty().addListener((o, was, d) -> {
            ruleId.setText(d.ruleId());
            title.setText(d.title());
            requirement.setText(d.requirement());
            fix.setText(d.fix());
            facts.setText(String.join("\n", d.facts()));
        });
        Label hint = new Label("Select a finding to see the rule in words and what decided it.");
        hint.setWrapText(true);
        hint.visibleProperty().bind(vm.selectedProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox content = new VBox(6, hint, ruleId, title, requirementHead, requirement, fixHead, fix, facts);
        for (var n : new javafx.scene.Node[] {ruleId, title, requirementHead, requirement, fixHead, fix, facts}) {
            n.visibleProperty().bind(vm.selectedProperty().isNotNull());
            n.managedProperty().bind(n.visibleProperty());
        }
        content.setPadding(new Insets(8));
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox box = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setId("findingDetails");
        return box;
    }

    /** A column showing {@code f} of a finding, with {@code tip} of it as the tooltip. */
    private static TableColumn<Finding, String> column(String title, java.util.function.Function<Finding, String> f,
                                                      java.util.function.Function<Finding, String> tip, double w) {
        TableColumn<Finding, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                Finding row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(tip.apply(row)));
            }
        });
        c.setPrefWidth(w);
        c.setMinWidth(Math.min(w, 90));
        return c;
    }

    /** A cell whose text wraps to the column's width: a long message takes two or three lines, never "…". */
    private static TableCell<Finding, String> wrappingCell(TableColumn<Finding, String> column) {
        return new TableCell<>() {
            // A Text, not a Label: its height follows its wrapping width, so the row grows to fit it.
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();
            {
                text.getStyleClass().add("finding-message");
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
            }

            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                text.setText(empty ? null : s);
                setGraphic(empty || s == null ? null : text);
                setText(null);
            }
        };
    }

    private static ToggleButton severityToggle(Severity s, javafx.beans.property.BooleanProperty shown) {
        ToggleButton b = new ToggleButton("", icon(s));
        b.setId("show-" + s.id());
        b.selectedProperty().bindBidirectional(shown);
        b.setTooltip(new Tooltip("Show or hide " + s.id() + " findings"));
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    /** The severity's icon, coloured as the canvas badges are. */
    public static FontIcon icon(Severity s) {
        FontIcon i = switch (s) {
            case ERROR -> new FontIcon("mdi2c-close-circle");
            case WARNING -> new FontIcon("mdi2a-alert");
            case INFO -> new FontIcon("mdi2i-information");
        };
        i.setIconColor(color(s));
        i.setIconSize(16);
        return i;
    }

    public static Color color(Severity s) {
        return switch (s) {
            case ERROR -> Color.web("#d1242f");
            case WARNING -> Color.web("#bf8700");
            case INFO -> Color.web("#0969da");
        };
    }

    private static String counted(Number n, String one, String many) {
        return n.longValue() + " " + (n.longValue() == 1 ? one : many);
    }
}
