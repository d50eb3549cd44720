package minet.ui.analysis;

import java.util.HashMap;
import java.util.Map;
import minet.rules.Finding;
import minet.rules.Severity;
import minet.ui.canvas.DiagramPane;

/** Puts an analysis on the canvas: its profile's era, a badge per element a finding concerns, and each flow's colour and reason. */
public final class CanvasFindings {
    private CanvasFindings() {}

    /** Per element id: the worst severity of its findings and how many there are. */
    public static Map<String, Map.Entry<Severity, Integer>> badges(Iterable<Finding> findings) {
        Map<String, Map.Entry<Severity, Integer>> out = new HashMap<>();
        for (Finding f : findings) {
            if (f.elementId() == null) continue;
            out.merge(f.elementId(), Map.entry(f.severity(), 1), (a, b) ->
                    Map.entry(a.getKey().compareTo(b.getKey()) <= 0 ? a.getKey() : b.getKey(), a.getValue() + b.getValue()));
        }
        return out;
    }

    /** Shows the analysis: first the era of the profile it judged by (the canvas draws that era's parts and flows), then badges and verdicts. */
    public static void show(DiagramPane pane, Analysis a) {
        minet.rules.Profiles.byId(a.report().profile()).ifPresent(pane::setProfile);
        pane.clearBadges();
        badges(a.report().findings()).forEach((id, b) -> pane.showBadges(id, b.getKey(), b.getValue()));
        pane.clearFlowStates();
        a.flows().forEach((id, v) -> pane.setFlowState(id, v.state(), v.decidedBy()));
    }
}
