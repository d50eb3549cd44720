package minet.layout;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minet.model.Bounds;
import minet.model.Layout;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Arranges the hand-placed sketch of {@link DiagramLayout#quick} with the Eclipse Layout Kernel's layered algorithm:
 * traffic runs left to right (clients, on-premises and management on the left, the VNet in the middle, Azure
 * services on the right), arrows are axis-parallel and routed between the boxes, labels are placed by ELK where
 * they overlap neither boxes nor each other. What ELK does not place:
 * <ul>
 *   <li>a subnet's NSG and route-table cards: they stay in the subnet's header, which ELK keeps clear (padding);</li>
 *   <li>boxes no arrow touches (a hundred application subnets): ELK would stack them in one column, so they are
 *       packed in rows in room reserved below the arranged part;</li>
 *   <li>boxes the user placed ({@link Layout}): they stay where they were put, siblings they would cover move down,
 *       containers grow to hold them, and arrows to them become elbows.</li>
 * </ul>
 */
final class Arranger {
    private static final double GAP = 30, EDGE_NODE = 14, EDGE_EDGE = 10, LAYER_GAP = 36, MARGIN = 40;

    private final Diagram sketch;
    private final Layout stored;
    private final Map<String, DiagramNode> byId;
    private final Map<String, List<DiagramNode>> children = new LinkedHashMap<>();
    private final Set<String> connected = new HashSet<>();
    private final Map<String, ElkNode> elk = new HashMap<>();
    /** Where each box ends up (absolute), by node id. */
    private final Map<String, Bounds> at = new LinkedHashMap<>();
    /** Boxes ELK did not place, per container ("" for the top level), packed in rows below the arranged part. */
    private final Map<String, List<DiagramNode>> loose = new LinkedHashMap<>();
    private final Map<String, Double> looseHeight = new HashMap<>();
    /** Flows handed to ELK from their target to their source (see {@link #run}). */
    private final Set<String> reversed = new HashSet<>();

    private Arranger(Diagram sketch, Layout stored) {
        this.sketch = sketch;
        this.stored = stored;
        this.byId = sketch.byId();
        for (DiagramNode n : sketch.nodes()) children.computeIfAbsent(n.parentId() == null ? "" : n.parentId(), k -> new ArrayList<>()).add(n);
        for (DiagramFlow f : sketch.flows()) {
            for (String id : List.of(f.fromId(), f.toId())) {
                for (DiagramNode n = byId.get(id); n != null; n = n.parentId() == null ? null : byId.get(n.parentId())) connected.add(n.id());
            }
        }
    }

    static Diagram arrange(Diagram sketch, Layout stored) {
        return new Arranger(sketch, stored).run();
    }

    private Diagram run() {
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root, new ElkPadding(MARGIN));
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        build(root, "");
        Map<ElkEdge, DiagramFlow> edges = new LinkedHashMap<>();
        Set<String> ends = new HashSet<>();
        for (DiagramFlow f : sketch.flows()) {
            ElkNode s = elk.get(f.fromId()), t = elk.get(f.toId());
            if (s == null || t == null) continue;
            // A flow back along one already drawn (a failover group's two directions) goes to ELK the same way round,
            // so the two run side by side instead of the second looping around the picture; its route is turned back.
            boolean back = !f.fromId().equals(f.toId()) && ends.contains(f.toId() + "\n" + f.fromId());
            ends.add(f.fromId() + "\n" + f.toId());
            if (back) reversed.add(f.id());
            ElkEdge e = back ? ElkGraphUtil.createSimpleEdge(t, s) : ElkGraphUtil.createSimpleEdge(s, t);
            ElkGraphUtil.updateContainment(e);
            if (!f.label().isEmpty()) {
                ElkLabel l = ElkGraphUtil.createLabel(f.label(), e);
                l.setDimensions(Routes.labelWidth(f.label()), Routes.LABEL_H);
                l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            edges.put(e, f);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        read(root, 0, 0);
        placeLoose("", MARGIN, root.getHeight());
        List<DiagramFlow> flows = new ArrayList<>();
        Map<String, DiagramFlow> routed = new HashMap<>();
        for (Map.Entry<ElkEdge, DiagramFlow> e : edges.entrySet()) routed.put(e.getValue().id(), route(e.getKey(), e.getValue()));
        Map<String, Bounds> arranged = new HashMap<>(at);
        placeStored();
        List<DiagramNode> nodes = new ArrayList<>();
        for (DiagramNode n : sketch.nodes()) nodes.add(new DiagramNode(n.id(), n.elementId(), n.kind(), n.parentId(), at.get(n.id()), n.title(), n.lines(), n.usage()));
        for (DiagramFlow f : sketch.flows()) {
            DiagramFlow r = routed.get(f.id());
            Bounds a0 = arranged.get(f.fromId()), b0 = arranged.get(f.toId()), a1 = at.get(f.fromId()), b1 = at.get(f.toId());
            double dx = a1.x() - a0.x(), dy = a1.y() - a0.y();
            boolean sameShift = a0.width() == a1.width() && a0.height() == a1.height() && b0.width() == b1.width() && b0.height() == b1.height()
                    && b1.x() - b0.x() == dx && b1.y() - b0.y() == dy;
            if (r != null && sameShift) flows.add(dx == 0 && dy == 0 ? r : r.moved(dx, dy));
            else flows.add(Routes.elbow(f, a1, b1));
        }
        return new Diagram(nodes, flows, extent(nodes, flows));
    }

    // ---- building the ELK graph ----

    private static void configure(ElkNode n, ElkPadding padding) {
        n.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        n.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        n.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        n.setProperty(CoreOptions.PADDING, padding);
        n.setProperty(CoreOptions.SPACING_NODE_NODE, GAP);
        n.setProperty(CoreOptions.SPACING_EDGE_NODE, EDGE_NODE);
        n.setProperty(CoreOptions.SPACING_EDGE_EDGE, EDGE_EDGE);
        n.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        n.setProperty(CoreOptions.SPACING_LABEL_LABEL, 4.0);
        n.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        n.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_NODE);
        n.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, EDGE_EDGE);
    }

    /** Adds the ELK nodes for the children of {@code parentId} ("" = top level) under {@code parent}. */
    private void build(ElkNode parent, String parentId) {
        DiagramNode p = byId.get(parentId);
        List<DiagramNode> rows = new ArrayList<>();
        for (DiagramNode n : children.getOrDefault(parentId, List.of())) {
            if (p != null && p.kind().container() && (n.kind() == NodeKind.NSG || n.kind() == NodeKind.ROUTE_TABLE)) continue; // header card
            boolean inside = p != null && (p.kind() == NodeKind.SUBNET || p.kind() == NodeKind.MI_SUBNET || p.kind() == NodeKind.VIRTUAL_CLUSTER);
            if (!inside && !connected.contains(n.id())) {
                rows.add(n);
                continue;
            }
            ElkNode e = ElkGraphUtil.createNode(parent);
            e.setIdentifier(n.id());
            elk.put(n.id(), e);
            if (n.kind().container() && hasElkChildren(n)) {
                configure(e, padding(n));
                e.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
                double[] min = minimum(n);
                e.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(min[0], min[1]));
                build(e, n.id());
            } else {
                double[] min = minimum(n);
                e.setDimensions(Math.max(min[0], n.bounds().width()), Math.max(min[1], n.bounds().height()));
            }
        }
        if (!rows.isEmpty()) {
            loose.put(parentId, rows);
            double[] wh = packed(rows, parentId.isEmpty() ? Double.MAX_VALUE : 0);
            looseHeight.put(parentId, wh[1]);
            if (p != null && elk.containsKey(parentId) && !elk.get(parentId).getChildren().isEmpty()) {
                // Room below the arranged part for the rows; ELK keeps arrows out of padding.
                ElkPadding pad = padding(p);
                pad.setBottom(pad.getBottom() + wh[1] + GAP);
                parent.setProperty(CoreOptions.PADDING, pad);
                KVector min = parent.getProperty(CoreOptions.NODE_SIZE_MINIMUM);
                parent.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(Math.max(min.x, wh[0] + pad.getLeft() + pad.getRight()), min.y));
            }
        }
    }

    private boolean hasElkChildren(DiagramNode n) {
        boolean cards = n.kind() == NodeKind.SUBNET || n.kind() == NodeKind.MI_SUBNET;
        for (DiagramNode c : children.getOrDefault(n.id(), List.of())) {
            if (cards && (c.kind() == NodeKind.NSG || c.kind() == NodeKind.ROUTE_TABLE)) continue;
            if (cards || n.kind() == NodeKind.VIRTUAL_CLUSTER || connected.contains(c.id())) return true;
        }
        return false;
    }

    /** The header a container keeps clear: the VNet's name and address spaces; a subnet's name, usage bar and cards. */
    private static ElkPadding padding(DiagramNode n) {
        double top = switch (n.kind()) {
            case VNET -> 70;
            case VIRTUAL_CLUSTER -> 36;
            case MI_SUBNET -> DiagramLayout.CLUSTER_Y;
            default -> DiagramLayout.CARD_Y + DiagramLayout.CARD_H + 12;
        };
        return new ElkPadding(top, 20, 20, 20);
    }

    /** At least the sketch's size for what the user resized and for leaves; containers at least a subnet's size. */
    private double[] minimum(DiagramNode n) {
        double w = n.bounds().width(), h = n.bounds().height();
        boolean resized = stored.of(n.elementId() == null ? n.id() : n.elementId()).isPresent();
        if (n.kind().container() && !resized && hasElkChildren(n)) {
            w = n.kind() == NodeKind.VIRTUAL_CLUSTER ? 200 : DiagramLayout.SUBNET_W;
            h = n.kind() == NodeKind.VIRTUAL_CLUSTER ? 120 : DiagramLayout.SUBNET_H;
        }
        if (!n.kind().container() || hasElkChildren(n)) return new double[] {w, h};
        // A container whose children ELK does not place: its header, and its loose children below it.
        double lw = 0, lh = 0;
        List<DiagramNode> rows = new ArrayList<>();
        for (DiagramNode c : children.getOrDefault(n.id(), List.of())) if (c.kind() != NodeKind.NSG && c.kind() != NodeKind.ROUTE_TABLE) rows.add(c);
        if (!rows.isEmpty()) {
            double[] wh = packed(rows, 0);
            lw = wh[0] + 40;
            lh = padding(n).getTop() + wh[1] + 20;
        }
        return new double[] {Math.max(w, lw), Math.max(h, lh)};
    }

    /** The size of {@code rows} packed left to right in rows about as wide as tall ×1.6, at least {@code minWidth}. */
    private static double[] packed(List<DiagramNode> rows, double minWidth) {
        double area = 0, widest = 0;
        for (DiagramNode n : rows) {
            area += (n.bounds().width() + GAP) * (n.bounds().height() + GAP);
            widest = Math.max(widest, n.bounds().width());
        }
        double limit = Math.max(widest, Math.sqrt(area * 1.6));
        if (minWidth != Double.MAX_VALUE) limit = Math.max(limit, minWidth);
        double x = 0, y = 0, rowH = 0, w = 0;
        for (DiagramNode n : rows) {
            if (x > 0 && x + n.bounds().width() > limit) { x = 0; y += rowH + GAP; rowH = 0; }
            w = Math.max(w, x + n.bounds().width());
            x += n.bounds().width() + GAP;
            rowH = Math.max(rowH, n.bounds().height());
        }
        return new double[] {w, y + rowH};
    }

    // ---- reading ELK's answer ----

    private void read(ElkNode parent, double ox, double oy) {
        for (ElkNode e : parent.getChildren()) {
            DiagramNode n = byId.get(e.getIdentifier());
            double x = ox + e.getX(), y = oy + e.getY();
            Bounds b = new Bounds(x, y, e.getWidth(), e.getHeight());
            if (e.getChildren().isEmpty()) shiftSketch(n, b); else at.put(n.id(), b);
            read(e, x, y);
            for (DiagramNode c : children.getOrDefault(n.id(), List.of())) {
                if (c.kind() == NodeKind.NSG || c.kind() == NodeKind.ROUTE_TABLE) shiftSketch(c, c.bounds().moved(x - n.bounds().x(), y - n.bounds().y()));
            }
            if (loose.containsKey(n.id())) placeLoose(n.id(), x + 20, y + e.getHeight() - 20 - looseHeight.get(n.id()));
        }
    }

    /** Puts a box at {@code b} and everything inside it where the sketch had it, relative to the box. */
    private void shiftSketch(DiagramNode n, Bounds b) {
        double dx = b.x() - n.bounds().x(), dy = b.y() - n.bounds().y();
        at.put(n.id(), b);
        for (DiagramNode c : children.getOrDefault(n.id(), List.of())) {
            if (!at.containsKey(c.id())) shiftSketch(c, c.bounds().moved(dx, dy).resized(c.bounds().width(), c.bounds().height()));
        }
    }

    private void placeLoose(String parentId, double x0, double y0) {
        List<DiagramNode> rows = loose.get(parentId);
        if (rows == null) return;
        double top = parentId.isEmpty() ? Math.max(y0, MARGIN) : y0;
        double limit = packed(rows, 0)[0];
        if (!parentId.isEmpty()) limit = Math.max(limit, at.get(parentId).width() - 40);
        double x = 0, y = 0, rowH = 0;
        for (DiagramNode n : rows) {
            if (x > 0 && x + n.bounds().width() > limit + 0.5) { x = 0; y += rowH + GAP; rowH = 0; }
            shiftSketch(n, new Bounds(x0 + x, top + y, n.bounds().width(), n.bounds().height()));
            x += n.bounds().width() + GAP;
            rowH = Math.max(rowH, n.bounds().height());
        }
    }

    /** The edge's path in absolute coordinates: ELK gives it relative to the edge's containing node. */
    private DiagramFlow route(ElkEdge e, DiagramFlow f) {
        double ox = 0, oy = 0;
        for (ElkNode c = e.getContainingNode(); c != null && c.getParent() != null; c = c.getParent()) {
            ox += c.getX();
            oy += c.getY();
        }
        List<Point> pts = new ArrayList<>();
        for (ElkEdgeSection s : e.getSections()) {
            add(pts, new Point(ox + s.getStartX(), oy + s.getStartY()));
            for (ElkBendPoint b : s.getBendPoints()) add(pts, new Point(ox + b.getX(), oy + b.getY()));
            add(pts, new Point(ox + s.getEndX(), oy + s.getEndY()));
        }
        if (reversed.contains(f.id())) java.util.Collections.reverse(pts);
        Bounds label = null;
        if (!e.getLabels().isEmpty()) {
            ElkLabel l = e.getLabels().get(0);
            label = new Bounds(ox + l.getX(), oy + l.getY(), l.getWidth(), l.getHeight());
        }
        return f.routed(pts, label);
    }

    private static void add(List<Point> pts, Point p) {
        if (pts.isEmpty() || !pts.get(pts.size() - 1).equals(p)) pts.add(p);
    }

    // ---- boxes the user placed ----

    /**
     * Boxes with a stored position go there (what they contain comes along); an automatically placed sibling they
     * would cover moves down below them; containers grow to hold their children. Deepest containers first.
     */
    private void placeStored() {
        boolean any = false;
        for (DiagramNode n : sketch.nodes()) {
            if (n.elementId() == null || !n.kind().movable() || !n.id().equals(n.elementId())) continue;
            var s = stored.of(n.elementId());
            if (s.isEmpty()) continue;
            Bounds cur = at.get(n.id());
            translate(n, s.get().x() - cur.x(), s.get().y() - cur.y());
            any = true;
        }
        if (!any) return;
        List<DiagramNode> containers = new ArrayList<>(sketch.nodes().stream().filter(n -> n.kind().container()).toList());
        java.util.Collections.reverse(containers);
        for (DiagramNode c : containers) {
            clear(c.id());
            grow(c);
        }
        clear("");
    }

    private boolean placedByUser(DiagramNode n) {
        return n.elementId() != null && n.id().equals(n.elementId()) && n.kind().movable() && stored.of(n.elementId()).isPresent();
    }

    /** Moves automatically placed children of {@code parentId} down until they cover no placed (or grown) sibling. */
    private void clear(String parentId) {
        List<DiagramNode> kids = children.getOrDefault(parentId, List.of());
        List<Bounds> taken = new ArrayList<>();
        Set<String> fixed = new HashSet<>();
        for (DiagramNode k : kids) if (placedByUser(k) || grown.contains(k.id())) { taken.add(at.get(k.id())); fixed.add(k.id()); }
        if (taken.isEmpty()) return;
        for (DiagramNode k : kids) {
            if (fixed.contains(k.id()) || (k.kind() == NodeKind.NSG || k.kind() == NodeKind.ROUTE_TABLE) && !parentId.isEmpty()) continue;
            Bounds b = at.get(k.id()), moved = b;
            for (int guard = 0; guard < 10_000; guard++) {
                Bounds hit = null;
                for (Bounds o : taken) if (o.overlaps(moved)) { hit = o; break; }
                if (hit == null) break;
                moved = moved.moved(0, hit.y() + hit.height() + GAP - moved.y());
            }
            if (moved != b) translate(k, 0, moved.y() - b.y());
            taken.add(at.get(k.id()));
        }
    }

    /** A container grows (never shrinks) to hold its children with its header above them. */
    private void grow(DiagramNode c) {
        Bounds b = at.get(c.id());
        double left = b.x(), top = b.y(), right = b.x() + b.width(), bottom = b.y() + b.height();
        ElkPadding pad = padding(c);
        for (DiagramNode k : children.getOrDefault(c.id(), List.of())) {
            if (k.kind() == NodeKind.NSG || k.kind() == NodeKind.ROUTE_TABLE) continue; // part of the header
            Bounds kb = at.get(k.id());
            left = Math.min(left, kb.x() - pad.getLeft());
            top = Math.min(top, kb.y() - pad.getTop());
            right = Math.max(right, kb.x() + kb.width() + pad.getRight());
            bottom = Math.max(bottom, kb.y() + kb.height() + pad.getBottom());
        }
        // ELK's own sizes hold its children already (to a rounding error): only a placed child makes a container grow.
        if (left > b.x() - 0.5 && top > b.y() - 0.5 && right < b.x() + b.width() + 0.5 && bottom < b.y() + b.height() + 0.5) return;
        if (left != b.x() || top != b.y()) {
            // The header cards belong to the frame's top-left corner.
            for (DiagramNode k : children.getOrDefault(c.id(), List.of())) {
                if (k.kind() == NodeKind.NSG || k.kind() == NodeKind.ROUTE_TABLE) at.put(k.id(), at.get(k.id()).moved(left - b.x(), top - b.y()));
            }
        }
        grown.add(c.id());
        at.put(c.id(), new Bounds(left, top, right - left, bottom - top));
    }

    /** Containers that grew to hold what the user placed: their siblings make room as for a placed box. */
    private final Set<String> grown = new HashSet<>();

    private void translate(DiagramNode n, double dx, double dy) {
        at.put(n.id(), at.get(n.id()).moved(dx, dy));
        for (DiagramNode c : children.getOrDefault(n.id(), List.of())) translate(c, dx, dy);
    }

    private static Bounds extent(List<DiagramNode> nodes, List<DiagramFlow> flows) {
        if (nodes.isEmpty()) return new Bounds(0, 0, 800, 600);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
        List<Bounds> all = new ArrayList<>();
        for (DiagramNode n : nodes) all.add(n.bounds());
        for (DiagramFlow f : flows) {
            if (f.labelBox() != null) all.add(f.labelBox());
            for (Point p : f.route()) all.add(new Bounds(p.x(), p.y(), 0, 0));
        }
        for (Bounds b : all) {
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.x() + b.width());
            maxY = Math.max(maxY, b.y() + b.height());
        }
        double x0 = Math.min(0, minX - MARGIN), y0 = Math.min(0, minY - MARGIN);
        return new Bounds(x0, y0, maxX + MARGIN - x0, maxY + MARGIN - y0);
    }
}
