package minet.ui.canvas;

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
    private final Group overlay = new Group();
    private final Map<String, ElementSkin> skins = new LinkedHashMap<>();
    private final Map<String, FlowSkin> flows = new LinkedHashMap<>();
    private final Map<String, FlowState> flowStates = new HashMap<>();
    private final Map<String, String> flowDetails = new HashMap<>();
    private final Map<String, Map.Entry<Severity, Integer>> badges = new HashMap<>();
    private final Set<String> selected = new HashSet<>();
    private Diagram diagram = new Diagram(List.of(), List.of(), new Bounds(0, 0, 800, 600));

    public DiagramPane() {
        getStyleClass().add("diagram");
        getChildren().addAll(nodeLayer, flowLayer, overlay);
        flowLayer.setMouseTransparent(false);
    }

    public Diagram diagram() { return diagram; }

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
        Map<String, Integer> pairCount = new HashMap<>(), pairSeen = new HashMap<>();
        for (DiagramFlow f : d.flows()) pairCount.merge(pairKey(f), 1, Integer::sum);
        List<FlowSkin> fs = new ArrayList<>();
        for (DiagramFlow f : d.flows()) {
            ElementSkin from = skins.get(f.fromId()), to = skins.get(f.toId());
            if (from == null || to == null) continue;
            int count = pairCount.get(pairKey(f)), i = pairSeen.merge(pairKey(f), 1, Integer::sum) - 1;
            double offset = (i - (count - 1) / 2.0) * 14 * (f.fromId().compareTo(f.toId()) <= 0 ? 1 : -1);
            FlowSkin skin = new FlowSkin(f, from.node().bounds(), to.node().bounds(), offset);
            flows.put(f.id(), skin);
            fs.add(skin);
        }
        flowLayer.getChildren().setAll(fs);
        placeLabels();
        Bounds e = d.extent();
        setPrefSize(e.x() + e.width(), e.y() + e.height());
        setMinSize(e.x() + e.width(), e.y() + e.height());
        resize(e.x() + e.width(), e.y() + e.height());
        flowStates.forEach((id, s) -> { FlowSkin f = flows.get(id); if (f != null) f.setState(s, flowDetails.get(id)); });
        badges.forEach((el, b) -> skinsOf(el).forEach(s -> s.setBadge(b.getKey(), b.getValue())));
        applySelection();
    }

    private static String pairKey(DiagramFlow f) {
        return f.fromId().compareTo(f.toId()) <= 0 ? f.fromId() + "\u0000" + f.toId() : f.toId() + "\u0000" + f.fromId();
    }

    /** Labels where they overlap nothing already placed: try the preferred spot, then slide along the line. */
    private void placeLabels() {
        List<javafx.geometry.Bounds> taken = new ArrayList<>();
        for (ElementSkin s : skins.values()) {
            if (s.node().kind().container()) continue;
            Bounds b = s.node().bounds();
            taken.add(new javafx.geometry.BoundingBox(b.x(), b.y(), b.width(), b.height()));
        }
        double[] tries = {0, -0.08, 0.08, -0.16, 0.16, -0.24, 0.24, -0.32, 0.32};
        for (FlowSkin f : flows.values()) {
            javafx.geometry.Bounds chosen = null;
            search:
            for (double across : new double[] {0, 14, -14, 28, -28, 48, -48}) {
                for (double dt : tries) {
                    double t = Math.max(0.15, Math.min(0.85, f.preferredT() + dt));
                    javafx.geometry.Bounds b = f.placeLabel(t, across);
                    if (b == null) break search;
                    chosen = b;
                    if (taken.stream().noneMatch(o -> o.intersects(b))) break search;
                    chosen = null;
                }
            }
            if (chosen == null) chosen = f.placeLabel(f.preferredT());
            if (chosen != null) taken.add(chosen);
        }
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
        for (ElementSkin s : skins.values()) {
            String el = s.node().elementId();
            // The cluster's parts select the instance, but only the instance's own box lights up.
            boolean primary = s.node().kind() != minet.layout.NodeKind.INTERNAL_LB && s.node().kind() != minet.layout.NodeKind.GATEWAY
                    && s.node().kind() != minet.layout.NodeKind.EXTERNAL_LB && s.node().kind() != minet.layout.NodeKind.MANAGEMENT_ENDPOINT
                    && s.node().kind() != minet.layout.NodeKind.VIRTUAL_CLUSTER && s.node().kind() != minet.layout.NodeKind.SUBNET_RESOURCE;
            s.setSelected(primary && el != null && selected.contains(el.toLowerCase(Locale.ROOT)));
        }
        for (FlowSkin f : flows.values()) f.setSelected(selected.contains(f.flow().id().toLowerCase(Locale.ROOT)));
    }
}
