package minet.ui.validation;

import java.util.List;
import java.util.Optional;
import minet.edit.Command;
import minet.ui.dialogs.FixPlan;
import minet.model.Design;
import minet.rules.Finding;
import minet.rules.Report;

/** The fixes the window offers: the very same Fix commands the CLI's {@code fix} applies. */
public interface FixService {
    /** The fix of one finding of {@code report}, or empty when its rule has none (or it does not apply to this design). */
    Optional<Command> fix(Design design, Finding finding, Report report);

    /** Every available fix of the report as one command, with what it changes; empty when nothing can be fixed. */
    Optional<FixPlan> fixAll(Design design, Report report);

    /** No fixes at all: the window before the fix engine is wired. */
    FixService NONE = new FixService() {
        @Override public Optional<Command> fix(Design design, Finding finding, Report report) { return Optional.empty(); }
        @Override public Optional<FixPlan> fixAll(Design design, Report report) { return Optional.empty(); }
    };
}
