package minet.rules.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Layout;
import minet.model.Peering;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;
import minet.rules.route.EffectiveRoutes.Row;
import minet.rules.route.EffectiveRoutes.State;
import org.junit.jupiter.api.Test;

/** The effective routes of a subnet: Azure's system routes, the gateway's and the user's, and which one is active per prefix. */
class EffectiveRoutesTest {
    static final Subnet MI = new Subnet("v/mi", "mi", List.of("10.0.0.0/24"), null, "rt", List.of(), List.of(Subnet.MI_DELEGATION), List.of(), false, null);
    static final Subnet GW = new Subnet("v/GatewaySubnet", "GatewaySubnet", List.of("10.0.255.0/27"), null, null, List.of(), List.of(),
            List.of(new SubnetResource(SubnetResource.GATEWAY, "vpn", "vpn")), false, null);
    static final ExternalNetwork OFFICE = new ExternalNetwork("office", "office", ExternalNetwork.Kind.ON_PREMISES, List.of("192.168.10.0/24"),
            "vpn", "VPN", null, null, List.of(), null);

    static Design design(Subnet mi, RouteTable rt) {
        VirtualNetwork v = new VirtualNetwork("v", "v", "westeurope", List.of("10.0.0.0/16"), List.of(), false,
                List.of(new Peering("to-hub", "hub", List.of("10.1.0.0/16"), false)), List.of(mi, GW), null);
        return Design.empty("d").withVirtualNetworks(List.of(v)).withRouteTables(rt == null ? List.of() : List.of(rt))
                .withExternalNetworks(List.of(OFFICE)).withLayout(Layout.EMPTY);
    }

    static RouteTable table(boolean noBgp) {
        return new RouteTable("rt", "rt-mi", null, noBgp, List.of(
                new Route("to-office", "192.168.10.0/24", Route.VIRTUAL_APPLIANCE, "10.0.1.4", null),
                new Route("default-fw", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE, "10.0.1.4", null),
                Route.of("tagged", "Storage", Route.INTERNET)), null);
    }

    @Test void userRoutesWinTheirPrefixAndEverySourceIsListed() {
        EffectiveRoutes r = EffectiveRoutes.of(design(MI, table(false)), MI);
        assertThat(r.routeTableName()).isEqualTo("rt-mi");
        assertThat(r.rows()).extracting(Row::source, Row::state, Row::addressPrefix, Row::nextHopType).containsExactly(
                tuple("Default", State.INVALID, "0.0.0.0/0", "Internet"),
                tuple("Default", State.ACTIVE, "10.0.0.0/8", "None"),
                tuple("Default", State.ACTIVE, "10.0.0.0/16", "VnetLocal"),
                tuple("Default", State.ACTIVE, "10.1.0.0/16", "VNetPeering"),
                tuple("Default", State.ACTIVE, "100.64.0.0/10", "None"),
                tuple("Default", State.ACTIVE, "172.16.0.0/12", "None"),
                tuple("Default", State.ACTIVE, "192.168.0.0/16", "None"),
                tuple("Virtual network gateway", State.INVALID, "192.168.10.0/24", "VirtualNetworkGateway"),
                tuple("User", State.ACTIVE, "0.0.0.0/0", "VirtualAppliance"),
                tuple("User", State.ACTIVE, "192.168.10.0/24", "VirtualAppliance"),
                tuple("User", State.UNKNOWN, "Storage", "Internet"));
        assertThat(r.rows()).filteredOn(x -> x.routeName() != null).extracting(Row::routeName)
                .containsExactly("default-fw", "to-office", "tagged");
        assertThat(r.notes()).isEmpty();
    }

    @Test void withoutARouteTableTheSystemAndGatewayRoutesAreActive() {
        Subnet bare = new Subnet("v/mi", "mi", List.of("10.0.0.0/24"), null, null, List.of("Microsoft.Storage"), List.of(), List.of(), false, null);
        EffectiveRoutes r = EffectiveRoutes.of(design(bare, null), bare);
        assertThat(r.routeTableName()).isNull();
        assertThat(r.active()).extracting(Row::addressPrefix, Row::nextHopType)
                .contains(tuple("0.0.0.0/0", "Internet"), tuple("192.168.10.0/24", "VirtualNetworkGateway"), tuple("10.0.0.0/16", "VnetLocal"));
        assertThat(r.rows()).filteredOn(x -> x.state() == State.INVALID).isEmpty();
        // a service endpoint's routes exist, but their addresses cannot be known offline: said, not hidden
        assertThat(r.rows()).last().extracting(Row::state, Row::nextHopType).containsExactly(State.UNKNOWN, "VirtualNetworkServiceEndpoint");
        assertThat(r.notes()).singleElement().asString().contains("Microsoft.Storage").contains("cannot be known offline");
    }

    @Test void disabledBgpPropagationDropsTheGatewayRoutesAndSaysSo() {
        EffectiveRoutes r = EffectiveRoutes.of(design(MI, table(true)), MI);
        assertThat(r.rows()).extracting(Row::source).doesNotContain("Virtual network gateway");
        assertThat(r.notes()).singleElement().asString().contains("office").contains("192.168.10.0/24").contains("BGP route propagation");
    }

    @Test void theVnetsSpaceBeatsTheNoneRouteOfTheSamePrivateRange() {
        Subnet s = Subnet.of("w/s", "s", "10.0.0.0/24");
        VirtualNetwork w = new VirtualNetwork("w", "w", null, List.of("10.0.0.0/8"), List.of(), false, List.of(), List.of(s), null);
        EffectiveRoutes r = EffectiveRoutes.of(Design.empty("d").withVirtualNetworks(List.of(w)), s);
        assertThat(r.rows()).filteredOn(x -> x.addressPrefix().equals("10.0.0.0/8"))
                .extracting(Row::nextHopType, Row::state)
                .containsExactlyInAnyOrder(tuple("VnetLocal", State.ACTIVE), tuple("None", State.INVALID));
    }

    /** The active route of each prefix is the one RouteResolver (checks, trace) picks for that prefix's first address. */
    @Test void agreesWithTheResolver() {
        Design d = design(MI, table(false));
        EffectiveRoutes r = EffectiveRoutes.of(d, MI);
        RouteResolver resolver = RouteResolver.forSubnet(d, MI);
        for (Row row : r.active()) {
            long[] range = minet.rules.eval.Cidr.parse(row.addressPrefix());
            if (range == null) continue;
            RouteEntry chosen = resolver.nextHop(range[0]);
            if (chosen.addressPrefix().equals(row.addressPrefix())) assertThat(chosen.nextHopType()).as(row.addressPrefix()).isEqualTo(row.nextHopType());
        }
    }
}
