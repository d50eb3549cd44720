package minet.ui.render;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import minet.model.Design;
import minet.ui.Theme;
import minet.ui.canvas.DiagramPane;

/**
 * Writes the canvas as SVG by walking the very shapes the skins drew (after CSS): rectangles, paths, polygons,
 * circles, lines and text, each with its colours and its transform. A documented simplification: the background
 * grid is left out and text uses the generic sans-serif family.
 */
public final class SvgExport {
    private SvgExport() {}

    /** Lays the design out, styles it and serialises it with its title block and legend; call on the FX thread. */
    public static String of(Design design, Theme theme) {
        return of(design, theme, minet.rules.Validator.DEFAULT_PROFILE);
    }

    /** As {@link #of(Design, Theme)}, judged by and drawn in the era of {@code profile} (auto, latest or an id). */
    public static String of(Design design, Theme theme, String profile) {
        return of(minet.ui.render.Renderer.sheet(design, theme, true, profile));
    }

    /** The shapes and text under {@code pane} (a diagram or an export sheet), in its coordinates. */
    public static String of(javafx.scene.layout.Region pane) {
        double w = pane.getPrefWidth(), h = pane.getPrefHeight();
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "font-family=\"DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif\">\n", w, h, w, h));
        String bg = "#ffffff";
        if (pane.getBackground() != null && !pane.getBackground().getFills().isEmpty()) {
            BackgroundFill last = pane.getBackground().getFills().get(pane.getBackground().getFills().size() - 1);
            bg = color(last.getFill());
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"%s\"/>\n", w, h, bg));
        for (Node n : pane.getChildrenUnmodifiable()) walk(n, pane, sb);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void walk(Node n, javafx.scene.layout.Region root, StringBuilder sb) {
        if (!n.isVisible() || n.getStyleClass().contains("flow-hit")) return;
        if (n instanceof Text t) {
            text(t, root, sb);
        } else if (n instanceof Shape s) {
            shape(s, root, sb);
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, root, sb);
    }

    private static String transform(Node n, javafx.scene.layout.Region root) {
        Transform t;
        try {
            t = root.getLocalToSceneTransform().createInverse().createConcatenation(n.getLocalToSceneTransform());
        } catch (javafx.scene.transform.NonInvertibleTransformException e) {
            t = n.getLocalToSceneTransform();
        }
        return String.format(Locale.ROOT, " transform=\"matrix(%.4f %.4f %.4f %.4f %.2f %.2f)\"", t.getMxx(), t.getMyx(), t.getMxy(), t.getMyy(), t.getTx(), t.getTy());
    }

    private static String paint(Shape s) {
        StringBuilder a = new StringBuilder();
        a.append(" fill=\"").append(color(s.getFill())).append('"').append(opacity("fill-opacity", s.getFill()));
        a.append(" stroke=\"").append(color(s.getStroke())).append('"').append(opacity("stroke-opacity", s.getStroke()));
        if (s.getStroke() != null && !isTransparent(s.getStroke())) {
            a.append(String.format(Locale.ROOT, " stroke-width=\"%.2f\"", s.getStrokeWidth()));
            if (!s.getStrokeDashArray().isEmpty()) {
                a.append(" stroke-dasharray=\"");
                for (int i = 0; i < s.getStrokeDashArray().size(); i++) a.append(i == 0 ? "" : " ").append(s.getStrokeDashArray().get(i));
                a.append('"');
            }
            a.append(" stroke-linecap=\"").append(s.getStrokeLineCap().name().toLowerCase(Locale.ROOT).replace("square", "square")).append('"');
            a.append(" stroke-linejoin=\"").append(s.getStrokeLineJoin().name().toLowerCase(Locale.ROOT)).append('"');
        }
        return a.toString();
    }

    private static void shape(Shape s, javafx.scene.layout.Region root, StringBuilder sb) {
        String tr = transform(s, root), p = paint(s);
        if (s instanceof Rectangle r) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"%.1f\"%s%s/>\n",
                    r.getX(), r.getY(), r.getWidth(), r.getHeight(), r.getArcWidth() / 2, p, tr));
        } else if (s instanceof SVGPath path) {
            sb.append("<path d=\"").append(path.getContent()).append('"').append(p).append(tr).append("/>\n");
        } else if (s instanceof Path path) {
            StringBuilder d = new StringBuilder();
            for (PathElement e : path.getElements()) {
                if (e instanceof MoveTo m) d.append(String.format(Locale.ROOT, "M%.2f %.2f ", m.getX(), m.getY()));
                else if (e instanceof LineTo l) d.append(String.format(Locale.ROOT, "L%.2f %.2f ", l.getX(), l.getY()));
                else if (e instanceof CubicCurveTo c) d.append(String.format(Locale.ROOT, "C%.2f %.2f %.2f %.2f %.2f %.2f ",
                        c.getControlX1(), c.getControlY1(), c.getControlX2(), c.getControlY2(), c.getX(), c.getY()));
                else if (e instanceof ClosePath) d.append("Z ");
            }
            sb.append("<path d=\"").append(d.toString().trim()).append('"').append(p).append(tr).append("/>\n");
        } else if (s instanceof Polygon poly) {
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i + 1 < poly.getPoints().size(); i += 2) {
                pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", poly.getPoints().get(i), poly.getPoints().get(i + 1)));
            }
            sb.append("<polygon points=\"").append(pts.toString().trim()).append('"').append(p).append(tr).append("/>\n");
        } else if (s instanceof Circle c) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\"%s%s/>\n", c.getCenterX(), c.getCenterY(), c.getRadius(), p, tr));
        } else if (s instanceof Line l) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\"%s%s/>\n", l.getStartX(), l.getStartY(), l.getEndX(), l.getEndY(), p, tr));
        }
    }

    private static void text(Text t, javafx.scene.layout.Region root, StringBuilder sb) {
        if (t.getText() == null || t.getText().isEmpty()) return;
        Font f = t.getFont();
        double baseline = t.getLayoutBounds().getMinY() + t.getBaselineOffset();
        boolean bold = f.getStyle().toLowerCase(Locale.ROOT).contains("bold");
        // Flow labels are centred in the box the layout reserved for them.
        boolean centred = t.getWrappingWidth() > 0 && t.getTextAlignment() == javafx.scene.text.TextAlignment.CENTER;
        double x = centred ? t.getLayoutBounds().getMinX() + t.getWrappingWidth() / 2 : t.getLayoutBounds().getMinX();
        sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\"%s%s fill=\"%s\"%s%s>%s</text>\n",
                x, baseline, f.getSize(), bold ? " font-weight=\"bold\"" : "", centred ? " text-anchor=\"middle\"" : "", color(t.getFill()),
                opacity("fill-opacity", t.getFill()), transform(t, root), escape(t.getText())));
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                default:
                    if (c < 0x20 && c != '\t') continue; // not allowed in XML 1.0
                    out.append(c);
            }
        }
        return out.toString();
    }

    private static String opacity(String attribute, Paint p) {
        if (p instanceof Color c && c.getOpacity() > 0 && c.getOpacity() < 1) {
            return String.format(Locale.ROOT, " %s=\"%.2f\"", attribute, c.getOpacity());
        }
        return "";
    }

    private static boolean isTransparent(Paint p) {
        return p == null || (p instanceof Color c && c.getOpacity() == 0);
    }

    static String color(Paint p) {
        if (isTransparent(p)) return "none";
        if (p instanceof Color c) {
            return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        }
        return "#808080";
    }
}
