package minet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import minet.fix.FixRun;
import minet.fix.Fixes;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.io.InputException;
import minet.model.Design;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.Finding;
import minet.rules.Profiles;
import minet.rules.Report;
import minet.rules.Seed;
import minet.rules.Severity;
import minet.rules.Validator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The verdicts of profile azure-2019-04 on the four public quickstart templates in src/test/resources/real-world, each
 * worked out from the template and the seed (rules.md) before looking at what the engine says; then Fix all and
 * validate again.
 */
class RealWorldVerdictsTest {
    static final Path REAL_WORLD = RealWorld.DIR;
    /** These verdicts are the 04/2019 document's: pinned, whatever auto would pick. */
    static final String SEED = "azure-2019-04";
    static final Path T2019 = REAL_WORLD.resolve("quickstart-101-sqlmi-new-vnet-2019.json");
    static final Path NESTED = REAL_WORLD.resolve("quickstart-demo-mi-nested-vnet.json");
    static final Path NESTED_PARAMS = REAL_WORLD.resolve("quickstart-demo-mi-nested-vnet.parameters.json");
    static final Path SERVICE_AIDED = REAL_WORLD.resolve("quickstart-sqlmi-new-vnet-service-aided.json");
    static final Path AZURE_ENV = REAL_WORLD.resolve("quickstart-sql-managed-instance-azure-environment.json");

    /** The five NSG requirements and two route requirements a template without the seed's rules and routes breaks. */
    static final List<String> SEVEN_MANDATORY = List.of("MI-NSG-IN-HEALTH-PROBE", "MI-NSG-IN-MANAGEMENT", "MI-NSG-IN-SUBNET",
            "MI-NSG-OUT-MANAGEMENT", "MI-NSG-OUT-SUBNET", "MI-UDR-MANAGEMENT", "MI-UDR-VNETLOCAL");

    static Design load(Path template, Path params) {
        try {
            return Importer.load(List.of(template), new ImportOptions(params, Map.of()));
        } catch (InputException e) {
            throw new AssertionError("a real-world template must import: " + e.getMessage(), e);
        }
    }

    /** The findings of the connectivity rules (import notes such as IMPORT-PARAMETER left out), rule ID → severity. */
    static Map<String, Severity> verdicts(Report r) {
        Map<String, Severity> m = new TreeMap<>();
        for (Finding f : r.findings()) {
            // PROFILE-CHOICE: a delegated template judged by 04/2019 says so (RealWorldProfilesTest checks it).
            if (f.ruleId().startsWith("IMPORT-") || f.ruleId().equals("PROFILE-CHOICE")) continue;
            Severity before = m.put(f.ruleId(), f.severity());
            assertThat(before).as("one finding per rule on a single-MI-subnet template: %s", f.ruleId()).isNull();
        }
        return m;
    }

    static Finding only(Report r, String ruleId) {
        List<Finding> l = r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(l).as(ruleId).hasSize(1);
        return l.get(0);
    }

