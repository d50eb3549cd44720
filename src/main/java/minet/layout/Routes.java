package minet.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minet.model.Bounds;

/**
 * Elbow arrows (two bends at most, axis-parallel) for the quick picture shown before ELK is loaded, and for arrows
 * to a box the user placed by hand (ELK's route no longer fits there); and the size of a flow's label, which ELK
 * must know before it places it.
 */
final class Routes {
    private Routes() {}

    /** Height of a flow label's box; its width is {@link #labelWidth}. */
    static final double LABEL_H = 16;
    /** Font size of flow labels in canvas.css ({@code .flow-label}); label widths are estimated for it. */
    static final double LABEL_FONT = 10.5;

    /**
     * The width of a label's box: the text at {@link #LABEL_FONT} px estimated on the generous side (DejaVu Sans's
     * advances; other sans fonts are narrower) plus 4 units either side, so the drawn text always fits.
     */
    static double labelWidth(String text) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) em += 0.64;
            else if (Character.isUpperCase(c)) em += 0.74;
            else if (Character.isLowerCase(c)) em += 0.62;
            else if (c == ' ' || c == ',' || c == '.' || c == '·' || c == ':' || c == '\'') em += 0.34;
            else if (c == '-' || c == '–') em += 0.5;
            else em += 0.84;
        }
        return Math.ceil(em * LABEL_FONT) + 8;
    }

    static List<DiagramFlow> elbows(List<DiagramNode> nodes, List<DiagramFlow> flows) {
        Map<String, DiagramNode> byId = new java.util.HashMap<>();
        for (DiagramNode n : nodes) byId.put(n.id(), n);
        List<DiagramFlow> out = new ArrayList<>();
        for (DiagramFlow f : flows) out.add(elbow(f, byId.get(f.fromId()).bounds(), byId.get(f.toId()).bounds()));
        return out;
    }

    /** An arrow from box a to box b leaving and entering by the sides that face each other. */
    static DiagramFlow elbow(DiagramFlow f, Bounds a, Bounds b) {
        List<Point> r = new ArrayList<>();
        double acx = a.x() + a.width() / 2, acy = a.y() + a.height() / 2, bcx = b.x() + b.width() / 2, bcy = b.y() + b.height() / 2;
        if (f.fromId().equals(f.toId())) {
            // A loop on the right side: traffic that stays among the box's own nodes.
            double x = a.x() + a.width(), y1 = a.y() + Math.min(a.height(), 76) * 0.3, y2 = a.y() + Math.min(a.height(), 76) * 0.7;
            r.add(new Point(x, y1));
            r.add(new Point(x + 24, y1));
            r.add(new Point(x + 24, y2));
            r.add(new Point(x, y2));
            return f.routed(r, label(f, x + 30 + labelWidth(f.label()) / 2, (y1 + y2) / 2));
        }
        if (b.x() >= a.x() + a.width() || b.x() + b.width() <= a.x()) {
            boolean right = b.x() >= a.x() + a.width();
            double sx = right ? a.x() + a.width() : a.x(), ex = right ? b.x() : b.x() + b.width(), mx = (sx + ex) / 2;
            r.add(new Point(sx, acy));
            if (acy != bcy) {
                r.add(new Point(mx, acy));
                r.add(new Point(mx, bcy));
            }
            r.add(new Point(ex, bcy));
        } else if (b.y() >= a.y() + a.height() || b.y() + b.height() <= a.y()) {
            boolean down = b.y() >= a.y() + a.height();
            double sy = down ? a.y() + a.height() : a.y(), ey = down ? b.y() : b.y() + b.height(), my = (sy + ey) / 2;
            r.add(new Point(acx, sy));
            if (acx != bcx) {
                r.add(new Point(acx, my));
                r.add(new Point(bcx, my));
            }
            r.add(new Point(bcx, ey));
        } else {
            // Overlapping boxes: around the right of both.
            double x = Math.max(a.x() + a.width(), b.x() + b.width()) + 20;
            r.add(new Point(a.x() + a.width(), acy));
            r.add(new Point(x, acy));
            r.add(new Point(x, bcy));
            r.add(new Point(b.x() + b.width(), bcy));
        }
        // The label sits on the longest segment's middle.
        Point p = r.get(0), q = r.get(1);
        for (int i = 1; i < r.size(); i++) {
            Point u = r.get(i - 1), v = r.get(i);
            if (Math.abs(u.x() - v.x()) + Math.abs(u.y() - v.y()) > Math.abs(p.x() - q.x()) + Math.abs(p.y() - q.y())) { p = u; q = v; }
        }
        return f.routed(r, label(f, (p.x() + q.x()) / 2, (p.y() + q.y()) / 2));
    }

    private static Bounds label(DiagramFlow f, double cx, double cy) {
        if (f.label().isEmpty()) return null;
        double w = labelWidth(f.label());
        return new Bounds(cx - w / 2, cy - LABEL_H / 2, w, LABEL_H);
    }
}
