package minet.ui.validation;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import minet.ui.dialogs.FixPlan;
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

    @Override public Optional<minet.edit.Command> fix(Design design, Finding finding, Report report) {
        return Fixes.forFinding(design, finding, profile(design, report)).map(Fix::command);
    }

    /** The era the report was judged by (the window's profile choice), else the one auto picks. */
    private static minet.rules.Profile profile(Design design, Report report) {
        return minet.rules.Profiles.byId(report.profile()).orElseGet(() -> Fixes.profileOf(design));
    }

    @Override public Optional<FixPlan> fixAll(Design design, Report report) {
        minet.rules.Profile p = profile(design, report);
        Fix all = Fixes.fixAll(p);
        FixRun run = Fixes.run(design, all, p);
        if (!run.changed()) return Optional.empty();
        return Optional.of(new FixPlan(all.command(), run.after(), run.changes().changes(),
                semantic.apply(design, run.after()), run.notDone().stream().map(FixOutcome::text).toList()));
    }
}
