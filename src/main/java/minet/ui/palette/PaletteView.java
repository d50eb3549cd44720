package minet.ui.palette;

import java.util.function.Consumer;
import javafx.geometry.Insets;
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
 * it at the centre of the view.
 */
public final class PaletteView extends VBox {
    public PaletteView(Consumer<PaletteItem> addAtCentre) {
        getStyleClass().add("palette");
        setId("palette");
        setSpacing(2);
        setPadding(new Insets(8, 6, 8, 6));
        Label heading = new Label("Palette");
        heading.getStyleClass().addAll("title-4", "palette-heading");
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
            l.setTooltip(new Tooltip(item.tooltip() + "\nDrag onto the canvas, or double-click to add at the centre."));
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
    }
}
