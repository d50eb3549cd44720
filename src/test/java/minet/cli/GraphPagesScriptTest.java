package minet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import minet.io.ImportOptions;
import minet.io.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/graph-pages.sh against a stand-in az: it follows the skip token and passes its arguments on. */
class GraphPagesScriptTest {
    @TempDir Path tmp;

    @Test
    void followsTheSkipTokenUntilTheLastPage() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path az = bin.resolve("az");
        // page 1 has a token, page 2 (asked with it) has null; each call's arguments are logged
        Files.writeString(az, """
                #!/usr/bin/env bash
                { echo "$*" | tr '\\n' ' '; echo; } >> "$AZ_LOG"
                case "$*" in
                  *"--skip-token ew0K+/abc=="*) printf '{\\n  "count": 1,\\n  "data": [{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/b", "name": "b", "type": "microsoft.network/networksecuritygroups", "properties": {"securityRules": []}}],\\n  "skip_token": null\\n}\\n' ;;
                  *) printf '{\\n  "count": 1,\\n  "data": [{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/a", "name": "a", "type": "microsoft.network/networksecuritygroups", "properties": {"securityRules": []}}],\\n  "skip_token": "ew0K+/abc=="\\n}\\n' ;;
                esac
                """);
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("packaging/graph-pages.sh").toAbsolutePath().toString(), "--subscriptions", "s")
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("AZ_LOG", tmp.resolve("az.log").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("page-1.json … page-2.json");
        List<String> calls = Files.readAllLines(tmp.resolve("az.log"));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).startsWith("graph query -q resources").contains("--first 1000").endsWith("-o json --subscriptions s ")
                .doesNotContain("--skip-token");
        assertThat(calls.get(1)).contains("--skip-token ew0K+/abc==");
        var d = Importer.load(List.of(work.resolve("page-1.json"), work.resolve("page-2.json")), ImportOptions.NONE);
        assertThat(d.securityGroups()).extracting(g -> g.name()).containsExactly("a", "b");
    }
}
