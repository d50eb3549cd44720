package minet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import minet.model.Design;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignFileTest {
    static final Path REFERENCE = Path.of("sample-networks", "reference.minet.json");

    @Test
    void referenceNetworkLoadsWithTheSeedsParts() throws Exception {
        Design d = DesignFile.read(REFERENCE);
        assertThat(d.virtualNetworks()).hasSize(1);
        assertThat(d.miSubnets()).extracting(s -> s.name()).containsExactly("ManagedInstance");
        assertThat(d.routeTable("RT-MI")).isPresent(); // ids compare without case, as in ARM
        assertThat(d.routeTable("rt-mi").orElseThrow().routes()).hasSize(100);
        assertThat(d.securityGroup("nsg-mi").orElseThrow().rules()).hasSize(9);
    }

    @Test
    void saveThenOpenGivesTheSameDesign(@TempDir Path dir) throws Exception {
        Design d = DesignFile.read(REFERENCE);
        Path out = dir.resolve("copy.minet.json");
        DesignFile.write(out, d);
        assertThat(DesignFile.read(out)).isEqualTo(d);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out); // no temp file left behind
        }
    }

    @Test
    void aNewerSchemaIsRefusedPlainly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("new.minet.json");
        Files.writeString(f, "{\n  \"schemaVersion\": 99,\n  \"virtualNetworks\": []\n}\n");
        assertThatThrownBy(() -> DesignFile.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("new.minet.json:2:")
                .hasMessageContaining("newer");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.write(f, "{\n  \"a\": [1, 2,,]\n}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Importer.load(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":2:");
    }

    @Test
    void jsonSourceRemembersWhereValuesStand() throws Exception {
        JsonSource s = JsonSource.parse("t.json", "{\n \"a\": {\n  \"b/c\": [\n   7\n  ]\n }\n}".getBytes(StandardCharsets.UTF_8));
        assertThat(s.line("/a/b~1c/0")).isEqualTo(4);
        assertThat(s.column("/a/b~1c/0")).isEqualTo(4);
        assertThat(s.line("/a/missing/deeper")).isEqualTo(2); // nearest ancestor
    }
}
