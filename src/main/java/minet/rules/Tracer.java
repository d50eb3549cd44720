package minet.rules;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.CompiledRule;
import minet.rules.eval.Evaluation;
import minet.rules.eval.Intervals;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.PacketVerdict;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.ServiceTags;
import minet.rules.eval.Traffic;
import minet.rules.eval.Verdict;
import minet.rules.route.RouteEntry;
import minet.rules.route.RouteResolver;

/**
 * Network Watcher's "IP flow verify" and "next hop", offline: for traffic from one endpoint to another, the route
 * Azure picks at the source subnet, the source subnet's outbound NSG and the destination subnet's inbound NSG,
 * with the rule that decides each. Endpoints are addresses, prefixes, service tags or elements of the design
 * (subnet, managed instance, external network) by name or id. Built once per design; thread-safe.
 *
 * <pre>{@code
 * Tracer t = new Tracer(design);
 * Trace r = t.trace(t.endpoint("AppSubnet"), t.endpoint("sqlmi-ref"), Protocols.TCP, 1433);
 * r.verdict();              // ALLOWED …
 * r.route().describe();     // "system route 10.0.0.0/16 → VnetLocal"
 * r.inbound().rule();       // the rule that decided at the destination
 * }</pre>
 */
public final class Tracer {
    private final Design design;
    private final Map<Subnet, Compiled> bySubnet = new IdentityHashMap<>();
    private final List<Compiled> inOrder = new java.util.ArrayList<>();
    private final Map<VirtualNetwork, AddressSpace> spaces = new IdentityHashMap<>();
    private final AddressSpace outside;

    /** What the tracer keeps per subnet: its routes, its NSG in both directions, its address space. */
    private record Compiled(Subnet subnet, VirtualNetwork vnet, long[] addresses, RouteResolver routes, SecurityGroup nsg,
                            NsgEvaluator inbound, NsgEvaluator outbound, AddressSpace space) {}

    /** A traced endpoint: its label, its addresses as a prefix list or a service tag, and the subnet it sits in (or null). */
    public record Endpoint(String label, long[] ranges, String tag, Subnet subnet, String kind) {
        /** True for exactly one IPv4 address. */
        public boolean singleAddress() { return tag == null && ranges.length == 2 && ranges[0] == ranges[1]; }
    }

    /** One NSG on the path: {@code nsg} null when the subnet has none (everything passes). */
    public record NsgStep(Direction direction, Subnet subnet, SecurityGroup nsg, Verdict verdict, CompiledRule rule, Evaluation evaluation) {
        public boolean allowed() { return verdict.allowed(); }

        /** What the NSG did with the traffic and by which rule, as the CLI and the Trace panel say it. */
        public String outcome() {
            String by = rule == null ? "" : " by " + rule.describe();
            return switch (verdict) {
                case ALLOWED, ALLOWED_BY_DEFAULT -> "allowed" + by;
                case DENIED -> "denied" + by;
                case PARTIAL -> "partly denied" + by;
                case INDETERMINATE -> "cannot be decided offline" + (rule == null ? "" : ": " + rule.describe()
                        + " uses a service tag whose addresses are not known");
            };
        }
    }

    /**
     * The result: the route at the source (null when the source is outside the design), both NSG steps, the verdict;
     * and the way back: the route the destination's subnet gives the replies ({@code returnRoute}, null when the
     * destination is outside the design) and, when the two ways differ (one through an appliance, the other not, or
     * through different appliances), {@code asymmetry} says how: a stateful firewall drops replies it never saw
     * the request of. NSGs are stateful, so replies pass them.
     */
    public record Trace(Endpoint from, Endpoint to, int protocol, int port, RouteEntry route, String routeNote,
                        NsgStep outbound, NsgStep inbound, Verdict verdict, RouteEntry returnRoute, String returnNote, String asymmetry) {
        public boolean allowed() { return verdict.allowed(); }
        public boolean droppedByRoute() { return route != null && route.hasNextHop(Route.NONE); }
        public boolean asymmetric() { return asymmetry != null; }
    }

    public Tracer(Design design) {
        this(design, ServiceTags.NONE);
    }

