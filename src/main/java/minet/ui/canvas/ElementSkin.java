package minet.ui.canvas;

import minet.layout.TracePath;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;
import minet.layout.DiagramNode;
import minet.layout.NodeKind;
import minet.rules.Severity;

/**
 * The look of one diagram box. Each element type has its own subclass; all are plain scene-graph nodes positioned
 * in canvas units, styled by {@code canvas.css} through style classes ({@code skin}, {@code skin-<kind>}).
 */
public abstract class ElementSkin extends Group {
    protected final DiagramNode node;
    protected final Rectangle frame;
    private Group badge;

    protected ElementSkin(DiagramNode node) {
        this.node = node;
        getStyleClass().addAll("skin", "skin-" + node.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        setLayoutX(node.bounds().x());
        setLayoutY(node.bounds().y());
        frame = new Rectangle(node.bounds().width(), node.bounds().height());
        frame.getStyleClass().add("frame");
        getChildren().add(frame);
        setId("skin:" + node.id());
        StringBuilder tip = new StringBuilder(node.title());
        for (String l : node.lines()) tip.append('\n').append(l);
        Tooltip.install(this, new Tooltip(tip.toString()));
    }

    public DiagramNode node() { return node; }
    public double width() { return node.bounds().width(); }
    public double height() { return node.bounds().height(); }

    protected SVGPath icon(String path, double x, double y, double size) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        // A transform (not scaleX/Y, which pivot on the centre) so that the 24-box lands at (x, y).
        p.getTransforms().add(new javafx.scene.transform.Scale(size / 24.0, size / 24.0));
        p.setLayoutX(x);
        p.setLayoutY(y);
        getChildren().add(p);
        return p;
    }

