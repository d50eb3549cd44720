package minet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import minet.fix.Fixes;
import minet.io.DesignFile;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.io.export.ArmExporter;
import minet.io.export.ExportScope;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.Finding;
import minet.rules.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws over designs made by mutating the reference network, the broken samples and the four real-world templates:
 * rules and routes dropped or altered, associations removed, names with characters that JSON, ARM expressions and
 * shells treat specially. ARM export then import keeps every rule, route and association; a design file saves and
 * loads to the same design; Fix all is idempotent and leaves nothing a fix could still change.
 */
class RoundTripLawsTest {
    private static final List<Design> BASES = bases();

    /** Characters that quoting, escaping or ARM's "[…]" expression syntax must survive ('/' is refused by Azure in names). */
    private static final List<String> HOSTILE = List.of("it's", "say \"hi\"", "[brackets]", "[[double]]", "back\\slash",
            "ünïcødé-名前", "emoji😀", "{curly}", "$(rm -rf)", "%TEMP%", "tab\there", "new\nline", "<b>&amp;<\\b>", "a,b;c",
            "[concat('x')]", "  spaced  ", "`tick`", "#hash");
    private static final List<String> ADDRESSES = List.of("*", "Internet", "VirtualNetwork", "AzureLoadBalancer", "AzureCloud",
            "SqlManagement", "10.0.0.0/24", "192.168.0.0/16", "0.0.0.0/0", "52.1.2.3");
    private static final List<List<String>> PORTS = List.of(List.of("*"), List.of("9000", "9003", "1438", "1440", "1452"),
            List.of("443"), List.of("80", "443", "12000"), List.of("1433"), List.of("11000-11999"), List.of("5022"), List.of("445"));
    private static final List<String> ROUTE_PREFIXES = List.of("0.0.0.0/0", "52.1.0.0/16", "20.0.0.0/8", "10.0.0.0/24", "192.168.0.0/16");

