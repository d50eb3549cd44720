package minet.ui.dialogs;

import java.util.List;
import minet.edit.Command;
import minet.fix.Change;
import minet.model.Design;

/**
 * A Fix all to review: the command (one undo step), the design it yields, the change list (rules, routes,
 * associations added, removed, changed), what that means for traffic, and what no fix could do.
 */
public record FixPlan(Command command, Design after, List<Change> changes, List<String> semanticChanges, List<String> notDone) {
    public FixPlan {
        changes = List.copyOf(changes);
        semanticChanges = List.copyOf(semanticChanges);
        notDone = List.copyOf(notDone);
    }
}
