package minet.rules.eval;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressSeqRange;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv4 prefixes as inclusive {@code [first, last]} ranges of unsigned 32-bit values (held in longs), parsed and
 * printed with IPAddress. Host bits are ignored as Azure does ({@code 10.0.0.1/24} is the block 10.0.0.0/24).
 */
public final class Cidr {
    private Cidr() {}

    public static final long MAX = 0xFFFF_FFFFL;

    /** An IPv4 prefix or address as {first, last}, or null when {@code text} is not one (IPv6 is not IPv4: null). */
    public static long[] parse(String text) {
        if (text == null || text.isBlank()) return null;
        IPAddressString s = new IPAddressString(text.trim());
        if (!s.isIPv4()) return null;
        IPAddress a = s.getAddress();
        if (!(a instanceof IPv4Address v4)) return null;
        if (v4.getNetworkPrefixLength() != null) v4 = v4.toPrefixBlock();
        return new long[] {v4.getLower().longValue(), v4.getUpper().longValue()};
    }

    /** True for a valid IPv4 or IPv6 address or prefix. */
    public static boolean isAddressOrPrefix(String text) {
        if (text == null || text.isBlank()) return false;
        IPAddressString s = new IPAddressString(text.trim());
        return s.isValid() && s.isIPAddress();
    }

    /** The prefix length of an IPv4 prefix ("10.0.0.0/24" → 24, a bare address → 32), or -1. */
    public static int prefixLength(String text) {
        if (text == null) return -1;
        IPAddressString s = new IPAddressString(text.trim());
        if (!s.isIPv4()) return -1;
        Integer p = s.getNetworkPrefixLength();
        return p == null ? 32 : p;
    }

    /** The network address with the prefix, e.g. "10.0.0.1/24" → "10.0.0.0/24". Null if not IPv4. */
    public static String normalize(String text) {
        long[] r = parse(text);
        if (r == null) return null;
        return ip(r[0]) + "/" + prefixLength(text);
    }

    public static long size(long[] range) { return range[1] - range[0] + 1; }

    public static String ip(long v) { return new IPv4Address((int) v).toNormalizedString(); }

    /** A single IPv4 address as a long, or -1. */
    public static long address(String text) {
        if (text == null) return -1;
        IPAddressString s = new IPAddressString(text.trim());
        if (!s.isIPv4() || s.getNetworkPrefixLength() != null) return -1;
        IPAddress a = s.getAddress();
        return a instanceof IPv4Address v4 && !v4.isMultiple() ? v4.longValue() : -1;
    }

    /** The fewest prefixes that cover exactly {@code [first, last]}. */
    public static List<String> toPrefixes(long first, long last) {
        IPv4AddressSeqRange r = new IPv4AddressSeqRange(new IPv4Address((int) first), new IPv4Address((int) last));
        List<String> out = new ArrayList<>();
        for (IPv4Address b : r.spanWithPrefixBlocks()) out.add(b.toNormalizedString());
        return out;
    }

    /** The fewest prefixes that cover exactly the ranges of an interval array {@code [lo0, hi0, lo1, hi1, …]}. */
    public static List<String> toPrefixes(long[] intervals) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < intervals.length; i += 2) out.addAll(toPrefixes(intervals[i], intervals[i + 1]));
        return out;
    }

    /** Addresses needed rounded up to a power of two, as a prefix length (19 → 32 → /27). */
    public static int prefixLengthFor(long addresses) {
        int bits = 0;
        while ((1L << bits) < addresses) bits++;
        return 32 - bits;
    }
}
