package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.fix.Fixes;
import minet.io.DesignFile;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
    @TempDir Path dir;

    static final Path REFERENCE = Path.of("sample-networks/reference.minet.json");

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(String name, Design d) throws Exception {
        Path p = dir.resolve(name);
        DesignFile.write(p, d);
        return p;
    }

    @Test
    void writesTheFixedDesignAndPrintsTheChanges() throws Exception {
        Design broken = DesignFile.read(REFERENCE).mapSubnet("vnet-mi/ManagedInstance", s -> s.withNsgId(null));
        Path in = write("broken.minet.json", broken);
        Path out = dir.resolve("fixed.minet.json");
        Result r = run("fix", in.toString(), "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("+ NSG nsg-ManagedInstance (5 rules)")
                .contains("+ rule nsg-ManagedInstance/allow_management_inbound (100, Inbound, Allow, Tcp * → 10.0.0.0/24: 9000,9003,1438,1440,1452)")
                .contains("+ NSG of subnet vnet-mi/ManagedInstance (nsg-ManagedInstance)")
                .contains("Wrote " + out);
        assertThat(DesignFile.read(out)).isEqualTo(Fixes.runAll(broken).after());
        // Fixing the result again changes nothing.
        Result again = run("fix", out.toString(), "-o", dir.resolve("again.minet.json").toString());
        assertThat(again.out()).startsWith("Profile azure-2019-04 (no MI subnet is delegated").contains("\nNo changes: nothing to fix.");
    }

    @Test
    void whatCannotBeFixedIsReportedWithExitOne() throws Exception {
        // Every inbound priority is taken: the missing subnet rule cannot be put first.
        Design d = DesignFile.read(REFERENCE);
        d = d.mapSecurityGroup("nsg-mi", g -> {
            List<SecurityRule> rules = new ArrayList<>(g.rules(Direction.OUTBOUND));
            for (int p = 100; p <= 4096; p++) {
                rules.add(SecurityRule.of("d" + p, p, Direction.INBOUND, Access.DENY, "Udp", List.of("192.168.9.0/24"), List.of("*"),
                        List.of("*"), List.of(String.valueOf(p))));
            }
            return g.withRules(rules);
        });
        Result r = run("fix", write("full.minet.json", d).toString(), "-o", dir.resolve("out.minet.json").toString());
        assertThat(r.code()).isEqualTo(Cli.FINDINGS);
        assertThat(r.out()).contains("Not fixed").contains("no free priorit");
        assertThat(dir.resolve("out.minet.json")).exists();
    }

    @Test
    void unusableInputIsAMessageAndExitTwo() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"schemaVersion\": 1, \"virtualNetworks\": [ }");
        Path out = dir.resolve("out.minet.json");
        Result r = run("fix", bad.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).startsWith("minet fix: " + bad).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        Result missing = run("fix", dir.resolve("nope.json").toString(), "-o", out.toString());
        assertThat(missing.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(missing.err()).contains("nope.json");
    }

    @Test
    void anOutputIsRequired() {
        Result r = run("fix", REFERENCE.toString());
        assertThat(r.code()).isEqualTo(Cli.UNUSABLE);
        assertThat(r.err()).contains("-o");
    }
}
