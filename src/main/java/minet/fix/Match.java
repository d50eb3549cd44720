package minet.fix;

import java.util.List;
import minet.model.Design;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Intervals;
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

    /** The address space seen from the subnet's VNet. */
    static AddressSpace space(Design d, Subnet s) {
        return AddressSpace.of(d, d.vnetOf(s).orElse(null));
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
