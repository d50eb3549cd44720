package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.ResourcePaths;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.SecurityRule;
import minet.model.VirtualNetwork;
import minet.rules.AzureRules;
import minet.rules.Catalog;
import minet.rules.Profile;
import minet.rules.Seed;
import minet.rules.Severity;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.CompiledRule;
import minet.rules.eval.Decision;
import minet.rules.eval.Evaluation;
import minet.rules.eval.Intervals;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.Traffic;
import minet.rules.eval.Verdict;

/**
 * MI-NSG-*: the NSG traffic the profile's era requires, checked as sets of traffic through the MI subnet's NSG. In a
 * service-aided era Azure writes the mandatory rules itself: a template or plan is judged with them in place (as
 * Azure deploys it), a live configuration as it is.
 */
final class MiNsgChecks {
    private MiNsgChecks() {}

    /** A traffic requirement: what must be allowed, in words for messages, and the rule that allows it (ours or Azure's). */
    record Need(String ruleId, Direction direction, Traffic traffic, String sourceLabel, String destinationLabel, String fixRule) {}

    static void run(Scope scope, Subnet s, VirtualNetwork vnet, SecurityGroup nsg, Findings out) {
        AddressSet mi = Scope.addresses(s);
        if (mi == null) return; // NET-ADDRESS reports the prefix
        Profile profile = scope.profile();
        AddressSpace space = scope.space(vnet);
        String miLabel = Scope.prefixes(s);
        String region = scope.region(s, vnet);
        Design d = scope.design();
        List<ManagedInstance> instances = d.instancesIn(s);
        String unknown = unknownPrefixNote(s);

        // A template or plan of a service-aided era: Azure adds its rules at deployment, before the user's.
        SecurityGroup judged = profile.serviceAided() && !scope.live() ? IntentChecks.asDeployed(nsg, s, profile, region) : nsg;
        NsgEvaluator in = judged == nsg ? scope.evaluator(nsg, vnet, Direction.INBOUND) : NsgEvaluator.of(judged, Direction.INBOUND, space);
        NsgEvaluator outb = judged == nsg ? scope.evaluator(nsg, vnet, Direction.OUTBOUND) : NsgEvaluator.of(judged, Direction.OUTBOUND, space);

        Map<Profile.NsgRequirement, Evaluation> done = new LinkedHashMap<>();
        for (Profile.NsgRequirement q : profile.mandatory()) {
            Need n = need(q, nsg, space, mi, miLabel, region);
            if (n == null) continue; // a paired region: not known offline (IntentChecks names Azure's rule when it is missing)
            NsgEvaluator ev = q.direction() == Direction.INBOUND ? in : outb;
            done.put(q, mandatory(scope, s, nsg, ev, n, unknown, out));
        }

        if (profile.runs(Catalog.MI_NSG_IN_MANAGEMENT_SINGLE_RULE)) {
            for (Map.Entry<Profile.NsgRequirement, Evaluation> e : done.entrySet()) {
                Profile.NsgRequirement q = e.getKey();
                if (q.ruleId().equals(Catalog.MI_NSG_IN_MANAGEMENT)) {
                    singleRule(Catalog.MI_NSG_IN_MANAGEMENT_SINGLE_RULE, nsg, s, e.getValue(), q.ports(), "inbound", q.fixName(), out);
                } else if (q.ruleId().equals(Catalog.MI_NSG_OUT_MANAGEMENT)) {
                    singleRule(Catalog.MI_NSG_OUT_MANAGEMENT_SINGLE_RULE, nsg, s, e.getValue(), q.ports(), "outbound", q.fixName(), out);
                }
            }
        }
        if (profile.runs(Catalog.MI_NSG_ORDER)) {
            for (Direction dir : Direction.values()) {
                List<Evaluation> es = new ArrayList<>();
                done.forEach((q, e) -> { if (q.direction() == dir) es.add(e); });
                order(nsg, s, dir, es, out);
            }
        }
        if (profile.serviceAided()) IntentChecks.rules(scope, s, nsg, region, out);

        if (profile.runs(Catalog.MI_NSG_REPLICATION)) {
            List<String> publishers = instances.stream().filter(m -> m.replicationRole().needsFileShare()).map(ManagedInstance::name).toList();
            if (!publishers.isEmpty()) {
                Need repl = new Need(Catalog.MI_NSG_REPLICATION, Direction.OUTBOUND,
                        Traffic.of(Protocols.TCP, mi, space.resolve("Storage"), Ports.parseAll(List.of(Seed.REPLICATION_PORT))), miLabel,
                        "Storage (Azure file share)", Seed.RULE_REPLICATION_OUT);
                Evaluation e = outb.evaluate(repl.traffic());
                String why = " (instance " + String.join(", ", publishers) + " publishes or distributes with transactional replication)";
                if (e.verdict().blocked()) report(repl, Severity.ERROR, nsg, s, e, out, why, unknown);
                else if (e.verdict() == Verdict.INDETERMINATE) report(repl, Severity.WARNING, nsg, s, e, out, why, unknown);
            }
        }

        // Data endpoint: proxy 1433 always; redirect 11000–11999 unless every instance is set to Proxy.
        boolean redirect = instances.isEmpty() || instances.stream().anyMatch(m -> m.connectionType().usesRedirect());
        List<Need> data = new ArrayList<>();
        data.add(new Need(Catalog.MI_NSG_DATA, Direction.INBOUND, Traffic.of(Protocols.TCP, space.virtualNetwork(), mi,
                Ports.parseAll(List.of(Seed.TDS_PORT))), "VirtualNetwork", miLabel, Seed.RULE_TDS_IN));
        if (redirect) {
            data.add(new Need(Catalog.MI_NSG_DATA, Direction.INBOUND, Traffic.of(Protocols.TCP, space.virtualNetwork(), mi,
                    Ports.parseAll(List.of(Seed.REDIRECT_PORTS))), "VirtualNetwork", miLabel, Seed.RULE_REDIRECT_IN));
        }
        for (Need n : data) {
            Evaluation e = in.evaluate(n.traffic());
            if (e.verdict().blocked()) report(n, Severity.WARNING, nsg, s, e, out, ": clients in the virtual network cannot reach the data endpoint", unknown);
        }

        exposed(nsg, s, in, Traffic.of(Protocols.TCP, space.publicInternet(), mi, Ports.parseAll(List.of(Seed.TDS_PORT, Seed.REDIRECT_PORTS))), miLabel, out);

        if (profile.runs(Catalog.MI_NSG_PUBLIC_ENDPOINT)) publicEndpoint(nsg, s, in, space, mi, miLabel, instances, unknown, out);
        if (profile.runs(Catalog.MI_NSG_PLATFORM_DNS)) platformDns(nsg, s, out);
    }

