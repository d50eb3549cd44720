package minet.rules;

import static minet.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Route;
import minet.rules.eval.Verdict;
import org.junit.jupiter.api.Test;

class TracerTest {
    final Design ref = reference();

    @Test
    void clientsReachTheInstanceThroughTheTdsRule() {
        Tracer.Trace t = new Tracer(ref).trace("AppSubnet", "sqlmi-ref", 1433, "tcp");
        assertThat(t.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(t.route().nextHopType()).isEqualTo(Route.VNET_LOCAL);
        assertThat(t.outbound().nsg()).isNull(); // AppSubnet has no NSG
        assertThat(t.inbound().rule().name()).isEqualTo("allow_tds_inbound");
    }

    @Test
    void singleAddressesUseThePacketPathAndNameTheDecidingRule() {
        Tracer tr = new Tracer(ref);
        Tracer.Trace denied = tr.trace("8.8.8.8", "10.0.0.10", 1433, "tcp");
        assertThat(denied.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(denied.inbound().rule().name()).isEqualTo("deny_all_inbound");
        assertThat(denied.route()).isNull();
        Tracer.Trace mgmt = tr.trace("52.1.2.3", "10.0.0.10", 9000, "tcp");
        assertThat(mgmt.inbound().rule().name()).isEqualTo("allow_management_inbound");
        assertThat(mgmt.allowed()).isTrue();
    }

    @Test
    void theRouteAtTheSourceSubnetIsTheLongestPrefix() {
        Tracer tr = new Tracer(ref);
        assertThat(tr.trace("10.0.0.4", "52.1.2.3", 443, "tcp").route().name()).isEqualTo("mi-52-8-nexthop-internet");
        assertThat(tr.trace("10.0.0.4", "10.0.0.9", 1433, "tcp").route().name()).isEqualTo("subnet_to_vnetlocal");
        assertThat(tr.trace("10.0.0.4", "8.8.8.8", 443, "tcp").route().origin()).isEqualTo(minet.rules.route.RouteEntry.Origin.SYSTEM);
        assertThat(tr.trace("10.0.0.4", "192.168.1.1", 443, "tcp").route().nextHopType()).isEqualTo(Route.GATEWAY);
    }

    @Test
    void aRouteToNoneDropsTheTraffic() {
        Design d = plusRoute(ref, Route.of("blackhole", "8.8.8.0/24", Route.NONE));
        d = plusRule(d, out("allow_dns", 300, Access.ALLOW, "Udp", "10.0.0.0/24", "8.8.8.0/24", List.of("53")));
        Tracer.Trace t = new Tracer(d).trace("10.0.0.4", "8.8.8.8", 53, "udp");
        assertThat(t.outbound().allowed()).isTrue();
        assertThat(t.droppedByRoute()).isTrue();
        assertThat(t.verdict()).isEqualTo(Verdict.DENIED);
    }

    @Test
    void servicesTagsAsEndpoints() {
        Tracer tr = new Tracer(ref);
        assertThat(tr.trace("ManagedInstance", "AzureCloud", 443, "tcp").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(tr.trace("ManagedInstance", "AzureCloud", 8443, "tcp").verdict()).isEqualTo(Verdict.DENIED);
        assertThat(tr.trace("AzureLoadBalancer", "ManagedInstance", 80, "tcp").inbound().rule().name()).isEqualTo("allow_health_probe_inbound");
    }

    @Test
    void unknownNamesAndBadProtocolsAreRefused() {
        Tracer tr = new Tracer(ref);
        assertThatThrownBy(() -> tr.endpoint("nowhere")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nowhere'");
        assertThatThrownBy(() -> tr.trace("AppSubnet", "sqlmi-ref", 1433, "icmp")).hasMessageContaining("tcp or udp");
        assertThatThrownBy(() -> tr.trace("AppSubnet", "sqlmi-ref", 70000, "tcp")).hasMessageContaining("0–65535");
    }
}
