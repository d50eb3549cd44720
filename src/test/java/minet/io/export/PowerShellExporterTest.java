package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * PowerShell is not installable here (no powershell package in this machine's apt sources), so the script is
 * checked with a reference tokenizer for PowerShell's single-quoted strings: every value must decode back
 * exactly, and hostile text must leave the code around the literals unchanged.
 */
class PowerShellExporterTest {
    private static final Pattern PAIR = Pattern.compile("(\\w+) = (<>|@\\((?:<>(?:, <>)*)\\)|\\d+)");

    /** The splatted hashtables ($rule = @{…}, $route = @{…}) in order, each key → decoded value(s). */
    static List<Map<String, List<String>>> tables(String script, String variable) {
        Literals l = Literals.powershell(script);
        List<Map<String, List<String>>> out = new ArrayList<>();
        int next = 0;
        Map<String, List<String>> open = null;
        for (String line : l.skeleton.split("\n", -1)) {
            boolean starts = line.startsWith(variable + " = @{");
            if (starts) open = new LinkedHashMap<>();
            if (open != null) {
                Matcher m = PAIR.matcher(line);
                while (m.find()) {
                    List<String> vals = new ArrayList<>();
                    if (m.group(2).matches("\\d+")) vals.add(m.group(2));
                    else for (int k = 0; k < count(m.group(2)); k++) vals.add(l.values.get(next + k));
                    next += count(m.group(2));
                    open.put(m.group(1), vals);
                }
                if (line.endsWith("}")) { out.add(open); open = null; }
            } else {
                next += count(line);
            }
        }
        return out;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = s.indexOf("<>"); i >= 0; i = s.indexOf("<>", i + 2)) n++;
        return n;
    }

    static void assertSameRulesAndRoutes(Design d, String script) {
        List<Map<String, List<String>>> rules = tables(script, "$rule");
        List<SecurityRule> expected = d.securityGroups().stream().flatMap(g -> g.rules().stream()).toList();
        assertThat(rules).hasSameSizeAs(expected);
        for (int i = 0; i < rules.size(); i++) {
            Map<String, List<String>> r = rules.get(i);
            SecurityRule e = expected.get(i);
            assertThat(r.get("Name")).containsExactly(e.name());
            assertThat(r.get("Priority")).containsExactly(e.priority().toString());
            assertThat(r.get("Direction")).containsExactly(e.direction().azure());
            assertThat(r.get("Access")).containsExactly(e.access().azure());
            assertThat(r.get("Protocol")).containsExactly(e.protocol());
            assertThat(r.getOrDefault("Description", List.of())).isEqualTo(e.description() == null ? List.of() : List.of(e.description()));
            assertThat(r.getOrDefault("SourceAddressPrefix", List.of())).isEqualTo(e.sourcePrefixes());
            assertThat(r.getOrDefault("SourcePortRange", List.of())).isEqualTo(e.sourcePorts());
            assertThat(r.getOrDefault("DestinationAddressPrefix", List.of())).isEqualTo(e.destinationPrefixes());
            assertThat(r.getOrDefault("DestinationPortRange", List.of())).isEqualTo(e.destinationPorts());
            assertThat(r.getOrDefault("SourceApplicationSecurityGroupId", List.of())).isEqualTo(e.sourceApplicationSecurityGroups());
        }
        List<Map<String, List<String>>> routes = tables(script, "$route");
        List<Route> expectedRoutes = d.routeTables().stream().flatMap(t -> t.routes().stream()).toList();
        assertThat(routes).hasSameSizeAs(expectedRoutes);
        for (int i = 0; i < routes.size(); i++) {
            Route e = expectedRoutes.get(i);
            assertThat(routes.get(i).get("Name")).containsExactly(e.name());
            assertThat(routes.get(i).get("AddressPrefix")).containsExactly(e.addressPrefix());
            assertThat(routes.get(i).get("NextHopType")).containsExactly(e.nextHopType());
            assertThat(routes.get(i).getOrDefault("NextHopIpAddress", List.of()))
                    .isEqualTo(e.nextHopIpAddress() == null ? List.of() : List.of(e.nextHopIpAddress()));
        }
    }

    @Test
    void referenceNetworkScriptIsIdempotentAndCarriesEveryRuleAndRoute() {
        Design d = Designs.reference();
        String s = new PowerShellExporter().export(d);
        assertSameRulesAndRoutes(d, s);
        assertThat(s).contains("$ErrorActionPreference = 'Stop'");
        assertThat(s).contains("Get-AzNetworkSecurityGroup -ResourceGroupName $ResourceGroupName -Name 'nsg-mi' -ErrorAction SilentlyContinue");
        assertThat(s).contains("if (-not $nsg1) { $nsg1 = New-AzNetworkSecurityGroup");
        assertThat(s).contains("Get-AzRouteTable -ResourceGroupName $ResourceGroupName -Name 'rt-mi' -ErrorAction SilentlyContinue");
        // each table is written back once, after all its rules or routes
        assertThat(s.split("Set-AzNetworkSecurityGroup ", -1)).hasSize(2);
        assertThat(s.split("Set-AzRouteTable ", -1)).hasSize(2);
        assertThat(s.indexOf("Set-AzNetworkSecurityGroup ")).isGreaterThan(s.lastIndexOf("Add-AzNetworkSecurityRuleConfig"));
        assertThat(s).contains("Set-AzVirtualNetworkSubnetConfig @config", "$config.NetworkSecurityGroup = $nsg1", "$config.RouteTable = $rt1");
        // param() must be the script's first statement for PowerShell to accept it
        String firstCode = s.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        assertThat(firstCode).isEqualTo("param(");
    }

    @Test
    void hostileTextStaysInsideItsQuotes() {
        Design hostile = Designs.hostile();
        String s = new PowerShellExporter().export(hostile);
        assertSameRulesAndRoutes(hostile, s);
        assertThat(Literals.powershell(s).skeleton).isEqualTo(Literals.powershell(new PowerShellExporter().export(Designs.plain())).skeleton);
        assertThat(Literals.powershell(s).values).containsAll(Designs.HOSTILE);
    }

    @Test
    void typographicQuotesAreDoubledToo() {
        assertThat(PowerShellExporter.quote("it's")).isEqualTo("'it''s'");
        assertThat(PowerShellExporter.quote("a\u2019b")).isEqualTo("'a\u2019\u2019b'");
        assertThat(PowerShellExporter.quote("$(x) `n \"y\"")).isEqualTo("'$(x) `n \"y\"'");
    }

    @Test
    void emptyDesignAndDesignWithoutRouteTable() {
        String empty = new PowerShellExporter().export(Designs.empty());
        assertThat(empty).doesNotContain("Get-AzNetworkSecurityGroup", "Get-AzRouteTable", "Set-AzVirtualNetwork");
        assertThat(empty).contains("(Get-AzResourceGroup -Name $ResourceGroupName).Location");
        Design noRt = Designs.withoutRouteTable(Designs.plain());
        String s = new PowerShellExporter().export(noRt);
        assertSameRulesAndRoutes(noRt, s);
        assertThat(s).doesNotContain("Get-AzRouteTable").contains("$config.RouteTable = $subnet.RouteTable");
    }

    @Property(tries = 300)
    void quotedStringReadsBackAsItself(@ForAll String s) {
        org.junit.jupiter.api.Assumptions.assumeTrue(s.indexOf('\0') < 0);
        Literals l = Literals.powershell("x " + PowerShellExporter.quote(s) + " y");
        assertThat(l.values).containsExactly(s);
        assertThat(l.skeleton).isEqualTo("x <> y");
    }
}
