package minet.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import minet.model.Access;
import minet.model.Design;
import minet.model.DesignState;
import minet.model.Direction;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.rules.Profile;
import minet.rules.Profiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law of the service-aided eras: no fix, in any profile, changes or removes a rule or route whose name starts
 * with {@code Microsoft.Sql-managedInstances_UseOnly_}. Over the reference network and a delegated one, each with
 * Azure's v10 rules and routes mixed in, then mutated (user rules on Azure's priorities, denies before everything,
 * conflicting routes, routes on the subnet's range and on Azure's tags), in a desired or a live state.
 */
public class AzureRulesLawTest {
    static final String P = "Microsoft.Sql-managedInstances_UseOnly_";
    static final String PREFIX = "10.0.0.0/24";

    static Design withAzure(Design d, String nsg, String rt) {
        List<SecurityRule> azure = List.of(
                azure("mi-sqlmgmt-in-10-0-0-0-24-v10", 100, Direction.INBOUND, "Tcp", "SqlManagement", PREFIX, "9000", "9003", "1438", "1440", "1452"),
                azure("mi-healthprobe-in-10-0-0-0-24-v10", 103, Direction.INBOUND, "*", "AzureLoadBalancer", PREFIX, "*"),
                azure("mi-internal-in-10-0-0-0-24-v10", 104, Direction.INBOUND, "*", PREFIX, PREFIX, "*"),
                azure("mi-services-out-10-0-0-0-24-v10", 100, Direction.OUTBOUND, "Tcp", PREFIX, "AzureCloud", "443", "12000"),
                azure("mi-internal-out-10-0-0-0-24-v10", 101, Direction.OUTBOUND, "*", PREFIX, PREFIX, "*"));
        d = d.mapSecurityGroup(nsg, g -> {
            List<SecurityRule> rules = new ArrayList<>(azure);
            // The user's rules on Azure's priorities move up (a live NSG cannot hold two rules of one priority).
            for (SecurityRule r : g.rules()) rules.add(r.priority() != null && r.priority() <= 104 ? r.withPriority(r.priority() + 1000) : r);
            return g.withRules(rules);
        });
        return d.mapRouteTable(rt, t -> {
            List<Route> routes = new ArrayList<>(t.routes());
            routes.add(Route.of(P + "subnet-10-0-0-0-24-to-vnetlocal", PREFIX, Route.VNET_LOCAL));
            for (String tag : List.of("Storage", "SqlManagement", "AzureMonitor", "AzureActiveDirectory", "AzureCloud.westeurope")) {
                routes.add(Route.of(P + "mi-" + tag, tag, Route.INTERNET));
            }
            return t.withRoutes(routes);
        });
    }

    static SecurityRule azure(String stem, int prio, Direction d, String proto, String src, String dst, String... ports) {
        return SecurityRule.of(P + stem, prio, d, Access.ALLOW, proto, List.of(src), List.of("*"), List.of(dst), List.of(ports));
    }

    static final Design REFERENCE = withAzure(Designs.reference(), Designs.NSG, Designs.RT);
    static final Design DELEGATED = withAzure(minet.TestDesigns.delegated(), "nsg", "rt");

