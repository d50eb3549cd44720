package minet.rules.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IPv4 addresses of Azure's service tags, from Microsoft's weekly file ({@code ServiceTags_Public_YYYYMMDD.json}:
 * {@code values[].name} and {@code properties.addressPrefixes}; regional names like {@code Storage.WestEurope}). With
 * it, a tag is the set of its prefixes instead of an opaque atom, so checks, traces and the canvas can decide where
 * they would otherwise say "cannot be decided offline". Immutable; {@link #NONE} knows no tag.
 */
public final class ServiceTags {
    public static final ServiceTags NONE = new ServiceTags(Map.of(), null);

    private final Map<String, long[]> ranges; // lower-case name → normalized IPv4 intervals
    private final String source;

    private ServiceTags(Map<String, long[]> ranges, String source) {
        this.ranges = ranges;
        this.source = source;
    }

    /**
     * Tags and their prefixes (IPv6 prefixes are left out: the engine reasons about IPv4); {@code source} names the
     * file for messages. Unparseable prefixes are the caller's to report.
     */
    public static ServiceTags of(Map<String, List<String>> prefixesByTag, String source) {
        Map<String, long[]> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : prefixesByTag.entrySet()) {
            List<long[]> parts = new ArrayList<>();
            for (String p : e.getValue()) {
                long[] r = Cidr.parse(p);
                if (r != null) parts.add(r);
            }
            long[] acc = Intervals.EMPTY;
            for (long[] r : parts) acc = Intervals.union(acc, r);
            out.put(e.getKey().toLowerCase(Locale.ROOT), acc);
        }
        return new ServiceTags(Map.copyOf(out), source);
    }

    /** The tag's IPv4 ranges, or null when the file does not name it. */
    public long[] ranges(String tag) {
        return tag == null ? null : ranges.get(tag.trim().toLowerCase(Locale.ROOT));
    }

    public boolean knows(String tag) { return ranges(tag) != null; }

    public int size() { return ranges.size(); }

    public boolean isEmpty() { return ranges.isEmpty(); }

    /** The file the tags came from ("ServiceTags_Public_20261123.json"), or null. */
    public String source() { return source; }
}
