package minet.layout;

import java.util.List;

/**
 * A traced path to show on the canvas: the boxes it passes, in order, numbered as the Trace panel numbers its
 * steps, each with what happened there. A denied trace stops at the box that denies: later stops are
 * {@link State#NOT_REACHED} and are not drawn. {@code from} and {@code to} are the element ids of the two ends
 * (null for an address or service tag that no box stands for); an arrow for the same two ends, protocol
 * ({@code tcp}, {@code udp}) and port is highlighted too.
 */
public record TracePath(String from, String to, String protocol, int port, List<Stop> stops) {
    public static final TracePath NONE = new TracePath(null, null, null, 0, List.of());

    public TracePath {
        stops = List.copyOf(stops);
    }

    public enum State { PASSED, DENIED, UNDECIDED, NOT_REACHED }

    /**
     * One step: the element whose box is meant, and for an NSG or route table the subnet whose card is meant (an
     * NSG is drawn once per subnet it is attached to), else null.
     */
    public record Stop(int number, String elementId, String subnetId, State state, String what) {}

    public boolean isEmpty() { return stops.isEmpty(); }
}