    @Provide
    Arbitrary<Design> designs() {
        Arbitrary<Integer> priority = Arbitraries.integers().between(90, 4200);
        Arbitrary<String> address = Arbitraries.of("*", "Internet", "VirtualNetwork", PREFIX, "AzureLoadBalancer", "AzureCloud", "SqlManagement", "1.2.3.0/24");
        Arbitrary<List<String>> ports = Arbitraries.of(List.of("*"), List.of("9000"), List.of("1433"), List.of("11000-11999"), List.of("443"), List.of("3342"));
        Arbitrary<UnaryOperator<Design>> rule = Combinators.combine(priority, Arbitraries.of(Direction.values()), Arbitraries.of(Access.values()),
                Arbitraries.of("Tcp", "*", "tcp"), address, address, ports, Arbitraries.integers().between(0, 999))
                .as((p, dir, acc, proto, src, dst, pp, n) -> d -> onNsg(d, g -> g.withRules(plus(g.rules(),
                        SecurityRule.of("user_" + n, p, dir, acc, proto, List.of(src), List.of("*"), List.of(dst), pp)))));
        Arbitrary<UnaryOperator<Design>> route = Combinators.combine(
                Arbitraries.of("52.1.0.0/16", "0.0.0.0/0", PREFIX, "10.0.0.0/25", "Storage", "AzureActiveDirectory", "OneDsCollector", "20.0.0.0/8"),
                Arbitraries.of(Route.NEXT_HOP_TYPES), Arbitraries.of("10.0.2.4", ""))
                .as((p, hop, ip) -> d -> onRoutes(d, t -> t.withRoutes(plus(t.routes(), new Route("user-" + p.replace('/', '-'), p, hop, ip.isEmpty() ? null : ip, null)))));
        Arbitrary<UnaryOperator<Design>> dropUserRule = Arbitraries.integers().between(0, 20).map(i -> d -> onNsg(d, g -> {
            List<SecurityRule> user = g.rules().stream().filter(r -> !r.name().startsWith(P)).toList();
            if (user.isEmpty()) return g;
            SecurityRule gone = user.get(i % user.size());
            return g.withRules(g.rules().stream().filter(r -> r != gone).toList());
        }));
        Arbitrary<UnaryOperator<Design>> others = Arbitraries.of(
                d -> d.miSubnets().isEmpty() ? d : d.mapSubnet(d.miSubnets().get(0).id(), s -> s.withServiceEndpoints(List.of("Microsoft.Storage"))),
                d -> d.miSubnets().isEmpty() ? d : d.mapSubnet(d.miSubnets().get(0).id(), s -> s.withNatGatewayId("nat")),
                d -> d.miSubnets().isEmpty() ? d : d.mapSubnet(d.miSubnets().get(0).id(), s -> s.withDelegations(List.of())),
                d -> d.withState(DesignState.LIVE));
        Arbitrary<UnaryOperator<Design>> mutation = Arbitraries.oneOf(rule, rule, route, dropUserRule, others);
        return Combinators.combine(Arbitraries.of(REFERENCE, DELEGATED), mutation.list().ofMinSize(0).ofMaxSize(8))
                .as((base, ms) -> {
                    Design d = base;
                    for (UnaryOperator<Design> m : ms) d = m.apply(d);
                    return d;
                });
    }

    private static <T> List<T> plus(List<T> l, T x) {
        List<T> out = new ArrayList<>(l);
        out.add(x);
        return out;
    }

    private static Design onNsg(Design d, UnaryOperator<SecurityGroup> f) {
        return d.withSecurityGroups(d.securityGroups().stream().map(f).toList());
    }

    private static Design onRoutes(Design d, UnaryOperator<RouteTable> f) {
        return d.withRouteTables(d.routeTables().stream().map(f).toList());
    }

    /** Azure's rules and routes of every NSG and route table, by element id: what must come out of a fix unchanged. */
    public static List<String> azureParts(Design d) {
        List<String> out = new ArrayList<>();
        for (SecurityGroup g : d.securityGroups()) {
            for (SecurityRule r : g.rules()) if (r.name() != null && r.name().regionMatches(true, 0, P, 0, P.length())) out.add(g.id() + " " + r);
        }
        for (RouteTable t : d.routeTables()) {
            for (Route r : t.routes()) if (r.name() != null && r.name().regionMatches(true, 0, P, 0, P.length())) out.add(t.id() + " " + r);
        }
        return out;
    }

    @Property(tries = 200)
    void noFixInAnyProfileChangesOrRemovesAzuresRulesAndRoutes(@ForAll("designs") Design d, @ForAll("profiles") Profile p) {
        List<String> azure = azureParts(d);
        assertThat(azure).isNotEmpty();
        FixRun all = Fixes.runAll(d, p);
        assertThat(azureParts(all.after())).as("Fix all of %s", p.id()).isEqualTo(azure);
        for (Fix f : Fixes.available(d, p)) assertThat(azureParts(f.apply(d))).as("%s", f.description()).isEqualTo(azure);
    }

    @Property(tries = 100)
    void fixingTwiceChangesNothingInAnyProfile(@ForAll("designs") Design d, @ForAll("profiles") Profile p) {
        Design once = Fixes.runAll(d, p).after();
        assertThat(Fixes.runAll(once, p).after()).isEqualTo(once);
        assertThat(Fixes.available(once, p)).isEmpty();
    }

    @Provide
    Arbitrary<Profile> profiles() {
        return Arbitraries.of(Profiles.ALL);
    }
}