    /** With the addresses of service tags from Microsoft's weekly file: tags then stand for their prefixes. */
    public Tracer(Design design, ServiceTags tags) {
        this(design, tags, Validator.choose(design).profile());
    }

    /**
     * In {@code era}: a template's (desired) NSG of an MI subnet is traced as Azure deploys it in a service-aided era,
     * with Azure's rules added before the user's, as validation judges it; a live NSG as it is. Null: every NSG as written.
     */
    public Tracer(Design design, ServiceTags tags, Profile era) {
        this.design = design;
        this.outside = AddressSpace.of(design, null, tags);
        for (VirtualNetwork v : design.virtualNetworks()) {
            AddressSpace space = AddressSpace.of(design, v, tags);
            spaces.put(v, space);
            for (Subnet s : v.subnets()) {
                long[] a = Intervals.EMPTY;
                for (String p : s.addressPrefixes()) {
                    long[] r = Cidr.parse(p);
                    if (r != null) a = Intervals.union(a, r);
                }
                SecurityGroup nsg = s.nsgId() == null ? null : design.securityGroup(s.nsgId()).orElse(null);
                if (nsg != null && era != null && era.serviceAided() && design.state() != minet.model.DesignState.LIVE && design.isMiSubnet(s)) {
                    nsg = minet.rules.check.IntentChecks.asDeployed(nsg, s, era, AzureRules.region(design, s));
                }
                Compiled c = new Compiled(s, v, a, RouteResolver.forSubnet(design, s), nsg,
                        NsgEvaluator.of(nsg, Direction.INBOUND, space), NsgEvaluator.of(nsg, Direction.OUTBOUND, space), space);
                bySubnet.put(s, c);
                inOrder.add(c);
            }
        }
    }

    public Design design() { return design; }

    /**
     * An endpoint from the user's words: an IPv4 address or prefix, the name or id of a subnet, managed instance or
     * external network, or a service tag.
     * @throws IllegalArgumentException naming what was not found
     */
    public Endpoint endpoint(String text) {
        String t = text == null ? "" : text.trim();
        long[] r = Cidr.parse(t);
        if (r != null) return new Endpoint(t, r, null, subnetHolding(r), r[0] == r[1] ? "address" : "prefix");
        for (Compiled c : inOrder) {
            Subnet s = c.subnet();
            if (t.equalsIgnoreCase(s.name()) || Lists.sameId(t, s.id())) return new Endpoint("subnet '" + s.name() + "' (" + String.join(", ", s.addressPrefixes()) + ")", c.addresses(), null, s, "subnet");
        }
        for (ManagedInstance m : design.managedInstances()) {
            if (t.equalsIgnoreCase(m.name()) || Lists.sameId(t, m.id())) {
                Subnet s = design.subnet(m.subnetId()).orElseThrow(() -> new IllegalArgumentException("managed instance '" + m.name() + "' is in subnet '" + m.subnetId() + "', which is not in the design"));
                return new Endpoint("managed instance '" + m.name() + "' (subnet " + String.join(", ", s.addressPrefixes()) + ")", bySubnet.get(s).addresses(), null, s, "instance");
            }
        }
        for (ExternalNetwork e : design.externalNetworks()) {
            if (!t.equalsIgnoreCase(e.name()) && !Lists.sameId(t, e.id())) continue;
            long[] a = Intervals.EMPTY;
            for (String p : e.addressPrefixes()) {
                long[] x = Cidr.parse(p);
                if (x != null) a = Intervals.union(a, x);
            }
            if (a.length > 0) return new Endpoint("'" + e.name() + "' (" + String.join(", ", e.addressPrefixes()) + ")", a, null, subnetHolding(a), "external");
            String tag = e.serviceTag() != null ? e.serviceTag() : "Internet";
            return new Endpoint("'" + e.name() + "' (" + tag + ")", Intervals.EMPTY, tag, null, "external");
        }
        if (t.equals("*") || outside.isTag(t) || t.equalsIgnoreCase("AzureLoadBalancer") || AddressSpace.KNOWN_TAGS.stream().anyMatch(t::equalsIgnoreCase)
                || AzureRules.namesServiceTag(t)) {
            return new Endpoint(t, Intervals.EMPTY, t, null, "tag");
        }
        throw new IllegalArgumentException("'" + t + "' is neither an IPv4 address or prefix, nor a subnet, managed instance, external network or service tag of the design");
    }

