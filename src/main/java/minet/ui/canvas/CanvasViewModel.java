package minet.ui.canvas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import minet.edit.Command;
import minet.layout.Diagram;
import minet.layout.DiagramFlow;
import minet.layout.DiagramLayout;
import minet.layout.DiagramNode;
import minet.layout.NodeKind;
import minet.model.Bounds;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.Profile;
import minet.ui.document.DocumentModel;

/**
 * The canvas's logic: the laid-out diagram of the current design, the selection, zoom, and every gesture turned
 * into a Command (move, resize, delete, paste, drop from the palette, connect). No controls: the view calls these.
 */
public final class CanvasViewModel {
    public static final double MIN_ZOOM = 0.1, MAX_ZOOM = 4;

    private final DocumentModel doc;
    private final SelectionModel selection = new SelectionModel();
    private final ReadOnlyObjectWrapper<Diagram> diagram = new ReadOnlyObjectWrapper<>(this, "diagram");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final Consumer<String> status;
    private final List<Object> clipboard = new ArrayList<>();

    public CanvasViewModel(DocumentModel doc, Consumer<String> status) {
        this.doc = doc;
        this.status = status;
        diagram.set(layout(doc.design()));
        doc.designProperty().addListener((o, a, d) -> {
            Diagram next = layout(d);
            selection.retain(id -> exists(next, id));
            // Most table edits (a rule's ports, a route's next hop) change nothing drawn: keep the scene graph.
            if (!next.equals(diagram.get())) diagram.set(next);
        });
        zoom.addListener((o, a, z) -> {
            double c = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z.doubleValue()));
            if (c != z.doubleValue()) zoom.set(c);
        });
    }

    private Diagram lastSketch;
    private minet.model.Layout lastStored;
    /** The era drawn: the profile the window's validation used (null until it reports: the one auto picks). */
    private Profile profile;

    /**
     * Draws the era of {@code p} (the profile the window validates with; null: the one {@code auto} picks for each
     * design): a management endpoint and its flows until 11/2022, the later eras' flows after. Lays out again when
     * the picture changes.
     */
    public void setProfile(Profile p) {
        if (java.util.Objects.equals(p, profile)) return;
        profile = p;
        Diagram next = layout(doc.design());
        selection.retain(id -> exists(next, id));
        if (!next.equals(diagram.get())) diagram.set(next);
    }

    /** The profile whose era is drawn for the current design. */
    public Profile profile() {
        return profile != null ? profile : DiagramLayout.profileOf(doc.design());
    }

    /**
     * The arranged picture of {@code d}. Arranging costs ELK some 10 ms on the FX thread; most edits (a rule's ports, a
     * route's next hop) change nothing drawn, so the quick sketch (well under a millisecond) is compared first.
     */
    private Diagram layout(Design d) {
        Diagram sketch = DiagramLayout.quick(d, profile != null ? profile : DiagramLayout.profileOf(d));
        if (sketch.equals(lastSketch) && d.layout().equals(lastStored) && diagram.get() != null) return diagram.get();
        lastSketch = sketch;
        lastStored = d.layout();
        return DiagramLayout.arrange(sketch, d.layout());
    }

    private static boolean exists(Diagram d, String id) {
        return !d.nodesOf(id).isEmpty() || d.flows().stream().anyMatch(f -> f.id().equalsIgnoreCase(id));
    }

    public DocumentModel document() { return doc; }
    public SelectionModel selection() { return selection; }
    public ReadOnlyObjectProperty<Diagram> diagramProperty() { return diagram.getReadOnlyProperty(); }
    public Diagram diagram() { return diagram.get(); }
    public DoubleProperty zoomProperty() { return zoom; }

    // ---- selection ----

    /** A click on a box or flow; shift adds or removes. A click on empty canvas clears (without shift). */
    public void click(String elementOrFlowId, boolean shift) {
        if (elementOrFlowId == null) {
            if (!shift) selection.clear();
        } else if (shift) {
            selection.toggle(elementOrFlowId);
        } else if (!selection.isSelected(elementOrFlowId)) {
            selection.select(elementOrFlowId);
        }
    }

    public void selectAll() {
        Set<String> all = new LinkedHashSet<>();
        for (DiagramNode n : diagram().nodes()) if (n.kind().movable() && n.elementId() != null) all.add(n.elementId());
        selection.setAll(all);
    }

    /** Rubber band: the movable boxes wholly inside {@code r}. */
    public void selectIn(Bounds r, boolean add) {
        Set<String> hit = new LinkedHashSet<>();
        for (DiagramNode n : diagram().nodes()) {
            if (n.elementId() != null && (n.kind().movable() || n.kind() == NodeKind.NSG || n.kind() == NodeKind.ROUTE_TABLE) && r.contains(n.bounds())) hit.add(n.elementId());
        }
        if (add) selection.addAll(hit); else selection.setAll(hit);
    }

    /** The boxes that move when the selection is dragged: movable ones whose container is not moving too. */
    public List<DiagramNode> movingNodes() {
        List<DiagramNode> out = new ArrayList<>();
        for (DiagramNode n : diagram().nodes()) {
            if (!n.kind().movable() || n.implied() || n.elementId() == null || !selection.isSelected(n.elementId())) continue;
            boolean parentMoving = n.parentId() != null && diagram().node(n.parentId()).map(p -> selection.isSelected(p.elementId())).orElse(false);
            if (!parentMoving) out.add(n);
        }
        return out;
    }

    // ---- edits ----

    public void moveSelection(double dx, double dy) {
        List<DiagramNode> moving = movingNodes();
        if (moving.isEmpty() || (Math.abs(dx) < 1 && Math.abs(dy) < 1)) return;
        doc.execute(DesignEdits.move(moving.stream().map(DiagramNode::id).toList(), dx, dy, diagram()));
    }

    public void resize(String nodeId, Bounds to) {
        Optional<DiagramNode> n = diagram().node(nodeId);
        if (n.isEmpty() || !n.get().kind().resizable()) return;
        doc.execute(DesignEdits.resize(n.get().elementId(), to));
    }

    public void deleteSelection() {
        List<String> ids = selection.ids().stream().filter(id -> diagram().nodesOf(id).stream().anyMatch(n -> !n.implied())).toList();
        if (ids.isEmpty()) {
            status.accept(selection.ids().stream().anyMatch(id -> implied(id).isPresent())
                    ? "Nothing to delete: implied parties follow from the managed instance and cannot be deleted"
                    : "Nothing to delete: flows follow from the design and cannot be deleted");
            return;
        }
        doc.execute(DesignEdits.delete(ids));
        status.accept("Deleted " + (ids.size() == 1 ? ids.get(0) : ids.size() + " elements"));
    }

    public void drop(PaletteItem item, double x, double y) {
        try {
            Command c = item.create(doc.design(), diagram(), x, y);
            Design before = doc.design();
            doc.execute(c);
            status.accept(c.label());
            // Select what was added: the element id the command introduced.
            newIds(before, doc.design()).stream().findFirst().ifPresent(selection::select);
        } catch (PaletteItem.DropRefused e) {
            status.accept(e.getMessage());
        }
    }

    public boolean connect(String fromId, String toId) {
        Optional<Command> c = DesignEdits.connect(doc.design(), fromId, toId);
        if (c.isEmpty()) c = DesignEdits.connect(doc.design(), toId, fromId);
        if (c.isEmpty()) {
            status.accept("A connection means something only from on-premises or a peered VNet to a VNet, or from clients to a subnet");
            return false;
        }
        doc.execute(c.get());
        status.accept(c.get().label());
        return true;
    }

    public void copySelection() {
        clipboard.clear();
        Design d = doc.design();
        for (String id : selection.ids()) {
            d.subnet(id).ifPresent(clipboard::add);
            d.externalNetworks().stream().filter(e -> Lists.sameId(e.id(), id)).findFirst().ifPresent(clipboard::add);
        }
        status.accept(clipboard.isEmpty() ? "Only subnets and outside networks can be copied" : "Copied " + clipboard.size() + " element(s)");
    }

    public boolean canPaste() { return !clipboard.isEmpty(); }

    public void paste() {
        if (clipboard.isEmpty()) return;
        Diagram dia = diagram();
        List<Object> items = List.copyOf(clipboard);
        Design before = doc.design();
        Command paste = Command.of("Paste " + items.size() + " element(s)", d -> {
            Design cur = d;
            for (Object o : items) {
                if (o instanceof ExternalNetwork e) {
                    // The original keeps its place: pin it, so the copy beside it does not push it away.
                    Optional<DiagramNode> orig = dia.node(e.id());
                    if (orig.isPresent() && cur.layout().of(e.id()).isEmpty()) cur = cur.withLayout(cur.layout().with(e.id(), orig.get().bounds()));
                    String id = DesignEdits.freshId(cur, e.id());
                    ExternalNetwork copy = new ExternalNetwork(id, e.name() + " (copy)", e.kind(), e.addressPrefixes(), e.gatewayId(), e.via(),
                            e.serviceTag(), e.region(), e.firewallAllowedIps(), null);
                    Bounds b = dia.node(e.id()).map(DiagramNode::bounds).orElse(new Bounds(0, 0, DiagramLayout.EXTERNAL_W, 76));
                    cur = cur.withExternalNetworks(Lists.plus(cur.externalNetworks(), copy)).withLayout(cur.layout().with(id, b.moved(40, 40)));
                } else if (o instanceof Subnet s) {
                    Optional<VirtualNetwork> v = cur.vnetOf(s);
                    if (v.isEmpty()) continue;
                    Optional<DiagramNode> orig = dia.node(s.id());
                    if (orig.isPresent() && cur.layout().of(s.id()).isEmpty()) cur = cur.withLayout(cur.layout().with(s.id(), orig.get().bounds()));
                    int len = DesignEdits.addressOf(s.prefix()).map(a -> a.getNetworkPrefixLength() == null ? 24 : a.getNetworkPrefixLength()).orElse(24);
                    Optional<String> prefix = DesignEdits.freeSubnetPrefix(v.get(), len);
                    if (prefix.isEmpty()) continue;
                    String name = DesignEdits.freshId(cur, s.name());
                    String id = v.get().id() + "/" + name;
                    Subnet copy = DesignEdits.copyOf(s, id, name, prefix.get());
                    Bounds b = dia.node(s.id()).map(DiagramNode::bounds).orElse(new Bounds(0, 0, DiagramLayout.SUBNET_W, DiagramLayout.SUBNET_H));
                    cur = cur.mapVirtualNetwork(v.get().id(), vn -> vn.withSubnets(Lists.plus(vn.subnets(), copy))).withLayout(cur.layout().with(id, b.moved(40, 40)));
                }
            }
            return cur;
        });
        doc.execute(paste);
        selection.setAll(newIds(before, doc.design()));
        status.accept(paste.label());
    }

    private static List<String> newIds(Design before, Design after) {
        Set<String> old = new LinkedHashSet<>();
        before.virtualNetworks().forEach(v -> old.add(v.id()));
        before.subnets().forEach(s -> old.add(s.id()));
        before.externalNetworks().forEach(e -> old.add(e.id()));
        before.securityGroups().forEach(g -> old.add(g.id()));
        before.routeTables().forEach(t -> old.add(t.id()));
        before.managedInstances().forEach(m -> old.add(m.id()));
        List<String> out = new ArrayList<>();
        after.virtualNetworks().forEach(v -> { if (!old.contains(v.id())) out.add(v.id()); });
        after.subnets().forEach(s -> { if (!old.contains(s.id())) out.add(s.id()); });
        after.externalNetworks().forEach(e -> { if (!old.contains(e.id())) out.add(e.id()); });
        after.securityGroups().forEach(g -> { if (!old.contains(g.id())) out.add(g.id()); });
        after.routeTables().forEach(t -> { if (!old.contains(t.id())) out.add(t.id()); });
        after.managedInstances().forEach(m -> { if (!old.contains(m.id())) out.add(m.id()); });
        return out;
    }

    // ---- zoom ----

    public void zoomIn() { zoom.set(zoom.get() * 1.25); }
    public void zoomOut() { zoom.set(zoom.get() / 1.25); }
    public void actualSize() { zoom.set(1); }

    /** The zoom at which the whole diagram fits a viewport of this size. */
    public double fitZoom(double viewportWidth, double viewportHeight) {
        Bounds e = diagram().extent();
        double z = Math.min(viewportWidth / (e.x() + e.width()), viewportHeight / (e.y() + e.height()));
        return Math.max(MIN_ZOOM, Math.min(1.5, z));
    }

    /** A party the design implies but does not name (read-only in the properties panel), by its id. */
    public Optional<DiagramNode> implied(String id) {
        return id == null ? Optional.empty() : diagram().nodesOf(id).stream().filter(DiagramNode::implied).findFirst();
    }

    /** Why an implied party is drawn, for the properties panel. */
    public static String whyDrawn(DiagramNode implied) { return DiagramLayout.whyDrawn(implied); }

    public Optional<DiagramFlow> flow(String id) {
        return diagram().flows().stream().filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }
}
