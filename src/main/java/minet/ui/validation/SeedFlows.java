package minet.ui.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import minet.layout.Diagram;
import minet.layout.DiagramFlow;
import minet.layout.DiagramLayout;
import minet.layout.DiagramNode;
import minet.layout.NodeKind;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ExternalNetwork;
import minet.model.ResourcePaths;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.Seed;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.CompiledRule;
import minet.rules.eval.Evaluation;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.Traffic;
import minet.rules.eval.Verdict;
import minet.ui.canvas.FlowState;
import minet.ui.validation.Analysis.FlowVerdict;

/**
 * The verdict of each seed flow drawn on the canvas: the flow's traffic (ports, protocol, source and destination
 * as the seed states them) evaluated by the engine's {@link NsgEvaluator} against the MI subnet's NSG.
 */
public final class SeedFlows implements ValidationViewModel.FlowAnalyzer {

    @Override public Map<String, FlowVerdict> verdicts(Design d) {
        Diagram diagram = DiagramLayout.of(d);
        Map<String, DiagramNode> nodes = diagram.byId();
        Map<String, FlowVerdict> out = new LinkedHashMap<>();
        Compiled compiled = new Compiled(d);
        for (DiagramFlow f : diagram.flows()) {
            if (!f.kind().governed()) continue;
            Optional<Subnet> subnet = miSubnet(d, nodes, f.toId()).or(() -> miSubnet(d, nodes, f.fromId()));
            if (subnet.isEmpty()) continue;
            out.put(f.id(), verdict(d, nodes, f, subnet.get(), compiled));
        }
        return out;
    }

    /** Address spaces and compiled NSGs of one run: several flows share a subnet's NSG (1000 rules at Azure's limit). */
    private static final class Compiled {
        private final Design design;
        private final Map<VirtualNetwork, AddressSpace> spaces = new java.util.IdentityHashMap<>();
        // AddressSpace has identity equality: one per VNet of this run.
        private final Map<List<Object>, NsgEvaluator> evaluators = new java.util.HashMap<>();

        Compiled(Design design) { this.design = design; }

        AddressSpace space(VirtualNetwork v) { return spaces.computeIfAbsent(v, x -> AddressSpace.of(design, x)); }

        NsgEvaluator evaluator(SecurityGroup nsg, Direction dir, AddressSpace space) {
            return evaluators.computeIfAbsent(List.of(space, nsg.id(), dir), k -> NsgEvaluator.of(nsg, dir, space));
        }
    }

    private static Optional<Subnet> miSubnet(Design d, Map<String, DiagramNode> nodes, String nodeId) {
        DiagramNode n = nodes.get(nodeId);
        while (n != null && n.kind() != NodeKind.MI_SUBNET) n = n.parentId() == null ? null : nodes.get(n.parentId());
        return n == null ? Optional.empty() : d.subnet(n.elementId());
    }

