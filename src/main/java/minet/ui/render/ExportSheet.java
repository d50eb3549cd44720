package minet.ui.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import minet.rules.Report;
import minet.ui.canvas.DiagramPane;

/**
 * What an exported picture (PNG, SVG, {@code render}) shows around the diagram: a title block (the design's name,
 * the profile its rules were checked against, the date, the error and warning counts) above it and a legend
 * (what green, red, amber, solid, dashed and the badges mean) below it. The diagram is the canvas's own pane with
 * the same verdict colours and badges the window shows.
 */
public final class ExportSheet extends Pane {
    static final double PAD = 24, TITLE_H = 64;

    private final DiagramPane diagram;

    /**
     * @param legend false for the bare diagram (as before: {@code render --no-legend})
     */
    public ExportSheet(DiagramPane diagram, String designName, Report report, LocalDate date, boolean legend) {
        this.diagram = diagram;
        getStyleClass().addAll("diagram", "export-sheet");
        setId("export-sheet");
        double w = diagram.getPrefWidth(), h = diagram.getPrefHeight();
        if (!legend) {
            getChildren().add(diagram);
            setPrefSize(w, h);
            resize(w, h);
            return;
        }
        Group title = titleBlock(designName, report, date);
        title.setLayoutX(PAD);
        title.setLayoutY(PAD);
        diagram.setLayoutY(TITLE_H + PAD);
        Group key = legend();
        key.setLayoutX(PAD);
        key.setLayoutY(TITLE_H + PAD + h + 8);
        getChildren().addAll(title, diagram, key);
        double width = Math.max(w, PAD * 2 + Math.max(title.prefWidth(-1), key.prefWidth(-1)));
        double height = TITLE_H + PAD + h + 8 + key.prefHeight(-1) + PAD;
        setPrefSize(width, height);
        setMinSize(width, height);
        resize(width, height);
    }

    public DiagramPane diagram() { return diagram; }

    /** "reference network" / "Profile azure-2019-04 (why it applies) · 2 errors, 1 warning · checked 2026-12-02". */
    static Group titleBlock(String name, Report r, LocalDate date) {
        Text t = text(name == null || name.isBlank() ? "Untitled design" : name, "sheet-title");
        t.setY(18);
        String counts = plural(r.errors(), "error") + ", " + plural(r.warnings(), "warning");
        String why = r.profileReason() == null || r.profileReason().isBlank() ? "" : " (" + r.profileReason() + ")";
        Text sub = text("Profile " + r.profile() + why + "  ·  " + counts + "  ·  checked " + date, "sheet-subtitle");
        sub.setY(42);
        return new Group(t, sub);
    }

    private static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }

    /** The legend: the arrows' colours and line styles, and the badges. */
    static Group legend() {
        List<Node> items = new ArrayList<>();
        double x = 0;
        Text head = text("Legend", "legend-title");
        head.setY(12);
        items.add(head);
        // Row 1: what the colour of an arrow says (the verdict, as minet trace gives it).
        x = entry(items, x, 34, "state-allowed", false, "allowed by the rules");
        x = entry(items, x, 34, "state-blocked", false, "denied (hover or Trace for the rule)");
        x = entry(items, x, 34, "state-undecided", false, "cannot be decided offline (a service tag)");
        entry(items, x, 34, "flow-internal", false, "inside the cluster: no rule applies");
        // Row 2: what the line style says, and the badges.
        x = entry(items, 0, 60, "state-allowed", false, "solid: into the MI subnet");
        x = entry(items, x, 60, "state-allowed", true, "dashed: out of the MI subnet");
        x = entry(items, x, 60, "flow-link", true, "VPN, ExpressRoute or peering");
        for (String[] b : new String[][] {{"badge-error", "errors"}, {"badge-warning", "warnings"}, {"badge-info", "notes"}}) {
            Circle c = new Circle(x + 8, 60, 7);
            c.getStyleClass().add("badge-dot");
            Group g = new Group(c);
            g.getStyleClass().addAll("badge", b[0]);
            Text t = text(b[1], "legend-text");
            t.setX(x + 20);
            t.setY(64);
            items.add(g);
            items.add(t);
            x += 20 + width(t) + 16;
        }
        Text badges = text("on a box: its findings", "legend-text");
        badges.setX(x);
        badges.setY(64);
        items.add(badges);
        Group g = new Group(items);
        g.getStyleClass().add("legend");
        return g;
    }

    /** One legend entry at (x, y): a short arrow styled as a flow, then its words; returns where the next starts. */
    private static double entry(List<Node> items, double x, double y, String styleClass, boolean dashed, String words) {
        Line l = new Line(x, y, x + 34, y);
        l.getStyleClass().add("flow-line");
        if (dashed) l.getStrokeDashArray().setAll(7.0, 4.0);
        Polygon head = new Polygon(x + 40, y, x + 30, y - 4.5, x + 30, y + 4.5);
        head.getStyleClass().add("flow-head");
        Group arrow = new Group(l, head);
        arrow.getStyleClass().addAll("flow", styleClass.startsWith("flow-") ? styleClass : "flow-tds", styleClass.startsWith("state-") ? styleClass : "state-unknown");
        Text t = text(words, "legend-text");
        t.setX(x + 48);
        t.setY(y + 4);
        items.add(arrow);
        items.add(t);
        return x + 48 + width(t) + 22;
    }

    /** Fonts are set here, not in CSS, so that the legend can be measured before it is in a scene. */
    private static Text text(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        boolean title = styleClass.equals("sheet-title"), bold = title || styleClass.equals("legend-title");
        t.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, title ? 18 : 12));
        return t;
    }

    private static double width(Text t) { return t.getLayoutBounds().getWidth(); }
}
