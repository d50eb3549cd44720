package minet.rules.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import minet.model.Access;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;

/**
 * One direction of an NSG, compiled for an {@link AddressSpace}: the user rules by ascending priority, then
 * Azure's default rules. Evaluates sets of traffic ({@link #evaluate(Traffic)}: first match decides, every
 * packet of the set is followed) and single packets ({@link #evaluate(int, long, long, long, long)}).
 * Immutable and thread-safe.
 */
public final class NsgEvaluator {
    private final SecurityGroup nsg;
    private final Direction direction;
    private final AddressSpace space;
    private final CompiledRule[] rules;

    private NsgEvaluator(SecurityGroup nsg, Direction direction, AddressSpace space, CompiledRule[] rules) {
        this.nsg = nsg;
        this.direction = direction;
        this.space = space;
        this.rules = rules;
    }

    /** Compiles {@code nsg}'s rules of {@code direction}; a null NSG allows everything (Azure's behaviour). */
    public static NsgEvaluator of(SecurityGroup nsg, Direction direction, AddressSpace space) {
        if (nsg == null) return new NsgEvaluator(null, direction, space, new CompiledRule[0]);
        List<CompiledRule> out = new ArrayList<>();
        List<SecurityRule> user = new ArrayList<>(nsg.rules(direction));
        // Stable sort: equal (invalid) priorities keep their order; missing priorities go last (NSG-PRIORITY says so).
        user.sort(Comparator.comparingInt(r -> r.priorityOr(4097)));
        for (SecurityRule r : user) {
            if (r.access() == null) continue;
            out.add(new CompiledRule(r, false, match(r, space)));
        }
        for (SecurityRule r : defaultRules(direction)) out.add(new CompiledRule(r, true, match(r, space)));
        return new NsgEvaluator(nsg, direction, space, out.toArray(new CompiledRule[0]));
    }

    /** The box of traffic a rule matches. */
    public static Traffic match(SecurityRule r, AddressSpace space) {
        return new Traffic(Protocols.parse(r.protocol()), addresses(r.sourcePrefixes(), space), Ports.parseAll(r.sourcePorts()),
                addresses(r.destinationPrefixes(), space), Ports.parseAll(r.destinationPorts()));
    }

    /** No prefix means application security groups (whose members are not known offline) or a malformed rule. */
    private static AddressSet addresses(List<String> prefixes, AddressSpace space) {
        return prefixes.isEmpty() ? space.unknown() : space.resolveAll(prefixes);
    }

    /** Azure's default rules of a direction (REST names), which every NSG has after its own rules. */
    public static List<SecurityRule> defaultRules(Direction d) {
        List<String> any = List.of("*");
        if (d == Direction.INBOUND) {
            return List.of(
                    SecurityRule.of("AllowVnetInBound", 65000, d, Access.ALLOW, "*", List.of("VirtualNetwork"), any, List.of("VirtualNetwork"), any),
                    SecurityRule.of("AllowAzureLoadBalancerInBound", 65001, d, Access.ALLOW, "*", List.of("AzureLoadBalancer"), any, any, any),
                    SecurityRule.of("DenyAllInBound", 65500, d, Access.DENY, "*", any, any, any, any));
        }
        return List.of(
                SecurityRule.of("AllowVnetOutBound", 65000, d, Access.ALLOW, "*", List.of("VirtualNetwork"), any, List.of("VirtualNetwork"), any),
                SecurityRule.of("AllowInternetOutBound", 65001, d, Access.ALLOW, "*", any, any, List.of("Internet"), any),
                SecurityRule.of("DenyAllOutBound", 65500, d, Access.DENY, "*", any, any, any, any));
    }

    public SecurityGroup securityGroup() { return nsg; }
    public Direction direction() { return direction; }
    public AddressSpace space() { return space; }
    /** The compiled rules in evaluation order, default rules last. */
    public List<CompiledRule> rules() { return List.of(rules); }