    static SecurityGroup nsg(Design d, String name) {
        return d.securityGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    static RouteTable routeTable(Design d, String name) {
        return d.routeTables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static SecurityRule rule(SecurityGroup g, String name) {
        return g.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** After Fix all: nothing a fix could change is left, and neither are errors or warnings (all four are fixable). */
    static FixRun fixAllAndCheck(Design d) {
        return fixAllAndCheck(d, Map.of());
    }

    /** As above, with what is expected to remain (a warning a fix offers only on request). */
    static FixRun fixAllAndCheck(Design d, Map<String, Severity> left) {
        FixRun run = Fixes.runAll(d, Profiles.seed());
        assertThat(run.notDone()).as("what Fix all could not do").isEmpty();
        Report after = Validator.validate(run.after(), SEED);
        assertThat(verdicts(after)).as("findings after Fix all").isEqualTo(left);
        assertThat(Fixes.available(run.after(), Profiles.seed())).as("fixes still available").isEmpty();
        assertThat(Fixes.runAll(run.after(), Profiles.seed()).changed()).as("Fix all a second time").isFalse();
        return run;
    }

    static List<String> routePrefixes(RouteTable t) {
        return t.routes().stream().map(Route::addressPrefix).toList();
    }

    @Nested
    class Template2019 {
        final Design d = load(T2019, null);
        final Report r = Validator.validate(d, SEED);

        @Test
        void theSubnetIsAnMiSubnetBecauseTheManagedInstancePointsAtIt_notByDelegation() {
            assertThat(d.miSubnets()).extracting(Subnet::name, Subnet::prefix).containsExactly(tuple("ManagedInstance", "10.0.0.0/24"));
            assertThat(d.miSubnets().get(0).delegatedToMi()).isFalse();
        }

        @Test
        void template2019_hasTheFiveMandatoryRulesAndAllRoutes_soNoErrors() {
            // Rules 100/200/300 inbound and 100/200 outbound are the seed's, before deny_all_* at 4096, with
            // destination '*' (⊇ MI SUBNET); the route table holds subnet-to-vnetlocal and the seed's 99 prefixes.
            assertThat(r.errors()).isZero();
            assertThat(routeTable(d, "SQLMI-{managedInstanceName}-Route-Table").routes()).hasSize(100);
            assertThat(routePrefixes(routeTable(d, "SQLMI-{managedInstanceName}-Route-Table"))).containsAll(Seed.managementPrefixes());
        }

        @Test
        void template2019_allowsOnly1433FromTheVnet_soRedirectPortsAreBlockedByDenyAllInbound_aDataWarning() {
            // The default connection type inside the VNet is redirect (11000-11999); allow_tds_inbound opens only
            // 1433 and deny_all_inbound (4096) blocks the rest of VirtualNetwork except the MI subnet itself.
            assertThat(verdicts(r)).isEqualTo(Map.of("MI-NSG-DATA", Severity.WARNING));
            Finding f = only(r, "MI-NSG-DATA");
            assertThat(f.details()).containsEntry("blockedPorts", List.of("11000-11999"))
                    .containsEntry("denyingRule", "deny_all_inbound").containsEntry("source", "VirtualNetwork");
        }

        @Test
        void template2019_setsNoProxyOverride_soTheInstanceUsesDefaultWhichRedirectsInsideTheVnet_butWithProxyItIsClean() {
            ManagedInstance mi = d.managedInstances().get(0);
            assertThat(mi.connectionType()).isEqualTo(ManagedInstance.ConnectionType.DEFAULT);
            assertThat(mi.connectionType().usesRedirect()).isTrue();
            // Proxy connections need 1433 only, which allow_tds_inbound opens to VirtualNetwork.
            Design proxy = d.mapManagedInstance(mi.id(), m -> m.withConnectionType(ManagedInstance.ConnectionType.PROXY));
            assertThat(verdicts(Validator.validate(proxy, SEED))).isEmpty();
        }

        @Test
        void template2019_importNotesNameTheThreeParametersWithoutDefault_andNothingElse() {
            assertThat(r.findings().stream().filter(f -> f.ruleId().startsWith("IMPORT-")))
                    .allMatch(f -> f.severity() == Severity.INFO)
                    .extracting(Finding::resource)
                    .containsExactlyInAnyOrder("parameters/managedInstanceName", "parameters/administratorLogin",
                            "parameters/administratorLoginPassword");
        }

        @Test
        void fixAll_addsOnlyTheRedirectRule_beforeDenyAll() {
            FixRun run = fixAllAndCheck(d);
            assertThat(run.changes().changes()).hasSize(1);
            SecurityRule added = rule(nsg(run.after(), "SQLMI-{managedInstanceName}-NSG"), Seed.RULE_REDIRECT_IN);
            assertThat(added.destinationPorts()).containsExactly(Seed.REDIRECT_PORTS);
            assertThat(added.sourcePrefixes()).containsExactly("VirtualNetwork");
            assertThat(added.priority()).isLessThan(4096);
        }
    }

    @Nested
    class NestedTemplate2020 {
        final Design d = load(NESTED, NESTED_PARAMS);
        final Report r = Validator.validate(d, SEED);

        @Test
        void theDelegatedSubnetIsTheMiSubnet_andTheCopyLoopGives166ManagementRoutesPlusVnetLocal() {
            assertThat(d.miSubnets()).extracting(Subnet::name).containsExactly("mi-subnet");
            RouteTable t = routeTable(d, "mi-RouteTable");
            // miManagementIps has 167 entries; the first becomes subnet_to_vnetlocal (copyIndex 0).
            assertThat(t.routes()).hasSize(167);
            assertThat(t.routes().get(0)).extracting(Route::name, Route::addressPrefix, Route::nextHopType)
                    .containsExactly("subnet_to_vnetlocal", "10.0.0.0/24", Route.VNET_LOCAL);
        }

        @Test
        void nestedTemplate_routesThe2020ListNotTheSeeds_soSevenSeedPrefixesAreUncovered() {
            // Worked out by subtracting the 2020 list from the seed's 99: 13.96.0.0/13, 192.100.102.0/24 and
            // 192.100.103.0/24 are absent; 20/8, 51/8, 52/8 and 131.253/16 are only partly covered by smaller
            // routes (e.g. no route for 20.0.0.0/11, 52.0.0.0/10, 131.253.0.0/24).
            Finding f = only(r, "MI-UDR-MANAGEMENT");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.details().get("uncovered")).asList().containsExactly("13.96.0.0/13", "20.0.0.0/8", "51.0.0.0/8",
                    "52.0.0.0/8", "131.253.0.0/16", "192.100.102.0/24", "192.100.103.0/24");
            // The union counts: 103.25.156.0/22 is covered by /24 + /24 + /23 routes, as rules.md's example says.
            assertThat(f.details().get("uncovered")).asList().doesNotContain("103.25.156.0/22");
            assertThat(f.details().get("uncoveredAddresses")).asList().contains("20.0.0.0/11", "52.0.0.0/10", "131.253.0.0/24")
                    .doesNotContain("20.33.0.0/16", "52.96.0.0/12");
        }

        @Test
        void nestedTemplate_managementSourceIsSqlManagementNotAny_soTheRestOfInternetHitsDenyAllInBound_anError() {
            // SqlManagement ⊂ Internet: the rest of Internet matches no rule and falls to default DenyAllInBound.
            Finding f = only(r, "MI-NSG-IN-MANAGEMENT");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.details()).containsEntry("source", "Internet").containsEntry("denyingRule", "DenyAllInBound")
                    .containsEntry("denyingRuleIsDefault", true).containsEntry("allowingRules", List.of("inbound-management"));
        }

        @Test
        void nestedTemplate_outboundOpensOnly443And12000_so80PassesOnlyByDefaultAllowInternetOutBound_aWarning() {
            // AzureCloud ⊂ Internet, so port 80 is not blocked (no deny rule) but rests on a default rule.
            Finding f = only(r, "MI-NSG-OUT-MANAGEMENT");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.details()).containsEntry("defaultRules", List.of("AllowInternetOutBound"));
        }

        @Test
        void nestedTemplate_hasSubnetHealthProbeAndVnetLocal_andVnetClientsReachDataViaAllowVnetInBound_soNothingElse() {
            assertThat(verdicts(r)).isEqualTo(Map.of("MI-NSG-IN-MANAGEMENT", Severity.ERROR,
                    "MI-NSG-OUT-MANAGEMENT", Severity.WARNING, "MI-UDR-MANAGEMENT", Severity.ERROR));
            // Every parameter has a value from the parameters file: no import notes.
            assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("IMPORT-"));
        }