    /** Traces by the user's words; protocol "tcp" or "udp" (any case). */
    public Trace trace(String from, String to, int port, String protocol) {
        int proto = Protocols.parse(protocol);
        if (proto != Protocols.TCP && proto != Protocols.UDP) throw new IllegalArgumentException("protocol must be tcp or udp, not '" + protocol + "'");
        if (port < 0 || port > Ports.MAX) throw new IllegalArgumentException("port must be within 0–65535, not " + port);
        return trace(endpoint(from), endpoint(to), proto, port);
    }

    /** Traces {@code protocol} (one of {@link Protocols}' bits) to destination {@code port}. */
    public Trace trace(Endpoint from, Endpoint to, int protocol, int port) {
        return trace(from, to, protocol, new long[] {port, port});
    }

    /**
     * Traces all of {@code protocols} (bits of {@link Protocols}) to all destination {@code ports} (intervals, as
     * {@link Ports#parseAll} gives them) as one question per NSG: allowed only if every port is, partly denied if some
     * are. The canvas colours an arrow that stands for several ports (management's five, redirect's range, a health
     * probe's any) with it. {@link Trace#port()} is the lowest port.
     */
    public Trace trace(Endpoint from, Endpoint to, int protocols, long[] ports) {
        int protocol = protocols, port = (int) ports[0];
        Compiled src = from.subnet() == null ? null : bySubnet.get(from.subnet());
        Compiled dst = to.subnet() == null ? null : bySubnet.get(to.subnet());
        RouteEntry route = null;
        String note = null;
        if (src != null) {
            if (to.tag() == null) {
                // A subnet's first four addresses are Azure's: its first host is the one a client talks to.
                long first = to.ranges()[0];
                long host = to.subnet() != null && !to.singleAddress() && to.ranges()[1] - first >= 4 ? first + 4 : first;
                route = src.routes().nextHop(host);
                if (!to.singleAddress()) note = "route of " + Cidr.ip(host) + ", the destination's first host address";
            } else {
                route = tagRoute(src, to.tag());
                note = "service tag " + to.tag() + ": its addresses are not known offline, so the route shown is the table's route to the tag or the default route";
            }
        }
        NsgStep out = src == null ? null : step(Direction.OUTBOUND, src, src.outbound(), from, to, protocol, ports);
        NsgStep in = dst == null ? null : step(Direction.INBOUND, dst, dst.inbound(), from, to, protocol, ports);
        Verdict v;
        if (route != null && route.hasNextHop(Route.NONE)) v = Verdict.DENIED;
        else if (src != null && dst != null && src.vnet() != dst.vnet() && route != null && route.hasNextHop(Route.VNET_LOCAL)) {
            // Overlapping VNets: the destination's address lies in the source VNet's own space, so it never leaves it.
            v = Verdict.DENIED;
            note = "the destination's address lies in the address space of the source's own VNet '" + src.vnet().name()
                    + "' (the VNets overlap): the traffic never leaves it";
        }
        else v = combine(out == null ? Verdict.ALLOWED : out.verdict(), in == null ? Verdict.ALLOWED : in.verdict());
        // The way back: the route the destination's subnet gives the replies to the source.
        RouteEntry back = null;
        String backNote = null;
        if (dst != null) {
            if (from.tag() == null && from.ranges().length > 0) {
                long first = from.ranges()[0];
                long host = from.subnet() != null && !from.singleAddress() && from.ranges()[1] - first >= 4 ? first + 4 : first;
                back = dst.routes().nextHop(host);
                if (!from.singleAddress()) backNote = "route of " + Cidr.ip(host) + ", the source's first host address";
            } else if (from.tag() != null) {
                back = tagRoute(dst, from.tag());
                backNote = "service tag " + from.tag() + ": the table's route to the tag or the default route";
            }
        }
        return new Trace(from, to, protocol, port, route, note, out, in, v, back, backNote, asymmetry(from, to, route, back));
    }

