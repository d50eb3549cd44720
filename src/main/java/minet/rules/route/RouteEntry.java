package minet.rules.route;

import minet.model.Route;
import minet.rules.eval.Cidr;

/**
 * One entry of a subnet's effective routes: an IPv4 prefix as {@code [first, last]}, its next hop and where it
 * comes from. {@code route} is the user's route (null for system and gateway routes).
 */
public record RouteEntry(String name, String addressPrefix, long first, long last, int prefixLength, String nextHopType,
                         String nextHopIpAddress, Origin origin, Route route) {

    /** Where a route comes from; on equal prefixes a user route beats BGP, which beats a system route. */
    public enum Origin { USER, BGP, SYSTEM }

    /** A user route as an entry, or null when its prefix is not an IPv4 prefix (a service tag, IPv6, a typo). */
    public static RouteEntry user(Route r) {
        long[] range = Cidr.parse(r.addressPrefix());
        if (range == null) return null;
        return new RouteEntry(r.name(), r.addressPrefix(), range[0], range[1], Cidr.prefixLength(r.addressPrefix()),
                r.nextHopType(), r.nextHopIpAddress(), Origin.USER, r);
    }

    public static RouteEntry system(String name, String prefix, String nextHopType, Origin origin) {
        long[] range = Cidr.parse(prefix);
        if (range == null) return null;
        return new RouteEntry(name, prefix, range[0], range[1], Cidr.prefixLength(prefix), nextHopType, null, origin, null);
    }

    public boolean contains(long address) { return address >= first && address <= last; }

    public boolean hasNextHop(String type) { return nextHopType != null && nextHopType.equalsIgnoreCase(type); }

    /** "route 'mi-52-8-nexthop-internet' (52.0.0.0/8 → Internet)" or "system route 0.0.0.0/0 → Internet". */
    public String describe() {
        String hop = nextHopType + (nextHopIpAddress == null || nextHopIpAddress.isBlank() ? "" : " " + nextHopIpAddress);
        return switch (origin) {
            case USER -> "route '" + name + "' (" + addressPrefix + " → " + hop + ")";
            case BGP -> "gateway route " + addressPrefix + " → " + hop;
            case SYSTEM -> "system route " + addressPrefix + " → " + hop;
        };
    }
}