    /** The requirement as traffic from this subnet's point of view; null when it names a region not known offline. */
    private static Need need(Profile.NsgRequirement q, SecurityGroup nsg, AddressSpace space, AddressSet mi, String miLabel, String region) {
        List<String> dest = q.destinations();
        if (dest.stream().anyMatch(x -> x.contains("{"))) {
            // Storage.<region>: Azure's own rule names the region where it is present; else the instance's region.
            java.util.Optional<SecurityRule> azure = q.azureStem() == null ? java.util.Optional.empty() : AzureRules.find(nsg, q.azureStem());
            if (azure.isPresent()) dest = azure.get().destinationPrefixes();
            else if (region != null && dest.stream().noneMatch(x -> x.contains(AzureRules.PAIRED_REGION))) dest = dest.stream().map(x -> x.replace(AzureRules.REGION, region)).toList();
            else return null;
        }
        AddressSet from = side(q.mustCover(), space, mi), to = side(dest, space, mi);
        return new Need(q.ruleId(), q.direction(), Traffic.of(Protocols.parse(q.protocol()), from, to, Ports.parseAll(q.ports())),
                label(q.mustCover(), miLabel), label(dest, miLabel), q.fixName() != null ? q.fixName() : AzureRules.PREFIX + q.azureStem());
    }

    private static AddressSet side(List<String> tokens, AddressSpace space, AddressSet mi) {
        AddressSet acc = AddressSet.EMPTY;
        for (String t : tokens) acc = acc.union(AzureRules.SUBNET.equals(t) ? mi : space.resolve(t));
        return acc;
    }

    private static String label(List<String> tokens, String miLabel) {
        return String.join(", ", tokens.stream().map(t -> AzureRules.SUBNET.equals(t) ? miLabel : t).toList());
    }

