package minet.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.EffectiveRules.Kind;
import minet.rules.eval.EffectiveRules.Row;
import org.junit.jupiter.api.Test;

/** A subnet's effective security rules: its NSG's rules by priority per direction, then Azure's defaults. */
class EffectiveRulesTest {
    static final List<String> ANY = List.of("*");

    static Design design(Subnet s, SecurityGroup nsg) {
        VirtualNetwork v = new VirtualNetwork("v", "v", null, List.of("10.0.0.0/16"), List.of(), false, List.of(), List.of(s), null);
        return Design.empty("d").withVirtualNetworks(List.of(v)).withSecurityGroups(nsg == null ? List.of() : List.of(nsg));
    }

    @Test void ownRulesByPriorityThenTheDefaultsPerDirection() {
        SecurityGroup nsg = new SecurityGroup("nsg", "nsg-mi", null, List.of(
                SecurityRule.of("deny_all_inbound", 4096, Direction.INBOUND, Access.DENY, "*", ANY, ANY, ANY, ANY),
                SecurityRule.of("allow_tds_inbound", 1000, Direction.INBOUND, Access.ALLOW, "Tcp", List.of("VirtualNetwork"), ANY, List.of("10.0.0.0/24"), List.of("1433")),
                SecurityRule.of("Microsoft.Sql-managedInstances_UseOnly_mi-healthprobe-in", 100, Direction.INBOUND, Access.ALLOW, "*",
                        List.of("AzureLoadBalancer"), ANY, List.of("10.0.0.0/24"), ANY),
                SecurityRule.of("allow_out", 200, Direction.OUTBOUND, Access.ALLOW, "Tcp", List.of("10.0.0.0/24"), ANY, List.of("AzureCloud"), List.of("443"))), null);
        Subnet s = new Subnet("v/mi", "mi", List.of("10.0.0.0/24"), "NSG", null, List.of(), List.of(), List.of(), false, null);
        EffectiveRules r = EffectiveRules.of(design(s, nsg), s);
        assertThat(r.nsgName()).isEqualTo("nsg-mi");
        assertThat(r.inbound()).extracting(Row::priority, Row::name, Row::kind).containsExactly(
                tuple(100, "Microsoft.Sql-managedInstances_UseOnly_mi-healthprobe-in", Kind.MANAGED),
                tuple(1000, "allow_tds_inbound", Kind.CUSTOM),
                tuple(4096, "deny_all_inbound", Kind.CUSTOM),
                tuple(65000, "AllowVnetInBound", Kind.DEFAULT),
                tuple(65001, "AllowAzureLoadBalancerInBound", Kind.DEFAULT),
                tuple(65500, "DenyAllInBound", Kind.DEFAULT));
        assertThat(r.inbound().get(1)).extracting(Row::source, Row::destination, Row::destinationPorts, Row::access)
                .containsExactly("VirtualNetwork", "10.0.0.0/24", "1433", Access.ALLOW);
        assertThat(r.outbound()).extracting(Row::priority, Row::name).containsExactly(
                tuple(200, "allow_out"), tuple(65000, "AllowVnetOutBound"), tuple(65001, "AllowInternetOutBound"), tuple(65500, "DenyAllOutBound"));
        assertThat(r.notes()).isEmpty();
    }

    @Test void withoutAnNsgNothingIsFilteredAndItSaysSo() {
        Subnet s = Subnet.of("v/app", "app", "10.0.1.0/24");
        EffectiveRules r = EffectiveRules.of(design(s, null), s);
        assertThat(r.inbound()).isEmpty();
        assertThat(r.outbound()).isEmpty();
        assertThat(r.notes()).singleElement().asString().contains("No network security group");
    }

    @Test void anNsgMissingFromTheDesignIsSaidNotGuessed() {
        Subnet s = new Subnet("v/app", "app", List.of("10.0.1.0/24"), "/subscriptions/x/nsg-elsewhere", null, List.of(), List.of(), List.of(), false, null);
        EffectiveRules r = EffectiveRules.of(design(s, null), s);
        assertThat(r.inbound()).isEmpty();
        assertThat(r.notes()).singleElement().asString().contains("not in the design");
    }

    @Test void managedRulesAreRecognisedWhateverTheCase() {
        assertThat(EffectiveRules.managedByAzure(SecurityRule.of("microsoft.sql-managedinstances_useonly_mi-internal-in", 101,
                Direction.INBOUND, Access.ALLOW, "*", ANY, ANY, ANY, ANY))).isTrue();
        assertThat(EffectiveRules.managedByAzure(SecurityRule.of("allow_management_inbound", 100,
                Direction.INBOUND, Access.ALLOW, "*", ANY, ANY, ANY, ANY))).isFalse();
    }
}
