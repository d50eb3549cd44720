package minet.ui.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minet.layout.DiagramFlow;
import minet.layout.DiagramLayout;
import minet.layout.FlowTraffic;
import minet.model.Design;
import minet.rules.Profile;
import minet.rules.Tracer;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.ServiceTags;
import minet.rules.eval.Verdict;
import minet.ui.canvas.FlowState;
import minet.ui.analysis.Analysis.FlowVerdict;

/**
 * The verdict of each arrow drawn on the canvas (in the era of the profile the design is judged by), asked of the
 * engine's {@link Tracer}, the very code behind {@code minet trace}: the route at the source subnet, the source
 * subnet's outbound NSG and the destination subnet's inbound NSG, for the arrow's {@link FlowTraffic} (all its ports
 * at once). So the picture and a trace cannot disagree. One tracer per run: it compiles each subnet's NSG and routes once for all arrows.
 */
public final class SeedFlows implements Analysis.FlowAnalyzer {

    /** The verdicts of the arrows drawn in the era {@code auto} picks for the design. */
    public Map<String, FlowVerdict> verdicts(Design d) {
        return verdicts(d, DiagramLayout.profileOf(d));
    }

    /**
     * In the era's picture, as validation judges it (a template's MI NSG with the rules Azure adds in this era: one
     * code path with trace); with Microsoft's service tags loaded in the window a tag stands for its addresses, as with
     * {@code trace --service-tags}.
     */
    @Override public Map<String, FlowVerdict> verdicts(Design d, Profile era, ServiceTags tags) {
        Tracer tracer = new Tracer(d, tags, era);
        Map<String, FlowVerdict> out = new LinkedHashMap<>();
        // The flows and what they carry do not depend on where boxes are: the quick layout has them without ELK.
        for (DiagramFlow f : DiagramLayout.quick(d, era).flows()) {
            if (f.traffic() == null) continue;
            Tracer.Trace t;
            try {
                t = trace(tracer, f.traffic());
            } catch (IllegalArgumentException e) {
                out.put(f.id(), new FlowVerdict(FlowState.UNDECIDED, e.getMessage()));
                continue;
            }
            out.put(f.id(), verdict(t));
        }
        return out;
    }

    /** The tracer's answer for an arrow's traffic: the same question {@code minet trace} asks, for all its ports. */
    public static Tracer.Trace trace(Tracer tracer, FlowTraffic q) {
        return tracer.trace(tracer.endpoint(q.from()), tracer.endpoint(q.to()), Protocols.parse(q.protocol()), Ports.parseAll(q.ports()));
    }

    /** The colour of an arrow for a trace, and what decided it in the words of {@code minet trace}. */
    public static FlowVerdict verdict(Tracer.Trace t) {
        if (t.droppedByRoute()) {
            return new FlowVerdict(FlowState.BLOCKED, "Route at subnet '" + t.from().subnet().name() + "': " + t.route().describe() + ", dropped");
        }
        FlowState state = switch (t.verdict()) {
            case ALLOWED, ALLOWED_BY_DEFAULT -> FlowState.ALLOWED;
            case DENIED, PARTIAL -> FlowState.BLOCKED;
            case INDETERMINATE -> FlowState.UNDECIDED;
        };
        List<String> steps = new ArrayList<>();
        for (Tracer.NsgStep s : new Tracer.NsgStep[] {t.outbound(), t.inbound()}) {
            if (s == null) continue;
            // When something blocks or is undecided, name only the step that did.
            if (state != FlowState.ALLOWED && s.verdict() != t.verdict() && !(state == FlowState.BLOCKED && s.verdict().blocked())) continue;
            String dir = s.direction() == minet.model.Direction.OUTBOUND ? "Outbound" : "Inbound";
            String where = " of subnet '" + s.subnet().name() + "'";
            steps.add(s.nsg() == null ? dir + " NSG" + where + ": none associated, so everything passes"
                    : dir + " NSG '" + s.nsg().name() + "'" + where + ": " + outcome(s));
            if (state != FlowState.ALLOWED) break;
        }
        if (state == FlowState.BLOCKED && steps.isEmpty() && t.route() != null) {
            // The route decided (overlapping VNets: the traffic never leaves the source's own).
            steps.add("Route at subnet '" + t.from().subnet().name() + "': " + t.route().describe() + (t.routeNote() == null ? "" : " (" + t.routeNote() + ")"));
        }
        if (steps.isEmpty()) steps.add("no NSG on the path");
        String fragile = t.verdict() == Verdict.ALLOWED_BY_DEFAULT ? " (a default rule: fragile)" : "";
        // The way back, as trace warns of it: replies through another appliance, or dropped.
        String back = t.asymmetric() ? "; " + t.asymmetry() : "";
        return new FlowVerdict(state, String.join("; ", steps) + fragile + back);
    }

    /** The step's outcome in trace's words; an arrow of several ports that several rules allow names each of them. */
    private static String outcome(Tracer.NsgStep s) {
        if (!s.allowed() || s.evaluation() == null) return s.outcome();
        List<String> by = s.evaluation().allowingRules().stream().map(r -> r.describe()).distinct().toList();
        return by.size() < 2 ? s.outcome() : "allowed by " + String.join(" and ", by);
    }
}
