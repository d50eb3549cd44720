package minet.rules.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The answer to "what does this NSG do to this set of traffic": the {@link Verdict} and each deciding rule with
 * the portion it decided, in evaluation order. {@code securityGroupPresent} is false when no NSG applies (then
 * Azure allows everything).
 */
public record Evaluation(Verdict verdict, Traffic query, List<Decision> decisions, boolean securityGroupPresent) {
    public Evaluation {
        decisions = List.copyOf(decisions);
    }

    /** Rules that certainly allow part of the query, in order. */
    public List<CompiledRule> allowingRules() { return rules(true, true); }

    /** Rules that certainly deny part of the query, in order. */
    public List<CompiledRule> denyingRules() { return rules(false, true); }

    /** Rules that may or may not match part of the query: the reason for INDETERMINATE. */
    public List<CompiledRule> uncertainRules() {
        LinkedHashSet<CompiledRule> out = new LinkedHashSet<>();
        for (Decision d : decisions) if (d.kind() == Decision.Kind.MAY_MATCH) out.add(d.rule());
        return new ArrayList<>(out);
    }

    private List<CompiledRule> rules(boolean allow, boolean certain) {
        LinkedHashSet<CompiledRule> out = new LinkedHashSet<>();
        for (Decision d : decisions) if (d.allows() == allow && d.certain() == certain) out.add(d.rule());
        return new ArrayList<>(out);
    }

    /** The first rule that certainly denies part of the query, or null. */
    public CompiledRule firstDeny() {
        for (Decision d : decisions) if (!d.allows() && d.certain()) return d.rule();
        return null;
    }

    /** Destination ports of the certainly denied portions. */
    public long[] deniedDestinationPorts() {
        long[] acc = Intervals.EMPTY;
        for (Decision d : decisions) if (!d.allows() && d.certain()) acc = Intervals.union(acc, d.portion().destinationPorts());
        return acc;
    }

    /** Protocols of the certainly denied portions. */
    public int deniedProtocols() {
        int p = 0;
        for (Decision d : decisions) if (!d.allows() && d.certain()) p |= d.portion().protocols();
        return p;
    }

    /** True when every allow that decided part of the query is a default rule. */
    public boolean onlyDefaultRulesAllow() {
        for (Decision d : decisions) if (d.allows() && !d.rule().isDefault()) return false;
        return true;
    }
}
