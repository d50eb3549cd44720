package minet.layout;

import java.util.List;
import minet.model.Bounds;

/**
 * One box on the diagram. {@code id} is unique on the diagram; {@code elementId} the model element that selecting
 * the box selects (the NSG card of a subnet selects the NSG, the cluster parts select the managed instance).
 * {@code lines} are the text lines under the title; {@code usage} the address-usage bar of a subnet, or null.
 */
public record DiagramNode(String id, String elementId, NodeKind kind, String parentId, Bounds bounds,
                          String title, List<String> lines, Usage usage) {
    public DiagramNode {
        lines = List.copyOf(lines);
    }

    /** A party the design does not name but every MI implies (Microsoft's management services): selectable, read-only. */
    public boolean implied() { return id.startsWith("implicit:"); }

    /** Addresses a subnet needs (Azure's 5 reserved plus what lives in it) against its size. */
    public record Usage(long needed, long size) {
        public double fraction() { return size <= 0 ? 1 : Math.min(1.0, (double) needed / size); }
        public boolean overflows() { return needed > size; }
    }
}