    protected Label label(String text, String styleClass, double x, double y, double maxWidth) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setLayoutX(x);
        l.setLayoutY(y);
        l.setMaxWidth(Math.max(10, maxWidth));
        l.setPrefWidth(Label.USE_COMPUTED_SIZE);
        l.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        l.setMouseTransparent(true);
        getChildren().add(l);
        return l;
    }

    protected void titleAndLines(double x, double y, int maxLines) {
        label(node.title(), "title", x, y, width() - x - 10);
        List<String> lines = node.lines();
        for (int i = 0; i < Math.min(maxLines, lines.size()); i++) {
            label(lines.get(i), "line", x, y + 20 + i * 16, width() - x - 10);
        }
    }

    public void setSelected(boolean on) { toggle("selected", on); }

    /** On a traced path: passed, the box that denies, or where it cannot be decided; null: not on the path. */
    public void setTrace(TracePath.State state) {
        for (TracePath.State s : TracePath.State.values()) toggle("trace-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), s == state);
    }

    private void toggle(String styleClass, boolean on) {
        if (on) { if (!getStyleClass().contains(styleClass)) getStyleClass().add(styleClass); }
        else getStyleClass().remove(styleClass);
    }

    /** A findings badge at the top-right corner; count 0 removes it. */
    public void setBadge(Severity severity, int count) {
        if (badge != null) getChildren().remove(badge);
        badge = null;
        if (count <= 0 || severity == null) return;
        Circle c = new Circle(10);
        c.getStyleClass().add("badge-dot");
        Text t = new Text(count > 99 ? "99+" : String.valueOf(count));
        t.getStyleClass().add("badge-text");
        t.applyCss();
        t.setX(-t.getLayoutBounds().getWidth() / 2);
        t.setY(4);
        badge = new Group(c, t);
        badge.getStyleClass().addAll("badge", "badge-" + severity.id());
        badge.setLayoutX(width() - 6);
        badge.setLayoutY(6);
        badge.setMouseTransparent(true);
        getChildren().add(badge);
    }

    /** The skin for a node's kind. */
    public static ElementSkin create(DiagramNode n) {
        NodeKind k = n.kind();
        switch (k) {
            case VNET: return new VNetSkin(n);
            case SUBNET: case MI_SUBNET: return new SubnetSkin(n);
            case NSG: case ROUTE_TABLE: return new CardSkin(n);
            case VIRTUAL_CLUSTER: return new ClusterSkin(n);
            case ENGINE_NODES: return new EngineSkin(n);
            case INTERNAL_LB: case EXTERNAL_LB: case GATEWAY: case MANAGEMENT_ENDPOINT: case SUBNET_RESOURCE:
                return new PartSkin(n);
            default: return new ExternalSkin(n);
        }
    }

    // ---- one skin per element type ----

    /** The VNet: a dashed container with its address spaces. */
    static final class VNetSkin extends ElementSkin {
        VNetSkin(DiagramNode n) {
            super(n);
            icon(Icons.VNET, 14, 14, 24);
            titleAndLines(48, 12, 2);
        }
    }

    /** A subnet: prefix, address-usage bar; its NSG and route table are child cards. */
    static final class SubnetSkin extends ElementSkin {
        SubnetSkin(DiagramNode n) {
            super(n);
            icon(n.kind() == NodeKind.MI_SUBNET ? Icons.MI_SUBNET : Icons.SUBNET, 14, 12, 22);
            label(n.title(), "title", 44, 10, width() - 54);
            if (!n.lines().isEmpty()) label(n.lines().get(0), "line", 44, 30, width() - 54);
            DiagramNode.Usage u = n.usage();
            if (u != null) {
                double bw = width() - 32;
                Rectangle track = new Rectangle(16, 66, bw, 7);
                track.getStyleClass().add("usage-track");
                Rectangle fill = new Rectangle(16, 66, Math.max(2, bw * u.fraction()), 7);
                fill.getStyleClass().addAll("usage-fill", u.overflows() ? "usage-over" : u.fraction() > 0.8 ? "usage-high" : "usage-ok");
                getChildren().addAll(track, fill);
                label((n.kind() == NodeKind.MI_SUBNET ? "instances need " : "needs ") + u.needed() + " of " + u.size() + " addresses",
                        "usage-text", 16, 48, bw);
            }
        }
    }

    /** The NSG or route table attached to a subnet: a small card. */
    static final class CardSkin extends ElementSkin {
        CardSkin(DiagramNode n) {
            super(n);
            icon(n.kind() == NodeKind.NSG ? Icons.NSG : Icons.ROUTE_TABLE, 6, 5, 18);
            label(n.title(), "card-text", 28, 5, width() - 32);
        }
    }

    /** The MI's virtual cluster inside its subnet. */
    static final class ClusterSkin extends ElementSkin {
        ClusterSkin(DiagramNode n) {
            super(n);
            icon(Icons.CLUSTER, 10, 8, 16);
            label(n.title(), "cluster-title", 32, 7, width() - 40);
        }
    }

    /** The cluster's load balancers, gateway and management endpoint, and other subnet resources. */
    static final class PartSkin extends ElementSkin {
        PartSkin(DiagramNode n) {
            super(n);
            boolean small = n.kind() == NodeKind.SUBNET_RESOURCE;
            if (small) {
                icon(Icons.GATEWAY, 5, 3, 18);
                label(n.title() + (n.lines().isEmpty() ? "" : "  ·  " + n.lines().get(0)), "card-text", 28, 3, width() - 32);
            } else {
                icon(Icons.of(n.kind(), null), 10, 10, 22);
                titleAndLines(40, 9, 3);
            }
        }
    }

    /** A managed instance's SQL engine: one node (General Purpose) or four replicas (Business Critical). */
    static final class EngineSkin extends ElementSkin {
        EngineSkin(DiagramNode n) {
            super(n);
            icon(Icons.SQL, 10, 10, 22);
            titleAndLines(40, 9, 1);
            boolean bc = height() > 100;
            int replicas = bc ? 4 : 1;
            double w = (width() - 50) / 4 - 6;
            for (int i = 0; i < replicas; i++) {
                Rectangle r = new Rectangle(40 + i * (w + 6), height() - (bc ? 62 : 24), w, bc ? 48 : 14);
                r.getStyleClass().add(i == 0 ? "replica-primary" : "replica");
                getChildren().add(r);
                if (bc) label(i == 0 ? "primary" : "replica", "replica-text", r.getX() + 3, r.getY() + 16, w - 4);
            }
        }
    }

    /** Parties outside the VNet: management services, Azure services, on-premises, peered VNets, clients. */
    static final class ExternalSkin extends ElementSkin {
        ExternalSkin(DiagramNode n) {
            super(n);
            Rectangle accent = new Rectangle(0, 0, 5, height());
            accent.getStyleClass().add("accent");
            getChildren().add(accent);
            String hint = n.title() + " " + String.join(" ", n.lines());
            icon(Icons.of(n.kind(), hint), 14, 12, 24);
            titleAndLines(48, 10, 3);
        }
    }
}
