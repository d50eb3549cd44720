package minet.fix;

import java.util.List;
import minet.model.Design;

/** A fix applied to a design: the result, the change list between the two, and what could not be done. */
public record FixRun(Design before, Design after, ChangeList changes, List<FixOutcome> notDone) {
    public FixRun {
        notDone = List.copyOf(notDone);
    }

    public boolean changed() {
        return !after.equals(before);
    }
}