    private static List<Design> bases() {
        List<Design> out = new ArrayList<>();
        try {
            out.add(DesignFile.read(Path.of("sample-networks/reference.minet.json")));
            try (Stream<Path> broken = Files.list(Path.of("sample-networks/broken"))) {
                for (Path p : broken.filter(p -> p.toString().endsWith(".minet.json")).sorted().toList()) out.add(DesignFile.read(p));
            }
            Path rw = RealWorld.DIR;
            for (String t : List.of("quickstart-101-sqlmi-new-vnet-2019.json", "quickstart-sqlmi-new-vnet-service-aided.json",
                    "quickstart-sql-managed-instance-azure-environment.json")) {
                out.add(Importer.load(List.of(rw.resolve(t)), ImportOptions.NONE));
            }
            out.add(Importer.load(List.of(rw.resolve("quickstart-demo-mi-nested-vnet.json")),
                    new ImportOptions(rw.resolve("quickstart-demo-mi-nested-vnet.parameters.json"), Map.of())));
        } catch (IOException | InputException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Provide
    Arbitrary<Design> designs() {
        return Combinators.combine(Arbitraries.of(BASES), mutation().list().ofMaxSize(6)).as((base, ms) -> {
            Design d = base;
            for (UnaryOperator<Design> m : ms) d = m.apply(d);
            return d;
        });
    }

    private Arbitrary<UnaryOperator<Design>> mutation() {
        Arbitrary<Integer> i = Arbitraries.integers().between(0, 200);
        Arbitrary<String> hostile = Arbitraries.of(HOSTILE);
        Arbitrary<String> address = Arbitraries.of(ADDRESSES);
        return Arbitraries.oneOf(
                i.map(k -> d -> onRule(d, k, r -> null)),
                Combinators.combine(i, Arbitraries.integers().between(100, 4096)).as((k, p) -> d -> onRule(d, k, r -> r.withPriority(p))),
                i.map(k -> d -> onRule(d, k, r -> r.withAccess(r.access() == Access.ALLOW ? Access.DENY : Access.ALLOW))),
                Combinators.combine(i, address).as((k, a) -> d -> onRule(d, k, r -> r.withSourcePrefixes(List.of(a)))),
                Combinators.combine(i, Arbitraries.of(PORTS)).as((k, p) -> d -> onRule(d, k, r -> r.withDestinationPorts(p))),
                // A unique suffix: Azure refuses two rules of one name, and ARM import would merge them.
                Combinators.combine(i, hostile).as((k, h) -> d -> onRule(d, k, r -> r.withName(h + "_" + k))),
                Combinators.combine(i, hostile).as((k, h) -> d -> onRule(d, k, r -> r.withDescription(h))),
                Combinators.combine(i, hostile, Arbitraries.integers().between(100, 4096), Arbitraries.of(Direction.values()), address)
                        .as((k, h, p, dir, a) -> d -> onGroup(d, k, g -> g.withRules(plus(g.rules(),
                                SecurityRule.of(h + "_new" + p, p, dir, Access.DENY, "Tcp", List.of(a), List.of("*"), List.of("*"), List.of("1433")))))),
                Combinators.combine(i, hostile).as((k, h) -> d -> onGroup(d, k, g -> g.withName(h + "_nsg" + k))),
                i.map(k -> d -> onTable(d, k, t -> t.withRoutes(dropAt(t.routes(), k)))),
                i.map(k -> d -> onTable(d, k, t -> t.withRoutes(dropAt(t.routes(), 0)))),
                Combinators.combine(i, Arbitraries.of(ROUTE_PREFIXES), Arbitraries.of(Route.INTERNET, Route.VIRTUAL_APPLIANCE, Route.NONE))
                        .as((k, p, hop) -> d -> onTable(d, k, t -> t.withRoutes(plus(t.routes(), new Route("user-" + k + "-" + p.replace('/', '-'),
                                p, hop, hop.equals(Route.VIRTUAL_APPLIANCE) ? "10.0.2.4" : null, null))))),
                Combinators.combine(i, hostile).as((k, h) -> d -> onTable(d, k, t -> t.withName(h + "_rt" + k))),
                Combinators.combine(i, hostile).as((k, h) -> d -> onTable(d, k, t -> t.withRoutes(renameAt(t.routes(), k, h)))),
                i.map(k -> d -> onSubnet(d, k, s -> s.withNsgId(null))),
                i.map(k -> d -> onSubnet(d, k, s -> s.withRouteTableId(null))),
                Combinators.combine(i, hostile).as((k, h) -> d -> onSubnet(d, k, s -> s.withName(h + "_subnet" + k))));
    }

    // ---- the laws ----

    @Property(tries = 80)
    void armExportThenImportKeepsEveryRuleRouteAndAssociation(@ForAll("designs") Design d) {
        Assume.that(exportable(d));
        assertSameFingerprint(armRoundTrip(d), d);
    }

    @Property(tries = 40)
    void armImportOfAnExportIsAFixedPointOfExportThenImport(@ForAll("designs") Design d) {
        Assume.that(exportable(d));
        Design once = armRoundTrip(d);
        assertSameFingerprint(armRoundTrip(once), once);
    }

    /** The checks that read only NSGs, route tables and the subnet (not the instances, which an export does not carry). */
    private static final java.util.Set<String> NETWORK_RULES = java.util.Set.of("MI-NSG-IN-MANAGEMENT", "MI-NSG-IN-MANAGEMENT-SINGLE-RULE",
            "MI-NSG-IN-SUBNET", "MI-NSG-IN-HEALTH-PROBE", "MI-NSG-OUT-MANAGEMENT", "MI-NSG-OUT-MANAGEMENT-SINGLE-RULE",
            "MI-NSG-OUT-SUBNET", "MI-NSG-ORDER", "MI-UDR-VNETLOCAL", "MI-UDR-MANAGEMENT", "MI-UDR-CONFLICT", "MI-SUBNET-NSG",
            "MI-SUBNET-ROUTE-TABLE", "MI-SUBNET-SERVICE-ENDPOINTS", "NSG-PRIORITY", "NSG-SHADOWED", "UDR-NEXT-HOP");

    // Regression: VirtualNetwork once held only the VNet's address spaces, so an export that declares subnets but
    // not their VNet turned "allowed by AllowVnetInBound" (a warning) into "blocked" (an error) after import.

    @Property(tries = 60, maxDiscardRatio = 30) // most generated designs have no delegated MI subnet
    void theNetworkVerdictsOfADelegatedMiSubnetSurviveTheArmRoundTrip(@ForAll("designs") Design d) {
        // The export carries subnets through their associations: a subnet with neither an NSG nor a route table is
        // not part of it (and has nothing to lose), so the law is about MI subnets that have both.
        net.jqwik.api.Assume.that(!d.miSubnets().isEmpty() && d.miSubnets().stream().allMatch(s -> s.delegatedToMi()
                && s.nsgId() != null && d.securityGroup(s.nsgId()).isPresent()
                && s.routeTableId() != null && d.routeTable(s.routeTableId()).isPresent()));
        Design back = armRoundTrip(d);
        for (String p : minet.rules.Catalog.profiles()) assertThat(networkVerdicts(back, p)).as(p).isEqualTo(networkVerdicts(d, p));
    }

    /** The smallest case the law above found: the service-aided template without its deny_all_inbound. */
    @net.jqwik.api.Example
    void subnetTrafficAllowedOnlyByAllowVnetInBoundIsStillAWarningAfterTheArmRoundTrip() {
        Design d = BASES.stream().filter(x -> x.name().equals("quickstart-sqlmi-new-vnet-service-aided")).findFirst().orElseThrow();
        SecurityGroup g = d.securityGroups().get(0);
        Design open = d.mapSecurityGroup(g.id(), x -> x.withRules(x.rules().stream().filter(r -> !r.name().equals("deny_all_inbound")).toList()));
        // A 04/2019 verdict (in a service-aided era Azure writes mi-internal-in, so no warning there).
        assertThat(networkVerdicts(open, "azure-2019-04")).contains("WARNING MI-NSG-IN-SUBNET " + "networkSecurityGroups/" + g.name());
        for (String p : minet.rules.Catalog.profiles()) {
            assertThat(networkVerdicts(armRoundTrip(open), p)).as(p).isEqualTo(networkVerdicts(open, p));
        }
    }

    private static List<String> networkVerdicts(Design d) {
        return networkVerdicts(d, Validator.DEFAULT_PROFILE);
    }

    private static List<String> networkVerdicts(Design d, String profile) {
        return Validator.validate(d, profile).findings().stream().filter(f -> NETWORK_RULES.contains(f.ruleId()))
                .map(f -> f.severity() + " " + f.ruleId() + " " + f.resource()).sorted().toList();
    }

    @Property(tries = 80)
    void savingThenLoadingADesignFileGivesTheSameDesign(@ForAll("designs") Design d) throws Exception {
        Path f = Files.createTempFile("roundtrip", DesignFile.EXTENSION);
        try {
            DesignFile.write(f, d);
            assertThat(DesignFile.read(f)).isEqualTo(d);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Property(tries = 60)
    void fixingTwiceChangesNothing(@ForAll("designs") Design d) {
        Design once = Fixes.fixAll(d).apply(d);
        assertThat(Fixes.fixAll(once).apply(once)).isEqualTo(once);
        assertThat(Fixes.runAll(once).changes().isEmpty()).isTrue();
    }

    @Property(tries = 60)
    void aFixedDesignHasNoFixableErrorLeft(@ForAll("designs") Design d) {
        Design fixed = Fixes.fixAll(d).apply(d);
        assertThat(Fixes.available(fixed)).extracting(f -> f.ruleId() + " " + f.description()).isEmpty();
        for (Finding f : Validator.validate(fixed).findings()) {
            // NSG-SHADOWED deletions are the user's call, never part of Fix all.
            if (!Fixes.hasFix(f) || f.ruleId().equals("NSG-SHADOWED")) continue;
            Optional<Design> changed = Fixes.forFinding(fixed, f).map(x -> x.apply(fixed)).filter(x -> !x.equals(fixed));
            assertThat(changed).as("%s %s: a fix would still change the design", f.ruleId(), f.message()).isEmpty();
        }
    }

    // ---- helpers ----

    /** Names only the entries that differ: a whole design in a failure message hides the difference. */
    private static void assertSameFingerprint(Design actual, Design expected) {
        Map<String, Object> a = fingerprint(actual), e = fingerprint(expected);
        List<String> diff = new ArrayList<>();
        for (String k : new java.util.TreeSet<>(java.util.Set.copyOf(Stream.concat(a.keySet().stream(), e.keySet().stream()).toList()))) {
            if (!java.util.Objects.equals(a.get(k), e.get(k))) diff.add(k + "\n  expected " + e.get(k) + "\n  actual   " + a.get(k));
        }
        assertThat(diff).isEmpty();
    }

    /** A design with two NSGs of one name (sample duplicate-names) is refused by every export: it has no round trip. */
    private static boolean exportable(Design d) {
        try {
            minet.io.export.ExportScope.of(d);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Design armRoundTrip(Design d) {
        try {
            Path f = Files.createTempFile("roundtrip", ".json");
            try {
                Files.writeString(f, new ArmExporter().export(d));
                return Importer.load(List.of(f), ImportOptions.NONE);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            throw new AssertionError("the export of a design must import: " + e.getMessage(), e);
        }
    }

    /**
     * What an ARM export carries, by name: each NSG's rules (every field the exporter writes), each route table's
     * routes in order, and each association (subnet → its prefixes, delegations, endpoints, NSG and route table).
     */
    static Map<String, Object> fingerprint(Design d) {
        Map<String, Object> m = new TreeMap<>();
        for (SecurityGroup g : d.securityGroups()) {
            Map<String, List<Object>> rules = new TreeMap<>();
            for (SecurityRule r : g.rules()) {
                rules.put(r.name(), List.of(String.valueOf(r.priority()), r.direction(), r.access(), r.protocol(), r.sourcePrefixes(),
                        r.sourcePorts(), r.destinationPrefixes(), r.destinationPorts(), String.valueOf(r.description()),
                        r.sourceApplicationSecurityGroups(), r.destinationApplicationSecurityGroups()));
            }
            m.put("nsg " + g.name(), rules);
        }
        for (RouteTable t : d.routeTables()) {
            m.put("rt " + t.name(), List.of(t.disableBgpRoutePropagation(), t.routes().stream()
                    .map(r -> List.of(r.name(), r.addressPrefix(), r.nextHopType(), String.valueOf(r.nextHopIpAddress()))).toList()));
        }
        for (ExportScope.Association a : ExportScope.of(d).associations()) {
            Subnet s = a.subnet();
            m.put("subnet " + a.vnet().name() + "/" + s.name(), List.of(s.addressPrefixes(), s.delegations(), s.serviceEndpoints(),
                    a.nsg() == null ? "-" : a.nsg().name(), a.routeTable() == null ? "-" : a.routeTable().name()));
        }
        return m;
    }

    private static Design onGroup(Design d, int k, UnaryOperator<SecurityGroup> f) {
        if (d.securityGroups().isEmpty()) return d;
        return d.mapSecurityGroup(d.securityGroups().get(k % d.securityGroups().size()).id(), f);
    }

    private static Design onRule(Design d, int k, UnaryOperator<SecurityRule> f) {
        return onGroup(d, k, g -> {
            if (g.rules().isEmpty()) return g;
            List<SecurityRule> rules = new ArrayList<>(g.rules());
            int at = k % rules.size();
            SecurityRule r = f.apply(rules.get(at));
            if (r == null) rules.remove(at);
            else rules.set(at, r);
            return g.withRules(rules);
        });
    }

    private static Design onTable(Design d, int k, UnaryOperator<RouteTable> f) {
        if (d.routeTables().isEmpty()) return d;
        return d.mapRouteTable(d.routeTables().get(k % d.routeTables().size()).id(), f);
    }

    private static Design onSubnet(Design d, int k, UnaryOperator<Subnet> f) {
        List<Subnet> all = d.subnets().toList();
        if (all.isEmpty()) return d;
        return d.mapSubnet(all.get(k % all.size()).id(), f);
    }

    private static <T> List<T> plus(List<T> l, T x) {
        List<T> out = new ArrayList<>(l);
        out.add(x);
        return out;
    }

    private static <T> List<T> dropAt(List<T> l, int k) {
        if (l.isEmpty()) return l;
        List<T> out = new ArrayList<>(l);
        out.remove(k % l.size());
        return out;
    }

    private static List<Route> renameAt(List<Route> l, int k, String h) {
        if (l.isEmpty()) return l;
        List<Route> out = new ArrayList<>(l);
        int at = k % l.size();
        out.set(at, out.get(at).withName(h + "_route" + k));
        return out;
    }
}