    /** " (subnet 'mi' has address prefix {x}, not known offline: template.json line 40)", or "" when every prefix is known. */
    static String unknownPrefixNote(Subnet s) {
        List<String> unknown = Scope.unknownPrefixes(s);
        if (unknown.isEmpty()) return "";
        return "subnet '" + s.name() + "' has address prefix " + String.join(", ", unknown) + ", not known offline"
                + (s.source() == null ? "" : " (" + s.source().describe() + ")");
    }

    /** Evaluates a mandatory requirement and reports a block (error), a default-only allow or an undecidable case (warning). */
    private static Evaluation mandatory(Scope scope, Subnet s, SecurityGroup nsg, NsgEvaluator ev, Need n, String unknown, Findings out) {
        Evaluation e = ev.evaluate(n.traffic());
        switch (e.verdict()) {
            case PARTIAL, DENIED -> report(n, Severity.ERROR, nsg, s, e, out, "", unknown);
            case INDETERMINATE -> report(n, Severity.WARNING, nsg, s, e, out, "", unknown);
            // Azure writes the rule in service-aided eras (a missing one is MI-INTENT-RULES'): only ours would be fragile.
            case ALLOWED_BY_DEFAULT -> { if (!scope.profile().serviceAided()) report(n, Severity.WARNING, nsg, s, e, out, "", unknown); }
            default -> { }
        }
        return e;
    }

    /** A default rule denies: either nothing allowed the traffic, or user rules allowed only part of it. */
    private static String defaultDenial(Evaluation e, CompiledRule deny) {
        List<String> partial = e.allowingRules().stream().filter(r -> !r.isDefault()).map(CompiledRule::describe).toList();
        if (partial.isEmpty()) return "no rule allows it, so " + deny.describe() + " denies it";
        return String.join(", ", partial) + (partial.size() == 1 ? " allows" : " allow") + " only part of it, so "
                + deny.describe() + " denies the rest";
    }

    private static void report(Need n, Severity sev, SecurityGroup nsg, Subnet s, Evaluation e, Findings out, String why, String unknown) {
        String dir = n.direction().azure().toLowerCase(Locale.ROOT);
        Traffic q = n.traffic();
        String nsgLabel = "NSG '" + nsg.name() + "'";
        String message;
        Map<String, Object> det = details("nsgId", nsg.id(), "subnetId", s.id(), "subnet", Scope.prefixes(s), "direction", n.direction().azure(),
                "protocol", Protocols.describe(q.protocols()), "ports", Ports.list(q.destinationPorts()), "source", n.sourceLabel(),
                "destination", n.destinationLabel(), "verdict", e.verdict().name(), "decidingRules", Scope.names(decidingRules(e)),
                "suggestedRule", n.fixRule());
        if (e.verdict().blocked()) {
            CompiledRule deny = e.firstDeny();
            long[] blockedPorts = Intervals.intersect(e.deniedDestinationPorts(), q.destinationPorts());
            String what = describe(e.deniedProtocols() & q.protocols(), blockedPorts, q.destinationPorts());
            message = nsgLabel + " blocks " + dir + " " + what + " from " + n.sourceLabel() + " to " + n.destinationLabel() + ": "
                    + (deny.isDefault() ? defaultDenial(e, deny)
                       : allowedBefore(e, deny) ? deny.describe() + " denies what the rules before it leave unallowed"
                       : deny.describe() + " denies it before any allow") + why;
            det.put("blockedPorts", Ports.list(blockedPorts));
            det.put("denyingRule", deny.name());
            det.put("denyingRulePriority", deny.rule().priority());
            det.put("denyingRuleIsDefault", deny.isDefault());
        } else if (e.verdict() == Verdict.INDETERMINATE) {
            CompiledRule doubt = e.uncertainRules().get(0);
            message = "Cannot tell offline whether " + nsgLabel + " allows " + dir + " " + describe(q.protocols(), q.destinationPorts(), q.destinationPorts())
                    + " from " + n.sourceLabel() + " to " + n.destinationLabel() + ": " + doubt.describe()
                    + " may match part of it (" + (unknown.isEmpty() ? "a service tag's addresses are not known offline" : unknown) + ")" + why;
            det.put("uncertainRules", Scope.names(e.uncertainRules()));
            if (!unknown.isEmpty()) det.put("unknownPrefixes", Scope.unknownPrefixes(s));
        } else {
            List<CompiledRule> defaults = e.allowingRules().stream().filter(CompiledRule::isDefault).toList();
            String names = defaults.isEmpty() ? "Azure's default rules" : String.join(", ", defaults.stream().map(CompiledRule::describe).toList());
            message = nsgLabel + " allows " + dir + " " + describe(q.protocols(), q.destinationPorts(), q.destinationPorts()) + " from "
                    + n.sourceLabel() + " to " + n.destinationLabel() + (e.onlyDefaultRulesAllow() ? " only through " : " partly only through ")
                    + names + "; add '" + n.fixRule() + "' so that a later rule cannot break it";
            det.put("defaultRules", Scope.names(defaults));
        }
        det.put("allowingRules", Scope.names(e.allowingRules().stream().filter(r -> !r.isDefault()).toList()));
        out.add(n.ruleId(), sev, ResourcePaths.nsg(nsg), message, det, nsg.id(), nsg.source());
    }