    private static FlowVerdict verdict(Design d, Map<String, DiagramNode> nodes, DiagramFlow f, Subnet s, Compiled c) {
        VirtualNetwork vnet = d.vnetOf(s).orElse(null);
        if (vnet == null) return new FlowVerdict(FlowState.UNKNOWN, "");
        AddressSpace space = c.space(vnet);
        SecurityGroup nsg = s.nsgId() == null ? null : d.securityGroup(s.nsgId()).orElse(null);
        AddressSet subnet = space.resolveAll(s.addressPrefixes());
        switch (f.kind()) {
            case TDS:
                return inbound(c, nsg, space, Protocols.TCP, clients(d, nodes, f, space), subnet, List.of(Seed.TDS_PORT));
            case REDIRECT:
                return inbound(c, nsg, space, Protocols.TCP, clients(d, nodes, f, space), subnet, List.of(Seed.REDIRECT_PORTS));
            case MANAGEMENT_INBOUND:
                return inbound(c, nsg, space, Protocols.TCP, space.internet(), subnet, Seed.MANAGEMENT_INBOUND_PORTS);
            case HEALTH_PROBE:
                return inbound(c, nsg, space, Protocols.ALL, space.loadBalancer(), subnet, List.of("*"));
            case INTRA_SUBNET: {
                FlowVerdict in = inbound(c, nsg, space, Protocols.ALL, subnet, subnet, List.of("*"));
                FlowVerdict out = evaluate(c, nsg, Direction.OUTBOUND, space, Protocols.ALL, subnet, subnet, List.of("*"));
                return in.state() == FlowState.ALLOWED ? out : in;
            }
            case MANAGEMENT_OUTBOUND:
                return evaluate(c, nsg, Direction.OUTBOUND, space, Protocols.TCP, subnet, space.resolve("AzureCloud"),
                        Seed.MANAGEMENT_OUTBOUND_PORTS);
            case REPLICATION: {
                String tag = external(d, nodes, f.toId()).map(ExternalNetwork::serviceTag).orElse("Storage");
                return evaluate(c, nsg, Direction.OUTBOUND, space, Protocols.TCP, subnet, space.resolve(tag),
                        List.of(Seed.REPLICATION_PORT));
            }
            default:
                return new FlowVerdict(FlowState.UNKNOWN, "");
        }
    }

    /** Where the clients of a TDS or redirect flow are: their own prefixes, else anywhere in the virtual network. */
    private static AddressSet clients(Design d, Map<String, DiagramNode> nodes, DiagramFlow f, AddressSpace space) {
        return external(d, nodes, f.fromId())
                .filter(e -> !e.addressPrefixes().isEmpty())
                .map(e -> space.resolveAll(e.addressPrefixes()))
                .orElse(space.virtualNetwork());
    }

    private static Optional<ExternalNetwork> external(Design d, Map<String, DiagramNode> nodes, String nodeId) {
        DiagramNode n = nodes.get(nodeId);
        if (n == null || n.elementId() == null) return Optional.empty();
        return d.externalNetworks().stream().filter(e -> e.id().equalsIgnoreCase(n.elementId())).findFirst();
    }

    private static FlowVerdict inbound(Compiled c, SecurityGroup nsg, AddressSpace space, int protocols, AddressSet from,
                                       AddressSet to, List<String> ports) {
        return evaluate(c, nsg, Direction.INBOUND, space, protocols, from, to, ports);
    }

    private static FlowVerdict evaluate(Compiled c, SecurityGroup nsg, Direction dir, AddressSpace space, int protocols,
                                        AddressSet from, AddressSet to, List<String> ports) {
        if (nsg == null) return new FlowVerdict(FlowState.ALLOWED, "no NSG on the MI subnet, so Azure allows all traffic");
        Evaluation e = c.evaluator(nsg, dir, space).evaluate(Traffic.of(protocols, from, to, Ports.parseAll(ports)));
        Verdict v = e.verdict();
        if (v.blocked()) return new FlowVerdict(FlowState.BLOCKED, "decided by " + describe(nsg, e.firstDeny()));
        if (v.allowed()) {
            List<CompiledRule> allowing = e.allowingRules();
            return new FlowVerdict(FlowState.ALLOWED, "decided by "
                    + (allowing.isEmpty() ? "the NSG" : describe(nsg, allowing.get(0)))
                    + (v == Verdict.ALLOWED_BY_DEFAULT ? " (a default rule: fragile)" : ""));
        }
        List<CompiledRule> uncertain = e.uncertainRules();
        return new FlowVerdict(FlowState.UNKNOWN, "cannot tell offline: "
                + (uncertain.isEmpty() ? "a service tag decides" : describe(nsg, uncertain.get(0)) + " uses a service tag"));
    }

    /** "networkSecurityGroups/n/securityRules/deny_all (priority 4096)" or "default rule DenyAllInBound". */
    static String describe(SecurityGroup nsg, CompiledRule r) {
        if (r == null) return "the NSG";
        if (r.isDefault()) return "default rule " + r.name();
        return ResourcePaths.rule(nsg, r.rule()) + " (priority " + r.priority() + ")";
    }
}
