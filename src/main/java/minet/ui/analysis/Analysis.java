package minet.ui.analysis;

import java.util.Map;
import minet.model.Design;
import minet.rules.Profile;
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

    /**
     * Validates {@code d} under {@code profile} ({@code auto}, {@code latest} or an id) and evaluates the flows the
     * canvas draws in that profile's era: what the Problems panel and the canvas show, from one choice of profile.
     */
    public static Analysis of(Design d, String profile, FlowAnalyzer flows) {
        return of(d, profile, ServiceTags.NONE, flows);
    }

    /** As {@link #of(Design, String, FlowAnalyzer)}, with service tags standing for their addresses (File → Load service tags…). */
    public static Analysis of(Design d, String profile, ServiceTags tags, FlowAnalyzer flows) {
        Validator.Choice choice = Validator.choose(d, profile);
        return new Analysis(d, Validator.validate(d, choice, tags), flows.verdicts(d, choice.profile(), tags));
    }

    /** Evaluates the flows drawn on the canvas in a profile's era; the canvas supplies it (none until it is wired). */
    public interface FlowAnalyzer {
        default Map<String, FlowVerdict> verdicts(Design d, Profile era) { return verdicts(d, era, ServiceTags.NONE); }

        /** With service tags known (File → Load service tags…): a tag stands for its addresses. */
        Map<String, FlowVerdict> verdicts(Design d, Profile era, ServiceTags tags);

        FlowAnalyzer NONE = (d, era, tags) -> Map.of();
    }

    /** What the current rules do to a drawn flow, and the security rule that decided it (in words). */
    public record FlowVerdict(minet.ui.canvas.FlowState state, String decidedBy) {}
}
