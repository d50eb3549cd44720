package minet.io.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import minet.io.ImportOptions;
import minet.io.ImportOptions.TerraformVar;
import minet.io.export.TerraformExporter;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Lists;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law: {@code export --to terraform} of an imported module, read back by the HCL importer, gives the same rules
 * and routes; also after the rules and routes were changed, with names and descriptions that HCL's string syntax
 * must carry ({@code ${}, %{}, quotes, backslashes, line breaks …}).
 */
class HclRoundTripTest {
    private static final Design BASE = base();
    private static final List<String> HOSTILE = List.of("it's", "say \"hi\"", "${var.x}", "%{ if true }", "$${x}", "back\\slash",
            "ünïcødé-名前", "new\nline", "tab\there", "{curly}", "[brackets]", "  spaced  ", "#hash", "// not a comment", "<<EOT", "50%", "cost$", "a$b%c");

    private static Design base() {
        try {
            return HclImporter.load(List.of(HclImporterTest.SQLMI),
                    new ImportOptions(null, Map.of(), List.of(TerraformVar.assign("admin_password", "x"))), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide Arbitrary<Design> designs() {
        Arbitrary<Integer> i = Arbitraries.integers().between(0, 100);
        Arbitrary<String> hostile = Arbitraries.of(HOSTILE);
        Arbitrary<UnaryOperator<Design>> m = Arbitraries.oneOf(
                Combinators.combine(i, hostile).as((k, h) -> d -> rule(d, k, r -> r.withName(h + "_" + k))),
                Combinators.combine(i, hostile).as((k, h) -> d -> rule(d, k, r -> r.withDescription(h))),
                Combinators.combine(i, Arbitraries.integers().between(100, 4096)).as((k, p) -> d -> rule(d, k, r -> r.withPriority(p))),
                i.map(k -> d -> rule(d, k, r -> r.withAccess(r.access() == Access.ALLOW ? Access.DENY : Access.ALLOW))),
                Combinators.combine(i, Arbitraries.of(List.of("*"), List.of("443"), List.of("80", "443", "12000"), List.of("11000-11999")))
                        .as((k, p) -> d -> rule(d, k, r -> r.withDestinationPorts(p))),
                Combinators.combine(i, Arbitraries.of("Internet", "10.0.0.0/24", "AzureCloud", "Storage.westeurope"))
                        .as((k, a) -> d -> rule(d, k, r -> r.withSourcePrefixes(List.of(a)))),
                Combinators.combine(hostile, Arbitraries.integers().between(100, 4096)).as((h, p) -> d -> d.mapSecurityGroup(
                        d.securityGroups().get(0).id(), g -> g.withRules(Lists.plus(g.rules(), SecurityRule.of(h + "_new" + p, p,
                                Direction.INBOUND, Access.DENY, "Udp", List.of("*"), List.of("*"), List.of("*"), List.of("53")))))),
                Combinators.combine(i, hostile).as((k, h) -> d -> route(d, k, r -> new Route(h + "_" + k, r.addressPrefix(),
                        r.nextHopType(), r.nextHopIpAddress(), r.source()))),
                i.map(k -> d -> route(d, k, r -> new Route(r.name(), "52." + k + ".0.0/16", Route.VIRTUAL_APPLIANCE, "10.20.1.4", r.source()))));
        return m.list().ofMaxSize(5).map(ms -> {
            Design d = BASE;
            for (UnaryOperator<Design> x : ms) d = x.apply(d);
            return d;
        });
    }

    private static Design rule(Design d, int k, UnaryOperator<SecurityRule> f) {
        SecurityGroup g = d.securityGroups().get(0);
        int i = k % g.rules().size();
        List<SecurityRule> rules = new ArrayList<>(g.rules());
        rules.set(i, f.apply(rules.get(i)));
        return d.mapSecurityGroup(g.id(), x -> x.withRules(rules));
    }

    private static Design route(Design d, int k, UnaryOperator<Route> f) {
        RouteTable t = d.routeTables().get(0);
        int i = k % t.routes().size();
        List<Route> routes = new ArrayList<>(t.routes());
        routes.set(i, f.apply(routes.get(i)));
        return d.mapRouteTable(t.id(), x -> x.withRoutes(routes));
    }

    @Property(tries = 60)
    void exportToTerraformThenReadingTheModuleKeepsEveryRuleAndRoute(@ForAll("designs") Design d) throws Exception {
        Path dir = Files.createTempDirectory("hcl-roundtrip");
        Files.writeString(dir.resolve("nsg-and-routes.tf"), new TerraformExporter().export(d));
        Design back = HclImporter.load(List.of(dir), new ImportOptions(null, Map.of(),
                List.of(TerraformVar.assign("resource_group_name", "rg-sqlmi"))), Map.of());
        assertThat(fingerprint(back)).isEqualTo(fingerprint(d));
    }

    static Map<String, Object> fingerprint(Design d) {
        Map<String, Object> m = new TreeMap<>();
        for (SecurityGroup g : d.securityGroups()) {
            Map<String, List<Object>> rules = new TreeMap<>();
            for (SecurityRule r : g.rules()) {
                rules.put(r.name(), List.of(String.valueOf(r.priority()), r.direction(), r.access(), r.protocol(), r.sourcePrefixes(),
                        r.sourcePorts(), r.destinationPrefixes(), r.destinationPorts(), String.valueOf(r.description())));
            }
            m.put("nsg " + g.name(), rules);
        }
        for (RouteTable t : d.routeTables()) {
            m.put("rt " + t.name(), t.routes().stream().map(r -> List.of(r.name(), String.valueOf(r.addressPrefix()),
                    String.valueOf(r.nextHopType()), String.valueOf(r.nextHopIpAddress()))).toList());
        }
        return m;
    }
}