    /** Split ports: several user rules allow the management ports and none of them carries all of them. */
    private static void singleRule(String ruleId, SecurityGroup nsg, Subnet s, Evaluation e, List<String> ports, String dir, String fixRule, Findings out) {
        // A complete set of Azure's own rules is never "split": it is what Azure writes.
        List<CompiledRule> allowing = e.allowingRules().stream().filter(r -> !r.isDefault() && !AzureRules.isAzure(r.rule())).toList();
        if (allowing.size() < 2) return;
        long[] all = Ports.parseAll(ports);
        for (CompiledRule r : allowing) if (Intervals.containsAll(r.match().destinationPorts(), all)) return;
        List<String> names = Scope.names(allowing);
        out.add(ruleId, Severity.ERROR, ResourcePaths.nsg(nsg), "NSG '" + nsg.name() + "' splits the " + dir + " management ports "
                + String.join(", ", ports) + " over " + names.size() + " rules (" + quoted(names)
                + "); deployment fails with VnetSubnetConflictWithIntendedPolicy unless one rule carries all of them",
                details("nsgId", nsg.id(), "subnetId", s.id(), "subnet", Scope.prefixes(s), "direction", dir.equals("inbound") ? "Inbound" : "Outbound",
                        "rules", names, "ports", ports, "suggestedRule", fixRule), nsg.id(), nsg.source());
    }

    /** The rules that decide mandatory traffic come before every other rule of their direction. */
    private static void order(SecurityGroup nsg, Subnet s, Direction d, List<Evaluation> evaluations, Findings out) {
        Set<CompiledRule> mandatory = new LinkedHashSet<>();
        for (Evaluation e : evaluations) {
            for (CompiledRule r : e.allowingRules()) if (!r.isDefault()) mandatory.add(r);
        }
        if (mandatory.isEmpty()) return;
        CompiledRule last = null;
        for (CompiledRule r : mandatory) if (last == null || r.priority() > last.priority()) last = r;
        List<String> before = new ArrayList<>();
        minet.model.SecurityRule first = null;
        for (var r : nsg.rules(d)) {
            if (r.priority() == null || r.priority() >= last.priority() || AzureRules.isAzure(r)) continue;
            if (mandatory.stream().noneMatch(m -> m.rule() == r)) {
                before.add(r.name());
                if (first == null || r.priority() < first.priority()) first = r;
            }
        }
        if (before.isEmpty()) return;
        CompiledRule overtaken = null;
        for (CompiledRule m : mandatory) {
            if (m.priority() > first.priority() && (overtaken == null || m.priority() < overtaken.priority())) overtaken = m;
        }
        String dir = d.azure().toLowerCase(Locale.ROOT);
        out.add(Catalog.MI_NSG_ORDER, Severity.WARNING, ResourcePaths.nsg(nsg), "NSG '" + nsg.name() + "': rule '" + first.name() + "' (priority "
                + first.priority() + ")" + (before.size() > 1 ? " and " + (before.size() - 1) + " more" : "") + (before.size() > 1 ? " come" : " comes") + " before the mandatory "
                + dir + " " + overtaken.describe() + "; the 04/2019 document wants the mandatory rules before any other rule",
                details("nsgId", nsg.id(), "subnetId", s.id(), "direction", d.azure(), "mandatoryRules", Scope.names(new ArrayList<>(mandatory)),
                        "precedingRules", before), nsg.id(), nsg.source());
    }

