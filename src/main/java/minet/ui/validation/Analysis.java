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

    /** Whether the current rules let a drawn flow through, and the security rule or route that decided it. */
    public record FlowVerdict(boolean allowed, String decidedBy) {}
}
