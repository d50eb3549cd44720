package minet.fix;

import minet.edit.Command;
import minet.model.Design;

/**
 * A fix for one rule on one element: {@code elementId} is the model id of the subnet, NSG or route table it
 * changes (as in {@link minet.rules.Finding#elementId()}), {@code description} says in the user's words what it
 * does, and {@link #command()} does it as one undo step. The command recomputes from the design it is given, so
 * it is safe to apply to a newer design than the one it was made for: it then does what is still needed, or nothing.
 */
public record Fix(String ruleId, String elementId, String description, Command command) {

    public Design apply(Design d) {
        return command.apply(d);
    }

    /** What applying this fix to {@code d} would change, and what it could not do: for the review dialog. */
    public FixRun preview(Design d) {
        return Fixes.run(d, this);
    }
}
