package minet.ui.canvas;

import minet.layout.TracePath;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import minet.model.Bounds;

/**
 * A step of a traced path on its box: the step's number (as the Trace panel numbers it) in a circle at the box's
 * top-left corner; where the trace is denied or cannot be decided, a tag saying so beside it. Style classes
 * {@code trace-mark}, {@code trace-mark-passed|denied|undecided}.
 */
final class TraceMarker {
    private TraceMarker() {}

    /**
     * {@code k}: how many markers sit on this box already (they line up to the right); {@code scale}: canvas units
     * per screen pixel, so that the marker keeps its size on screen when the canvas is zoomed out.
     */
    static Group of(TracePath.Stop stop, Bounds box, int k, double scale) {
        String state = stop.state().name().toLowerCase(java.util.Locale.ROOT).replace("_", "-");
        Circle c = new Circle(10);
        c.getStyleClass().add("trace-mark-dot");
        Text n = new Text(String.valueOf(stop.number()));
        n.getStyleClass().add("trace-mark-text");
        n.applyCss();
        n.setX(-n.getLayoutBounds().getWidth() / 2);
        n.setY(4);
        Group g = new Group(c, n);
        String tag = switch (stop.state()) {
            case DENIED -> "✕ denied here";
            case UNDECIDED -> "? cannot be decided offline";
            default -> null;
        };
        if (tag != null) {
            Text t = new Text(tag);
            t.getStyleClass().add("trace-tag-text");
            t.applyCss();
            // Above the box, so that the card's own text stays readable.
            double w = t.getLayoutBounds().getWidth() + 10;
            Rectangle bg = new Rectangle(14, -24, w, 18);
            bg.setArcWidth(9);
            bg.setArcHeight(9);
            bg.getStyleClass().add("trace-tag");
            t.setX(19);
            t.setY(-11);
            g.getChildren().addAll(bg, t);
        }
        g.getStyleClass().addAll("trace-mark", "trace-mark-" + state);
        g.setId("trace-mark-" + stop.number());
        // Centred on the box's top-left corner.
        g.setLayoutX(box.x() + k * 24 * scale);
        g.setLayoutY(box.y());
        g.getTransforms().add(new javafx.scene.transform.Scale(scale, scale, 0, 0));
        return g;
    }
}
