package minet.ui.trace;

import java.util.ArrayList;
import java.util.List;
import minet.model.Design;
import minet.model.Subnet;
import minet.rules.Tracer;
import minet.rules.eval.Verdict;

/** {@link TraceService} over the engine's {@link Tracer}: the same answer as {@code minet trace}. */
public final class EngineTracer implements TraceService {

    @Override public Result trace(Design design, String from, String to, String protocol, int port) {
        Tracer.Trace t = new Tracer(design).trace(from, to, port, protocol);
        List<Hop> hops = new ArrayList<>();
        Subnet src = t.from().subnet(), dst = t.to().subnet();
        hops.add(new Hop(src == null ? null : src.id(), "Leave " + t.from().label(), ""));
        if (t.route() == null) {
            hops.add(new Hop(null, "Route", "the source is outside the design's subnets; no route table applies"));
        } else {
            hops.add(new Hop(src.routeTableId() != null ? src.routeTableId() : src.id(), "Route at subnet '" + src.name() + "'",
                    t.route().describe() + (t.droppedByRoute() ? ", dropped" : "") + (t.routeNote() == null ? "" : " (" + t.routeNote() + ")")));
        }
        hops.add(step(t.outbound(), "Outbound"));
        hops.add(step(t.inbound(), "Inbound"));
        hops.add(new Hop(dst == null ? null : dst.id(), "Arrive at " + t.to().label(), ""));
        String verdict = word(t.verdict()) + ": " + t.from().label() + " → " + t.to().label() + ", "
                + minet.rules.eval.Protocols.describe(t.protocol()) + " " + t.port();
        return new Result(t.allowed() && !t.droppedByRoute(), verdict, hops);
    }

    private static Hop step(Tracer.NsgStep s, String direction) {
        if (s == null) return new Hop(null, direction + " NSG", "the endpoint is outside the design's subnets; none applies");
        String where = direction + " NSG of subnet '" + s.subnet().name() + "'";
        if (s.nsg() == null) return new Hop(s.subnet().id(), where, "none associated, so everything passes");
        return new Hop(s.nsg().id(), where + " ('" + s.nsg().name() + "')", s.outcome());
    }

    private static String word(Verdict v) {
        return switch (v) {
            case ALLOWED, ALLOWED_BY_DEFAULT -> "Allowed";
            case PARTIAL -> "Partly denied";
            case DENIED -> "Denied";
            case INDETERMINATE -> "Cannot be decided offline";
        };
    }
}
