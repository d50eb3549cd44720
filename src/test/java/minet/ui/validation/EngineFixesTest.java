package minet.ui.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import minet.fix.Change;
import minet.io.Importer;
import minet.model.Design;
import minet.rules.Report;
import org.junit.jupiter.api.Test;

class EngineFixesTest {
    private static final Path SERVICE_AIDED = minet.RealWorld.SERVICE_AIDED;
    private final EngineFixes fixes = new EngineFixes((b, a) -> List.of("semantic"));

    @Test void fixAllOfTheServiceAidedTemplateAddsTheSeedsRulesAndRoutesAsOneCommand() throws Exception {
        Design d = Importer.load(SERVICE_AIDED);
        // The 04/2019 document's rules, chosen by hand in the window (auto would judge the delegated subnet by today's).
        minet.ui.dialogs.FixPlan plan = fixes.fixAll(d, new Report("azure-2019-04", List.of(), 0)).orElseThrow();
        assertThat(plan.command().apply(d)).isEqualTo(plan.after());
        assertThat(plan.changes()).anyMatch(c -> c.kind() == Change.Kind.ADDED && c.element() == Change.Element.ROUTE);
        assertThat(plan.changes()).anyMatch(c -> c.kind() == Change.Kind.ADDED && c.element() == Change.Element.SECURITY_RULE);
        assertThat(plan.semanticChanges()).containsExactly("semantic");
        // idempotent: nothing left to fix afterwards
        assertThat(fixes.fixAll(plan.after(), new Report("azure-2019-04", List.of(), 0))).isEmpty();
    }

    @Test void fixingOneFindingRemovesThatFindingOnly() throws Exception {
        Design d = Importer.load(SERVICE_AIDED);
        Report before = minet.rules.Validator.validate(d, "azure-2019-04");
        minet.rules.Finding mgmt = before.findings().stream().filter(f -> f.ruleId().equals("MI-NSG-IN-MANAGEMENT")).findFirst().orElseThrow();
        Design after = fixes.fix(d, mgmt, before).orElseThrow().apply(d);
        Report later = minet.rules.Validator.validate(after, "azure-2019-04");
        List<String> left = later.findings().stream().map(minet.rules.Finding::ruleId).toList();
        assertThat(left).doesNotContain("MI-NSG-IN-MANAGEMENT").contains("MI-UDR-MANAGEMENT", "MI-NSG-OUT-MANAGEMENT");
        assertThat(fixes.fix(after, mgmt, later)).as("nothing left to fix for it").isEmpty();
    }
}
