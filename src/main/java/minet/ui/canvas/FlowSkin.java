package minet.ui.canvas;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import minet.layout.DiagramFlow;
import minet.layout.Point;
import minet.model.Bounds;

/**
 * A traffic flow: an arrow along the route the layout computed (axis-parallel segments), labelled with its protocol
 * and ports in the box the layout reserved for the label. Style classes: {@code flow}, {@code flow-<kind>},
 * {@code state-allowed|blocked|undecided|unknown}, {@code selected}, {@code traced}.
 */
public final class FlowSkin extends Group {
    private final DiagramFlow flow;
    private final Path line = new Path();
    /** A wide invisible twin of the line, so that a thin arrow is easy to click. */
    private final Path hit = new Path();
    private final Polygon head = new Polygon();
    private final Rectangle labelBg = new Rectangle();
    private final Text label = new Text();
    private final Tooltip tooltip = new Tooltip();
    private FlowState state = FlowState.UNKNOWN;
    private String detail;

    public FlowSkin(DiagramFlow flow) {
        this.flow = flow;
        setId("flow:" + flow.id());
        getStyleClass().addAll("flow", "flow-" + flow.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        line.getStyleClass().add("flow-line");
        head.getStyleClass().add("flow-head");
        labelBg.getStyleClass().add("flow-label-bg");
        label.getStyleClass().add("flow-label");
        List<Point> r = flow.route();
        if (!r.isEmpty()) {
            line.getElements().add(new MoveTo(r.get(0).x(), r.get(0).y()));
            for (int i = 1; i < r.size(); i++) line.getElements().add(new LineTo(r.get(i).x(), r.get(i).y()));
            if (r.size() > 1) {
                Point a = r.get(r.size() - 2), b = r.get(r.size() - 1);
                arrow(new Point2D(b.x(), b.y()), new Point2D(b.x() - a.x(), b.y() - a.y()));
            }
        }
        // Only the wide twin is picked: a bent line's fill area (closed by JavaFX for picking) would catch clicks
        // meant for the boxes it goes around.
        line.setMouseTransparent(true);
        hit.getElements().setAll(line.getElements());
        hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
        hit.setStrokeWidth(10);
        hit.setFill(null);
        hit.getStyleClass().add("flow-hit");
        getChildren().addAll(hit, line, head);
        Bounds box = flow.labelBox();
        if (!flow.label().isEmpty() && box != null) {
            label.setText(flow.label());
            labelBg.setX(box.x());
            labelBg.setY(box.y());
            labelBg.setWidth(box.width());
            labelBg.setHeight(box.height());
            labelBg.setArcWidth(8);
            labelBg.setArcHeight(8);
            // Centred in the box the layout reserved (its width is a generous estimate of the text's).
            label.setTextOrigin(javafx.geometry.VPos.CENTER);
            label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            label.setWrappingWidth(box.width());
            label.setX(box.x());
            label.setY(box.y() + box.height() / 2);
            getChildren().addAll(labelBg, label);
        }
        setState(FlowState.UNKNOWN, null);
        // The verdict's sentences are long (a failover group's pair, every rule that decided): wrapped, not cut at the screen's edge.
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);
        Tooltip.install(hit, tooltip);
        Tooltip.install(labelBg, tooltip);
        label.setMouseTransparent(true);
    }

    public DiagramFlow flow() { return flow; }
    public FlowState state() { return state; }
    /** The tooltip's text: what the flow is, the verdict in {@code trace}'s words and what decided it. */
    public String tooltipText() { return tooltip.getText(); }
    /** The rule (and hop) that decided, as the validation's trace put it. */
    public String detail() { return detail; }

    public void setState(FlowState s, String detail) {
        state = s == null ? FlowState.UNKNOWN : s;
        this.detail = detail;
        getStyleClass().removeAll("state-allowed", "state-blocked", "state-undecided", "state-unknown");
        getStyleClass().add("state-" + state.name().toLowerCase(java.util.Locale.ROOT));
        tooltip.setText((flow.label().isEmpty() ? "" : flow.label() + "\n") + flow.description()
                + (flow.traffic() == null ? "" : "\n" + state.words() + (detail == null || detail.isBlank() ? "" : ": " + detail)));
    }

    public void setSelected(boolean on) { toggle("selected", on); }

    /** Part of a traced path. */
    public void setTraced(boolean on) { toggle("traced", on); }

    private void toggle(String styleClass, boolean on) {
        if (on) { if (!getStyleClass().contains(styleClass)) getStyleClass().add(styleClass); }
        else getStyleClass().remove(styleClass);
    }

    private void arrow(Point2D tip, Point2D dir) {
        if (dir.magnitude() < 1e-9) dir = new Point2D(1, 0);
        dir = dir.normalize();
        Point2D back = tip.subtract(dir.multiply(11));
        Point2D side = new Point2D(-dir.getY(), dir.getX()).multiply(5);
        Point2D l = back.add(side), r = back.subtract(side);
        head.getPoints().setAll(tip.getX(), tip.getY(), l.getX(), l.getY(), r.getX(), r.getY());
    }
}