        @Test
        // Regression: the message once said "no rule allows it" although a user rule allowed part (verdict PARTIAL).
        void nestedTemplate_managementMessageSaysSqlManagementIsAllowedAndOnlyTheRestIsDenied() {
            Finding f = only(r, "MI-NSG-IN-MANAGEMENT");
            assertThat(f.message()).doesNotContain("no rule allows it").contains("DenyAllInBound").contains("inbound-management");
        }

        @Test
        void nestedTemplateWithoutParameters_hasAnUnknownRouteList_soMiUdrManagementIsNoError() {
            // the route list is a copy loop over parameters('miManagementIps'): without the parameters file its
            // count is unknown, so the table cannot be judged offline (rules.md: indeterminate rather than guess)
            Report unknown = Validator.validate(load(NESTED, null), SEED);
            assertThat(unknown.findings()).anyMatch(f -> f.ruleId().equals("IMPORT-PARAMETER") && "parameters/miManagementIps".equals(f.resource()));
            assertThat(unknown.findings()).noneMatch(f -> f.ruleId().startsWith("MI-UDR") && f.severity() == Severity.ERROR);
            assertThat(unknown.findings()).noneMatch(f -> f.ruleId().equals("UDR-NEXT-HOP"));
            assertThat(unknown.findings()).anyMatch(f -> f.ruleId().equals("MI-UDR-MANAGEMENT") && f.severity() == Severity.WARNING
                    && f.message().contains("as far as can be told offline"));
        }

