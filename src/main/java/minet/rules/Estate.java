package minet.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/**
 * Validation of a whole estate (many subscriptions' MI networks, as Azure Resource Graph gives them): the design is
 * split into networks that share nothing (no NSG, route table or peering between them), each is validated on its
 * own, all processors at once, and each keeps its own report (and so its own profile).
 *
 * <p>A part holds its VNets, the NSGs and route tables their subnets use and the instances in them. What belongs to
 * no VNet (an unattached NSG, an instance whose subnet is not in the input) and the import notes go with the first
 * VNet, where the whole design's checks would place them. A design with outside networks other than peered VNets
 * (on-premises networks, Azure services), failover groups or VNet-to-VNet connections is not split: what they
 * reach depends on every VNet.
 */
public final class Estate {
    private Estate() {}

    /** One independent network of the estate and its report. */
    public record Part(Design design, Report report) {
        public List<Subnet> miSubnets() { return design.miSubnets(); }

        /**
         * The findings that concern MI subnet {@code mi} of this part: on the subnet, its VNet or the VNet's other
         * subnets, its NSG or route table (and their rules and routes), or an instance in it. Findings on an element
         * that several MI subnets share count for each of them.
         */
        public List<Finding> findingsOf(Subnet mi) {
            VirtualNetwork vnet = design.vnetOf(mi).orElse(null);
            java.util.Set<String> ids = new java.util.HashSet<>();
            if (mi.id() != null) ids.add(key(mi.id()));
            if (vnet != null) {
                if (vnet.id() != null) ids.add(key(vnet.id()));
                for (Subnet s : vnet.subnets()) if (s.id() != null && !design.isMiSubnet(s)) ids.add(key(s.id()));
            }
            if (mi.nsgId() != null) ids.add(key(mi.nsgId()));
            if (mi.routeTableId() != null) ids.add(key(mi.routeTableId()));
            for (ManagedInstance m : design.instancesIn(mi)) if (m.id() != null) ids.add(key(m.id()));
            return report.findings().stream().filter(f -> f.elementId() != null && ids.contains(key(f.elementId()))).toList();
        }
    }

    /** The parts of {@code design}, each validated by {@code validate}, in the order of their first VNet. */
    public static List<Part> validate(Design design, Function<Design, Report> validate) {
        List<Design> parts = split(design);
        if (parts.size() == 1) return List.of(new Part(design, validate.apply(design)));
        // parallelStream keeps the order of the list whatever thread validated a part
        return parts.parallelStream().map(p -> new Part(p, validate.apply(p))).toList();
    }

    /** {@link #validate(Design, Function)} with the profile given (see {@link Validator#validate(Design, String)}). */
    public static List<Part> validate(Design design, String profile) {
        return validate(design, d -> Validator.validate(d, profile));
    }

    /**
     * Every part's findings in one list, in the validator's order. A finding about no element (the choice of
     * profile) that several parts make alike is listed once.
     */
    public static List<Finding> findings(List<Part> parts) {
        List<Finding> all = new ArrayList<>();
        java.util.Set<List<Object>> general = new java.util.HashSet<>();
        for (Part p : parts) {
            for (Finding f : p.report().findings()) {
                if (f.elementId() == null && !general.add(List.of(f.ruleId(), f.severity(), String.valueOf(f.resource()), f.message()))) continue;
                all.add(f);
            }
        }
        if (parts.size() > 1) {
            String profile = parts.get(0).report().profile();
            all.sort(Comparator.comparing(Finding::severity)
                    .thenComparing(f -> f.resource() == null ? "" : f.resource())
                    .thenComparingInt(f -> Catalog.order(profile, f.ruleId()))
                    .thenComparing(Finding::ruleId)
                    .thenComparing(Finding::message));
        }
        return all;
    }

