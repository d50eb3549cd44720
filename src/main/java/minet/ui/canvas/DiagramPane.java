package minet.ui.canvas;

import minet.layout.TracePath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import minet.layout.Diagram;
import minet.layout.DiagramFlow;
import minet.layout.DiagramNode;
import minet.model.Bounds;
import minet.rules.Severity;

/**
 * The drawn design in canvas units: one skin per box, one {@link FlowSkin} per flow. The window's canvas and
 * {@code render} both draw with this class, so the PNG matches the window. Flow states, badges and the selection
 * survive {@link #setDiagram} (every edit lays the design out again).
 */
public class DiagramPane extends Pane {
    private final Group nodeLayer = new Group();
    private final Group flowLayer = new Group();
    private final Group traceLayer = new Group();
    private final Group selectionLayer = new Group();
    private final Group overlay = new Group();
    private final Map<String, ElementSkin> skins = new LinkedHashMap<>();
    private final Map<String, FlowSkin> flows = new LinkedHashMap<>();
    private final Map<String, FlowState> flowStates = new HashMap<>();
    private final Map<String, String> flowDetails = new HashMap<>();
    private final Map<String, Map.Entry<Severity, Integer>> badges = new HashMap<>();
    private final Set<String> selected = new HashSet<>();
    private TracePath trace = TracePath.NONE;
    private Diagram diagram = new Diagram(List.of(), List.of(), new Bounds(0, 0, 800, 600));

    public DiagramPane() {
        getStyleClass().add("diagram");
        getChildren().addAll(nodeLayer, flowLayer, traceLayer, selectionLayer, overlay);
        flowLayer.setMouseTransparent(false);
        traceLayer.setMouseTransparent(true);
        selectionLayer.setMouseTransparent(true);
    }

    public Diagram diagram() { return diagram; }

    private final javafx.beans.property.ObjectProperty<minet.rules.Profile> profile = new javafx.beans.property.SimpleObjectProperty<>(this, "profile");

    /**
     * The profile the shown analysis judged the design by (null before one is shown): the canvas draws its era (the
     * view model lays the design out again when it changes), so the arrows are the ones that were traced.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<minet.rules.Profile> profileProperty() { return profile; }

    public void setProfile(minet.rules.Profile p) { profile.set(p); }

    /** For the canvas controller: handles, rubber band and drop previews go here, above everything. */
    public Group overlay() { return overlay; }

    public void setDiagram(Diagram d) {
        diagram = d;
        // Boxes that did not change keep their skin: moving one subnet of a hundred rebuilds one subnet.
        Map<String, ElementSkin> old = new HashMap<>(skins);
        skins.clear();
        flows.clear();
        List<javafx.scene.Node> built = new ArrayList<>();
        for (DiagramNode n : d.nodes()) {
            ElementSkin prev = old.get(n.id());
            ElementSkin s = prev != null && prev.node().equals(n) ? prev : ElementSkin.create(n);
            skins.put(n.id(), s);
            built.add(s);
        }
        nodeLayer.getChildren().setAll(built);
        List<FlowSkin> fs = new ArrayList<>();
        for (DiagramFlow f : d.flows()) {
            if (!skins.containsKey(f.fromId()) || !skins.containsKey(f.toId())) continue;
            FlowSkin skin = new FlowSkin(f);
            flows.put(f.id(), skin);
            fs.add(skin);
        }
        flowLayer.getChildren().setAll(fs);
        Bounds e = d.extent();
        setPrefSize(e.x() + e.width(), e.y() + e.height());
        setMinSize(e.x() + e.width(), e.y() + e.height());
        resize(e.x() + e.width(), e.y() + e.height());
        flowStates.forEach((id, s) -> { FlowSkin f = flows.get(id); if (f != null) f.setState(s, flowDetails.get(id)); });
        badges.forEach((el, b) -> skinsOf(el).forEach(s -> s.setBadge(b.getKey(), b.getValue())));
        applySelection();
        applyTrace();
    }

    public Map<String, ElementSkin> skins() { return skins; }
    public Map<String, FlowSkin> flows() { return flows; }

    public List<ElementSkin> skinsOf(String elementId) {
        List<ElementSkin> out = new ArrayList<>();
        if (elementId == null) return out;
        for (ElementSkin s : skins.values()) if (s.node().elementId() != null && s.node().elementId().equalsIgnoreCase(elementId)) out.add(s);
        return out;
    }

    // ---- the API the validation panel uses ----

    /** Colours a flow (see {@link minet.layout.DiagramFlow#id()}); {@code detail} goes to its tooltip. */
    public void setFlowState(String flowId, FlowState state, String detail) {
        flowStates.put(flowId, state);
        flowDetails.put(flowId, detail);
        FlowSkin f = flows.get(flowId);
        if (f != null) f.setState(state, detail);
    }

    public void clearFlowStates() {
        flowStates.clear();
        flowDetails.clear();
        flows.values().forEach(f -> f.setState(FlowState.UNKNOWN, null));
    }

    /** Shows a badge with {@code count} findings of {@code severity} on every box of the element; 0 removes it. */
    public void showBadges(String elementId, Severity severity, int count) {
        String key = elementId.toLowerCase(Locale.ROOT);
        if (count <= 0) badges.remove(key); else badges.put(key, Map.entry(severity, count));
        skinsOf(elementId).forEach(s -> s.setBadge(severity, count));
    }

