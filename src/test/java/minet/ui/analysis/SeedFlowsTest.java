package minet.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minet.io.DesignFile;
import minet.layout.DiagramFlow;
import minet.layout.DiagramLayout;
import minet.layout.FlowTraffic;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Lists;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.Tracer;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.Verdict;
import minet.ui.canvas.FlowState;
import minet.ui.analysis.Analysis.FlowVerdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The arrows' colours come from the tracer behind {@code minet trace}: the picture and a trace cannot disagree. */
public class SeedFlowsTest {
    public static Design reference() {
        try {
            return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(Map<String, FlowVerdict> v, String prefix) {
        return v.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** AppSubnet (where the client applications are) gets an NSG whose last outbound rule denies everything. */
    public static Design appSubnetDeniesAllOutbound(Design d) {
        SecurityGroup nsg = new SecurityGroup("nsg-app", "nsg-app", "westeurope", List.of(
                SecurityRule.of("allow_web_inbound", 100, Direction.INBOUND, Access.ALLOW, "Tcp", List.of("*"), List.of("*"), List.of("*"), List.of("443")),
                SecurityRule.of("deny_all_outbound", 4096, Direction.OUTBOUND, Access.DENY, "*", List.of("*"), List.of("*"), List.of("*"), List.of("*"))), null);
        return d.withSecurityGroups(Lists.plus(d.securityGroups(), nsg)).mapSubnet("vnet-mi/AppSubnet", s -> s.withNsgId("nsg-app"));
    }

    @Test void theClientsArrowIsRedWhenTheirSubnetsNsgDeniesOutboundAsTraceSays() throws Exception {
        Design d = appSubnetDeniesAllOutbound(reference());
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(d);
        FlowVerdict tds = v.get("tds:clients:vnet-mi/ManagedInstance");
        assertThat(tds.state()).isEqualTo(FlowState.BLOCKED);
        assertThat(tds.decidedBy()).isEqualTo("Outbound NSG 'nsg-app' of subnet 'AppSubnet': denied by rule 'deny_all_outbound' (priority 4096)");
        // The same sentence and verdict as the command line's trace of the same traffic.
        Path file = Files.createTempFile("app-deny", ".minet.json");
        try {
            DesignFile.write(file, d);
            StringWriter out = new StringWriter(), err = new StringWriter();
            int code = minet.cli.Cli.run(new String[] {"trace", file.toString(), "--from", "Client applications", "--to", "sqlmi-ref", "--port", "1433"},
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(code).as(err.toString()).isEqualTo(1);
            assertThat(out.toString()).contains(tds.decidedBy()).contains("Verdict: DENIED");
        } finally {
            Files.deleteIfExists(file);
        }
        // Redirect from the same clients: denied too; management traffic does not pass AppSubnet: still allowed.
        assertThat(v.get(key(v, "redirect:clients:")).state()).isEqualTo(FlowState.BLOCKED);
        assertThat(v.get(key(v, "management-inbound:")).state()).isEqualTo(FlowState.ALLOWED);
    }

    @Test void theReferenceNetworkLetsEveryFlowThroughAndNamesTheRules() {
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(reference());
        assertThat(v.keySet()).anySatisfy(id -> assertThat(id).startsWith("management-inbound:"));
        v.forEach((id, f) -> assertThat(f.state()).as(id + ": " + f.decidedBy()).isEqualTo(FlowState.ALLOWED));
        assertThat(v.get(key(v, "management-inbound:")).decidedBy())
                .isEqualTo("Inbound NSG 'nsg-mi' of subnet 'ManagedInstance': allowed by rule 'allow_management_inbound' (priority 100)");
        // Links and the cluster's inner arrows are governed by no rule: no verdict.
        assertThat(v.keySet()).noneMatch(id -> id.startsWith("link:") || id.startsWith("internal:"));
    }

    @Test void aDenyBeforeTheManagementRuleTurnsTheFlowRedAndIsNamed() {
        Design d = reference();
        Subnet mi = d.miSubnets().get(0);
        SecurityRule deny = SecurityRule.of("deny_everything", 100, Direction.INBOUND, Access.DENY, "*",
                List.of("*"), List.of("*"), List.of("*"), List.of("*"));
        Design broken = d.mapSecurityGroup(mi.nsgId(), g -> {
            List<SecurityRule> rules = new ArrayList<>(List.of(deny));
            g.rules().forEach(r -> rules.add(r.direction() == Direction.INBOUND && r.priorityOr(0) == 100 ? r.withPriority(4000) : r));
            return g.withRules(rules);
        });
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(broken);
        assertThat(v.get(key(v, "management-inbound:"))).satisfies(f -> {
            assertThat(f.state()).isEqualTo(FlowState.BLOCKED);
            assertThat(f.decidedBy()).contains("Inbound NSG 'nsg-mi'").contains("deny_everything").contains("priority 100");
        });
        assertThat(v.get(key(v, "management-outbound:")).state()).isEqualTo(FlowState.ALLOWED);
    }

    @Test void withoutAnNsgAzureAllowsAll() {
        Design d = reference();
        Subnet mi = d.miSubnets().get(0);
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(d.mapSubnet(mi.id(), s -> s.withNsgId(null)));
        assertThat(v.values()).allSatisfy(f -> {
            assertThat(f.state()).isEqualTo(FlowState.ALLOWED);
            assertThat(f.decidedBy()).contains("none associated");
        });
    }

    // ---- failover groups (#17): the replication arrows, both ways, as trace answers them ----

    static Design design(String path) {
        try {
            return minet.io.Importer.load(Path.of(path));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Expected: the sample's NSGs allow 5022 and 11000–11999 out to and in from the partner subnet on both sides: both
     * arrows green. The peered partner is part of VirtualNetwork, so allow_redirect_inbound (1100, VirtualNetwork,
     * 11000–11999) allows part of it before allow_geodr_inbound (1200): the tooltip names both.
     */
    @Test void theSamplesReplicationIsAllowedBothWaysByTheGeoDrRules() {
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(design("sample-networks/failover-group.minet.json"));
        assertThat(v.get("failover:fog-orders:sqlmi-weu")).isEqualTo(new FlowVerdict(FlowState.ALLOWED,
                "Outbound NSG 'nsg-mi-weu' of subnet 'mi-weu': allowed by rule 'allow_geodr_outbound' (priority 1200); "
                        + "Inbound NSG 'nsg-mi-neu' of subnet 'mi-neu': allowed by rule 'allow_redirect_inbound' (priority 1100) and rule 'allow_geodr_inbound' (priority 1200)"));
        assertThat(v.get("failover:fog-orders:sqlmi-neu")).isEqualTo(new FlowVerdict(FlowState.ALLOWED,
                "Outbound NSG 'nsg-mi-neu' of subnet 'mi-neu': allowed by rule 'allow_geodr_outbound' (priority 1200); "
                        + "Inbound NSG 'nsg-mi-weu' of subnet 'mi-weu': allowed by rule 'allow_redirect_inbound' (priority 1100) and rule 'allow_geodr_inbound' (priority 1200)"));
    }

    /**
     * Expected, for the ARM fixture: North Europe allows only 5022 out to West Europe and then denies all outbound, so
     * its arrow is red (partly denied by deny_all_outbound), as trace says for port 11000; West Europe's is green.
     */
    @Test void aDenyOnOneSideTurnsThatDirectionRedAsTraceSays() throws Exception {
        String file = "src/test/resources/arm/failover-group/azuredeploy.json";
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(design(file));
        FlowVerdict there = failover(v, "/sqlmi-orders-weu"), back = failover(v, "/sqlmi-orders-neu");
        assertThat(there.state()).as(there.decidedBy()).isEqualTo(FlowState.ALLOWED);
        assertThat(back).isEqualTo(new FlowVerdict(FlowState.BLOCKED, "Outbound NSG 'nsg-mi-neu' of subnet 'mi': partly denied by rule 'deny_all_outbound' (priority 4096)"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = minet.cli.Cli.run(new String[] {"trace", file, "--from", "sqlmi-orders-neu", "--to", "sqlmi-orders-weu", "--port", "11000"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("Outbound NSG 'nsg-mi-neu' of subnet 'mi': denied by rule 'deny_all_outbound' (priority 4096)")
                .contains("Verdict: DENIED");
    }

    /** The replication arrow that starts at the instance whose id ends so. */
    private static FlowVerdict failover(Map<String, FlowVerdict> v, String from) {
        return v.entrySet().stream().filter(e -> e.getKey().startsWith("failover:") && e.getKey().endsWith(from)).map(Map.Entry::getValue)
                .reduce((a, b) -> { throw new AssertionError("two arrows from " + from); }).orElseThrow();
    }

    // ---- the era's flows (#12) ----

    /**
     * Expected, for the reference network judged by azure-2022-11 with a Deny of all outbound traffic first: as a live
     * configuration (Azure's rules not there), every outbound service the era names (Azure AD, OneDsCollector, Storage
     * of both regions) is red, naming that rule; as a template, Azure adds its rules to these services before the
     * user's when it deploys the subnet, so none is red. The health probe, inbound, stays as the reference's rules
     * decide it.
     */
    @Test void theOutboundServicesOfNovember2022AreTracedToo() {
        Design d = reference();
        Subnet mi = d.miSubnets().get(0);
        SecurityRule deny = SecurityRule.of("deny_all_out_first", 100, Direction.OUTBOUND, Access.DENY, "*", List.of("*"), List.of("*"), List.of("*"), List.of("*"));
        Design denied = d.mapSecurityGroup(mi.nsgId(), g -> g.withRules(prepend(g.rules(), List.of(deny), "x")));
        minet.rules.Profile nov2022 = minet.rules.Profiles.byId("azure-2022-11").orElseThrow();
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(denied.withState(minet.model.DesignState.LIVE), nov2022);
        List<String> services = v.keySet().stream().filter(k -> k.startsWith("service-outbound:")).toList();
        assertThat(services).hasSize(4);
        assertThat(services).allSatisfy(k -> assertThat(v.get(k)).isEqualTo(new FlowVerdict(FlowState.BLOCKED,
                "Outbound NSG 'nsg-mi' of subnet 'ManagedInstance': denied by rule 'x_0' (priority 100)")));
        assertThat(v.keySet()).noneMatch(k -> k.startsWith("management-"));
        Map<String, FlowVerdict> template = new SeedFlows().verdicts(denied, nov2022);
        assertThat(services).allSatisfy(k -> assertThat(template.get(k).state()).isNotEqualTo(FlowState.BLOCKED));
    }

    // ---- the law: for any rules, every drawn arrow's colour is the tracer's verdict, port by port ----

    @Property(tries = 40)
    void everyArrowsColourIsWhatTraceSaysForEachOfItsPorts(@ForAll("designs") Design d, @ForAll("eras") minet.rules.Profile era) {
        assertColoursAreTraces(d, era);
    }

    /** The same law for a failover group: random rules first in both MI subnets' NSGs, every era. */
    @Property(tries = 30)
    void everyFailoverArrowsColourIsWhatTraceSays(@ForAll("rules") List<SecurityRule> weu, @ForAll("rules") List<SecurityRule> neu,
                                                   @ForAll("eras") minet.rules.Profile era) {
        Design d = design("sample-networks/failover-group.minet.json");
        d = d.mapSecurityGroup("nsg-mi-weu", g -> g.withRules(prepend(g.rules(), weu, "w"))).mapSecurityGroup("nsg-mi-neu", g -> g.withRules(prepend(g.rules(), neu, "n")));
        assertThat(DiagramLayout.quick(d, era).flows()).anySatisfy(f -> assertThat(f.id()).startsWith("failover:"));
        assertColoursAreTraces(d, era);
    }

    @Provide Arbitrary<minet.rules.Profile> eras() {
        return Arbitraries.of(minet.rules.Profiles.ALL);
    }

    static void assertColoursAreTraces(Design d, minet.rules.Profile era) {
        Map<String, FlowVerdict> drawn = new SeedFlows().verdicts(d, era);
        Tracer tracer = new Tracer(d, minet.rules.eval.ServiceTags.NONE, era); // minet trace --profile <era>
        for (DiagramFlow f : DiagramLayout.quick(d, era).flows()) {
            FlowTraffic q = f.traffic();
            if (q == null) continue;
            FlowState expected = expected(tracer, q);
            assertThat(drawn.get(f.id()).state()).as(f.id() + " " + q + ": " + drawn.get(f.id()).decidedBy()).isEqualTo(expected);
        }
    }

    /**
     * What {@code minet trace} says, asked one port at a time (tcp or udp as the CLI takes them; an arrow for any
     * protocol is asked for each protocol the tracer knows): red if any port is denied or partly denied, else amber
     * if any cannot be decided, else green.
     */
    static FlowState expected(Tracer tracer, FlowTraffic q) {
        Tracer.Endpoint from = tracer.endpoint(q.from()), to = tracer.endpoint(q.to());
        int protocols = Protocols.parse(q.protocol());
        Set<Verdict> seen = new LinkedHashSet<>();
        for (long port : ports(tracer, q)) {
            for (int p = 1; p <= protocols; p <<= 1) {
                if ((protocols & p) == 0) continue;
                Tracer.Trace t = tracer.trace(from, to, p, (int) port);
                seen.add(t.droppedByRoute() ? Verdict.DENIED : t.verdict());
            }
        }
        if (seen.contains(Verdict.DENIED) || seen.contains(Verdict.PARTIAL)) return FlowState.BLOCKED;
        if (seen.contains(Verdict.INDETERMINATE)) return FlowState.UNDECIDED;
        return FlowState.ALLOWED;
    }

    /** Every port of the arrow; for "any", the ports where some rule's port range begins or ends (and 0). */
    private static List<Long> ports(Tracer tracer, FlowTraffic q) {
        long[] iv = Ports.parseAll(q.ports());
        List<Long> out = new ArrayList<>();
        if (iv.length == 2 && iv[0] == 0 && iv[1] == Ports.MAX) {
            Set<Long> cuts = new java.util.TreeSet<>(List.of(0L, Ports.MAX));
            for (SecurityGroup g : tracer.design().securityGroups()) {
                for (SecurityRule r : g.rules()) {
                    long[] rp = Ports.parseAll(r.destinationPorts());
                    for (int i = 0; i + 1 < rp.length; i += 2) {
                        cuts.add(rp[i]);
                        if (rp[i] > 0) cuts.add(rp[i] - 1);
                        cuts.add(rp[i + 1]);
                        if (rp[i + 1] < Ports.MAX) cuts.add(rp[i + 1] + 1);
                    }
                }
            }
            out.addAll(cuts);
            return out;
        }
        for (int i = 0; i + 1 < iv.length; i += 2) for (long p = iv[i]; p <= iv[i + 1]; p++) out.add(p);
        return out;
    }

    static Arbitrary<SecurityRule> rule() {
        Arbitrary<String> port = Arbitraries.of("1433", "11000", "11500-11600", "11999", "9000", "1438-1452", "443", "80", "12000", "445", "*", "1000-2000",
                "5022", "5000-5100");
        Arbitrary<String> address = Arbitraries.of("*", "VirtualNetwork", "Internet", "AzureLoadBalancer", "10.0.1.0/24", "10.0.0.0/24",
                "10.0.1.5/32", "Storage", "AzureCloud", "SqlManagement", "192.168.0.0/16", "EventHub", "10.10.0.0/24", "10.20.0.0/16",
                "AzureActiveDirectory", "Storage.westeurope", "OneDsCollector");
        return Combinators.combine(
                Arbitraries.of(Direction.values()), Arbitraries.of(Access.values()), Arbitraries.of("Tcp", "Udp", "*"),
                address, address, port.list().ofMinSize(1).ofMaxSize(2)
        ).as((dir, access, proto, src, dst, ports) -> SecurityRule.of("r", 0, dir, access, proto, List.of(src), List.of("*"), List.of(dst), ports));
    }

    @Provide Arbitrary<List<SecurityRule>> rules() {
        return rule().list().ofMaxSize(5);
    }

    @Provide Arbitrary<Design> designs() {
        Arbitrary<SecurityRule> rule = rule();
        return Combinators.combine(rule.list().ofMaxSize(6), rule.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as((mi, app, appHasNsg) -> {
                    Design d = reference();
                    String miNsg = d.miSubnets().get(0).nsgId();
                    d = d.mapSecurityGroup(miNsg, g -> g.withRules(prepend(g.rules(), mi, "mi")));
                    if (appHasNsg) {
                        d = d.withSecurityGroups(Lists.plus(d.securityGroups(), new SecurityGroup("nsg-app", "nsg-app", null, prepend(List.of(), app, "app"), null)))
                                .mapSubnet("vnet-mi/AppSubnet", s -> s.withNsgId("nsg-app"));
                    }
                    return d;
                });
    }

    /** The random rules before the existing ones (priorities 100, 101 …; the existing ones keep theirs, moved up by 10). */
    private static List<SecurityRule> prepend(List<SecurityRule> existing, List<SecurityRule> random, String prefix) {
        List<SecurityRule> out = new ArrayList<>();
        for (int i = 0; i < random.size(); i++) {
            SecurityRule r = random.get(i);
            out.add(SecurityRule.of(prefix + "_" + i, 100 + i, r.direction(), r.access(), r.protocol(), r.sourcePrefixes(),
                    List.of("*"), r.destinationPrefixes(), r.destinationPorts()));
        }
        for (SecurityRule r : existing) out.add(r.withPriority(Math.min(4096, r.priorityOr(1000) + 10)));
        return out;
    }
}