    /** Follows every packet of {@code query} to the rule that decides it. */
    public Evaluation evaluate(Traffic query) {
        if (nsg == null) return new Evaluation(Verdict.ALLOWED, query, List.of(), false);
        List<Decision> decisions = new ArrayList<>();
        List<Traffic> remaining = new ArrayList<>();
        List<Boolean> uncertain = new ArrayList<>();
        if (!query.isEmpty()) {
            remaining.add(query);
            uncertain.add(false);
        }
        for (CompiledRule rule : rules) {
            if (remaining.isEmpty()) break;
            Traffic m = rule.match();
            if (m.isEmpty()) continue;
            List<Traffic> next = new ArrayList<>(remaining.size());
            List<Boolean> nextUncertain = new ArrayList<>(remaining.size());
            for (int i = 0; i < remaining.size(); i++) {
                Traffic box = remaining.get(i);
                boolean unsure = uncertain.get(i);
                List<Traffic> rest;
                if (box.intersects(m)) {
                    decisions.add(new Decision(rule, box.intersect(m), unsure ? Decision.Kind.MAY_BE_REACHED : Decision.Kind.MATCH));
                    rest = box.subtract(m);
                } else {
                    rest = List.of(box);
                }
                for (Traffic r : rest) {
                    Traffic doubt = r.mayOverlap(m, space) ? doubtful(r, m) : null;
                    if (doubt == null || doubt.isEmpty()) {
                        next.add(r);
                        nextUncertain.add(unsure);
                        continue;
                    }
                    // Only the packets that may match become uncertain; the rest of the box stays certain.
                    decisions.add(new Decision(rule, doubt, Decision.Kind.MAY_MATCH));
                    next.add(doubt);
                    nextUncertain.add(true);
                    for (Traffic sure : r.subtract(doubt)) {
                        next.add(sure);
                        nextUncertain.add(unsure);
                    }
                }
            }
            remaining = next;
            uncertain = nextUncertain;
        }
        return new Evaluation(verdictOf(decisions), query, decisions, true);
    }

    /** The sub-box of {@code r} whose packets may match {@code m} although the exact algebra says they do not. */
    private Traffic doubtful(Traffic r, Traffic m) {
        AddressSet src = r.source().intersect(m.source()).union(space.mayOverlapPart(r.source(), m.source()));
        AddressSet dst = r.destination().intersect(m.destination()).union(space.mayOverlapPart(r.destination(), m.destination()));
        return new Traffic(r.protocols() & m.protocols(), src, Intervals.intersect(r.sourcePorts(), m.sourcePorts()), dst,
                Intervals.intersect(r.destinationPorts(), m.destinationPorts()));
    }

    private static Verdict verdictOf(List<Decision> decisions) {
        boolean certainDeny = false, maybeDeny = false, certainAllow = false, byDefault = false;
        for (Decision d : decisions) {
            if (d.allows()) {
                certainAllow |= d.certain();
                byDefault |= d.rule().isDefault();
            } else if (d.certain()) {
                certainDeny = true;
            } else {
                maybeDeny = true;
            }
        }
        if (certainDeny) return certainAllow ? Verdict.PARTIAL : Verdict.DENIED;
        if (maybeDeny) return Verdict.INDETERMINATE;
        return byDefault ? Verdict.ALLOWED_BY_DEFAULT : Verdict.ALLOWED;
    }

    /**
     * One packet between two IPv4 addresses. Ports for protocols without ports are ignored by Azure; pass any.
     * A rule with a service tag that may contain a public address makes the verdict INDETERMINATE.
     */
    public PacketVerdict evaluate(int protocol, long source, long sourcePort, long destination, long destinationPort) {
        if (nsg == null) return new PacketVerdict(Verdict.ALLOWED, null);
        for (CompiledRule rule : rules) {
            Traffic m = rule.match();
            if ((m.protocols() & protocol) == 0 || !Intervals.contains(m.destinationPorts(), destinationPort)
                    || !Intervals.contains(m.sourcePorts(), sourcePort)) continue;
            int src = addressMatch(m.source(), source), dst = addressMatch(m.destination(), destination);
            if (src == NO || dst == NO) continue;
            if (src == MAYBE || dst == MAYBE) return new PacketVerdict(Verdict.INDETERMINATE, rule);
            Verdict v = rule.allows() ? (rule.isDefault() ? Verdict.ALLOWED_BY_DEFAULT : Verdict.ALLOWED) : Verdict.DENIED;
            return new PacketVerdict(v, rule);
        }
        return new PacketVerdict(Verdict.DENIED, null); // unreachable: DenyAll matches every packet
    }

    private static final int NO = 0, YES = 1, MAYBE = 2;

    private int addressMatch(AddressSet set, long ip) {
        if (Intervals.contains(set.ranges(), ip)) return YES;
        if (set.atoms() == 0) return NO;
        return space.mayOverlap(set, AddressSet.ofAddress(ip)) ? MAYBE : NO;
    }
}
