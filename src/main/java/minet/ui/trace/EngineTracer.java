package minet.ui.trace;

import java.util.ArrayList;
import java.util.List;
import minet.layout.DiagramLayout;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Subnet;
import minet.rules.Tracer;
import minet.rules.eval.ServiceTags;
import minet.rules.eval.Verdict;
import minet.layout.TracePath.State;

/** {@link TraceService} over the engine's {@link Tracer}: the same answer as {@code minet trace}. */
public final class EngineTracer implements TraceService {

    @Override public Result trace(Design design, String from, String to, String protocol, int port) {
        return trace(design, ServiceTags.NONE, from, to, protocol, port);
    }

    /** With the window's service tags (File → Load service tags…), as {@code minet trace --service-tags}. */
    @Override public Result trace(Design design, ServiceTags tags, String from, String to, String protocol, int port) {
        Tracer.Trace t = new Tracer(design, tags).trace(from, to, port, protocol);
        List<Hop> hops = new ArrayList<>();
        Subnet src = t.from().subnet(), dst = t.to().subnet();
        String fromId = element(design, from, t.from()), toId = element(design, to, t.to());
        hops.add(new Hop(fromId, null, "Leave " + t.from().label(), "", State.PASSED));
        // A denied trace stops at the hop that denies: the hops after it are not reached.
        State next = State.PASSED;
        if (t.route() == null) {
            hops.add(new Hop(null, null, "Route", "the source is outside the design's subnets; no route table applies", State.PASSED));
        } else {
            State s = t.droppedByRoute() ? State.DENIED : State.PASSED;
            hops.add(new Hop(src.routeTableId() != null ? src.routeTableId() : src.id(), src.id(), "Route at subnet '" + src.name() + "'",
                    t.route().describe() + (t.droppedByRoute() ? ", dropped" : "") + (t.routeNote() == null ? "" : " (" + t.routeNote() + ")"), s));
            next = after(next, s);
        }
        Hop out = step(t.outbound(), "Outbound", next);
        hops.add(out);
        next = after(next, out.state());
        Hop in = step(t.inbound(), "Inbound", next);
        hops.add(in);
        next = after(next, in.state());
        hops.add(new Hop(toId != null ? toId : dst == null ? null : dst.id(), null, "Arrive at " + t.to().label(), "",
                next == State.DENIED ? State.NOT_REACHED : next));
        String verdict = word(t.verdict()) + ": " + t.from().label() + " → " + t.to().label() + ", "
                + minet.rules.eval.Protocols.describe(t.protocol()) + " " + t.port();
        return new Result(t.allowed() && !t.droppedByRoute(), verdict, hops, fromId, toId);
    }

    /** What the next hop is: not reached after a deny; still undecided after an undecided hop. */
    private static State after(State sofar, State hop) {
        if (sofar == State.DENIED || sofar == State.NOT_REACHED || hop == State.DENIED) return State.DENIED;
        if (sofar == State.UNDECIDED || hop == State.UNDECIDED) return State.UNDECIDED;
        return State.PASSED;
    }

    private static Hop step(Tracer.NsgStep s, String direction, State sofar) {
        boolean reached = sofar != State.DENIED;
        if (s == null) return new Hop(null, null, direction + " NSG", "the endpoint is outside the design's subnets; none applies", reached ? State.PASSED : State.NOT_REACHED);
        String where = direction + " NSG of subnet '" + s.subnet().name() + "'";
        if (!reached) return new Hop(s.nsg() == null ? s.subnet().id() : s.nsg().id(), s.subnet().id(), where, "not reached", State.NOT_REACHED);
        if (s.nsg() == null) return new Hop(s.subnet().id(), s.subnet().id(), where, "none associated, so everything passes", State.PASSED);
        State st = switch (s.verdict()) {
            case DENIED, PARTIAL -> State.DENIED;
            case INDETERMINATE -> State.UNDECIDED;
            default -> State.PASSED;
        };
        return new Hop(s.nsg().id(), s.subnet().id(), where + " ('" + s.nsg().name() + "')", s.outcome(), st);
    }

    /**
     * The element an endpoint's words name, as the tracer reads them: a subnet, managed instance or outside network
     * by name or id; for an address, the subnet holding it; for a service tag, the outside network carrying that tag.
     */
    static String element(Design d, String words, Tracer.Endpoint e) {
        String w = words == null ? "" : words.trim();
        if ("subnet".equals(e.kind()) || "address".equals(e.kind()) || "prefix".equals(e.kind())) return e.subnet() == null ? null : e.subnet().id();
        for (ManagedInstance m : d.managedInstances()) if (w.equalsIgnoreCase(m.name()) || Lists.sameId(w, m.id())) return m.id();
        for (ExternalNetwork x : d.externalNetworks()) if (w.equalsIgnoreCase(x.name()) || Lists.sameId(w, x.id())) return x.id();
        if (e.tag() != null) {
            for (ExternalNetwork x : d.externalNetworks()) if (e.tag().equalsIgnoreCase(x.serviceTag())) return x.id();
            // The management services every MI implies are drawn even when the design does not name them.
            if ("SqlManagement".equalsIgnoreCase(e.tag()) && !d.miSubnets().isEmpty()) return DiagramLayout.IMPLICIT_MANAGEMENT;
        }
        return null;
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
