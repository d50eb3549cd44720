package minet.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import minet.io.Importer;
import minet.model.Design;
import minet.rules.Finding;
import minet.rules.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fix all on each of sample-networks/broken/ (one class of mistake each): afterwards the validator finds only
 * what needs the user (rules without a fix), a second Fix all changes nothing, and the review shows every change.
 */
class BrokenSamplesFixTest {
    static Stream<Path> samples() throws IOException {
        return Files.list(Path.of("sample-networks/broken")).filter(p -> p.getFileName().toString().endsWith(".minet.json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void fixAllLeavesOnlyWhatNeedsTheUser(Path sample) throws Exception {
        Design d = Importer.load(sample);
        FixRun run = Fixes.runAll(d);
        List<Finding> before = Validator.validate(d).findings();
        List<Finding> after = Validator.validate(run.after()).findings();
        List<String> fixableLeft = after.stream().filter(f -> Fixes.hasFix(f) && !f.ruleId().equals("NSG-SHADOWED"))
                .map(f -> f.ruleId() + ": " + f.message()).toList();
        assertThat(fixableLeft).as("changes:%n%s", run.changes().text()).isEmpty();
        // What a sample's fix cannot touch is still reported, unchanged in kind.
        List<String> unfixableBefore = before.stream().filter(f -> !Fixes.hasFix(f)).map(Finding::ruleId).distinct().sorted().toList();
        List<String> unfixableAfter = after.stream().filter(f -> !Fixes.hasFix(f)).map(Finding::ruleId).distinct().sorted().toList();
        assertThat(unfixableAfter).isEqualTo(unfixableBefore);
        // Something to fix means something in the change list, and only then.
        boolean hadFixable = before.stream().anyMatch(f -> Fixes.hasFix(f) && !f.ruleId().equals("NSG-SHADOWED"));
        assertThat(run.changes().isEmpty()).isEqualTo(!run.changed());
        if (hadFixable) assertThat(run.changes().isEmpty()).isFalse();
        assertThat(Fixes.fixAll(run.after()).apply(run.after())).isEqualTo(run.after());
    }
}
