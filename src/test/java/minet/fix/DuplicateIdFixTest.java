package minet.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import minet.io.DesignFile;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import org.junit.jupiter.api.Test;

/**
 * Found with the duplicate-names sample (NET-DUPLICATE): two NSGs whose IDs differ only in case. Fix all rebuilt the
 * first and wrote it over both, so the second lost its rules without a line in the change list; and the change list
 * compared the second with the first, so a design with nothing left to fix still listed changes.
 */
class DuplicateIdFixTest {
    @Test
    void fixingOneOfTwoNsgsOfOneIdLeavesTheOtherAsItWas() throws Exception {
        Design ref = DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        SecurityRule own = SecurityRule.of("twin_only", 300, Direction.INBOUND, Access.DENY, "Tcp", List.of("*"), List.of("*"),
                List.of("*"), List.of("3389"));
        SecurityGroup twin = new SecurityGroup("NSG-MI", "nsg-twin", "westeurope", List.of(own), null);
        SecurityGroup first = ref.securityGroups().get(0);
        Design d = ref.withSecurityGroups(List.of(first.withRules(first.rules().subList(0, 2)), twin)); // rules for Fix all to add

        FixRun run = Fixes.runAll(d);

        assertThat(run.after().securityGroups()).hasSize(2);
        assertThat(run.after().securityGroups().get(1)).isEqualTo(twin);
        assertThat(run.changes().changes()).isNotEmpty().allSatisfy(c -> assertThat(c.resource()).doesNotContain("nsg-twin"));
        assertThat(Fixes.runAll(run.after()).changes().isEmpty()).isTrue();
        assertThat(ChangeList.between(d, d).isEmpty()).isTrue();
    }
}
