package minet.ui.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minet.io.DesignFile;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.ui.canvas.FlowState;
import minet.ui.validation.Analysis.FlowVerdict;
import org.junit.jupiter.api.Test;

class SeedFlowsTest {
    private static Design reference() throws Exception {
        return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
    }

    @Test void theReferenceNetworkLetsEveryManagementFlowThrough() throws Exception {
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(reference());
        assertThat(v).isNotEmpty();
        assertThat(v).anySatisfy((id, f) -> assertThat(id).startsWith("management-inbound:"));
        v.forEach((id, f) -> {
            if (id.startsWith("management-") || id.startsWith("health-probe") || id.startsWith("intra-subnet")) {
                assertThat(f.state()).as(id + ": " + f.decidedBy()).isEqualTo(FlowState.ALLOWED);
                assertThat(f.decidedBy()).startsWith("decided by");
            }
        });
    }

    @Test void aDenyBeforeTheManagementRuleTurnsTheFlowRedAndIsNamed() throws Exception {
        Design d = reference();
        Subnet mi = d.miSubnets().get(0);
        SecurityRule deny = SecurityRule.of("deny_everything", 100, Direction.INBOUND, Access.DENY, "*",
                List.of("*"), List.of("*"), List.of("*"), List.of("*"));
        // The deny takes priority 100; a rule already there moves to the end so priorities stay unique.
        Design broken = d.mapSecurityGroup(mi.nsgId(), g -> {
            List<SecurityRule> rules = new ArrayList<>(List.of(deny));
            g.rules().forEach(r -> rules.add(r.direction() == Direction.INBOUND && r.priorityOr(0) == 100 ? r.withPriority(4000) : r));
            return g.withRules(rules);
        });
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(broken);
        assertThat(v).hasEntrySatisfying(key(v, "management-inbound:"), f -> {
            assertThat(f.state()).isEqualTo(FlowState.BLOCKED);
            assertThat(f.decidedBy()).contains("securityRules/deny_everything").contains("priority 100");
        });
        // outbound is another direction: still allowed
        assertThat(v).hasEntrySatisfying(key(v, "management-outbound:"), f -> assertThat(f.state()).isEqualTo(FlowState.ALLOWED));
    }

    @Test void withoutAnNsgAzureAllowsAll() throws Exception {
        Design d = reference();
        Subnet mi = d.miSubnets().get(0);
        Map<String, FlowVerdict> v = new SeedFlows().verdicts(d.mapSubnet(mi.id(), s -> s.withNsgId(null)));
        assertThat(v.values()).allSatisfy(f -> assertThat(f.decidedBy()).contains("no NSG"));
    }

    private static String key(Map<String, FlowVerdict> v, String prefix) {
        return v.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElseThrow();
    }
}
