package minet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import minet.fix.FixRun;
import minet.fix.Fixes;
import minet.io.ImportOptions;
import minet.io.Importer;
import minet.model.Design;
import minet.rules.Finding;
import minet.rules.Profiles;
import minet.rules.Report;
import minet.rules.Severity;
import minet.rules.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world template under every profile (explicitly), with the verdict worked out from the documents before
 * running (rule ID → severity, infos and import notes left out):
 * <ul>
 * <li>the 2019 template (manual configuration, no delegation): clean by 04/2019 but for the redirect ports; from
 *     2020 on it cannot deploy: the subnet is not delegated;</li>
 * <li>the three service-aided templates (delegated subnets, no mandatory rules of their own): Azure writes the
 *     mandatory rules at deployment, so they are clean in every service-aided era; the azure-environment template
 *     opens 1433 but not the redirect ports (a warning in every era). By the 04/2019 rules they break everything
 *     mandatory (RealWorldVerdictsTest).</li>
 * </ul>
 * Microsoft's templates that deploy today give no error under the current profile.
 */
class RealWorldProfilesTest {
    static final Map<String, Severity> CLEAN = Map.of();
    static final Map<String, Severity> REDIRECT = Map.of("MI-NSG-DATA", Severity.WARNING);
    static final Map<String, Severity> UNDELEGATED = Map.of("MI-SUBNET-DELEGATION", Severity.ERROR, "MI-NSG-DATA", Severity.WARNING);

    static Design load(Path template) throws Exception {
        Path params = template.equals(RealWorld.NESTED) ? RealWorld.NESTED_PARAMS : null;
        return Importer.load(List.of(template), new ImportOptions(params, Map.of()));
    }

    static Map<String, Severity> verdicts(Report r) {
        Map<String, Severity> m = new TreeMap<>();
        for (Finding f : r.findings()) if (f.severity() != Severity.INFO && !f.ruleId().startsWith("IMPORT-")) m.put(f.ruleId(), f.severity());
        return m;
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String p : List.of("azure-2020-10", "azure-2022-11", "azure-2024-07", "azure-2025-09")) {
            b.add(Arguments.of(RealWorld.Y2019, p, UNDELEGATED));
            b.add(Arguments.of(RealWorld.NESTED, p, CLEAN));
            b.add(Arguments.of(RealWorld.SERVICE_AIDED, p, CLEAN));
            b.add(Arguments.of(RealWorld.AZURE_ENV, p, REDIRECT));
        }
        b.add(Arguments.of(RealWorld.Y2019, "azure-2019-04", REDIRECT));
        return b.build();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void eachTemplateUnderEachProfile(Path template, String profile, Map<String, Severity> expected) throws Exception {
        Report r = Validator.validate(load(template), profile);
        assertThat(r.profile()).isEqualTo(profile);
        assertThat(verdicts(r)).isEqualTo(expected);
    }

    @Test
    void autoJudgesTheDelegatedTemplatesByTheCurrentRulesAndThe2019OneByItsOwn() throws Exception {
        for (Path t : List.of(RealWorld.NESTED, RealWorld.SERVICE_AIDED, RealWorld.AZURE_ENV)) {
            Report r = Validator.validate(load(t));
            assertThat(r.profile()).as(t.toString()).isEqualTo(Profiles.latest().id());
            assertThat(r.profileReason()).as(t.toString()).contains("is delegated to Microsoft.Sql/managedInstances");
            assertThat(r.errors()).as(t.toString()).isZero();
        }
        Report y2019 = Validator.validate(load(RealWorld.Y2019));
        assertThat(y2019.profile()).isEqualTo("azure-2019-04");
        assertThat(verdicts(y2019)).isEqualTo(REDIRECT);
    }

