package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.Excerpt;
import minet.model.Route;
import minet.model.SecurityRule;
import minet.model.Unknowns;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value of any length reaches findings shortened: a 50 MB name is not copied into every message. */
class LongValuesTest {
    static final Design REF = Fixtures.reference();
    static final int N = Excerpt.MAX_VALUE;

    /** Where a value can stand in a design, each a place some finding quotes. */
    static final List<BiFunction<Design, String, Design>> PLACES = List.of(
            (d, v) -> d.mapSecurityGroup("nsg-mi", g -> g.withName(v)),
            (d, v) -> d.mapSubnet(Fixtures.MI_SUBNET, s -> s.withName(v)),
            (d, v) -> d.mapVirtualNetwork("vnet-mi", n -> n.withName(v)),
            (d, v) -> d.mapRouteTable("rt-mi", t -> t.withName(v)),
            (d, v) -> d.mapManagedInstance("sqlmi-ref", m -> m.withName(v)),
            (d, v) -> d.mapManagedInstance("sqlmi-ref", m -> m.withSubnetId(v)),
            (d, v) -> d.mapSubnet("vnet-mi/AppSubnet", s -> s.withNsgId(v)),
            (d, v) -> d.mapSubnet(Fixtures.MI_SUBNET, s -> s.withServiceEndpoints(List.of(v))),
            (d, v) -> d.mapSubnet(Fixtures.MI_SUBNET, s -> s.withAddressPrefixes(List.of(v))),
            (d, v) -> d.mapVirtualNetwork("vnet-mi", n -> n.withDnsServers(List.of(v))),
            (d, v) -> d.mapRouteTable("rt-mi", t -> t.withRoutes(plus(t.routes(), Route.of(v, v, v)))),
            (d, v) -> Fixtures.rules(d, rs -> {
                SecurityRule r = rs.get(0);
                rs.set(0, new SecurityRule(v, v, r.priority(), r.direction(), r.access(), v, v, List.of(), v, List.of(), v, List.of(), v,
                        List.of(), List.of(), List.of(), null));
                return rs;
            }));

    @Provide
    Arbitrary<String> longValues() {
        // names, IDs and prefixes have no blanks; letters beyond ASCII and pairs of surrogates included. A value not
        // known offline ({…}) is "cannot tell", which no finding quotes.
        return Arbitraries.strings().withCharRange('!', '~').withChars("éß漢\uD83D\uDE00").ofMinLength(N + 1).ofMaxLength(3_000)
                .filter(v -> !Unknowns.has(v));
    }

    @Property(tries = 60)
    void noValueLongerThanNCharactersReachesAFinding(@ForAll("longValues") String value, @ForAll("places") int place) {
        Design d = PLACES.get(place).apply(REF, value);
        Set<String> windows = new HashSet<>();
        for (int i = 0; i + N + 1 <= value.length(); i++) windows.add(value.substring(i, i + N + 1));
        List<Finding> findings = Validator.validate(d, "azure-2019-04").findings();
        assertThat(findings).isNotEmpty();
        for (Finding f : findings) {
            List<String> texts = new ArrayList<>(List.of(f.message(), f.resource() == null ? "" : f.resource()));
            strings(f.details(), texts);
            for (String t : texts) {
                for (int i = 0; i + N + 1 <= t.length(); i++) {
                    assertThat(windows.contains(t.substring(i, i + N + 1))).as("%s quotes more than %d characters of the value: %s", f.ruleId(), N, t).isFalse();
                }
                assertThat(t.length()).isLessThanOrEqualTo(Excerpt.MAX_MESSAGE + 200);
            }
        }
    }

    @Property(tries = 30)
    void noMessageOutgrowsItsLimitWhateverTheValueHolds(@ForAll("places") int place) {
        String spaced = "word ".repeat(2_000); // a value with blanks is cut as a whole message
        for (Finding f : Validator.validate(PLACES.get(place).apply(REF, spaced), "azure-2019-04").findings()) {
            assertThat(f.message().length()).isLessThanOrEqualTo(Excerpt.MAX_MESSAGE + 100);
            List<String> texts = new ArrayList<>();
            strings(f.details(), texts);
            assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(N));
        }
    }

    @Test
    void theLongestIdAzureMakesIsQuotedWholeForTheFixesToFindItsElement() {
        String id = "/subscriptions/" + "0".repeat(36) + "/resourceGroups/" + "g".repeat(90) + "/providers/Microsoft.Network/virtualNetworks/"
                + "v".repeat(64) + "/subnets/" + "s".repeat(80);
        Design d = REF.mapManagedInstance("sqlmi-ref", m -> m.withSubnetId(id));
        Finding f = Validator.validate(d, "azure-2019-04").findings().stream().filter(x -> x.ruleId().equals(Catalog.NET_REFERENCE)).findFirst().orElseThrow();
        assertThat(f.details().get("subnetId")).isEqualTo(id);
        assertThat(f.message()).contains(id);
    }

    @Provide
    Arbitrary<Integer> places() {
        return Arbitraries.integers().between(0, PLACES.size() - 1);
    }

    @Test
    void aSixtyMegabyteInputIsValidatedInWellUnderAGigabyteOfHeap(@TempDir Path dir) throws Exception {
        String huge = "n".repeat(60 << 20);
        Path f = dir.resolve("huge.minet.json");
        DesignFile.write(f, REF.mapSecurityGroup("nsg-mi", g -> g.withName(huge)));
        assertThat(Files.size(f)).isGreaterThan(60L << 20).isLessThanOrEqualTo(64L << 20);
        Path out = dir.resolve("out.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
                "-cp", System.getProperty("java.class.path"), "minet.Launcher", "validate", f.toString(), "--format", "json")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit status (1: errors found; anything else: it did not get through)").isEqualTo(1);
        assertThat(Files.size(out)).isLessThan(64 << 10);
        assertThat(Files.readString(out)).contains("NET-NAME").contains("…(+");
    }

    @SuppressWarnings("unchecked")
    private static void strings(Object v, List<String> out) {
        if (v instanceof String s) out.add(s);
        else if (v instanceof List<?> l) l.forEach(x -> strings(x, out));
        else if (v instanceof Map<?, ?> m) m.values().forEach(x -> strings(x, out));
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
