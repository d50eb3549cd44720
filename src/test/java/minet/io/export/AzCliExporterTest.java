package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the exported script with bash and a stand-in {@code az} first on PATH that logs each argument
 * NUL-terminated, and checks that every value arrives as exactly one argument, intact, and nothing else runs.
 */
class AzCliExporterTest {
    private static final String END = "--stand-in-end--";

    @BeforeAll
    static void needsBash() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is needed to run the exported script");
    }

    record Run(int exit, String stderr, List<List<String>> calls) {
        /** Calls whose leading words are {@code words}. */
        List<List<String>> calls(String... words) {
            return calls.stream().filter(c -> c.size() >= words.length && c.subList(0, words.length).equals(Arrays.asList(words))).toList();
        }
    }

    /** The value of {@code option} in one call: "--opt value" or "--opt=value"; several values for list options. */
    static List<String> values(List<String> call, String option) {
        for (int i = 0; i < call.size(); i++) {
            if (call.get(i).startsWith(option + "=")) return List.of(call.get(i).substring(option.length() + 1));
            if (call.get(i).equals(option)) {
                List<String> v = new ArrayList<>();
                for (int j = i + 1; j < call.size() && !call.get(j).startsWith("--"); j++) v.add(call.get(j));
                return v;
            }
        }
        return List.of();
    }

    static String value(List<String> call, String option) {
        List<String> v = values(call, option);
        assertThat(v).as("%s in %s", option, call).hasSize(1);
        return v.get(0);
    }

    static Run run(Path dir, String script, Map<String, String> env, boolean exists) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path az = bin.resolve("az");
        // show fails (nothing exists yet) unless AZ_EXISTS is set, so both branches of the script can be driven
        Files.writeString(az, "#!/bin/bash\nprintf '%s\\0' \"$@\" '" + END + "' >> \"$AZ_LOG\"\n"
                + "if [[ \"$3\" == show && -z \"${AZ_EXISTS:-}\" ]]; then exit 3; fi\nexit 0\n");
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("nsg-and-routes.sh");
        Files.writeString(file, script);
        Path log = dir.resolve("az.log");
        Files.deleteIfExists(log);
        Files.createFile(log);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(dir.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("AZ_LOG", log.toString());
        pb.environment().remove("RESOURCE_GROUP");
        pb.environment().remove("LOCATION");
        if (exists) pb.environment().put("AZ_EXISTS", "1");
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<List<String>> calls = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String a : Files.readString(log).split("\0", -1)) {
            if (a.equals(END)) { calls.add(current); current = new ArrayList<>(); }
            else if (!a.isEmpty() || !current.isEmpty()) current.add(a);
        }
        return new Run(p.exitValue(), err, calls);
    }

    /** Each NSG, rule, route table, route and association of {@code d} reached az, value by value. */
    static void assertCallsMatch(Design d, Run run, String rg) {
        for (List<String> c : run.calls) assertThat(value(c, "--resource-group")).isEqualTo(rg);
        for (SecurityGroup g : d.securityGroups()) {
            assertThat(run.calls("network", "nsg", "create")).anySatisfy(c -> assertThat(value(c, "--name")).isEqualTo(g.name()));
            List<List<String>> rules = run.calls("network", "nsg", "rule", "create").stream()
                    .filter(c -> value(c, "--nsg-name").equals(g.name())).toList();
            assertThat(rules).hasSameSizeAs(g.rules());
            for (int i = 0; i < rules.size(); i++) {
                List<String> c = rules.get(i);
                SecurityRule r = g.rules().get(i);
                assertThat(value(c, "--name")).isEqualTo(r.name());
                assertThat(value(c, "--priority")).isEqualTo(r.priority().toString());
                assertThat(value(c, "--direction")).isEqualTo(r.direction().azure());
                assertThat(value(c, "--access")).isEqualTo(r.access().azure());
                assertThat(value(c, "--protocol")).isEqualTo(r.protocol());
                assertThat(values(c, "--source-address-prefixes")).isEqualTo(r.sourcePrefixes());
                assertThat(values(c, "--destination-address-prefixes")).isEqualTo(r.destinationPrefixes());
                assertThat(values(c, "--source-port-ranges")).isEqualTo(r.sourcePorts());
                assertThat(values(c, "--destination-port-ranges")).isEqualTo(r.destinationPorts());
                assertThat(values(c, "--source-asgs")).isEqualTo(r.sourceApplicationSecurityGroups());
                if (r.description() != null) assertThat(value(c, "--description")).isEqualTo(r.description());
            }
        }
        for (RouteTable t : d.routeTables()) {
            assertThat(run.calls("network", "route-table", "create")).anySatisfy(c -> {
                assertThat(value(c, "--name")).isEqualTo(t.name());
                assertThat(value(c, "--disable-bgp-route-propagation")).isEqualTo(String.valueOf(t.disableBgpRoutePropagation()));
            });
            List<List<String>> routes = run.calls("network", "route-table", "route", "create").stream()
                    .filter(c -> value(c, "--route-table-name").equals(t.name())).toList();
            assertThat(routes).hasSameSizeAs(t.routes());
            for (int i = 0; i < routes.size(); i++) {
                Route r = t.routes().get(i);
                assertThat(value(routes.get(i), "--name")).isEqualTo(r.name());
                assertThat(value(routes.get(i), "--address-prefix")).isEqualTo(r.addressPrefix());
                assertThat(value(routes.get(i), "--next-hop-type")).isEqualTo(r.nextHopType());
                assertThat(values(routes.get(i), "--next-hop-ip-address"))
                        .isEqualTo(r.nextHopIpAddress() == null ? List.of() : List.of(r.nextHopIpAddress()));
            }
        }
        List<ExportScope.Association> as = ExportScope.of(d).associations();
        List<List<String>> updates = run.calls("network", "vnet", "subnet", "update");
        assertThat(updates).hasSameSizeAs(as);
        for (int i = 0; i < as.size(); i++) {
            assertThat(value(updates.get(i), "--vnet-name")).isEqualTo(as.get(i).vnet().name());
            assertThat(value(updates.get(i), "--name")).isEqualTo(as.get(i).subnet().name());
            assertThat(values(updates.get(i), "--network-security-group"))
                    .isEqualTo(as.get(i).nsg() == null ? List.of() : List.of(as.get(i).nsg().name()));
            assertThat(values(updates.get(i), "--route-table"))
                    .isEqualTo(as.get(i).routeTable() == null ? List.of() : List.of(as.get(i).routeTable().name()));
        }
    }

    @Test
    void hostileTextArrivesAsSingleIntactArgumentsAndNothingRuns(@TempDir Path dir) throws Exception {
        Design d = Designs.hostile();
        String script = new AzCliExporter().export(d);
        String rg = "rg $(touch pwned-rg) `touch pwned-rg2`; '\"";
        Run run = run(dir, script, Map.of("RESOURCE_GROUP", rg), false);
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertCallsMatch(d, run, rg);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("pwned") || n.equals("out"));
        }
        assertThat(run.calls("network", "nsg", "create")).allSatisfy(c -> assertThat(value(c, "--location")).isEqualTo("westeurope"));
    }

    @Test
    void hostileTextCannotChangeTheScriptsStructure() {
        Literals hostile = Literals.bash(new AzCliExporter().export(Designs.hostile()));
        Literals plain = Literals.bash(new AzCliExporter().export(Designs.plain()));
        // "--name=<value>" (for a value starting with '-') is the one legitimate difference
        assertThat(hostile.skeleton.replaceAll("(--[a-z-]+)=<>", "$1 <>").lines()).containsExactlyElementsOf(plain.skeleton.lines().toList());
        assertThat(hostile.values).containsAll(Designs.HOSTILE.subList(0, 12));
    }

    @Test
    void referenceNetworkScriptIsStrictAndRerunnable(@TempDir Path dir) throws Exception {
        Design d = Designs.reference();
        String script = new AzCliExporter().export(d);
        assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n");
        Run fresh = run(dir, script, Map.of("RESOURCE_GROUP", "rg-mi", "LOCATION", "northeurope"), false);
        assertThat(fresh.exit()).as(fresh.stderr()).isZero();
        assertCallsMatch(d, fresh, "rg-mi");
        assertThat(fresh.calls("network", "nsg", "create")).allSatisfy(c -> assertThat(value(c, "--location")).isEqualTo("northeurope"));
        // second run: everything exists, so nothing is created again and the route table is updated in place
        Run again = run(dir, script, Map.of("RESOURCE_GROUP", "rg-mi"), true);
        assertThat(again.exit()).isZero();
        assertThat(again.calls("network", "nsg", "create")).isEmpty();
        assertThat(again.calls("network", "route-table", "create")).isEmpty();
        assertThat(again.calls("network", "route-table", "update")).hasSize(1);
        assertThat(again.calls("network", "nsg", "rule", "create")).hasSize(9);
        assertThat(again.calls("network", "route-table", "route", "create")).hasSize(100);
    }

    @Test
    void withoutResourceGroupTheScriptStopsBeforeCallingAz(@TempDir Path dir) throws Exception {
        Run run = run(dir, new AzCliExporter().export(Designs.plain()), Map.of(), false);
        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).contains("RESOURCE_GROUP");
        assertThat(run.calls).isEmpty();
    }

    @Test
    void emptyDesignAndDesignWithoutRouteTable(@TempDir Path dir) throws Exception {
        Run empty = run(dir, new AzCliExporter().export(Designs.empty()), Map.of("RESOURCE_GROUP", "rg"), false);
        assertThat(empty.exit()).isZero();
        // no region in the design: the resource group's is asked for, nothing else
        assertThat(empty.calls).singleElement().satisfies(c -> assertThat(c.subList(0, 2)).containsExactly("group", "show"));
        Design noRt = Designs.withoutRouteTable(Designs.plain());
        Run run = run(dir, new AzCliExporter().export(noRt), Map.of("RESOURCE_GROUP", "rg"), false);
        assertThat(run.exit()).isZero();
        assertCallsMatch(noRt, run, "rg");
        assertThat(run.calls("network", "route-table")).isEmpty();
    }

    @Test
    void aNulCannotBeCarriedAndIsRefused() {
        Design d = Designs.shaped(role -> role.equals("desc1") ? "a\0b" : role);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AzCliExporter().export(d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    /** Real bash, not the reference tokenizer: random words with every ASCII character and some Unicode come back byte for byte. */
    @Test
    void bashReadsQuotedWordsBackExactly(@TempDir Path dir) throws Exception {
        java.util.Random random = new java.util.Random(42);
        String pool = "'\"\\$`!;&|<>(){}[]*?~#%=@^ \t\n\r\u2018\u2019\u2028\u00e9abc-";
        List<String> words = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            StringBuilder w = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                if (random.nextInt(10) == 0) w.append("\ud83d\ude00"); // a character outside the BMP
                else if (random.nextInt(3) == 0) w.append((char) (1 + random.nextInt(127)));
                else w.append(pool.charAt(random.nextInt(pool.length())));
            }
            words.add(w.toString());
        }
        StringBuilder script = new StringBuilder();
        for (String w : words) script.append("printf '%s\\0' ").append(AzCliExporter.quote(w)).append('\n');
        Path f = dir.resolve("words.sh");
        Files.writeString(f, script);
        Process p = new ProcessBuilder("bash", f.toString()).directory(dir.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<String> back = Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\0", -1));
        assertThat(back.subList(0, back.size() - 1)).containsExactlyElementsOf(words);
    }

    /** The quoting law: bash reads back exactly the string that was quoted (reference tokenizer). */
    @Property(tries = 300)
    void quotedWordReadsBackAsItself(@ForAll String s) {
        org.junit.jupiter.api.Assumptions.assumeTrue(s.indexOf('\0') < 0);
        Literals l = Literals.bash("x " + AzCliExporter.quote(s) + " y");
        assertThat(l.values).containsExactly(s);
        assertThat(l.skeleton).isEqualTo("x <> y");
    }
}
