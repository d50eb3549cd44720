package minet.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import minet.model.Access;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the NSG evaluator over random rule lists. */
class NsgLawsTest {
    static final AddressSpace SPACE = AddressSpace.of(List.of("10.0.0.0/16"), List.of("Storage", "AzureCloud.westeurope"));
    static final List<String> PREFIXES = List.of("*", "10.0.0.0/16", "10.0.0.0/24", "10.0.1.0/24", "10.0.0.128/25",
            "10.0.0.7", "VirtualNetwork", "Internet", "52.0.0.0/8", "52.1.0.0/16", "172.16.0.0/12", "AzureLoadBalancer",
            "AzureCloud", "Storage", "AzureCloud.westeurope");
    static final List<String> CONCRETE = List.of("*", "10.0.0.0/16", "10.0.0.0/24", "10.0.1.0/24", "10.0.0.128/25",
            "10.0.0.7", "52.0.0.0/8", "52.1.0.0/16", "172.16.0.0/12", "0.0.0.0/1");
    static final List<String> PORTS = List.of("*", "80", "443", "1000-2000", "1433", "1500", "9000-9003");

    @Provide Arbitrary<SecurityRule> anyRule() { return rules(PREFIXES); }

    @Provide Arbitrary<SecurityRule> concreteRule() { return rules(CONCRETE); }

    @Provide Arbitrary<List<SecurityRule>> anyRules() { return rules(PREFIXES).list().ofMaxSize(8); }

    @Provide Arbitrary<List<SecurityRule>> concreteRules() { return rules(CONCRETE).list().ofMaxSize(8); }

    static Arbitrary<SecurityRule> rules(List<String> prefixes) {
        Arbitrary<String> prefix = Arbitraries.of(prefixes);
        Arbitrary<List<String>> ports = Arbitraries.of(PORTS).list().ofMinSize(1).ofMaxSize(2);
        return Combinators.combine(Arbitraries.of(Access.class), Arbitraries.of("*", "Tcp", "Udp"),
                prefix.list().ofMinSize(1).ofMaxSize(2), prefix.list().ofMinSize(1).ofMaxSize(2), ports)
                .as((a, proto, src, dst, p) -> SecurityRule.of("r", 100, Direction.INBOUND, a, proto, src, List.of("*"), dst, p));
    }

