package minet.ui.trace;

import java.util.List;
import minet.model.Design;

/** The engine's hop-by-hop trace, the same answer as the CLI's {@code trace}. */
public interface TraceService {
    /**
     * @param from an address or an element's name, as {@code trace --from} takes it
     * @throws IllegalArgumentException when an endpoint names nothing in the design (the message says which)
     */
    Result trace(Design design, String from, String to, String protocol, int port);

    /** The verdict and each hop: the route chosen, the NSG rule that decided. */
    record Result(boolean allowed, String verdict, List<Hop> hops) {
        public Result {
            hops = List.copyOf(hops);
        }
    }

    /** One hop; {@code elementId} is what the canvas highlights (may be null). */
    record Hop(String elementId, String step, String detail) {}
}
