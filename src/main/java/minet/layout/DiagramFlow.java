package minet.layout;

/**
 * A traffic flow (or link) between two diagram nodes. {@code id} is stable for a design, e.g.
 * {@code tds:clients:sqlmi-ref}: the validation panel uses it to colour the arrow. {@code label} is what the arrow
 * shows ("TCP 1433"), {@code description} a sentence for the tooltip.
 */
public record DiagramFlow(String id, FlowKind kind, String fromId, String toId, String label, String description) {}
