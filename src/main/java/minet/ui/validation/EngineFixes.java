package minet.ui.validation;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import minet.fix.Fix;
import minet.fix.FixOutcome;
import minet.fix.FixRun;
import minet.fix.Fixes;
import minet.model.Design;
import minet.rules.Finding;
import minet.rules.Report;

/** {@link FixService} over {@code minet.fix}: the same Fix commands and change lists as {@code minet fix}. */
public final class EngineFixes implements FixService {
    private final BiFunction<Design, Design, List<String>> semantic;

    /** @param semantic what a change means for traffic, between the design before and after */
    public EngineFixes(BiFunction<Design, Design, List<String>> semantic) {
        this.semantic = semantic;
    }

    @Override public Optional<minet.edit.Command> fix(Design design, Finding finding) {
        return Fixes.forFinding(design, finding).map(Fix::command);
    }

    @Override public Optional<FixPlan> fixAll(Design design, Report report) {
        Fix all = Fixes.fixAll(design);
        FixRun run = Fixes.run(design, all);
        if (!run.changed()) return Optional.empty();
        return Optional.of(new FixPlan(all.command(), run.after(), run.changes().changes(),
                semantic.apply(design, run.after()), run.notDone().stream().map(FixOutcome::text).toList()));
    }
}
