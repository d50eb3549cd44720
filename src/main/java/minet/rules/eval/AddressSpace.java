package minet.rules.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.model.Peering;
import minet.model.Route;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;

/**
 * What service tags and prefixes mean from one virtual network, per rules.md: {@code *} is everything;
 * {@code VirtualNetwork} is the VNet's address spaces, its peered spaces and the on-premises ranges behind its
 * gateway; {@code Internet} is every IPv4 address outside that plus the public Azure tags; {@code AzureCloud}
 * contains {@code AzureCloud.<region>}, {@code Storage}, {@code Storage.<region>}, {@code EventHub} … whose
 * extents are unknown offline and are therefore opaque atoms; {@code AzureLoadBalancer} is an atom disjoint from
 * all else. {@code 0.0.0.0/0} equals {@code *}. Immutable once built, so it can be shared between threads.
 *
 * <p>Atoms: each tag gets a bit that stands for "the tag minus the tags known to lie inside it", so that a tag's
 * set is its bit plus its descendants' bits and containment is exact. Atoms that may share addresses (sibling
 * tags, a tag and a public CIDR) are related by {@link #mayOverlap}; an evaluator says "indeterminate" there.
 */
public final class AddressSpace {
    public static final int LOAD_BALANCER = 0;
    /** An unparseable or unknown value: may overlap anything. */
    public static final int UNKNOWN = 1;
    public static final int AZURE_CLOUD = 2;
    private static final int MAX_ATOMS = 64;

    /** The tags rules.md names; others are registered as found in the design. */
    public static final List<String> KNOWN_TAGS = List.of("AzureCloud", "Storage", "EventHub", "AzureActiveDirectory",
            "SqlManagement", "AzureMonitor");

    /** Ranges that no public service tag covers (RFC 1918, shared, loopback, link-local, multicast and reserved). */
    private static final long[] NON_PUBLIC = Intervals.normalize(concat(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"),
            Cidr.parse("224.0.0.0/3")));

    private final long[] virtualNetwork;
    private final long[] publicRanges;
    private final Map<String, Integer> bits;   // lower-case tag → bit
    private final String[] names;
    private final String[] regions;             // lower-case region of a regional tag, or null
    private final long[] full;                  // bit → the tag's whole set (its atom and its descendants')
    private final long[] overlaps;              // bit → atoms that may share addresses with it
    private final long publicAtoms;
    private final long allAtoms;
    private final AddressSet everything, internet, vnetSet;
    private final ServiceTags serviceTags;

