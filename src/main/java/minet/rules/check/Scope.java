package minet.rules.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import minet.model.Design;
import minet.model.DesignState;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.Unknowns;
import minet.model.VirtualNetwork;
import minet.rules.Profile;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.ServiceTags;

/**
 * One validation run's view of a design: the profile it is judged by, the service tags known, and the compiled
 * forms it reuses. Confined to one thread.
 */
public final class Scope {
    final Design design;
    private final Profile profile;
    private final ServiceTags tags;
    private final Map<VirtualNetwork, AddressSpace> spaces = new IdentityHashMap<>();
    private final Map<SecurityGroup, Map<VirtualNetwork, NsgEvaluator[]>> evaluators = new IdentityHashMap<>();
    private AddressSpace noVnet;
    private Map<String, VirtualNetwork> vnetByNsg;

    public Scope(Design design, Profile profile, ServiceTags tags) {
        this.design = design;
        this.profile = profile;
        this.tags = tags == null ? ServiceTags.NONE : tags;
    }

    public Design design() { return design; }

    public Profile profile() { return profile; }

    public ServiceTags tags() { return tags; }

    /** A live state (az CLI, Terraform state): Azure's own rules must be there. */
    public boolean live() { return design.state() == DesignState.LIVE; }

    public AddressSpace space(VirtualNetwork vnet) {
        if (vnet == null) {
            if (noVnet == null) noVnet = AddressSpace.of(design, null, tags);
            return noVnet;
        }
        return spaces.computeIfAbsent(vnet, v -> AddressSpace.of(design, v, tags));
    }

    public NsgEvaluator evaluator(SecurityGroup nsg, VirtualNetwork vnet, Direction d) {
        NsgEvaluator[] pair = evaluators.computeIfAbsent(nsg, k -> new IdentityHashMap<>())
                .computeIfAbsent(vnet, k -> new NsgEvaluator[2]);
        int i = d == Direction.INBOUND ? 0 : 1;
        if (pair[i] == null) pair[i] = NsgEvaluator.of(nsg, d, space(vnet));
        return pair[i];
    }

    /** The VNet whose subnets use {@code nsg} first (the one its tags are read from), or null when unattached. */
    public VirtualNetwork vnetUsing(SecurityGroup nsg) {
        if (vnetByNsg == null) { // once per run: a scan per NSG is quadratic in an estate
            vnetByNsg = new HashMap<>();
            for (VirtualNetwork v : design.virtualNetworks()) {
                for (Subnet s : v.subnets()) if (s.nsgId() != null) vnetByNsg.putIfAbsent(s.nsgId().toLowerCase(Locale.ROOT), v);
            }
        }
        VirtualNetwork v = nsg.id() == null ? null : vnetByNsg.get(nsg.id().toLowerCase(Locale.ROOT));
        if (v != null) return v;
        return design.virtualNetworks().isEmpty() ? null : design.virtualNetworks().get(0);
    }

    /** The region of an MI subnet as service tags spell it; null when not known offline. */
    public String region(Subnet s, VirtualNetwork vnet) {
        return minet.rules.AzureRules.region(design, s);
    }

    /**
     * The subnet's addresses. A prefix not known offline (a parameter without value, {@code reference()}) stands as
     * the UNKNOWN atom, so the NSG checks still decide what does not depend on it (a deny-all denies whatever the
     * prefix) and say "cannot tell" for the rest. Null when a prefix is missing or invalid (NET-ADDRESS reports it).
     */
    public static AddressSet addresses(Subnet s) {
        if (s.addressPrefixes().isEmpty()) return null;
        long[] acc = Intervals.EMPTY;
        boolean unknown = false;
        for (String p : s.addressPrefixes()) {
            long[] r = Cidr.parse(p);
            if (r == null && Unknowns.has(p)) {
                unknown = true;
                continue;
            }
            if (r == null) return null;
            acc = Intervals.union(acc, r);
        }
        return new AddressSet(acc, unknown ? 1L << AddressSpace.UNKNOWN : 0);
    }

    /** The subnet's prefixes that are not known offline ("{managedInstanceSubnetPrefix}"), in order. */
    public static List<String> unknownPrefixes(Subnet s) {
        List<String> out = new ArrayList<>();
        for (String p : s.addressPrefixes()) if (Cidr.parse(p) == null && Unknowns.has(p)) out.add(p);
        return out;
    }

    /** "10.0.0.0/24" or "10.0.0.0/24, 10.0.1.0/24". */
    public static String prefixes(Subnet s) { return String.join(", ", s.addressPrefixes()); }

    static List<String> names(List<minet.rules.eval.CompiledRule> rules) {
        return rules.stream().map(minet.rules.eval.CompiledRule::name).toList();
    }
}
