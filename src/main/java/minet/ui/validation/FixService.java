package minet.ui.validation;

import java.util.List;
import java.util.Optional;
import minet.edit.Command;
import minet.model.Design;
import minet.rules.Finding;
import minet.rules.Report;

/** The fixes the window offers: the very same Fix commands the CLI's {@code fix} applies. */
public interface FixService {
    /** The fix of one finding, or empty when its rule has none (or it does not apply to this design). */
    Optional<Command> fix(Design design, Finding finding);

    /** Every available fix of the report as one command, with what it changes; empty when nothing can be fixed. */
    Optional<FixPlan> fixAll(Design design, Report report);

    /** A reviewed Fix all: the command (one undo step), the design it yields, and the changes to show. */
    record FixPlan(Command command, Design after, List<Change> changes, List<String> semanticChanges) {
        public FixPlan {
            changes = List.copyOf(changes);
            semanticChanges = List.copyOf(semanticChanges);
        }
    }

    /** One line of the change list: a rule, route or association added, removed or changed. */
    record Change(Kind kind, String resource, String description) {
        public enum Kind { ADDED, REMOVED, CHANGED }
    }

    /** No fixes at all: the window before the fix engine is wired. */
    FixService NONE = new FixService() {
        @Override public Optional<Command> fix(Design design, Finding finding) { return Optional.empty(); }
        @Override public Optional<FixPlan> fixAll(Design design, Report report) { return Optional.empty(); }
    };
}