        @Test
        void fixAll_addsManagementFromAnyBeforeTheSqlManagementRule_adds80_andRoutesExactlyTheSevenUncoveredPrefixes() {
            // No fix widens a service tag to *: inbound-management keeps SqlManagement, and the 04/2019 rule with source *
            // goes first; it now decides all of inbound-management's traffic, which NSG-SHADOWED says (deleting is the user's call).
            FixRun run = fixAllAndCheck(d, Map.of("NSG-SHADOWED", Severity.WARNING));
            SecurityGroup g = nsg(run.after(), "mi-NSG");
            assertThat(rule(g, "inbound-management").sourcePrefixes()).containsExactly("SqlManagement");
            assertThat(rule(g, Seed.RULE_MANAGEMENT_IN).sourcePrefixes()).containsExactly("*");
            assertThat(rule(g, Seed.RULE_MANAGEMENT_IN).priority()).isLessThan(rule(g, "inbound-management").priority());
            assertThat(run.changes().text()).contains("any source, as Microsoft's management services connect from public addresses");
            assertThat(rule(g, "allow-management-outbound").destinationPorts()).containsExactlyInAnyOrder("80", "443", "12000");
            RouteTable t = routeTable(run.after(), "mi-RouteTable");
            assertThat(t.routes()).hasSize(167 + 7);
            assertThat(t.routes().subList(167, 174)).extracting(Route::name).containsExactly("mi-13-96-13-nexthop-internet",
                    "mi-20-8-nexthop-internet", "mi-51-8-nexthop-internet", "mi-52-8-nexthop-internet",
                    "mi-131-253-16-nexthop-internet", "mi-192-100-102-24-nexthop-internet", "mi-192-100-103-24-nexthop-internet");
            // The template's own 166 management routes stay.
            assertThat(t.routes().subList(0, 167)).isEqualTo(routeTable(d, "mi-RouteTable").routes());
        }
    }

    @Nested
    class ServiceAided {
        final Design d = load(SERVICE_AIDED, null);
        final Report r = Validator.validate(d, SEED);

        @Test
        void serviceAidedTemplate_hasOnlyDataRulesThenDenyAll_soEveryMandatoryNsgRequirementIsAnError() {
            // deny_all_inbound/outbound at 4096 decide management, subnet and health-probe traffic before the
            // default rules could allow it: blocked, not "default only".
            for (String id : List.of("MI-NSG-IN-MANAGEMENT", "MI-NSG-IN-SUBNET", "MI-NSG-IN-HEALTH-PROBE", "MI-NSG-OUT-MANAGEMENT", "MI-NSG-OUT-SUBNET")) {
                Finding f = only(r, id);
                assertThat(f.severity()).as(id).isEqualTo(Severity.ERROR);
                assertThat(f.details()).as(id).containsEntry("denyingRuleIsDefault", false);
            }
        }

        @Test
        void serviceAidedTemplate_hasAnEmptyRouteTable_soMiUdrManagementAndVnetLocalAreErrors() {
            assertThat(routeTable(d, "SQLMI-{managedInstanceName}-Route-Table").routes()).isEmpty();
            assertThat(only(r, "MI-UDR-MANAGEMENT").details().get("uncovered")).asList().containsExactlyElementsOf(Seed.managementPrefixes());
            assertThat(only(r, "MI-UDR-VNETLOCAL").details().get("uncovered")).asList().containsExactly("10.0.0.0/24");
        }

        @Test
        void serviceAidedTemplate_opens1433AndRedirectPortsToTheVnet_soNoDataWarning_andNothingElse() {
            Map<String, Severity> expected = new TreeMap<>();
            SEVEN_MANDATORY.forEach(id -> expected.put(id, Severity.ERROR));
            assertThat(verdicts(r)).containsExactlyEntriesOf(expected);
        }

        @Test
        void fixAll_putsTheSeedsRulesBeforeTheTemplatesAndAddsAllHundredRoutes() {
            FixRun run = fixAllAndCheck(d);
            SecurityGroup g = nsg(run.after(), "SQLMI-{managedInstanceName}-NSG");
            int firstTemplateRule = rule(g, "allow_tds_inbound").priority();
            for (String n : List.of(Seed.RULE_MANAGEMENT_IN, Seed.RULE_SUBNET_IN, Seed.RULE_HEALTH_PROBE_IN)) {
                assertThat(rule(g, n).priority()).as(n).isLessThan(firstTemplateRule);
            }
            // The template's rules are kept as they were.
            for (SecurityRule orig : nsg(d, "SQLMI-{managedInstanceName}-NSG").rules()) assertThat(g.rules()).contains(orig);
            RouteTable t = routeTable(run.after(), "SQLMI-{managedInstanceName}-Route-Table");
            assertThat(t.routes()).hasSize(100);
            assertThat(routePrefixes(t)).contains("10.0.0.0/24").containsAll(Seed.managementPrefixes());
        }
    }

    @Nested
    class AzureEnvironment {
        final Design d = load(AZURE_ENV, null);
        final Report r = Validator.validate(d, SEED);

        @Test
        void onlyTheDelegatedSubnetIsAnMiSubnet_theDefaultSubnetIsNotChecked() {
            // No Microsoft.Sql/managedInstances resource in this template: the delegation alone makes it one.
            assertThat(d.subnets()).extracting(Subnet::name).containsExactlyInAnyOrder("Default", "ManagedInstances");
            assertThat(d.miSubnets()).extracting(Subnet::name, Subnet::prefix).containsExactly(tuple("ManagedInstances", "10.0.1.0/24"));
            assertThat(r.findings()).noneMatch(f -> f.resource().contains("/subnets/Default") || f.message().contains("10.0.0.0/24"));
        }

        @Test
        void azureEnvironmentTemplate_hasNoMandatoryRulesOrRoutes_soTheSevenRequirementsAreErrors() {
            for (String id : SEVEN_MANDATORY) assertThat(only(r, id).severity()).as(id).isEqualTo(Severity.ERROR);
            assertThat(only(r, "MI-UDR-MANAGEMENT").details().get("uncovered")).asList().hasSize(99);
        }

        @Test
        void azureEnvironmentTemplate_opens5022But1433Only_soRedirectPortsAreADataWarning_andGeoDrRulesAreNotFlagged() {
            Map<String, Severity> expected = new TreeMap<>();
            SEVEN_MANDATORY.forEach(id -> expected.put(id, Severity.ERROR));
            expected.put("MI-NSG-DATA", Severity.WARNING);
            assertThat(verdicts(r)).containsExactlyEntriesOf(expected);
            assertThat(only(r, "MI-NSG-DATA").details()).containsEntry("blockedPorts", List.of("11000-11999"));
            // "TCP" in upper case (allow_tds_inbound) is a protocol Azure accepts: no NSG-RULE finding.
            assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("NSG-"));
        }

        @Test
        void fixAll_keepsTheGeoDrRulesAndLeavesTheDefaultSubnetAlone() {
            FixRun run = fixAllAndCheck(d);
            SecurityGroup g = nsg(run.after(), "nsgManagedInstance");
            assertThat(g.rules()).extracting(SecurityRule::name).contains("allow_geodr_inbound", "allow_geodr_outbound",
                    "allow_linkedserver_outbound", Seed.RULE_REDIRECT_IN, Seed.RULE_MANAGEMENT_IN, Seed.RULE_MANAGEMENT_OUT);
            assertThat(rule(g, "allow_geodr_inbound")).isEqualTo(rule(nsg(d, "nsgManagedInstance"), "allow_geodr_inbound"));
            Subnet def = run.after().subnets().filter(s -> s.name().equals("Default")).findFirst().orElseThrow();
            assertThat(def).isEqualTo(d.subnets().filter(s -> s.name().equals("Default")).findFirst().orElseThrow());
            assertThat(routeTable(run.after(), "rtManagedInstance").routes()).hasSize(100);
        }
    }
}
