package minet.ui.palette;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ContentDisplay;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import minet.ui.canvas.PaletteItem;

/**
 * The palette: one entry per {@link PaletteItem}. Drag an entry onto the canvas (a full press-drag-release
 * gesture; the canvas reads the item from the gesture source's user data), or double-click / press Enter to add
 * it at the centre of the view. Compact (a column of icons, each named by its tooltip) where the window is narrow:
 * the canvas needs the width more than the words.
 */
public final class PaletteView extends VBox {
    /** The width of the compact palette: an icon and its padding. */
    public static final double COMPACT_WIDTH = 46;
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");

    private final BooleanProperty compact = new SimpleBooleanProperty(this, "compact", false);

    public PaletteView(Consumer<PaletteItem> addAtCentre) {
        getStyleClass().add("palette");
        setId("palette");
        setSpacing(2);
        setPadding(new Insets(8, 6, 8, 6));
        Label heading = new Label("Palette");
        heading.getStyleClass().addAll("title-4", "palette-heading");
        heading.visibleProperty().bind(compact.not());
        heading.managedProperty().bind(heading.visibleProperty());
        getChildren().add(heading);
        for (PaletteItem item : PaletteItem.values()) {
            SVGPath icon = new SVGPath();
            icon.setContent(item.icon());
            icon.getStyleClass().add("palette-icon");
            icon.getTransforms().add(new Scale(0.8, 0.8));
            Label l = new Label(item.label(), new javafx.scene.Group(icon));
            l.setId("palette-" + item.name());
            l.setUserData(item);
            l.getStyleClass().add("palette-item");
            l.setMaxWidth(Double.MAX_VALUE);
            // The name first: in the compact palette the tooltip is all that names the icon.
            l.setTooltip(new Tooltip(item.label() + ": " + item.tooltip() + "\nDrag onto the canvas, or double-click to add at the centre."));
            l.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(compact)
                    .then(ContentDisplay.GRAPHIC_ONLY).otherwise(ContentDisplay.LEFT));
            l.setCursor(Cursor.OPEN_HAND);
            l.setFocusTraversable(true);
            l.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
                l.startFullDrag();
                l.setCursor(Cursor.CLOSED_HAND);
            });
            l.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> l.setCursor(Cursor.OPEN_HAND));
            l.setOnMouseClicked(e -> { if (e.getClickCount() == 2) addAtCentre.accept(item); });
            l.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ENTER) addAtCentre.accept(item); });
            getChildren().add(l);
        }
        // Compact, the ten icons fit the palette's height at 1024 × 700 (no scroll bar to eat its 46 px).
        compact.addListener((o, was, now) -> {
            setPadding(now ? new Insets(6, 4, 6, 4) : new Insets(8, 6, 8, 6));
            setSpacing(now ? 0 : 2);
            for (javafx.scene.Node n : getChildren()) if (n.getStyleClass().contains("palette-item")) n.pseudoClassStateChanged(COMPACT, now);
        });
    }

    /** Icons only, named by their tooltips. */
    public BooleanProperty compactProperty() { return compact; }
}
