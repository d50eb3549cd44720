package minet.fix;

import static minet.fix.Designs.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Route;
import minet.model.SecurityRule;
import minet.rules.Seed;
import org.junit.jupiter.api.Test;

class SemanticDiffTest {
    private final Design ref = reference();

    @Test
    void identicalDesignsDifferInNothing() {
        assertThat(SemanticDiff.between(ref, ref).isEmpty()).isTrue();
        // Renaming a rule or moving it without changing any verdict is no semantic change.
        Design renamed = mapRule(ref, Seed.RULE_TDS_IN, r -> r.withName("clients_1433").withPriority(1050));
        assertThat(ChangeList.between(ref, renamed).isEmpty()).isFalse();
        assertThat(SemanticDiff.between(ref, renamed).isEmpty()).isTrue();
    }

    @Test
    void restoringTheManagementRuleNowAllowsTheManagementPorts() {
        Design broken = withoutRule(ref, Seed.RULE_MANAGEMENT_IN);
        SemanticDiff diff = SemanticDiff.between(broken, Fixes.runAll(broken).after());
        assertThat(diff.differences()).hasSize(1);
        assertThat(diff.text()).isEqualTo("subnet vnet-mi/ManagedInstance: now allows inbound TCP 1438, 1440, 1452, 9000, 9003"
                + " from * except AzureLoadBalancer, 10.0.0.0/24 to 10.0.0.0/24"
                + " (before: rule 'deny_all_inbound' (priority 4096); now: rule 'allow_management_inbound' (priority 400))\n");
    }

    @Test
    void aDenyBeforeTheDataRuleNowDeniesClients() {
        Design d = plusRule(ref, SecurityRule.of("deny_onprem_sql", 900, Direction.INBOUND, Access.DENY, "Tcp",
                List.of("192.168.0.0/16"), List.of("*"), List.of("*"), List.of("1433")));
        assertThat(SemanticDiff.between(ref, d).text()).isEqualTo("subnet vnet-mi/ManagedInstance: now denies inbound TCP 1433"
                + " from 192.168.0.0/16 to 10.0.0.0/24"
                + " (before: rule 'allow_tds_inbound' (priority 1000); now: rule 'deny_onprem_sql' (priority 900))\n");
    }

    @Test
    void removingAConflictingRouteSendsItsPrefixToInternetAgain() {
        Design conflict = plusRoute(ref, new Route("to-nva", "52.1.0.0/16", Route.VIRTUAL_APPLIANCE, "10.0.2.4", null));
        assertThat(SemanticDiff.between(conflict, Fixes.runAll(conflict).after()).text()).isEqualTo(
                "subnet vnet-mi/ManagedInstance: traffic to 52.1.0.0/16 now takes route 'mi-52-8-nexthop-internet' (52.0.0.0/8 → Internet)"
                        + " (before: route 'to-nva' (52.1.0.0/16 → VirtualAppliance 10.0.2.4))\n");
    }

    @Test
    void aNewNsgDeniesWhatNoNsgAllowed() {
        Design noNsg = ref.mapSubnet(SUBNET, s -> s.withNsgId(null));
        SemanticDiff diff = SemanticDiff.between(noNsg, Fixes.runAll(noNsg).after());
        assertThat(diff.differences()).allMatch(x -> x.kind().equals("denies"));
        assertThat(diff.text()).contains("now denies inbound TCP all ports except 1438, 1440, 1452, 9000, 9003 from Internet to 10.0.0.0/24"
                + " (before: no NSG; now: default rule 'DenyAllInBound' (priority 65500))");
    }
}