    private AddressSpace(long[] virtualNetwork, boolean virtualNetworkMayHoldMore, List<String> tagNames, ServiceTags serviceTags) {
        this.virtualNetwork = virtualNetwork;
        this.serviceTags = serviceTags;
        this.publicRanges = Intervals.subtract(Intervals.subtract(Intervals.of(0, Cidr.MAX), virtualNetwork), NON_PUBLIC);
        List<String> order = new ArrayList<>(List.of("AzureLoadBalancer", "?", "AzureCloud"));
        Map<String, Integer> b = new HashMap<>();
        for (int i = 0; i < order.size(); i++) b.put(order.get(i).toLowerCase(Locale.ROOT), i);
        int[] parentOf = new int[MAX_ATOMS];
        parentOf[0] = parentOf[1] = parentOf[2] = -1;
        for (String t : tagNames) register(t, order, b, parentOf);
        int n = order.size();
        this.bits = Map.copyOf(b);
        this.names = order.toArray(new String[0]);
        this.regions = new String[n];
        for (int i = 0; i < n; i++) {
            int dot = names[i].indexOf('.');
            regions[i] = dot < 0 ? null : names[i].substring(dot + 1).toLowerCase(Locale.ROOT);
        }
        this.full = new long[n];
        for (int i = 0; i < n; i++) {
            full[i] |= 1L << i;
            for (int p = parentOf[i]; p >= 0; p = parentOf[p]) full[p] |= 1L << i;
        }
        long pub = 0;
        for (int i = AZURE_CLOUD; i < n; i++) pub |= 1L << i;
        this.publicAtoms = pub;
        this.allAtoms = n == 64 ? -1L : (1L << n) - 1;
        this.overlaps = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && atomsMayOverlap(i, j)) overlaps[i] |= 1L << j;
            }
        }
        this.everything = new AddressSet(Intervals.of(0, Cidr.MAX), allAtoms);
        this.vnetSet = new AddressSet(virtualNetwork, virtualNetworkMayHoldMore ? 1L << UNKNOWN : 0);
        this.internet = new AddressSet(Intervals.subtract(Intervals.of(0, Cidr.MAX), virtualNetwork), publicAtoms);
    }

    private static void register(String tag, List<String> order, Map<String, Integer> bits, int[] parentOf) {
        String key = tag.toLowerCase(Locale.ROOT);
        if (bits.containsKey(key) || isBuiltIn(key)) return;
        int dot = tag.indexOf('.');
        int parent = AZURE_CLOUD;
        if (dot > 0) {
            String base = tag.substring(0, dot);
            register(base, order, bits, parentOf);
            parent = bits.getOrDefault(base.toLowerCase(Locale.ROOT), AZURE_CLOUD);
        }
        if (order.size() >= MAX_ATOMS) return; // more tags than atoms: resolve() maps the rest to UNKNOWN
        int bit = order.size();
        order.add(tag);
        bits.put(key, bit);
        parentOf[bit] = parent;
    }

    private static boolean isBuiltIn(String key) {
        return key.equals("*") || key.equals("any") || key.equals("internet") || key.equals("virtualnetwork");
    }

    private boolean atomsMayOverlap(int i, int j) {
        if (i == UNKNOWN || j == UNKNOWN) return true;
        if (i == LOAD_BALANCER || j == LOAD_BALANCER) return false;
        // A tag's atom excludes the tags below it, so an ancestor and a descendant never share an atom's addresses.
        if ((full[i] & (1L << j)) != 0 || (full[j] & (1L << i)) != 0) return false;
        // Regional tags of different regions are disjoint (Storage.westeurope vs AzureCloud.northeurope).
        return regions[i] == null || regions[j] == null || regions[i].equals(regions[j]);
    }

    // ---- construction ----

    /** An address space whose VirtualNetwork is {@code vnetPrefixes}, knowing the tags in {@code tags}. */
    public static AddressSpace of(List<String> vnetPrefixes, List<String> tags) {
        return of(vnetPrefixes, false, tags, ServiceTags.NONE);
    }

    private static AddressSpace of(List<String> vnetPrefixes, boolean vnetMayHoldMore, List<String> tags, ServiceTags known) {
        long[] v = Intervals.EMPTY;
        for (String p : vnetPrefixes) {
            long[] r = Cidr.parse(p);
            if (r != null) v = Intervals.union(v, r);
        }
        Set<String> all = new LinkedHashSet<>(KNOWN_TAGS);
        for (String t : tags) if (looksLikeTag(t)) all.add(t.trim());
        return new AddressSpace(v, vnetMayHoldMore, new ArrayList<>(all), known);
    }

    /**
     * As {@link #of(Design, VirtualNetwork)}, but VirtualNetwork also holds the UNKNOWN atom: the rest of a VNet
     * whose address space is not known (a template that declares subnets but not their VNet). For questions like
     * "do earlier rules cover all of this one", where a subnet's prefix must not pass for all of VirtualNetwork;
     * the MI checks keep {@link #of(Design, VirtualNetwork)}, where the subnets stand in for the VNet.
     */
    public static AddressSpace withUnknownVnetRest(Design design, VirtualNetwork vnet) {
        return withUnknownVnetRest(design, vnet, ServiceTags.NONE);
    }

    public static AddressSpace withUnknownVnetRest(Design design, VirtualNetwork vnet, ServiceTags known) {
        return of(virtualNetworkPrefixes(design, vnet), true, tagsIn(design), known);
    }

    /** The space seen from {@code vnet} of {@code design} (null vnet: no VirtualNetwork addresses). */
    public static AddressSpace of(Design design, VirtualNetwork vnet) {
        return of(design, vnet, ServiceTags.NONE);
    }

    /** As {@link #of(Design, VirtualNetwork)}; tags named in {@code known} stand for their addresses, not for atoms. */
    public static AddressSpace of(Design design, VirtualNetwork vnet, ServiceTags known) {
        return of(vnet == null ? List.of() : virtualNetworkPrefixes(design, vnet), false, tagsIn(design), known);
    }

    /** rules.md: the VNet's address spaces (and its subnets'), peered VNets' spaces and on-premises ranges reached through a gateway. */
    public static List<String> virtualNetworkPrefixes(Design design, VirtualNetwork vnet) {
        List<String> out = new ArrayList<>(vnet.addressSpaces());
        // A subnet lies inside its VNet's space: counts even where the space itself is unknown (e.g. an export
        // that declares subnets but not their VNet), and adds nothing where it is known.
        for (Subnet s : vnet.subnets()) out.addAll(s.addressPrefixes());
        // Peered VNets and VNets joined through the gateway (their spaces as the peering or the design states them).
        for (minet.model.Connectivity.Link link : minet.model.Connectivity.links(design, vnet)) out.addAll(link.remoteAddressSpaces());
        for (ExternalNetwork e : design.externalNetworks()) {
            if (e.kind() == ExternalNetwork.Kind.ON_PREMISES && reachesThrough(design, vnet, e)) out.addAll(e.addressPrefixes());
        }
        return out;
    }

    /** An on-premises network is behind this VNet's gateway when its gateway lives in one of the VNet's subnets. */
    public static boolean reachesThrough(Design design, VirtualNetwork vnet, ExternalNetwork onPrem) {
        boolean hasGateway = false;
        for (Subnet s : vnet.subnets()) {
            for (SubnetResource r : s.resources()) {
                boolean gw = SubnetResource.GATEWAY.equalsIgnoreCase(r.kind());
                hasGateway |= gw;
                if (gw && onPrem.gatewayId() != null && (Lists.sameId(r.id(), onPrem.gatewayId()) || Lists.sameId(r.name(), onPrem.gatewayId()))) return true;
            }
        }
        // Drawn without naming its gateway: behind this VNet's gateway when it is the only VNet with one.
        return onPrem.gatewayId() == null && hasGateway || (onPrem.gatewayId() == null && design.virtualNetworks().size() == 1);
    }

    /** The last design asked about and its tags: every VNet of a design reads the same tags (an estate has hundreds). */
    private static volatile TagMemo lastTags;

    private record TagMemo(java.lang.ref.WeakReference<Design> design, List<String> tags) {}

    /** The distinct tag-like prefixes of the design's rules, routes and outside networks, read once per design value. */
    private static List<String> tagsIn(Design d) {
        TagMemo m = lastTags;
        if (m != null && m.design.get() == d) return m.tags;
        Set<String> distinct = new LinkedHashSet<>();
        for (String t : allPrefixes(d)) if (looksLikeTag(t)) distinct.add(t.trim());
        List<String> tags = List.copyOf(distinct);
        lastTags = new TagMemo(new java.lang.ref.WeakReference<>(d), tags);
        return tags;
    }

    private static List<String> allPrefixes(Design d) {
        List<String> out = new ArrayList<>();
        for (SecurityGroup g : d.securityGroups()) {
            for (SecurityRule r : g.rules()) {
                out.addAll(r.sourcePrefixes());
                out.addAll(r.destinationPrefixes());
            }
        }
        for (var t : d.routeTables()) for (Route r : t.routes()) if (r.addressPrefix() != null) out.add(r.addressPrefix());
        for (ExternalNetwork e : d.externalNetworks()) {
            if (e.serviceTag() != null) out.add(e.serviceTag());
        }
        return out;
    }

    /** Letters, digits and dots, starting with a letter: the shape of a service tag. */
    public static boolean looksLikeTag(String s) {
        if (s == null) return false;
        String t = s.trim();
        if (t.isEmpty() || !Character.isLetter(t.charAt(0))) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && c != '-') return false;
        }
        return !isBuiltIn(t.toLowerCase(Locale.ROOT)) && !t.equalsIgnoreCase("AzureLoadBalancer");
    }

    // ---- resolution ----

    /** The set an NSG address prefix or tag stands for; an unparseable value is the UNKNOWN atom. */
    public AddressSet resolve(String prefix) {
        if (prefix == null) return unknown();
        String p = prefix.trim();
        String k = p.toLowerCase(Locale.ROOT);
        switch (k) {
            case "*": case "any": case "0.0.0.0/0": return everything;
            case "internet": return internet;
            case "virtualnetwork": return vnetSet;
            default: break;
        }
        long[] r = Cidr.parse(p);
        if (r != null) return new AddressSet(new long[] {r[0], r[1]}, 0);
        if (Cidr.isAddressOrPrefix(p)) return AddressSet.EMPTY; // IPv6: no IPv4 packet matches it
        long[] known = serviceTags.ranges(k);
        if (known != null) return new AddressSet(known, 0);
        Integer bit = bits.get(k);
        if (bit != null) return AddressSet.ofAtoms(full[bit]);
        return unknown();
    }

    /** The union of several prefixes (an augmented rule's list); an empty list is {@code *}. */
    public AddressSet resolveAll(List<String> prefixes) {
        if (prefixes.isEmpty()) return everything;
        AddressSet acc = AddressSet.EMPTY;
        for (String p : prefixes) acc = acc.union(resolve(p));
        return acc;
    }

    public AddressSet everything() { return everything; }
    public AddressSet internet() { return internet; }

    /**
     * The part of {@code Internet} reachable from the public internet: without private, shared and reserved ranges,
     * so a partner VNet's private range reached through peering or a gateway does not count as an Internet source.
     */
    public AddressSet publicInternet() { return new AddressSet(publicRanges, publicAtoms); }
    public AddressSet virtualNetwork() { return vnetSet; }
    public AddressSet loadBalancer() { return AddressSet.ofAtoms(1L << LOAD_BALANCER); }
    public AddressSet unknown() { return AddressSet.ofAtoms(1L << UNKNOWN); }

    /** True when a service tag of this name is known (so {@link #resolve} gives its atoms or, from the tags file, its addresses). */
    public boolean isTag(String name) {
        return name != null && (bits.containsKey(name.trim().toLowerCase(Locale.ROOT)) || isBuiltIn(name.trim().toLowerCase(Locale.ROOT))
                || serviceTags.knows(name));
    }

    /** The service tags whose addresses this space knows (from Microsoft's file), or {@link ServiceTags#NONE}. */
    public ServiceTags serviceTags() { return serviceTags; }

    /**
     * True when {@code a} and {@code b} may share an address that the exact part of the algebra cannot see: an atom
     * of one against an overlapping atom or a public range of the other (never true for two plain IPv4 sets).
     */
    public boolean mayOverlap(AddressSet a, AddressSet b) {
        return !mayOverlapPart(a, b).isEmpty();
    }

    /** The part of {@code a} that may share addresses with {@code b} beyond their exact intersection. */
    public AddressSet mayOverlapPart(AddressSet a, AddressSet b) {
        if (a.isEmpty() || b.isEmpty() || (a.atoms() == 0 && b.atoms() == 0)) return AddressSet.EMPTY;
        if ((b.atoms() & (1L << UNKNOWN)) != 0) return a;
        long atoms = a.atoms() & (1L << UNKNOWN);
        long ab = a.atoms();
        while (ab != 0) {
            int i = Long.numberOfTrailingZeros(ab);
            ab &= ab - 1;
            if (i < overlaps.length && (overlaps[i] & b.atoms()) != 0) atoms |= 1L << i;
        }
        if (Intervals.intersects(b.ranges(), publicRanges)) atoms |= a.atoms() & publicAtoms;
        long[] ranges = (b.atoms() & (publicAtoms | (1L << UNKNOWN))) != 0 ? Intervals.intersect(a.ranges(), publicRanges) : Intervals.EMPTY;
        if ((a.atoms() & (1L << UNKNOWN)) != 0) return new AddressSet(Intervals.EMPTY, atoms);
        return new AddressSet(ranges, atoms);
    }

    /** A readable name of an atom set, for messages ("AzureCloud", "AzureLoadBalancer"). */
    public String describeAtoms(long atoms) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if ((atoms & (1L << i)) != 0 && (i == 0 || (atoms & full[i]) == full[i])) {
                // print the outermost tag whose whole set is present
                boolean coveredByParent = false;
                for (int j = 0; j < names.length; j++) {
                    if (j != i && (full[j] & (1L << i)) != 0 && (atoms & full[j]) == full[j]) coveredByParent = true;
                }
                if (!coveredByParent) out.add(i == UNKNOWN ? "an unknown value" : names[i]);
            }
        }
        return String.join(", ", out);
    }

    private static long[] concat(long[]... parts) {
        long[] out = new long[parts.length * 2];
        for (int i = 0; i < parts.length; i++) {
            out[2 * i] = parts[i][0];
            out[2 * i + 1] = parts[i][1];
        }
        return out;
    }
}