    /** Every user rule that opens the data endpoint to Internet sources. */
    private static void exposed(SecurityGroup nsg, Subnet s, NsgEvaluator in, Traffic q, String miLabel, Findings out) {
        Evaluation e = in.evaluate(q);
        for (CompiledRule r : e.allowingRules()) {
            if (r.isDefault()) continue;
            long[] ports = Intervals.EMPTY;
            for (Decision d : e.decisions()) if (d.rule() == r && d.certain()) ports = Intervals.union(ports, d.portion().destinationPorts());
            out.add(Catalog.MI_NSG_EXPOSED, Severity.WARNING, ResourcePaths.rule(nsg, r.rule()), "NSG '" + nsg.name() + "': " + r.describe()
                    + " opens TCP " + Ports.describe(ports) + " on " + miLabel + " to Internet sources; narrow its source to the clients that need it",
                    details("nsgId", nsg.id(), "subnetId", s.id(), "rule", r.name(), "ports", Ports.list(ports),
                            "sourcePrefixes", r.rule().sourcePrefixes()), nsg.id(), r.rule().source() != null ? r.rule().source() : nsg.source());
        }
    }

    /** True when some user allow comes before {@code deny} for this traffic. */
    private static boolean allowedBefore(Evaluation e, CompiledRule deny) {
        for (CompiledRule r : e.allowingRules()) if (!r.isDefault() && r.priority() < deny.priority()) return true;
        return false;
    }

    private static List<CompiledRule> decidingRules(Evaluation e) {
        Set<CompiledRule> out = new LinkedHashSet<>();
        for (Decision d : e.decisions()) out.add(d.rule());
        return new ArrayList<>(out);
    }

    /** "TCP 9003", "TCP 80, 443", "any protocol", "UDP (any port)". */
    static String describe(int protocols, long[] ports, long[] asked) {
        boolean allPorts = ports.length == 2 && ports[0] == 0 && ports[1] == Ports.MAX;
        String p = protocols == Protocols.ALL ? (allPorts ? "traffic of any protocol" : "traffic to port " + Ports.describe(ports))
                                              : Protocols.describe(protocols) + (allPorts ? "" : " " + Ports.describe(ports));
        return p;
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    /** MI-NSG-PUBLIC-ENDPOINT: an instance with its public endpoint enabled is reachable on TCP 3342 from some source. */
    private static void publicEndpoint(SecurityGroup nsg, Subnet s, NsgEvaluator in, AddressSpace space, AddressSet mi, String miLabel,
                                       List<ManagedInstance> instances, String unknown, Findings out) {
        List<String> publicOnes = instances.stream().filter(ManagedInstance::publicDataEndpoint).map(ManagedInstance::name).toList();
        if (publicOnes.isEmpty()) return;
        Need n = new Need(Catalog.MI_NSG_PUBLIC_ENDPOINT, Direction.INBOUND,
                Traffic.of(Protocols.TCP, space.internet(), mi, Ports.parseAll(List.of(Seed.PUBLIC_ENDPOINT_PORT))), "Internet", miLabel,
                Seed.RULE_PUBLIC_ENDPOINT_IN);
        Evaluation e = in.evaluate(n.traffic());
        if (e.verdict() == Verdict.DENIED) {
            report(n, Severity.WARNING, nsg, s, e, out, ": instance " + String.join(", ", publicOnes)
                    + " has its public endpoint enabled, but no client can reach it", unknown);
        }
    }

    /** MI-NSG-PLATFORM-DNS: a Deny rule naming the AzurePlatformDNS tag renders the instance unavailable. */
    private static void platformDns(SecurityGroup nsg, Subnet s, Findings out) {
        for (SecurityRule r : nsg.rules()) {
            if (r.access() != minet.model.Access.DENY || AzureRules.isAzure(r)) continue;
            boolean names = r.sourcePrefixes().stream().anyMatch(MiNsgChecks::isPlatformDns) || r.destinationPrefixes().stream().anyMatch(MiNsgChecks::isPlatformDns);
            if (!names) continue;
            out.add(Catalog.MI_NSG_PLATFORM_DNS, Severity.ERROR, ResourcePaths.rule(nsg, r), "NSG '" + nsg.name() + "': rule '" + r.name()
                    + "' denies traffic of the AzurePlatformDNS service tag; blocking platform DNS renders the managed instance unavailable",
                    details("nsgId", nsg.id(), "subnetId", s.id(), "rule", r.name()), nsg.id(), r.source() != null ? r.source() : nsg.source());
        }
    }

    private static boolean isPlatformDns(String p) {
        return p != null && p.trim().equalsIgnoreCase("AzurePlatformDNS");
    }
}
