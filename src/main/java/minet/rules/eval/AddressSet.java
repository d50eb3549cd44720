package minet.rules.eval;

/**
 * A set of addresses: exact IPv4 ranges ({@link Intervals}) plus opaque atoms of an {@link AddressSpace}
 * (AzureLoadBalancer, the unknown extent of a service tag such as AzureCloud or Storage.westeurope, an
 * unparseable value). Set operations are exact on both parts; whether an atom overlaps an IPv4 range or another
 * atom is unknown offline and is answered by {@link AddressSpace#mayOverlap}.
 */
public record AddressSet(long[] ranges, long atoms) {
    public static final AddressSet EMPTY = new AddressSet(Intervals.EMPTY, 0);

    public static AddressSet ofRange(long first, long last) { return new AddressSet(Intervals.of(first, last), 0); }

    public static AddressSet ofAddress(long ip) { return ofRange(ip, ip); }

    public static AddressSet ofAtoms(long atoms) { return new AddressSet(Intervals.EMPTY, atoms); }

    public boolean isEmpty() { return ranges.length == 0 && atoms == 0; }

    public AddressSet union(AddressSet o) {
        return new AddressSet(Intervals.union(ranges, o.ranges), atoms | o.atoms);
    }

    public AddressSet intersect(AddressSet o) {
        return new AddressSet(Intervals.intersect(ranges, o.ranges), atoms & o.atoms);
    }

    /** The exact part of this ∖ o (atoms are removed only by the same atom). */
    public AddressSet subtract(AddressSet o) {
        long[] r = Intervals.subtract(ranges, o.ranges);
        long a = atoms & ~o.atoms;
        return r == ranges && a == atoms ? this : new AddressSet(r, a);
    }

    /** Certainly shares an address with {@code o}. */
    public boolean intersects(AddressSet o) {
        return (atoms & o.atoms) != 0 || Intervals.intersects(ranges, o.ranges);
    }

    public boolean containsAll(AddressSet o) {
        return (o.atoms & ~atoms) == 0 && Intervals.containsAll(ranges, o.ranges);
    }

    @Override public boolean equals(Object o) {
        return o instanceof AddressSet s && s.atoms == atoms && java.util.Arrays.equals(s.ranges, ranges);
    }

    @Override public int hashCode() { return 31 * java.util.Arrays.hashCode(ranges) + Long.hashCode(atoms); }

    @Override public String toString() {
        return "AddressSet" + Cidr.toPrefixes(ranges) + (atoms == 0 ? "" : "+atoms:" + Long.toBinaryString(atoms));
    }
}
