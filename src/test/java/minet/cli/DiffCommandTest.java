package minet.cli;

import static minet.cli.FixCommandTest.REFERENCE;
import static minet.cli.FixCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.Lists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir Path dir;

    @Test
    void sameConfigurationHasNoDifferences() {
        FixCommandTest.Result r = run("diff", REFERENCE.toString(), REFERENCE.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("No differences.\n");
    }

    @Test
    void printsTheChangeListAndTheTrafficThatChangesVerdict() throws Exception {
        Design ref = DesignFile.read(REFERENCE);
        Design broken = ref.mapSecurityGroup("nsg-mi", g -> g.withRules(Lists.minus(g.rules(), r -> r.name().equals("allow_management_inbound"))));
        Path a = dir.resolve("a.minet.json");
        DesignFile.write(a, broken);
        FixCommandTest.Result r = run("diff", a.toString(), REFERENCE.toString());
        assertThat(r.code()).isEqualTo(Cli.FINDINGS);
        assertThat(r.out()).contains("Changes (1):\n+ rule nsg-mi/allow_management_inbound (100, Inbound, Allow, Tcp * → 10.0.0.0/24: 9000,9003,1438,1440,1452)"
                        + " — Management and deployment services (seed: mandatory inbound 'management')\n")
                .contains("Traffic (1):\nsubnet vnet-mi/ManagedInstance: now allows inbound TCP 1438, 1440, 1452, 9000, 9003 from * except AzureLoadBalancer, 10.0.0.0/24 to 10.0.0.0/24");
    }

    @Test
    void anUnreadableSideIsExitTwo() throws Exception {
        Path bad = dir.resolve("b.json");
        Files.writeString(bad, "[1, 2");
        FixCommandTest.Result r = run("diff", REFERENCE.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet diff: " + bad);
    }
}