    @Test
    void fixAllOfTheServiceAidedQuickstartUnderTheCurrentRulesChangesNothing_notIntoThe2019Configuration() throws Exception {
        Design d = load(RealWorld.SERVICE_AIDED);
        FixRun run = Fixes.runAll(d);
        assertThat(run.changed()).as(run.changes().text()).isFalse();
    }

    @Test
    void fixAllOfTheAzureEnvironmentTemplateOnlyOpensTheRedirectPortsToTheVnet() throws Exception {
        Design d = load(RealWorld.AZURE_ENV);
        FixRun run = Fixes.runAll(d);
        assertThat(run.changes().text()).contains("+ rule nsgManagedInstance/allow_redirect_inbound").doesNotContain("allow_management")
                .doesNotContain("nexthop-internet").doesNotContain("vnetlocal");
        // and spells the template's protocol "TCP" as Azure does ("Tcp").
        assertThat(run.changes().text()).isEqualTo("~ rule nsgManagedInstance/allow_tds_inbound: protocol TCP → Tcp\n"
                + "+ rule nsgManagedInstance/allow_redirect_inbound (1300, Inbound, Allow, Tcp VirtualNetwork → 10.0.1.0/24: 11000-11999) — Clients in the virtual network (redirect)\n");
        assertThat(verdicts(Validator.validate(run.after()))).isEmpty();
    }

    @Test
    void the2019TemplateUnderTheCurrentRulesGetsItsDelegation_andKeepsItsRules() throws Exception {
        Design d = load(RealWorld.Y2019);
        FixRun run = Fixes.runAll(d, Profiles.latest());
        assertThat(run.changes().text()).contains("+ delegation of subnet SQLMI-VNET/ManagedInstance (Microsoft.Sql/managedInstances)");
        assertThat(run.after().miSubnets().get(0).delegatedToMi()).isTrue();
        // Now delegated, auto judges it by today's rules: only the redirect warning's fix was left, and it was applied.
        assertThat(verdicts(Validator.validate(run.after()))).isEmpty();
    }

    /**
     * A template in the style of Azure Verified Modules' SQL MI test dependencies: the full v10 rule set and routes
     * Azure writes, by their UseOnly names. Expected: clean under every service-aided profile (Azure's own rules, as
     * Azure writes them); by the 04/2019 rules management inbound is only partly allowed (SqlManagement and CorpNet,
     * not every source), 80 outbound only by a default rule, and the 99 routes are missing; Fix all then adds rules
     * and routes of its own and leaves every one of Azure's rules and routes exactly as it was.
     */
    @Test
    void anAvmStyleTemplateWithAzuresRulesIsCleanToday_andNoFixTouchesThoseRules() throws Exception {
        Design d = Importer.load(List.of(Path.of("src/test/resources/arm/avm-style-sqlmi-dependencies.json")), ImportOptions.NONE);
        for (String p : List.of("auto", "azure-2020-10", "azure-2022-11", "azure-2024-07", "azure-2025-09")) {
            assertThat(verdicts(Validator.validate(d, p))).as(p).isEmpty();
        }
        assertThat(verdicts(Validator.validate(d, "azure-2019-04"))).isEqualTo(Map.of("MI-NSG-IN-MANAGEMENT", Severity.ERROR,
                "MI-NSG-OUT-MANAGEMENT", Severity.WARNING, "MI-UDR-MANAGEMENT", Severity.ERROR));
        assertThat(Fixes.runAll(d).changed()).isFalse();
        FixRun run = Fixes.runAll(d, Profiles.seed());
        List<String> azure = minet.fix.AzureRulesLawTest.azureParts(d);
        assertThat(azure).hasSize(7 + 13);
        assertThat(minet.fix.AzureRulesLawTest.azureParts(run.after())).isEqualTo(azure);
        assertThat(run.changes().changes()).noneMatch(c -> c.label().contains("UseOnly"));
        assertThat(run.changes().text()).contains("+ rule dep-nsg-sqlmimin/allow_management_inbound").contains("any source, as Microsoft's management services");
    }
}
