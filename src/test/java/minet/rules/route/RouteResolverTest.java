package minet.rules.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RouteResolverTest {
    static List<RouteEntry> routes(Route... rs) {
        return RouteResolver.userRoutes(new RouteTable("rt", "rt", null, false, List.of(rs), null));
    }

    @Test
    void threeSmallerRoutesTogetherCoverTheRequiredPrefix() {
        List<RouteEntry> rs = routes(Route.of("a", "103.25.156.0/24", Route.INTERNET), Route.of("b", "103.25.157.0/24", Route.INTERNET),
                Route.of("c", "103.25.158.0/23", Route.INTERNET));
        assertThat(RouteResolver.uncoveredPrefixes("103.25.156.0/22", rs, Route.INTERNET)).isEmpty();
        List<RouteEntry> two = rs.subList(0, 2);
        assertThat(RouteResolver.uncoveredPrefixes("103.25.156.0/22", two, Route.INTERNET)).containsExactly("103.25.158.0/23");
    }

    @Test
    void aRouteInsideARequiredPrefixBreaksItAndABroaderOneDoesNot() {
        List<RouteEntry> rs = routes(Route.of("mi-52-8-nexthop-internet", "52.0.0.0/8", Route.INTERNET),
                Route.of("nva", "52.1.0.0/16", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.2.4"),
                Route.of("default-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.2.4"));
        assertThat(RouteResolver.uncoveredPrefixes("52.0.0.0/8", rs, Route.INTERNET)).containsExactly("52.1.0.0/16");
        long[] p = Cidr.parse("52.0.0.0/8");
        assertThat(RouteResolver.conflicts(p[0], p[1], rs, Route.INTERNET)).extracting(RouteEntry::name).containsExactly("nva");
        // Without the required route the broad default route decides: uncovered, but no conflict.
        List<RouteEntry> broad = routes(Route.of("default-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE));
        assertThat(RouteResolver.uncoveredPrefixes("52.0.0.0/8", broad, Route.INTERNET)).containsExactly("52.0.0.0/8");
        assertThat(RouteResolver.conflicts(p[0], p[1], broad, Route.INTERNET)).isEmpty();
    }

    @Test
    void longestPrefixWinsAndUserRoutesBeatSystemRoutesOnTies() {
        Subnet mi = new Subnet("mi", "mi", List.of("10.0.0.0/24"), null, "rt", List.of(), List.of(), List.of(), false, null);
        VirtualNetwork v = new VirtualNetwork("v", "v", null, List.of("10.0.0.0/16"), List.of(), false, List.of(), List.of(mi), null);
        RouteTable rt = new RouteTable("rt", "rt", null, false, List.of(Route.of("default-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE),
                Route.of("mi-52-8", "52.0.0.0/8", Route.INTERNET)), null);
        Design d = Design.empty("d").withVirtualNetworks(List.of(v)).withRouteTables(List.of(rt));
        RouteResolver r = RouteResolver.forSubnet(d, mi);
        assertThat(r.nextHop(Cidr.address("8.8.8.8")).name()).isEqualTo("default-nva");
        assertThat(r.nextHop(Cidr.address("52.3.4.5")).name()).isEqualTo("mi-52-8");
        assertThat(r.nextHop(Cidr.address("10.0.1.5")).nextHopType()).isEqualTo(Route.VNET_LOCAL);
        assertThat(r.nextHop(Cidr.address("10.0.1.5")).origin()).isEqualTo(RouteEntry.Origin.SYSTEM);
        assertThat(r.nextHop(Cidr.address("10.200.0.1")).nextHopType()).isEqualTo(Route.NONE);
    }

    // ---- law: the union-of-routes answer equals the per-address answer ----

    @Provide Arbitrary<List<Route>> routeLists() {
        Arbitrary<Route> route = Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(16, 26),
                Arbitraries.of(Route.INTERNET, Route.VIRTUAL_APPLIANCE, Route.NONE))
                .as((third, len, hop) -> Route.of("r", Cidr.normalize("52.1." + third + ".0/" + len), hop));
        return route.list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void unionCoverageEqualsPerAddressCoverage(@ForAll("routeLists") List<Route> rs, @ForAll long seed) {
        List<RouteEntry> entries = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) entries.add(RouteEntry.user(rs.get(i).withName("r" + i)));
        long[] required = Cidr.parse("52.1.0.0/18");
        long[] uncovered = RouteResolver.uncovered(required[0], required[1], entries, Route.INTERNET);
        Random rnd = new Random(seed);
        for (int i = 0; i < 300; i++) {
            long a = required[0] + (long) (rnd.nextDouble() * (required[1] - required[0] + 1));
            assertThat(Intervals.contains(uncovered, a)).isEqualTo(!Route.INTERNET.equals(naiveNextHop(entries, a)));
        }
    }

    /** The definition: the longest prefix containing the address; the first such route on ties. */
    static String naiveNextHop(List<RouteEntry> entries, long a) {
        RouteEntry best = null;
        for (RouteEntry e : entries) if (e.contains(a) && (best == null || e.prefixLength() > best.prefixLength())) best = e;
        return best == null ? null : best.nextHopType();
    }
}
