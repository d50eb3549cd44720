package minet.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import minet.model.Access;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import org.junit.jupiter.api.Test;

class NsgEvaluatorTest {
    static final String MI = "10.0.0.0/24";
    static final AddressSpace SPACE = AddressSpace.of(List.of("10.0.0.0/16"), List.of("Storage.westeurope", "AzureCloud.westeurope"));
    static final List<String> ANY = List.of("*");
    static final List<String> MGMT = List.of("9000", "9003", "1438", "1440", "1452");

    static SecurityRule in(String name, int prio, Access a, String proto, String src, String dst, List<String> ports) {
        return SecurityRule.of(name, prio, Direction.INBOUND, a, proto, List.of(src), ANY, List.of(dst), ports);
    }

    static SecurityRule out(String name, int prio, Access a, String proto, String src, String dst, List<String> ports) {
        return SecurityRule.of(name, prio, Direction.OUTBOUND, a, proto, List.of(src), ANY, List.of(dst), ports);
    }

    static Evaluation eval(Direction d, Traffic q, SecurityRule... rules) {
        return NsgEvaluator.of(new SecurityGroup("nsg", "nsg", null, List.of(rules), null), d, SPACE).evaluate(q);
    }

    static Traffic managementIn() {
        return Traffic.of(Protocols.TCP, SPACE.internet(), SPACE.resolve(MI), Ports.parseAll(MGMT));
    }