    /** The independent networks of {@code d}; the design itself when it has one or cannot be split. */
    static List<Design> split(Design d) {
        List<VirtualNetwork> vnets = d.virtualNetworks();
        if (vnets.size() < 2) return List.of(d);
        for (ExternalNetwork e : d.externalNetworks()) if (e.kind() != ExternalNetwork.Kind.PEERED_VNET) return List.of(d);
        // failover groups and VNet-to-VNet connections join networks across the design: judged as one
        if (!d.failoverGroups().isEmpty() || !d.gatewayConnections().isEmpty()) return List.of(d);

        int[] parent = new int[vnets.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<String, Integer> vnetById = new HashMap<>();
        Map<String, Integer> firstUser = new HashMap<>(); // NSG or route table ID → the first VNet using it
        for (int i = 0; i < vnets.size(); i++) {
            VirtualNetwork v = vnets.get(i);
            if (v.id() != null) vnetById.putIfAbsent(key(v.id()), i);
            if (v.name() != null) vnetById.putIfAbsent(key(v.name()), i); // a peering may name its remote VNet
            for (Subnet s : v.subnets()) {
                for (String used : new String[] {s.nsgId() == null ? null : "nsg:" + key(s.nsgId()),
                        s.routeTableId() == null ? null : "rt:" + key(s.routeTableId())}) {
                    if (used == null) continue;
                    Integer other = firstUser.putIfAbsent(used, i);
                    if (other != null) union(parent, i, other);
                }
            }
        }
        for (int i = 0; i < vnets.size(); i++) {
            for (Peering p : vnets.get(i).peerings()) {
                Integer other = p.remoteVnetId() == null ? null : vnetById.get(key(p.remoteVnetId()));
                if (other != null) union(parent, i, other);
            }
        }

        Map<Integer, Integer> partOfRoot = new LinkedHashMap<>();
        for (int i = 0; i < vnets.size(); i++) partOfRoot.putIfAbsent(find(parent, i), partOfRoot.size());
        if (partOfRoot.size() == 1) return List.of(d);
        int n = partOfRoot.size();
        int[] partOfVnet = new int[vnets.size()];
        List<List<VirtualNetwork>> partVnets = new ArrayList<>();
        for (int k = 0; k < n; k++) partVnets.add(new ArrayList<>());
        Map<String, Integer> partOfSubnet = new HashMap<>();
        for (int i = 0; i < vnets.size(); i++) {
            partOfVnet[i] = partOfRoot.get(find(parent, i));
            partVnets.get(partOfVnet[i]).add(vnets.get(i));
            for (Subnet s : vnets.get(i).subnets()) if (s.id() != null) partOfSubnet.putIfAbsent(key(s.id()), partOfVnet[i]);
        }

        List<List<SecurityGroup>> nsgs = byPart(n, d.securityGroups(), g -> g.id() == null ? null : firstUser.get("nsg:" + key(g.id())), partOfVnet);
        List<List<RouteTable>> tables = byPart(n, d.routeTables(), t -> t.id() == null ? null : firstUser.get("rt:" + key(t.id())), partOfVnet);
        List<List<ManagedInstance>> instances = new ArrayList<>();
        for (int k = 0; k < n; k++) instances.add(new ArrayList<>());
        for (ManagedInstance m : d.managedInstances()) {
            Integer part = m.subnetId() == null ? null : partOfSubnet.get(key(m.subnetId()));
            instances.get(part == null ? 0 : part).add(m);
        }

        List<Design> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(d.withVirtualNetworks(partVnets.get(k)).withSecurityGroups(nsgs.get(k)).withRouteTables(tables.get(k))
                    .withManagedInstances(instances.get(k)).withImportNotes(k == 0 ? d.importNotes() : List.of()));
        }
        return out;
    }

    /** Elements in the part of the VNet that first uses them; unused ones in the first part. */
    private static <T> List<List<T>> byPart(int n, List<T> all, Function<T, Integer> firstVnet, int[] partOfVnet) {
        List<List<T>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) out.add(new ArrayList<>());
        for (T t : all) {
            Integer v = firstVnet.apply(t);
            out.get(v == null ? 0 : partOfVnet[v]).add(t);
        }
        return out;
    }

    private static String key(String id) { return id.toLowerCase(Locale.ROOT); }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
