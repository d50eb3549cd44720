package minet.layout;

import java.util.List;
import minet.model.Bounds;

/**
 * A traffic flow (or link) between two diagram nodes. {@code id} is stable for a design, e.g.
 * {@code tds:clients:sqlmi-ref}: the validation panel uses it to colour the arrow. {@code label} is what the arrow
 * shows ("TCP 1433"), {@code description} a sentence for the tooltip, {@code traffic} what the tracer is asked about
 * it (null for links and the cluster's inner arrows, which no rule governs). {@code route} is the drawn path from
 * source to target, axis-parallel segments (empty until laid out), {@code labelBox} where its label goes (or null).
 */
public record DiagramFlow(String id, FlowKind kind, String fromId, String toId, String label, String description,
                          FlowTraffic traffic, List<Point> route, Bounds labelBox) {
    public DiagramFlow {
        route = List.copyOf(route);
    }

    public DiagramFlow(String id, FlowKind kind, String fromId, String toId, String label, String description, FlowTraffic traffic) {
        this(id, kind, fromId, toId, label, description, traffic, List.of(), null);
    }

    public DiagramFlow routed(List<Point> r, Bounds box) {
        return new DiagramFlow(id, kind, fromId, toId, label, description, traffic, r, box);
    }

    public DiagramFlow moved(double dx, double dy) {
        return routed(route.stream().map(p -> new Point(p.x() + dx, p.y() + dy)).toList(), labelBox == null ? null : labelBox.moved(dx, dy));
    }
}
