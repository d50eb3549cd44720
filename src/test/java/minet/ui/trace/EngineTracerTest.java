package minet.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.io.DesignFile;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityRule;
import minet.model.Subnet;
import org.junit.jupiter.api.Test;

class EngineTracerTest {
    private final Design reference = read();
    private final EngineTracer tracer = new EngineTracer();

    private static Design read() {
        try {
            return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test void managementTrafficReachesTheInstanceAndNamesTheRule() {
        String mi = reference.managedInstances().get(0).name();
        TraceService.Result r = tracer.trace(reference, "Internet", mi, "tcp", 9000);
        assertThat(r.allowed()).isTrue();
        assertThat(r.verdict()).startsWith("Allowed");
        Subnet miSubnet = reference.miSubnets().get(0);
        assertThat(r.hops()).anySatisfy(h -> {
            assertThat(h.elementId()).isEqualToIgnoringCase(miSubnet.nsgId());
            assertThat(h.detail()).contains("allow_management_inbound");
        });
        // The destination named is the instance: the canvas marks its box.
        assertThat(r.hops().get(r.hops().size() - 1).elementId()).isEqualToIgnoringCase(reference.managedInstances().get(0).id());
        assertThat(r.toId()).isEqualToIgnoringCase(reference.managedInstances().get(0).id());
        assertThat(r.hops()).allSatisfy(h -> assertThat(h.state()).isEqualTo(minet.layout.TracePath.State.PASSED));
    }

    @Test void aDenyFirstIsTheDecidingRule() {
        Subnet miSubnet = reference.miSubnets().get(0);
        Design broken = reference.mapSecurityGroup(miSubnet.nsgId(), g -> {
            List<SecurityRule> rules = new ArrayList<>(List.of(SecurityRule.of("deny_mgmt", 100, Direction.INBOUND, Access.DENY, "Tcp",
                    List.of("*"), List.of("*"), List.of("*"), List.of("9000"))));
            g.rules().forEach(r -> rules.add(r.direction() == Direction.INBOUND && r.priorityOr(0) == 100 ? r.withPriority(4000) : r));
            return g.withRules(rules);
        });
        TraceService.Result r = tracer.trace(broken, "Internet", miSubnet.name(), "tcp", 9000);
        assertThat(r.allowed()).isFalse();
        assertThat(r.verdict()).startsWith("Denied");
        assertThat(r.hops()).anySatisfy(h -> assertThat(h.detail()).contains("denied").contains("deny_mgmt"));
    }

    @Test void anUnknownEndpointIsNamed() {
        assertThatThrownBy(() -> tracer.trace(reference, "nowhere", "Internet", "tcp", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nowhere'");
    }
}
