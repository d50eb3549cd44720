package minet.rules.eval;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
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

    /** What a text is as an address: IPv4 range and prefix length, or only "valid" (IPv6), or nothing. */
    private record Parsed(long first, long last, int prefixLength, boolean ipv4, boolean valid, boolean single) {}

    private static final Parsed INVALID = new Parsed(0, 0, -1, false, false, false);
    /** Parsing is the costly part of validation and designs repeat the same prefixes: remember them. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Parsed> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Parsed parsed(String text) {
        if (text == null) return INVALID;
        Parsed p = CACHE.get(text);
        if (p != null) return p;
        p = doParse(text);
        if (CACHE.size() > 100_000) CACHE.clear();
        CACHE.put(text, p);
        return p;
    }

    /** Azure's notation only: dotted quads or IPv6 with an optional prefix length; no masks, ranges or inet_aton forms. */
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowSingleSegment(false).allowMask(false).allowPrefixOnly(false).allowAll(false)
            .allowWildcardedSeparator(false).setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
            .allow_inet_aton(false).toParams();

    private static Parsed doParse(String text) {
        if (text.isBlank() || !prefixLengthInRange(text.trim())) return INVALID;
        IPAddressString s = new IPAddressString(text.trim(), STRICT);
        if (!s.isValid() || !s.isIPAddress()) return INVALID;
        IPAddress a = s.getAddress();
        if (!(a instanceof IPv4Address v4)) return new Parsed(0, 0, -1, false, true, false);
        Integer len = v4.getNetworkPrefixLength();
        boolean single = len == null && !v4.isMultiple();
        if (len != null) v4 = v4.toPrefixBlock();
        return new Parsed(v4.getLower().longValue(), v4.getUpper().longValue(), len == null ? 32 : len, true, true, single);
    }

    /**
     * The digits after '/' are at most 32 (IPv4) or 128 (IPv6). IPAddress reads the length as an int that wraps
     * around 2^32, so "52.0.0.0/4294967304" would be /8: a length of more than three digits never reaches it.
     */
    private static boolean prefixLengthInRange(String t) {
        int slash = t.indexOf('/');
        if (slash < 0) return true;
        int digits = t.length() - slash - 1;
        if (digits < 1 || digits > 3) return false;
        int len = 0;
        for (int i = slash + 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return false;
            len = len * 10 + (c - '0');
        }
        return len <= (t.indexOf(':') >= 0 ? 128 : 32);
    }

    /** An IPv4 prefix or address as {first, last}, or null when {@code text} is not one (IPv6 is not IPv4: null). */
    public static long[] parse(String text) {
        Parsed p = parsed(text);
        return p.ipv4 ? new long[] {p.first, p.last} : null;
    }

    /** True for a valid IPv4 or IPv6 address or prefix. */
    public static boolean isAddressOrPrefix(String text) {
        return parsed(text).valid;
    }

    /** True for a valid IPv6 address or prefix (Azure MI subnets must have none since 10/2020). */
    public static boolean isIpv6(String text) {
        Parsed p = parsed(text);
        return p.valid && !p.ipv4;
    }

    /** The prefix length of an IPv4 prefix ("10.0.0.0/24" → 24, a bare address → 32), or -1. */
    public static int prefixLength(String text) {
        Parsed p = parsed(text);
        return p.ipv4 ? p.prefixLength : -1;
    }

    /** The network address with the prefix, e.g. "10.0.0.1/24" → "10.0.0.0/24". Null if not IPv4. */
    public static String normalize(String text) {
        Parsed p = parsed(text);
        return p.ipv4 ? ip(p.first) + "/" + p.prefixLength : null;
    }

    /**
     * True for an importer's stand-in for a value it could not resolve ("{vnetAddressRange}"): an ImportNote already
     * says so, so checks of the value's form stay silent about it.
     */
    public static boolean isPlaceholder(String text) {
        if (text == null) return false;
        String t = text.trim();
        return t.length() > 2 && t.startsWith("{") && t.endsWith("}");
    }

    public static String ip(long v) { return new IPv4Address((int) v).toNormalizedString(); }

    /** A single IPv4 address (no prefix length) as a long, or -1. */
    public static long address(String text) {
        Parsed p = parsed(text);
        return p.ipv4 && p.single ? p.first : -1;
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
