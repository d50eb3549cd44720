package minet.rules.check;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Lists;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;
import minet.rules.eval.NsgEvaluator;

/** One validation run's view of a design, with the compiled forms it reuses. Confined to one thread. */
public final class Scope {
    final Design design;
    private final Map<VirtualNetwork, AddressSpace> spaces = new IdentityHashMap<>();
    private final Map<SecurityGroup, Map<VirtualNetwork, NsgEvaluator[]>> evaluators = new IdentityHashMap<>();
    private AddressSpace noVnet;

    public Scope(Design design) { this.design = design; }

    public Design design() { return design; }

    public AddressSpace space(VirtualNetwork vnet) {
        if (vnet == null) {
            if (noVnet == null) noVnet = AddressSpace.of(design, null);
            return noVnet;
        }
        return spaces.computeIfAbsent(vnet, v -> AddressSpace.of(design, v));
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
        for (VirtualNetwork v : design.virtualNetworks()) {
            for (Subnet s : v.subnets()) if (Lists.sameId(s.nsgId(), nsg.id())) return v;
        }
        return design.virtualNetworks().isEmpty() ? null : design.virtualNetworks().get(0);
    }

    /** The subnet's addresses, or null when a prefix is missing or invalid (NET-ADDRESS reports it). */
    public static AddressSet addresses(Subnet s) {
        if (s.addressPrefixes().isEmpty()) return null;
        long[] acc = Intervals.EMPTY;
        for (String p : s.addressPrefixes()) {
            long[] r = Cidr.parse(p);
            if (r == null) return null;
            acc = Intervals.union(acc, r);
        }
        return new AddressSet(acc, 0);
    }

    /** "10.0.0.0/24" or "10.0.0.0/24, 10.0.1.0/24". */
    public static String prefixes(Subnet s) { return String.join(", ", s.addressPrefixes()); }

    static List<String> names(List<minet.rules.eval.CompiledRule> rules) {
        return rules.stream().map(minet.rules.eval.CompiledRule::name).toList();
    }
}
