package minet.ui.analysis;

import java.util.Map;
import minet.model.Design;
import minet.rules.Report;
import minet.rules.Validator;
import minet.rules.eval.ServiceTags;

/**
 * One background run over a snapshot: the design it looked at, its findings, and the verdict of each drawn flow
 * (keyed by flow id).
 */
public record Analysis(Design design, Report report, Map<String, FlowVerdict> flows) {
    public Analysis {
        flows = Map.copyOf(flows);
    }

    /** Validates {@code d} under {@code profile} and evaluates the drawn flows: what the Problems panel and the canvas show. */
    public static Analysis of(Design d, String profile, FlowAnalyzer flows) {
        return new Analysis(d, Validator.validate(d, profile), flows.verdicts(d));
    }

    /** As {@link #of(Design, String, FlowAnalyzer)}, with service tags standing for their addresses (File → Load service tags…). */
    public static Analysis of(Design d, String profile, ServiceTags tags, FlowAnalyzer flows) {
        return new Analysis(d, Validator.validate(d, profile, tags), flows.verdicts(d, tags));
    }

    /** Evaluates the flows drawn on the canvas; the canvas supplies it (none until it is wired). */
    public interface FlowAnalyzer {
        Map<String, FlowVerdict> verdicts(Design d);

        /** With service tags known: the verdicts of an analyzer that knows none are {@link #verdicts(Design)}'s. */
        default Map<String, FlowVerdict> verdicts(Design d, ServiceTags tags) { return verdicts(d); }

        FlowAnalyzer NONE = d -> Map.of();
    }

    /** What the current rules do to a drawn flow, and the security rule that decided it (in words). */
    public record FlowVerdict(minet.ui.canvas.FlowState state, String decidedBy) {}
}
