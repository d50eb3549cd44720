package minet.ui.validation;

import java.util.Map;
import minet.model.Design;
import minet.rules.Report;

/**
 * One background run over a snapshot: the design it looked at, its findings, and the verdict of each drawn flow
 * (keyed by flow id).
 */
public record Analysis(Design design, Report report, Map<String, FlowVerdict> flows) {
    public Analysis {
        flows = Map.copyOf(flows);
    }

    /** What the current rules do to a drawn flow, and the security rule that decided it (in words). */
    public record FlowVerdict(minet.ui.canvas.FlowState state, String decidedBy) {}
}
