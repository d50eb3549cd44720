package minet.fix;

/**
 * One difference between two designs, as the review dialog and {@code minet fix}/{@code diff} show it.
 * {@code resource} is rules.md's readable path of the element; {@code before}/{@code after} summarize it (null
 * when added/removed); {@code details} says what changed in a CHANGED element ("priority 500 → 110") or why an
 * ADDED rule is there (its description).
 */
public record Change(Kind kind, Element element, String resource, String label, String before, String after, String details) {

    public enum Kind {
        ADDED("+"), REMOVED("-"), CHANGED("~");
        private final String sign;
        Kind(String sign) { this.sign = sign; }
        public String sign() { return sign; }
    }

    public enum Element {
        SECURITY_GROUP("NSG"), SECURITY_RULE("rule"), ROUTE_TABLE("route table"), ROUTE("route"),
        NSG_ASSOCIATION("NSG of subnet"), ROUTE_TABLE_ASSOCIATION("route table of subnet"),
        SERVICE_ENDPOINT("service endpoint of subnet"), DELEGATION("delegation of subnet"),
        NAT_GATEWAY_ASSOCIATION("NAT gateway of subnet");
        private final String word;
        Element(String word) { this.word = word; }
        public String word() { return word; }
    }

    /** "+ rule nsg-mi/allow_management_inbound (100, Inbound, Allow, Tcp * → 10.0.0.0/24: 9000,…)". */
    public String text() {
        StringBuilder sb = new StringBuilder(kind.sign()).append(' ').append(element.word()).append(' ').append(label);
        switch (kind) {
            case ADDED -> {
                if (after != null && !after.isEmpty()) sb.append(" (").append(after).append(')');
                if (details != null && !details.isEmpty()) sb.append(" — ").append(details);
            }
            case REMOVED -> { if (before != null && !before.isEmpty()) sb.append(" (").append(before).append(')'); }
            case CHANGED -> sb.append(": ").append(details);
        }
        return sb.toString();
    }

    @Override public String toString() { return text(); }
}