    /** Numbers the rules in list order (priorities 100, 110, …) and gives them unique names. */
    static SecurityGroup nsg(List<SecurityRule> rules) {
        List<SecurityRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) out.add(rules.get(i).withPriority(100 + 10 * i).withName("r" + i));
        return new SecurityGroup("nsg", "nsg", null, out, null);
    }

    static Evaluation eval(List<SecurityRule> rules, Traffic q) {
        return NsgEvaluator.of(nsg(rules), Direction.INBOUND, SPACE).evaluate(q);
    }

    @Property(tries = 400)
    void aRulePlacedFirstDecidesEverythingItMatches(@ForAll("anyRule") SecurityRule first, @ForAll("anyRules") List<SecurityRule> rest,
                                                     @ForAll("anyRule") SecurityRule shape) {
        Traffic q = NsgEvaluator.match(first, SPACE).intersect(NsgEvaluator.match(shape, SPACE));
        if (q.isEmpty()) return;
        List<SecurityRule> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        Evaluation e = eval(all, q);
        assertThat(e.verdict()).isEqualTo(first.access() == Access.ALLOW ? Verdict.ALLOWED : Verdict.DENIED);
        assertThat(e.decisions()).allSatisfy(d -> assertThat(d.rule().name()).isEqualTo("r0"));
    }

    @Property(tries = 400)
    void swappingTwoRulesThatDoNotOverlapChangesNoVerdict(@ForAll("anyRules") List<SecurityRule> rules,
                                                          @ForAll("anyRule") SecurityRule query) {
        Traffic q = NsgEvaluator.match(query, SPACE);
        for (int i = 0; i + 1 < rules.size(); i++) {
            Traffic a = NsgEvaluator.match(rules.get(i), SPACE), b = NsgEvaluator.match(rules.get(i + 1), SPACE);
            if (a.intersects(b) || a.mayOverlap(b, SPACE)) continue;
            List<SecurityRule> swapped = new ArrayList<>(rules);
            swapped.set(i, rules.get(i + 1));
            swapped.set(i + 1, rules.get(i));
            assertThat(eval(swapped, q).verdict()).isEqualTo(eval(rules, q).verdict());
        }
    }

    @Property(tries = 400)
    void aSetVerdictAgreesWithEverySampledPacket(@ForAll("concreteRules") List<SecurityRule> rules,
                                                 @ForAll("concreteRule") SecurityRule query, @ForAll long seed) {
        Traffic q = NsgEvaluator.match(query, SPACE);
        q = new Traffic(q.protocols() & (Protocols.TCP | Protocols.UDP), new AddressSet(q.source().ranges(), 0), q.sourcePorts(),
                new AddressSet(q.destination().ranges(), 0), q.destinationPorts());
        if (q.isEmpty()) return;
        NsgEvaluator ev = NsgEvaluator.of(nsg(rules), Direction.INBOUND, SPACE);
        Verdict set = ev.evaluate(q).verdict();
        Random rnd = new Random(seed);
        for (int i = 0; i < 50; i++) {
            int proto = (q.protocols() & Protocols.TCP) != 0 && ((q.protocols() & Protocols.UDP) == 0 || rnd.nextBoolean()) ? Protocols.TCP : Protocols.UDP;
            PacketVerdict p = ev.evaluate(proto, sample(q.source().ranges(), rnd), sample(q.sourcePorts(), rnd),
                    sample(q.destination().ranges(), rnd), sample(q.destinationPorts(), rnd));
            if (set.allowed()) assertThat(p.verdict().allowed()).as("packet %s under set verdict %s", p, set).isTrue();
            if (set == Verdict.DENIED) assertThat(p.verdict()).isEqualTo(Verdict.DENIED);
        }
    }

    @Property(tries = 400)
    void boxSubtractionIsExactAndDisjoint(@ForAll("concreteRule") SecurityRule ra, @ForAll("concreteRule") SecurityRule rb, @ForAll long seed) {
        Traffic a = NsgEvaluator.match(ra, SPACE), b = NsgEvaluator.match(rb, SPACE);
        a = new Traffic(a.protocols() & (Protocols.TCP | Protocols.UDP), new AddressSet(a.source().ranges(), 0), a.sourcePorts(),
                new AddressSet(a.destination().ranges(), 0), a.destinationPorts());
        if (a.isEmpty()) return;
        List<Traffic> pieces = a.subtract(b);
        for (int i = 0; i < pieces.size(); i++) {
            for (int j = i + 1; j < pieces.size(); j++) assertThat(pieces.get(i).intersects(pieces.get(j))).isFalse();
        }
        Random rnd = new Random(seed);
        for (int n = 0; n < 100; n++) {
            int proto = (a.protocols() & Protocols.TCP) != 0 && ((a.protocols() & Protocols.UDP) == 0 || rnd.nextBoolean()) ? Protocols.TCP : Protocols.UDP;
            long s = sample(a.source().ranges(), rnd), sp = sample(a.sourcePorts(), rnd), d = sample(a.destination().ranges(), rnd), dp = sample(a.destinationPorts(), rnd);
            boolean inB = contains(b, proto, s, sp, d, dp);
            long hits = pieces.stream().filter(p -> contains(p, proto, s, sp, d, dp)).count();
            assertThat(hits).isEqualTo(inB ? 0 : 1);
        }
    }

    static boolean contains(Traffic t, int proto, long s, long sp, long d, long dp) {
        return (t.protocols() & proto) != 0 && Intervals.contains(t.source().ranges(), s) && Intervals.contains(t.sourcePorts(), sp)
                && Intervals.contains(t.destination().ranges(), d) && Intervals.contains(t.destinationPorts(), dp);
    }

    /** A random member of an interval set: interval by chance, then an edge or a random value inside. */
    static long sample(long[] iv, Random rnd) {
        int k = rnd.nextInt(iv.length / 2);
        long lo = iv[2 * k], hi = iv[2 * k + 1];
        return switch (rnd.nextInt(3)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> lo + (long) (rnd.nextDouble() * (hi - lo + 1));
        };
    }
}
