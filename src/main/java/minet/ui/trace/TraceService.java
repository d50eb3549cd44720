package minet.ui.trace;

import java.util.List;
import minet.model.Design;
import minet.layout.TracePath;
import minet.rules.eval.ServiceTags;

/** The engine's hop-by-hop trace, the same answer as the CLI's {@code trace}. */
public interface TraceService {
    /**
     * @param from an address or an element's name, as {@code trace --from} takes it
     * @throws IllegalArgumentException when an endpoint names nothing in the design (the message says which)
     */
    Result trace(Design design, String from, String to, String protocol, int port);

    /** As {@link #trace(Design, String, String, String, int)}, with service tags standing for their addresses. */
    default Result trace(Design design, ServiceTags tags, String from, String to, String protocol, int port) {
        return trace(design, from, to, protocol, port);
    }

    /**
     * The verdict and each hop: the route chosen, the NSG rule that decided. {@code fromId} and {@code toId} are the
     * elements the two ends name (null for an address or a service tag no element stands for).
     */
    record Result(boolean allowed, String verdict, List<Hop> hops, String fromId, String toId) {
        public Result {
            hops = List.copyOf(hops);
        }

        public Result(boolean allowed, String verdict, List<Hop> hops) { this(allowed, verdict, hops, null, null); }
    }

    /**
     * One hop; {@code elementId} is what the canvas highlights (may be null), {@code subnetId} the subnet whose card
     * is meant when the element is an NSG or route table; {@code state} whether the traffic passed, was denied here,
     * cannot be decided here, or never got here (after a deny).
     */
    record Hop(String elementId, String subnetId, String step, String detail, TracePath.State state) {
        public Hop(String elementId, String step, String detail) { this(elementId, null, step, detail, TracePath.State.PASSED); }
    }
}
