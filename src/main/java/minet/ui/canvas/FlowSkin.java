package minet.ui.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import minet.layout.DiagramFlow;
import minet.layout.FlowKind;
import minet.model.Bounds;

/**
 * A traffic flow: a straight arrow between two boxes (a loop for traffic inside one box), labelled with its
 * protocol and ports. Parallel flows between the same two boxes are spread by {@code offset} canvas units.
 * Style classes: {@code flow}, {@code flow-<kind>}, {@code state-allowed|blocked|unknown}.
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
    private Point2D a, b, c1, c2;
    private boolean loop;
    private FlowState state = FlowState.UNKNOWN;

    public FlowSkin(DiagramFlow flow, Bounds from, Bounds to, double offset) {
        this.flow = flow;
        setId("flow:" + flow.id());
        getStyleClass().addAll("flow", "flow-" + flow.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        line.getStyleClass().add("flow-line");
        head.getStyleClass().add("flow-head");
        labelBg.getStyleClass().add("flow-label-bg");
        label.getStyleClass().add("flow-label");
        geometry(from, to, offset);
        hit.getElements().setAll(line.getElements());
        hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
        hit.setStrokeWidth(10);
        hit.setFill(null);
        hit.getStyleClass().add("flow-hit");
        getChildren().addAll(hit, line, head);
        if (!flow.label().isEmpty()) {
            label.setText(flow.label());
            getChildren().addAll(labelBg, label);
        }
        setState(FlowState.UNKNOWN, null);
        Tooltip.install(hit, tooltip);
        Tooltip.install(label, tooltip);
    }

    public DiagramFlow flow() { return flow; }
    public FlowState state() { return state; }

    public void setState(FlowState s, String detail) {
        state = s == null ? FlowState.UNKNOWN : s;
        getStyleClass().removeAll("state-allowed", "state-blocked", "state-unknown");
        getStyleClass().add("state-" + state.name().toLowerCase(java.util.Locale.ROOT));
        String verdict = state == FlowState.ALLOWED ? "Allowed by the current rules" : state == FlowState.BLOCKED ? "BLOCKED by the current rules" : "Not checked yet";
        tooltip.setText((flow.label().isEmpty() ? "" : flow.label() + "\n") + flow.description() + "\n" + verdict + (detail == null || detail.isBlank() ? "" : ": " + detail));
    }

    public void setSelected(boolean on) {
        if (on) { if (!getStyleClass().contains("selected")) getStyleClass().add("selected"); }
        else getStyleClass().remove("selected");
    }

    private static Point2D center(Bounds r) { return new Point2D(r.x() + r.width() / 2, r.y() + r.height() / 2); }

    /** Where a ray from p in direction d leaves the rectangle r (p inside r). */
    private static Point2D exit(Bounds r, Point2D p, Point2D d) {
        double t = Double.MAX_VALUE;
        if (d.getX() > 1e-9) t = Math.min(t, (r.x() + r.width() - p.getX()) / d.getX());
        if (d.getX() < -1e-9) t = Math.min(t, (r.x() - p.getX()) / d.getX());
        if (d.getY() > 1e-9) t = Math.min(t, (r.y() + r.height() - p.getY()) / d.getY());
        if (d.getY() < -1e-9) t = Math.min(t, (r.y() - p.getY()) / d.getY());
        if (t == Double.MAX_VALUE || t < 0) t = 0;
        return p.add(d.multiply(t));
    }

    private void geometry(Bounds from, Bounds to, double offset) {
        if (flow.fromId().equals(flow.toId())) {
            loop = true;
            // A loop on the box's right side: traffic that stays among the box's own nodes.
            double x = from.x() + from.width(), y = from.y(), h = Math.min(from.height(), 76);
            a = new Point2D(x, y + h * 0.3);
            b = new Point2D(x, y + h * 0.7);
            c1 = new Point2D(x + 48, y + h * 0.3 - 22);
            c2 = new Point2D(x + 48, y + h * 0.7 + 22);
            line.getElements().setAll(new MoveTo(a.getX(), a.getY()), new CubicCurveTo(c1.getX(), c1.getY(), c2.getX(), c2.getY(), b.getX(), b.getY()));
            arrow(b, new Point2D(b.getX() - c2.getX(), b.getY() - c2.getY()).normalize());
            return;
        }
        Point2D ca = center(from), cb = center(to);
        Point2D d = cb.subtract(ca);
        if (d.magnitude() < 1e-6) d = new Point2D(1, 0);
        d = d.normalize();
        Point2D n = new Point2D(-d.getY(), d.getX()).multiply(offset);
        Point2D sa = ca.add(n), sb = cb.add(n);
        a = exit(from, sa, d);
        b = exit(to, sb, d.multiply(-1));
        line.getElements().setAll(new MoveTo(a.getX(), a.getY()), new LineTo(b.getX(), b.getY()));
        arrow(b, d);
    }

    private void arrow(Point2D tip, Point2D dir) {
        Point2D back = tip.subtract(dir.multiply(11));
        Point2D side = new Point2D(-dir.getY(), dir.getX()).multiply(5);
        Point2D l = back.add(side), r = back.subtract(side);
        head.getPoints().setAll(tip.getX(), tip.getY(), l.getX(), l.getY(), r.getX(), r.getY());
    }

    /** The preferred place along the line for the label (0 = source, 1 = target). */
    double preferredT() {
        if (flow.kind() == FlowKind.MANAGEMENT_OUTBOUND) return 0.72;
        if (flow.kind() == FlowKind.MANAGEMENT_INBOUND) return 0.35;
        if (flow.kind() == FlowKind.REDIRECT) return 0.62;
        return 0.5;
    }

    /** Puts the label at fraction t of the line; returns its box in canvas units. */
    javafx.geometry.Bounds placeLabel(double t) { return placeLabel(t, 0); }

    /** Puts the label at fraction t of the line, moved {@code across} units to the side of it. */
    javafx.geometry.Bounds placeLabel(double t, double across) {
        if (flow.label().isEmpty()) return null;
        label.applyCss();
        double w = label.getLayoutBounds().getWidth(), h = label.getLayoutBounds().getHeight();
        Point2D p;
        if (loop) {
            // Under the loop, left-aligned with it.
            p = new Point2D(a.getX() + w / 2 + 4, b.getY() + 30 + h / 2);
        } else {
            p = a.add(b.subtract(a).multiply(t));
            Point2D d = b.subtract(a);
            if (across != 0 && d.magnitude() > 0) {
                Point2D nrm = new Point2D(-d.getY(), d.getX()).normalize();
                // Keep "up" up, whichever way the line runs.
                if (nrm.getY() > 0 || (nrm.getY() == 0 && nrm.getX() > 0)) nrm = nrm.multiply(-1);
                p = p.add(nrm.multiply(across));
            }
        }
        label.setX(p.getX() - w / 2);
        label.setY(p.getY() + h / 2 - label.getBaselineOffset() / 3.5);
        javafx.geometry.Bounds lb = label.getBoundsInParent();
        labelBg.setX(lb.getMinX() - 4);
        labelBg.setY(lb.getMinY() - 1);
        labelBg.setWidth(lb.getWidth() + 8);
        labelBg.setHeight(lb.getHeight() + 2);
        labelBg.setArcWidth(8);
        labelBg.setArcHeight(8);
        return labelBg.getBoundsInParent();
    }
}