    @Test
    void aDenyBeforeTheAllowBlocksTheManagementPorts() {
        Evaluation e = eval(Direction.INBOUND, managementIn(),
                in("deny_internet", 150, Access.DENY, "Tcp", "Internet", "*", List.of("9003")),
                in("allow_management_inbound", 200, Access.ALLOW, "Tcp", "*", MI, MGMT));
        assertThat(e.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(e.firstDeny().name()).isEqualTo("deny_internet");
        assertThat(Ports.describe(e.deniedDestinationPorts())).isEqualTo("9003");
        assertThat(e.allowingRules()).extracting(CompiledRule::name).containsExactly("allow_management_inbound");
    }

    @Test
    void oneAllowFromAnyBeforeADenyAllAllowsEveryManagementPacket() {
        Evaluation e = eval(Direction.INBOUND, managementIn(),
                in("allow_management_inbound", 100, Access.ALLOW, "Tcp", "*", MI, MGMT),
                in("deny_all_inbound", 4096, Access.DENY, "*", "*", "*", ANY));
        assertThat(e.verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void anAllowCoveringOnlyFourPortsLeavesTheFifthToTheDenyAll() {
        Evaluation e = eval(Direction.INBOUND, managementIn(),
                in("allow_mgmt", 100, Access.ALLOW, "Tcp", "*", MI, List.of("9000", "9003", "1438", "1440")),
                in("deny_all_inbound", 4096, Access.DENY, "*", "*", "*", ANY));
        assertThat(e.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(Ports.describe(e.deniedDestinationPorts())).isEqualTo("1452");
    }

    @Test
    void withoutUserRulesOnlyDefaultRulesDecide() {
        // Internet inbound: DenyAllInBound; VNet to VNet: AllowVnetInBound; health probe: AllowAzureLoadBalancerInBound.
        assertThat(eval(Direction.INBOUND, managementIn()).verdict()).isEqualTo(Verdict.DENIED);
        Traffic subnet = Traffic.of(Protocols.ALL, SPACE.resolve(MI), SPACE.resolve(MI), Ports.ALL);
        assertThat(eval(Direction.INBOUND, subnet).verdict()).isEqualTo(Verdict.ALLOWED_BY_DEFAULT);
        Traffic probe = Traffic.of(Protocols.ALL, SPACE.loadBalancer(), SPACE.resolve(MI), Ports.ALL);
        Evaluation p = eval(Direction.INBOUND, probe);
        assertThat(p.verdict()).isEqualTo(Verdict.ALLOWED_BY_DEFAULT);
        assertThat(p.allowingRules()).extracting(CompiledRule::name).containsExactly("AllowAzureLoadBalancerInBound");
    }

    @Test
    void azureCloudIsInsideInternetSoAnInternetDenyBlocksIt() {
        Traffic q = Traffic.of(Protocols.TCP, SPACE.resolve(MI), SPACE.resolve("AzureCloud"), Ports.parseAll(List.of("443")));
        Evaluation e = eval(Direction.OUTBOUND, q, out("deny_internet", 100, Access.DENY, "*", "*", "Internet", ANY));
        assertThat(e.verdict()).isEqualTo(Verdict.DENIED);
        Evaluation ok = eval(Direction.OUTBOUND, q,
                out("allow_cloud", 100, Access.ALLOW, "Tcp", MI, "AzureCloud", List.of("443")),
                out("deny_internet", 200, Access.DENY, "*", "*", "Internet", ANY));
        assertThat(ok.verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aPublicCidrNeitherCoversNorCertainlyMissesATag() {
        Traffic q = Traffic.of(Protocols.TCP, SPACE.resolve(MI), SPACE.resolve("AzureCloud"), Ports.parseAll(List.of("443")));
        // 52.0.0.0/8 may hold AzureCloud addresses: the algebra cannot decide.
        Evaluation e = eval(Direction.OUTBOUND, q,
                out("deny_52", 100, Access.DENY, "*", "*", "52.0.0.0/8", ANY),
                out("allow_cloud", 200, Access.ALLOW, "Tcp", "*", "AzureCloud", ANY));
        assertThat(e.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(e.uncertainRules()).extracting(CompiledRule::name).containsExactly("deny_52");
        // A private range outside the VNet is never a public tag: no doubt.
        Evaluation p = eval(Direction.OUTBOUND, q,
                out("deny_172", 100, Access.DENY, "*", "*", "172.16.0.0/12", ANY),
                out("allow_cloud", 200, Access.ALLOW, "Tcp", "*", "AzureCloud", ANY));
        assertThat(p.verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aSubTagAllowLeavesTheRestOfTheParentToLaterRules() {
        Traffic q = Traffic.of(Protocols.TCP, SPACE.resolve(MI), SPACE.resolve("AzureCloud"), Ports.parseAll(List.of("443")));
        Evaluation e = eval(Direction.OUTBOUND, q,
                out("allow_storage", 100, Access.ALLOW, "Tcp", "*", "Storage.westeurope", ANY),
                out("deny_all", 4000, Access.DENY, "*", "*", "*", ANY));
        assertThat(e.verdict()).isEqualTo(Verdict.PARTIAL);
        assertThat(e.firstDeny().name()).isEqualTo("deny_all");
    }

    @Test
    void zeroSlashZeroEqualsStarAndCoversTheLoadBalancer() {
        Traffic probe = Traffic.of(Protocols.ALL, SPACE.loadBalancer(), SPACE.resolve(MI), Ports.ALL);
        Evaluation e = eval(Direction.INBOUND, probe, in("deny_all", 100, Access.DENY, "*", "0.0.0.0/0", "*", ANY));
        assertThat(e.verdict()).isEqualTo(Verdict.DENIED);
        Evaluation half = eval(Direction.INBOUND, probe, in("deny_low", 100, Access.DENY, "*", "0.0.0.0/1", "*", ANY));
        assertThat(half.verdict()).isEqualTo(Verdict.ALLOWED_BY_DEFAULT);
    }

    @Test
    void augmentedRulesMatchIfAnyValueMatches() {
        SecurityRule r = SecurityRule.of("allow_two", 100, Direction.INBOUND, Access.ALLOW, "Tcp",
                List.of("10.1.0.0/24", "10.2.0.0/24"), ANY, List.of(MI), List.of("1433", "11000-11999"));
        Traffic q = Traffic.of(Protocols.TCP, SPACE.resolve("10.2.0.0/25"), SPACE.resolve(MI), Ports.parseAll(List.of("11500")));
        assertThat(eval(Direction.INBOUND, q, r, in("deny", 200, Access.DENY, "*", "*", "*", ANY)).verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void singlePacketsFollowTheFirstMatch() {
        NsgEvaluator ev = NsgEvaluator.of(new SecurityGroup("nsg", "nsg", null, List.of(
                in("deny_internet", 150, Access.DENY, "Tcp", "Internet", "*", List.of("9003")),
                in("allow_management_inbound", 200, Access.ALLOW, "Tcp", "*", MI, MGMT)), null), Direction.INBOUND, SPACE);
        long mi = Cidr.address("10.0.0.10"), pub = Cidr.address("52.1.2.3");
        assertThat(ev.evaluate(Protocols.TCP, pub, 40000, mi, 9003).rule().name()).isEqualTo("deny_internet");
        assertThat(ev.evaluate(Protocols.TCP, pub, 40000, mi, 9000).verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(ev.evaluate(Protocols.UDP, pub, 40000, mi, 9000).rule().name()).isEqualTo("DenyAllInBound");
        assertThat(ev.evaluate(Protocols.UDP, Cidr.address("10.0.5.5"), 1, mi, 9000).verdict()).isEqualTo(Verdict.ALLOWED_BY_DEFAULT);
    }

    @Test
    void applicationSecurityGroupsAreNotKnownOffline() {
        SecurityRule asg = new SecurityRule("deny_jump", null, 100, Direction.INBOUND, Access.DENY, "Tcp", "*", List.of(), null, List.of("9000"),
                null, List.of(), MI, List.of(), List.of("asg-jumpboxes"), List.of(), null);
        Evaluation e = eval(Direction.INBOUND, managementIn(), asg, in("allow_management_inbound", 200, Access.ALLOW, "Tcp", "*", MI, MGMT));
        assertThat(e.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(e.uncertainRules()).extracting(CompiledRule::name).containsExactly("deny_jump");
    }

    @Test
    void noSecurityGroupAllowsEverything() {
        Evaluation e = NsgEvaluator.of(null, Direction.INBOUND, SPACE).evaluate(managementIn());
        assertThat(e.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(e.securityGroupPresent()).isFalse();
    }
}
