package minet.fix;

import java.util.List;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Intervals;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.Ports;

/**
 * The few questions the fixes ask of NSG fields, answered with the rule engine's address algebra
 * ({@link AddressSpace}) as seen from an MI subnet's VNet: "may these overlap", "do these ports cover those".
 */
final class Match {
    static final String ANY = "*";
    static final String INTERNET = "Internet";
    static final String VIRTUAL_NETWORK = "VirtualNetwork";
    static final String LOAD_BALANCER = "AzureLoadBalancer";
    static final String AZURE_CLOUD = "AzureCloud";

    private Match() {}

    private record Memo(Design design, VirtualNetwork vnet, AddressSpace space) {}
    private record EvaluatorMemo(SecurityGroup nsg, Direction direction, AddressSpace space, NsgEvaluator evaluator) {}

    // The fixes ask the same design many questions in a row: keep the last answer (compared by identity; values are immutable).
    private static volatile Memo lastSpace;
    private static volatile EvaluatorMemo lastEvaluator;

    /** The address space seen from the subnet's VNet. */
    static AddressSpace space(Design d, Subnet s) {
        VirtualNetwork v = d.vnetOf(s).orElse(null);
        Memo m = lastSpace;
        if (m != null && m.design() == d && m.vnet() == v) return m.space();
        AddressSpace sp = AddressSpace.of(d, v);
        lastSpace = new Memo(d, v, sp);
        return sp;
    }

    /** The engine's evaluator of one direction of an NSG. */
    static NsgEvaluator evaluator(SecurityGroup g, Direction dir, AddressSpace sp) {
        EvaluatorMemo m = lastEvaluator;
        if (m != null && m.nsg() == g && m.direction() == dir && m.space() == sp) return m.evaluator();
        NsgEvaluator e = NsgEvaluator.of(g, dir, sp);
        lastEvaluator = new EvaluatorMemo(g, dir, sp, e);
        return e;
    }

    static boolean isAny(String s) {
        String t = s == null ? "" : s.trim();
        return t.equals(ANY) || t.equalsIgnoreCase("any") || t.equals("0.0.0.0/0");
    }

    /** True unless the two address lists surely share no address (application security groups: unknown, so true). */
    static boolean addressesOverlap(AddressSpace space, List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) return true;
        AddressSet x = space.resolveAll(a), y = space.resolveAll(b);
        return x.intersects(y) || space.mayOverlap(x, y);
    }

    static boolean portsCover(List<String> have, List<String> want) {
        return Intervals.containsAll(Ports.parseAll(have), Ports.parseAll(want));
    }

    static boolean protocolCovers(String have, String want) {
        return have != null && (have.trim().equals(ANY) || have.trim().equalsIgnoreCase(want));
    }

    static boolean protocolOverlaps(String a, String b) {
        return a == null || b == null || a.trim().equals(ANY) || b.trim().equals(ANY) || a.trim().equalsIgnoreCase(b.trim());
    }

    /** Source ports: the rules we write use *; a rule restricting them does not cover all traffic. */
    static boolean anySourcePort(SecurityRule r) {
        return Intervals.containsAll(Ports.parseAll(r.sourcePorts()), Ports.ALL);
    }

    static boolean hasApplicationSecurityGroups(SecurityRule r) {
        return !r.sourceApplicationSecurityGroups().isEmpty() || !r.destinationApplicationSecurityGroups().isEmpty();
    }
}