    /** How the way there and the way back differ, or null when they agree (or the way back is not known). */
    private static String asymmetry(Endpoint from, Endpoint to, RouteEntry there, RouteEntry back) {
        if (back == null) return null;
        String dst = to.subnet() == null ? to.label() : "subnet '" + to.subnet().name() + "'";
        if (back.hasNextHop(Route.NONE)) {
            return "the replies from " + dst + " to " + from.label() + " are dropped: " + back.describe();
        }
        boolean backViaAppliance = back.hasNextHop(Route.VIRTUAL_APPLIANCE);
        // A source outside the design's subnets (the Internet, a service, on-premises) sends straight in.
        boolean thereViaAppliance = there != null && there.hasNextHop(Route.VIRTUAL_APPLIANCE);
        String thereWords = there == null ? "the traffic from " + from.label() + " arrives directly" : "the traffic goes " + there.describe();
        if (backViaAppliance != thereViaAppliance) {
            return "asymmetric routing: " + thereWords + ", but the replies from " + dst + " take " + back.describe()
                    + (backViaAppliance ? ": a stateful firewall there drops replies it never saw the request of"
                                        : ", not back through the appliance the requests went through");
        }
        if (backViaAppliance && there.nextHopIpAddress() != null && back.nextHopIpAddress() != null
                && !there.nextHopIpAddress().equals(back.nextHopIpAddress())) {
            return "asymmetric routing: the traffic goes through the appliance " + there.nextHopIpAddress() + ", the replies through "
                    + back.nextHopIpAddress();
        }
        return null;
    }

    private NsgStep step(Direction d, Compiled c, NsgEvaluator ev, Endpoint from, Endpoint to, int protocol, long[] ports) {
        if (c.nsg() == null) return new NsgStep(d, c.subnet(), null, Verdict.ALLOWED, null, null);
        boolean onePacket = ports.length == 2 && ports[0] == ports[1] && Integer.bitCount(protocol) == 1;
        if (onePacket && from.singleAddress() && to.singleAddress()) {
            PacketVerdict p = ev.evaluate(protocol, from.ranges()[0], 0, to.ranges()[0], (int) ports[0]);
            return new NsgStep(d, c.subnet(), c.nsg(), p.verdict(), p.rule(), null);
        }
        AddressSpace space = c.space();
        Traffic q = new Traffic(protocol, set(from, space), Ports.ALL, set(to, space), ports);
        Evaluation e = ev.evaluate(q);
        CompiledRule rule = e.verdict().blocked() ? e.firstDeny()
                : e.verdict() == Verdict.INDETERMINATE ? e.uncertainRules().get(0)
                : e.decisions().isEmpty() ? null : e.decisions().get(0).rule();
        return new NsgStep(d, c.subnet(), c.nsg(), e.verdict(), rule, e);
    }

    private static AddressSet set(Endpoint e, AddressSpace space) {
        return e.tag() != null ? space.resolve(e.tag()) : new AddressSet(e.ranges(), 0);
    }

    private RouteEntry tagRoute(Compiled c, String tag) {
        RouteEntry broadest = null;
        for (RouteEntry e : c.routes().entries()) if (e.prefixLength() == 0 && broadest == null) broadest = e;
        if (c.subnet().routeTableId() != null) {
            var table = design.routeTable(c.subnet().routeTableId()).orElse(null);
            if (table != null) {
                for (Route r : table.routes()) {
                    if (tag.equalsIgnoreCase(r.addressPrefix())) {
                        return new RouteEntry(r.name(), r.addressPrefix(), 0, Cidr.MAX, 0, r.nextHopType(), r.nextHopIpAddress(), RouteEntry.Origin.USER, r);
                    }
                }
            }
        }
        return broadest;
    }

    private static Verdict combine(Verdict a, Verdict b) {
        List<Verdict> order = List.of(Verdict.DENIED, Verdict.PARTIAL, Verdict.INDETERMINATE, Verdict.ALLOWED_BY_DEFAULT, Verdict.ALLOWED);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    /** The subnet whose prefixes hold all of {@code ranges}, or null. */
    private Subnet subnetHolding(long[] ranges) {
        for (Compiled c : inOrder) if (c.addresses().length > 0 && Intervals.containsAll(c.addresses(), ranges)) return c.subnet();
        return null;
    }


}