    public void clearBadges() {
        badges.clear();
        skins.values().forEach(s -> s.setBadge(null, 0));
    }

    /** Highlights the boxes of these element ids and these flow ids. */
    public void setSelection(Collection<String> ids) {
        selected.clear();
        for (String id : ids) selected.add(id.toLowerCase(Locale.ROOT));
        applySelection();
    }

    private void applySelection() {
        List<javafx.scene.Node> outlines = new ArrayList<>();
        for (ElementSkin s : skins.values()) {
            boolean on = primaryBox(s) && s.node().elementId() != null && selected.contains(s.node().elementId().toLowerCase(Locale.ROOT));
            s.setSelected(on);
            if (on) outlines.add(outline(s.node().bounds()));
        }
        for (FlowSkin f : flows.values()) f.setSelected(selected.contains(f.flow().id().toLowerCase(Locale.ROOT)));
        selectionLayer.getChildren().setAll(outlines);
    }

    /** The cluster's parts select the instance, but only the instance's own box lights up. */
    private static boolean primaryBox(ElementSkin s) {
        return switch (s.node().kind()) {
            case INTERNAL_LB, GATEWAY, EXTERNAL_LB, MANAGEMENT_ENDPOINT, VIRTUAL_CLUSTER, SUBNET_RESOURCE -> false;
            default -> true;
        };
    }

    /**
     * One clear highlight for any box, container or card: an outline just outside its frame, above everything, as
     * thick on screen at any zoom (3 px, 4 px out).
     */
    private Rectangle outline(Bounds b) {
        double k = onScreen, out = 4 * k;
        Rectangle r = new Rectangle(b.x() - out, b.y() - out, b.width() + 2 * out, b.height() + 2 * out);
        r.getStyleClass().add("selection-outline");
        r.setStyle("-fx-stroke-width: " + 3 * k + ";");
        r.setArcWidth(14 * k);
        r.setArcHeight(14 * k);
        r.setUserData(b);
        return r;
    }

    /** Canvas units per screen pixel when zoomed out (1 from 100 % up): highlights keep their size on screen. */
    private double onScreen = 1;

    /** The canvas's zoom: the selection outline and the trace's numbers stay readable when zoomed out. */
    public void setZoom(double zoom) {
        double k = zoom >= 1 ? 1 : 1 / Math.max(zoom, 0.05);
        if (k == onScreen) return;
        onScreen = k;
        applySelection();
        if (!trace.isEmpty()) applyTrace();
    }

    /** The boxes the selection outlines are drawn around, one per selected box. */
    public List<Bounds> outlinedBoxes() {
        return selectionLayer.getChildren().stream().map(n -> (Bounds) n.getUserData()).toList();
    }

    // ---- a traced path ----

    /** Shows a traced path (the Trace panel's answer); {@link TracePath#NONE} clears it. */
    public void showTrace(TracePath path) {
        trace = path == null ? TracePath.NONE : path;
        applyTrace();
    }

    public TracePath trace() { return trace; }

    private void applyTrace() {
        for (ElementSkin s : skins.values()) s.setTrace(null);
        for (FlowSkin f : flows.values()) f.setTraced(false);
        List<javafx.scene.Node> marks = new ArrayList<>();
        Map<ElementSkin, Integer> onBox = new HashMap<>();
        for (TracePath.Stop stop : trace.stops()) {
            if (stop.state() == TracePath.State.NOT_REACHED) continue;
            ElementSkin box = traceBox(stop);
            if (box == null) continue;
            box.setTrace(stop.state());
            int k = onBox.merge(box, 1, Integer::sum) - 1;
            marks.add(TraceMarker.of(stop, box.node().bounds(), k, onScreen));
        }
        if (!trace.isEmpty() && trace.from() != null && trace.to() != null) {
            for (FlowSkin f : flows.values()) {
                var t = f.flow().traffic();
                if (t != null && t.from().equalsIgnoreCase(trace.from()) && t.to().equalsIgnoreCase(trace.to()) && carries(t, trace)) f.setTraced(true);
            }
        }
        traceLayer.getChildren().setAll(marks);
    }

    /** Whether an arrow's traffic includes the traced protocol and port. */
    private static boolean carries(minet.layout.FlowTraffic t, TracePath p) {
        int mask = minet.rules.eval.Protocols.parse(t.protocol()), asked = p.protocol() == null ? 0 : minet.rules.eval.Protocols.parse(p.protocol());
        long[] ports = minet.rules.eval.Ports.parseAll(t.ports());
        boolean port = false;
        for (int i = 0; i + 1 < ports.length; i += 2) port |= p.port() >= ports[i] && p.port() <= ports[i + 1];
        return port && (mask & asked) != 0;
    }

    /** The box a stop means: an NSG or route table's card on that subnet; an instance's engine box; else its first box. */
    private ElementSkin traceBox(TracePath.Stop stop) {
        List<ElementSkin> boxes = skinsOf(stop.elementId()).stream().filter(DiagramPane::primaryBox).toList();
        if (stop.subnetId() != null) {
            for (ElementSkin b : boxes) if (stop.subnetId().equalsIgnoreCase(b.node().parentId())) return b;
        }
        return boxes.isEmpty() ? null : boxes.get(0);
    }

    /** The markers of the traced path (for tests). */
    public List<javafx.scene.Node> traceMarkers() { return traceLayer.getChildrenUnmodifiable(); }
}
