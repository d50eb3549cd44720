package minet.rules.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A box of traffic: protocols × source addresses × source ports × destination addresses × destination ports.
 * An NSG rule's match is one box (an augmented rule's lists are unions inside each dimension), and so is a
 * question such as "TCP 9000, 9003, 1438, 1440, 1452 from Internet to 10.0.0.0/24".
 */
public record Traffic(int protocols, AddressSet source, long[] sourcePorts, AddressSet destination, long[] destinationPorts) {

    public static Traffic of(int protocols, AddressSet source, AddressSet destination, long[] destinationPorts) {
        return new Traffic(protocols, source, Ports.ALL, destination, destinationPorts);
    }

    public boolean isEmpty() {
        return protocols == 0 || source.isEmpty() || destination.isEmpty() || sourcePorts.length == 0 || destinationPorts.length == 0;
    }

    /** Certainly shares a packet with {@code o}. */
    public boolean intersects(Traffic o) {
        return (protocols & o.protocols) != 0 && Intervals.intersects(destinationPorts, o.destinationPorts)
                && Intervals.intersects(sourcePorts, o.sourcePorts) && destination.intersects(o.destination)
                && source.intersects(o.source);
    }

    public Traffic intersect(Traffic o) {
        return new Traffic(protocols & o.protocols, source.intersect(o.source), Intervals.intersect(sourcePorts, o.sourcePorts),
                destination.intersect(o.destination), Intervals.intersect(destinationPorts, o.destinationPorts));
    }

    /**
     * True when this and {@code o} may share a packet the exact algebra cannot see: every dimension overlaps
     * certainly or possibly, and at least one address dimension only possibly.
     */
    public boolean mayOverlap(Traffic o, AddressSpace space) {
        if ((protocols & o.protocols) == 0 || !Intervals.intersects(destinationPorts, o.destinationPorts)
                || !Intervals.intersects(sourcePorts, o.sourcePorts)) return false;
        boolean srcCertain = source.intersects(o.source), dstCertain = destination.intersects(o.destination);
        boolean srcMay = space.mayOverlap(source, o.source), dstMay = space.mayOverlap(destination, o.destination);
        return (srcCertain || srcMay) && (dstCertain || dstMay) && (srcMay || dstMay);
    }

    /** this ∖ o as disjoint boxes (at most five). */
    public List<Traffic> subtract(Traffic o) {
        if (!intersects(o)) return List.of(this);
        List<Traffic> out = new ArrayList<>(2);
        Traffic rest = this;
        int p = protocols & ~o.protocols;
        if (p != 0) out.add(new Traffic(p, source, sourcePorts, destination, destinationPorts));
        rest = new Traffic(protocols & o.protocols, source, sourcePorts, destination, destinationPorts);
        long[] dp = Intervals.subtract(rest.destinationPorts, o.destinationPorts);
        if (dp.length > 0) out.add(new Traffic(rest.protocols, source, sourcePorts, destination, dp));
        rest = new Traffic(rest.protocols, source, sourcePorts, destination, Intervals.intersect(destinationPorts, o.destinationPorts));
        AddressSet d = rest.destination.subtract(o.destination);
        if (!d.isEmpty()) out.add(new Traffic(rest.protocols, source, sourcePorts, d, rest.destinationPorts));
        rest = new Traffic(rest.protocols, source, sourcePorts, rest.destination.intersect(o.destination), rest.destinationPorts);
        long[] sp = Intervals.subtract(rest.sourcePorts, o.sourcePorts);
        if (sp.length > 0) out.add(new Traffic(rest.protocols, source, sp, rest.destination, rest.destinationPorts));
        rest = new Traffic(rest.protocols, source, Intervals.intersect(sourcePorts, o.sourcePorts), rest.destination, rest.destinationPorts);
        AddressSet s = rest.source.subtract(o.source);
        if (!s.isEmpty()) out.add(new Traffic(rest.protocols, s, rest.sourcePorts, rest.destination, rest.destinationPorts));
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Traffic t && t.protocols == protocols && t.source.equals(source) && t.destination.equals(destination)
                && java.util.Arrays.equals(t.sourcePorts, sourcePorts) && java.util.Arrays.equals(t.destinationPorts, destinationPorts);
    }

    @Override public int hashCode() {
        return java.util.Objects.hash(protocols, source, destination, java.util.Arrays.hashCode(sourcePorts), java.util.Arrays.hashCode(destinationPorts));
    }

    @Override public String toString() {
        return Protocols.describe(protocols) + " " + source + ":" + Ports.describe(sourcePorts) + " -> " + destination + ":" + Ports.describe(destinationPorts);
    }
}
