package minet.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import minet.model.Bounds;

/** The laid-out picture of a design: boxes (parents before children) and flows, in canvas units. */
public record Diagram(List<DiagramNode> nodes, List<DiagramFlow> flows, Bounds extent) {
    public Diagram {
        nodes = List.copyOf(nodes);
        flows = List.copyOf(flows);
    }

    public Optional<DiagramNode> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Map<String, DiagramNode> byId() {
        Map<String, DiagramNode> m = new LinkedHashMap<>();
        for (DiagramNode n : nodes) m.put(n.id(), n);
        return m;
    }

    /** The boxes that stand for a model element (an NSG shows once per subnet it is attached to). */
    public List<DiagramNode> nodesOf(String elementId) {
        return nodes.stream().filter(n -> n.elementId() != null && n.elementId().equalsIgnoreCase(elementId)).toList();
    }
}
