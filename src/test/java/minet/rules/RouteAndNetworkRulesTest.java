package minet.rules;

import static minet.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Peering;
import minet.model.Route;
import org.junit.jupiter.api.Test;

class RouteAndNetworkRulesTest {
    final Design ref = reference();

    @Test
    void subnetToVnetLocal() {
        Design none = withoutRoute(ref, "subnet_to_vnetlocal");
        Finding f = only(none, Catalog.MI_UDR_VNETLOCAL);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.details()).containsEntry("subnet", "10.0.0.0/24").containsEntry("suggestedRoute", "subnet_to_vnetlocal");
        assertThat(f.elementId()).isEqualTo(RT);
        // Two halves do the same job.
        Design halves = plusRoute(plusRoute(none, Route.of("a", "10.0.0.0/25", Route.VNET_LOCAL)), Route.of("b", "10.0.0.128/25", Route.VNET_LOCAL));
        assertThat(findings(halves, Catalog.MI_UDR_VNETLOCAL)).isEmpty();
    }

    @Test
    void managementPrefixesListTheUncoveredOnes() {
        Design d = withoutRoute(withoutRoute(ref, "mi-13-96-13-nexthop-internet"), "mi-20-8-nexthop-internet");
        Finding f = only(d, Catalog.MI_UDR_MANAGEMENT);
        assertThat(f.details()).containsEntry("uncovered", List.of("13.96.0.0/13", "20.0.0.0/8"));
        assertThat(f.message()).contains("2 of the 04/2019 document's 99");
        assertThat(f.resource()).isEqualTo("routeTables/rt-mi");
    }

    @Test
    void aRouteNotKnownOfflineMakesMissingRoutesAWarningNotAnError() {
        Design gap = withoutRoute(ref, "mi-20-8-nexthop-internet");
        assertThat(only(gap, Catalog.MI_UDR_MANAGEMENT).severity()).isEqualTo(Severity.ERROR);
        // an import's stand-in for a copy loop of unknown count may be the missing route: cannot tell offline
        Design unsure = plusRoute(gap, Route.of("{copyIndex('routes')}", "{miManagementIps}", "{copyIndex('routes')}"));
        Finding f = only(unsure, Catalog.MI_UDR_MANAGEMENT);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("as far as can be told offline");
        assertThat(f.details()).containsEntry("uncovered", List.of("20.0.0.0/8")).containsEntry("unknownRoutes", List.of("{copyIndex('routes')}"));
        assertThat(findings(unsure, Catalog.UDR_NEXT_HOP)).isEmpty(); // an unknown next hop is not a wrong one
        // the fix will not add routes beside unknown ones (they could duplicate them once deployed)
        minet.fix.Fix fix = minet.fix.Fixes.forFinding(unsure, f).orElseThrow();
        assertThat(fix.command().apply(unsure)).isEqualTo(unsure);
    }

    @Test
    void theUnionOfSmallerRoutesCovers() {
        Design d = plusRoute(plusRoute(plusRoute(withoutRoute(ref, "mi-103-25-156-22-nexthop-internet"),
                Route.of("a", "103.25.156.0/24", Route.INTERNET)), Route.of("b", "103.25.157.0/24", Route.INTERNET)),
                Route.of("c", "103.25.158.0/23", Route.INTERNET));
        assertThat(findings(d, Catalog.MI_UDR_MANAGEMENT)).isEmpty();
        // One broad route to Internet covers everything too.
        Design broad = routes(ref, rs -> List.of(rs.get(0), Route.of("default", "0.0.0.0/0", Route.INTERNET)));
        assertThat(findings(broad, Catalog.MI_UDR_MANAGEMENT)).isEmpty();
    }

    @Test
    void aRouteInsideARequiredPrefixConflictsABroaderOneDoesNot() {
        Design inside = plusRoute(ref, Route.of("nva-52-1", "52.1.0.0/16", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4"));
        Finding f = only(inside, Catalog.MI_UDR_CONFLICT);
        assertThat(f.details()).containsEntry("routes", List.of("nva-52-1"));
        assertThat(only(inside, Catalog.MI_UDR_MANAGEMENT).details()).containsEntry("uncovered", List.of("52.0.0.0/8"))
                .containsEntry("uncoveredAddresses", List.of("52.1.0.0/16"));
        Design broader = plusRoute(ref, Route.of("default-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4"));
        assertThat(findings(broader, Catalog.MI_UDR_CONFLICT)).isEmpty();
        assertThat(findings(broader, Catalog.MI_UDR_MANAGEMENT)).isEmpty();
    }

    @Test
    void nextHopAddressOnlyForAppliances() {
        Design missing = plusRoute(ref, Route.of("nva", "192.168.0.0/16", Route.VIRTUAL_APPLIANCE));
        assertThat(only(missing, Catalog.UDR_NEXT_HOP).details()).containsEntry("problem", "missingNextHopIp");
        Design extra = plusRoute(ref, Route.of("onprem", "192.168.0.0/16", Route.GATEWAY).withNextHopIpAddress("10.0.1.4"));
        assertThat(only(extra, Catalog.UDR_NEXT_HOP).details()).containsEntry("problem", "unexpectedNextHopIp");
        Design bad = plusRoute(ref, Route.of("nva", "192.168.0.0/16", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1"));
        assertThat(only(bad, Catalog.UDR_NEXT_HOP).details()).containsEntry("problem", "invalidNextHopIp");
        Design type = plusRoute(ref, Route.of("x", "192.168.0.0/16", "Firewall"));
        assertThat(only(type, Catalog.UDR_NEXT_HOP).details()).containsEntry("problem", "nextHopType");
        Design ok = plusRoute(ref, Route.of("nva", "192.168.0.0/16", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4"));
        assertThat(findings(ok, Catalog.UDR_NEXT_HOP)).isEmpty();
    }

    @Test
    void routeLimit() {
        Design big = routes(ref, rs -> {
            List<Route> out = new ArrayList<>(rs);
            for (int i = 0; out.size() <= 400; i++) out.add(Route.of("r" + i, "172.16." + i + ".0/24", Route.NONE));
            return out;
        });
        assertThat(only(big, Catalog.UDR_LIMIT).details()).containsEntry("routes", 401);
        assertThat(findings(ref, Catalog.UDR_LIMIT)).isEmpty();
    }

    @Test
    void addressPlan() {
        Design outside = ref.mapSubnet("vnet-mi/AppSubnet", s -> s.withAddressPrefixes(List.of("10.1.0.0/24")));
        assertThat(only(outside, Catalog.NET_ADDRESS).details()).containsEntry("problem", "outsideAddressSpace");
        Design overlap = ref.mapSubnet("vnet-mi/AppSubnet", s -> s.withAddressPrefixes(List.of("10.0.0.128/25")));
        assertThat(only(overlap, Catalog.NET_ADDRESS).details()).containsEntry("problem", "overlap").containsEntry("otherSubnetId", MI_SUBNET);
        Design hostBits = ref.mapSubnet("vnet-mi/AppSubnet", s -> s.withAddressPrefixes(List.of("10.0.1.5/24")));
        assertThat(only(hostBits, Catalog.NET_ADDRESS).details()).containsEntry("normalized", "10.0.1.0/24");
        Design invalid = ref.mapSubnet("vnet-mi/AppSubnet", s -> s.withAddressPrefixes(List.of("10.0.1.0/40")));
        assertThat(only(invalid, Catalog.NET_ADDRESS).details()).containsEntry("problem", "invalidPrefix");
        Design onPrem = ref.withExternalNetworks(ref.externalNetworks().stream()
                .map(e -> e.kind() == ExternalNetwork.Kind.ON_PREMISES ? e.withAddressPrefixes(List.of("10.0.128.0/17")) : e).toList());
        assertThat(only(onPrem, Catalog.NET_ADDRESS).details()).containsEntry("problem", "onPremisesOverlap");
        Design peered = ref.mapVirtualNetwork("vnet-mi", v -> v.withPeerings(List.of(new Peering("hub", "vnet-hub", List.of("10.0.0.0/8"), false))));
        assertThat(only(peered, Catalog.NET_ADDRESS).details()).containsEntry("problem", "peeringOverlap");
    }

    @Test
    void customDns() {
        Design custom = ref.mapVirtualNetwork("vnet-mi", v -> v.withDnsServers(List.of("10.0.1.4")));
        assertThat(only(custom, Catalog.MI_DNS_CUSTOM).severity()).isEqualTo(Severity.WARNING);
        Design confirmed = ref.mapVirtualNetwork("vnet-mi", v -> v.withDnsServers(List.of("10.0.1.4")).withDnsConfirmed(true));
        assertThat(only(confirmed, Catalog.MI_DNS_CUSTOM).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void firewallRuleForTheManagementEndpointInTheSameRegion() {
        Design same = ref.withExternalNetworks(ref.externalNetworks().stream().map(e -> e.id().equals("storage")
                ? e.withRegion("westeurope").withFirewallAllowedIps(List.of("52.236.184.163")) : e).toList());
        Finding f = only(same, Catalog.MI_NAT_SAME_REGION);
        assertThat(f.elementId()).isEqualTo("storage");
        assertThat(f.message()).contains("not NATed");
        Design other = ref.withExternalNetworks(ref.externalNetworks().stream().map(e -> e.id().equals("storage")
                ? e.withFirewallAllowedIps(List.of("52.236.184.163")) : e).toList()); // northeurope
        assertThat(findings(other, Catalog.MI_NAT_SAME_REGION)).isEmpty();
    }
}
