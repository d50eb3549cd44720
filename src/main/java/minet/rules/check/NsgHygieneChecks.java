package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import minet.model.Direction;
import minet.model.ResourcePaths;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Unknowns;
import minet.model.VirtualNetwork;
import minet.model.Source;
import minet.rules.AzureRules;
import minet.rules.Catalog;
import minet.rules.Severity;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;
import minet.rules.eval.CompiledRule;
import minet.rules.eval.Ports;
import minet.rules.eval.NsgEvaluator;
import minet.rules.eval.Protocols;
import minet.rules.eval.Traffic;

/** NSG-PRIORITY, NSG-RULE, NSG-SHADOWED, NSG-LIMIT: every NSG of the design, MI or not. */
final class NsgHygieneChecks {
    private NsgHygieneChecks() {}

    static final int MAX_RULES = 1000;
    /** Azure's rule name: 1–80 chars of letters, digits, _ . -; starts with a letter or digit, ends with a letter, digit or _. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?");
    /** Shadowing is given up on past this many pieces (it is a warning; the budget keeps validation live). */
    private static final int MAX_PIECES = 128;

    static void run(Scope scope, SecurityGroup nsg, Findings out) {
        String label = "NSG '" + nsg.name() + "'";
        if (nsg.rules().size() > MAX_RULES) {
            out.add(Catalog.NSG_LIMIT, Severity.ERROR, ResourcePaths.nsg(nsg), label + " has " + nsg.rules().size()
                    + " rules; Azure allows at most " + MAX_RULES, details("nsgId", nsg.id(), "rules", nsg.rules().size(), "limit", MAX_RULES),
                    nsg.id(), nsg.source());
        }
        Map<String, SecurityRule> byName = new HashMap<>();
        Map<String, SecurityRule> byPriority = new HashMap<>();
        for (SecurityRule r : nsg.rules()) {
            String path = ResourcePaths.rule(nsg, r);
            Source src = r.source() != null ? r.source() : nsg.source();
            String rl = "Rule '" + r.name() + "' in " + label;
            // NSG-PRIORITY
            if (r.priority() == null) {
                out.add(Catalog.NSG_PRIORITY, Severity.ERROR, path, rl + " has no priority", details("nsgId", nsg.id(), "rule", r.name()), nsg.id(), src);
            } else if (r.priority() < 100 || r.priority() > 4096) {
                out.add(Catalog.NSG_PRIORITY, Severity.ERROR, path, rl + " has priority " + r.priority() + "; priorities must be within 100–4096",
                        details("nsgId", nsg.id(), "rule", r.name(), "priority", r.priority()), nsg.id(), src);
            } else if (r.direction() != null) {
                SecurityRule other = byPriority.putIfAbsent(r.direction() + "/" + r.priority(), r);
                if (other != null && (AzureRules.isAzure(other) || AzureRules.isAzure(r))) {
                    SecurityRule azure = AzureRules.isAzure(other) ? other : r, user = azure == other ? r : other;
                    out.add(Catalog.MI_INTENT_RULES, Severity.ERROR, ResourcePaths.rule(nsg, user), "Rule '" + user.name() + "' in " + label + " takes "
                            + r.direction().azure().toLowerCase(Locale.ROOT) + " priority " + r.priority() + " of Azure's rule '" + azure.name()
                            + "'; Azure refuses a rule that collides with its own (ConflictWithNetworkIntentPolicy): give it another priority",
                            details("nsgId", nsg.id(), "rule", user.name(), "priority", r.priority(), "direction", r.direction().azure(),
                                    "azureRule", azure.name(), "problem", "priorityCollision"), nsg.id(), user.source() != null ? user.source() : src);
                } else if (other != null) {
                    out.add(Catalog.NSG_PRIORITY, Severity.ERROR, path, rl + " has " + r.direction().azure().toLowerCase(Locale.ROOT) + " priority "
                            + r.priority() + ", already used by rule '" + other.name() + "'",
                            details("nsgId", nsg.id(), "rule", r.name(), "priority", r.priority(), "direction", r.direction().azure(),
                                    "otherRule", other.name()), nsg.id(), src);
                }
            }
            // NSG-RULE; a value not known offline is no problem of form: {field, value} to say, unless a note does
            List<String[]> problems = new ArrayList<>();
            List<String[]> unknowns = new ArrayList<>();
            if (AzureRules.isAzure(r)) {
                // Azure's own names (up to ~90 characters with the range and version) are Azure's business.
            } else if (Unknowns.has(r.name())) {
                unknowns.add(new String[] {"name", r.name()});
            } else if (r.name() == null || !NAME.matcher(r.name()).matches()) {
                problems.add(new String[] {"name", "has an invalid name: 1–80 letters, digits, '_', '.', '-', starting with a letter or digit and ending with a letter, digit or '_'"});
            } else {
                SecurityRule dup = byName.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r);
                if (dup != null) problems.add(new String[] {"duplicateName", "has the same name as another rule of the NSG"});
            }
            if (r.direction() == null) problems.add(new String[] {"direction", "has no direction (Inbound or Outbound)"});
            if (r.access() == null) problems.add(new String[] {"access", "has no access (Allow or Deny)"});
            if (Unknowns.has(r.protocol())) {
                unknowns.add(new String[] {"protocol", r.protocol()});
            } else if (Protocols.parse(r.protocol()) == 0) {
                problems.add(new String[] {"protocol", "has protocol '" + r.protocol() + "'; use Tcp, Udp, Icmp, Esp, Ah or *"});
            }
            portProblems("source", r.sourcePortRange(), r.sourcePortRanges(), problems, unknowns);
            portProblems("destination", r.destinationPortRange(), r.destinationPortRanges(), problems, unknowns);
            prefixProblems("source", r.sourceAddressPrefix(), r.sourceAddressPrefixes(), r.sourceApplicationSecurityGroups(), problems, unknowns);
            prefixProblems("destination", r.destinationAddressPrefix(), r.destinationAddressPrefixes(), r.destinationApplicationSecurityGroups(), problems, unknowns);
            for (String[] p : problems) {
                out.add(Catalog.NSG_RULE, Severity.ERROR, path, rl + " " + p[1], details("nsgId", nsg.id(), "rule", r.name(), "problem", p[0]), nsg.id(), src);
            }
            for (String[] u : unknowns) {
                if (UnknownValues.said(scope.design(), out, u[1])) continue;
                out.add(Catalog.NSG_RULE, Severity.WARNING, path, rl + " has " + u[0] + " '" + u[1] + "', which holds a value not known offline ("
                        + UnknownValues.names(u[1]) + "): cannot tell whether it is valid",
                        details("nsgId", nsg.id(), "rule", r.name(), "problem", "unknown", "field", u[0], "unknown", Unknowns.in(u[1])), nsg.id(), src);
            }
        }
        shadowed(scope, nsg, out);
    }

    /** A rough log-size of a box, to subtract big rules first. */
    private static double volume(Traffic t) {
        return Math.log(Integer.bitCount(t.protocols())) + Math.log(Intervals.count(t.destinationPorts()))
                + Math.log(Intervals.count(t.sourcePorts())) + Math.log(1 + Intervals.count(t.source().ranges()) + 1e9 * Long.bitCount(t.source().atoms()))
                + Math.log(1 + Intervals.count(t.destination().ranges()) + 1e9 * Long.bitCount(t.destination().atoms()));
    }

    private static void portProblems(String side, String one, List<String> many, List<String[]> problems, List<String[]> unknowns) {
        boolean hasOne = one != null && !one.isBlank();
        if (hasOne && !many.isEmpty()) {
            problems.add(new String[] {"singularAndPlural", "sets both " + side + "PortRange and " + side + "PortRanges"});
        }
        if (!hasOne && many.isEmpty()) problems.add(new String[] {"missingPort", "has no " + side + " port"});
        List<String> all = new ArrayList<>(many);
        if (hasOne) all.add(one);
        for (String v : all) {
            if (Unknowns.has(v)) unknowns.add(new String[] {side + " port", v});
            else if (Ports.parse(v) == null) problems.add(new String[] {"port", "has " + side + " port '" + v + "'; use *, a port (0–65535) or a range like 11000-11999"});
        }
    }

    private static void prefixProblems(String side, String one, List<String> many, List<String> asgs, List<String[]> problems, List<String[]> unknowns) {
        boolean hasOne = one != null && !one.isBlank();
        if (hasOne && !many.isEmpty()) {
            problems.add(new String[] {"singularAndPlural", "sets both " + side + "AddressPrefix and " + side + "AddressPrefixes"});
        }
        if (!hasOne && many.isEmpty() && asgs.isEmpty()) problems.add(new String[] {"missingPrefix", "has no " + side + " address prefix"});
        List<String> all = new ArrayList<>(many);
        if (hasOne) all.add(one);
        for (String v : all) {
            String t = v.trim();
            if (Unknowns.has(t)) {
                unknowns.add(new String[] {side + " address prefix", v});
                continue;
            }
            if (t.equals("*") || Cidr.isAddressOrPrefix(t) || AddressSpace.looksLikeTag(t) || t.equalsIgnoreCase("Internet")
                    || t.equalsIgnoreCase("VirtualNetwork") || t.equalsIgnoreCase("AzureLoadBalancer")) continue;
            problems.add(new String[] {"prefix", "has " + side + " address prefix '" + v + "'; use *, an IP address, a CIDR or a service tag"});
        }
    }

    /** Batfish's filterLineReachability: a rule whose every packet earlier rules already decide. */
    private static void shadowed(Scope scope, SecurityGroup nsg, Findings out) {
        VirtualNetwork vnet = scope.vnetUsing(nsg);
        // A VNet whose address space is not known may hold more than its subnets: then only "*" or VirtualNetwork
        // in an earlier rule covers all of a later rule's VirtualNetwork.
        boolean vnetPartlyKnown = vnet != null && vnet.addressSpaces().isEmpty();
        AddressSpace space = vnetPartlyKnown ? AddressSpace.withUnknownVnetRest(scope.design(), vnet) : scope.space(vnet);
        for (Direction d : Direction.values()) {
            NsgEvaluator evaluator = vnetPartlyKnown ? NsgEvaluator.of(nsg, d, space) : scope.evaluator(nsg, vnet, d);
            List<CompiledRule> rules = evaluator.rules().stream().filter(r -> !r.isDefault()).toList();
            for (int i = 1; i < rules.size(); i++) {
                CompiledRule r = rules.get(i);
                // Azure's own rules shadowing each other is nothing the user can act on.
                if (r.match().isEmpty() || r.rule().priority() == null || AzureRules.isAzure(r.rule())) continue;
                // Only earlier rules that overlap this one matter; the broad ones first keep the pieces few.
                List<CompiledRule> candidates = new ArrayList<>();
                for (int j = 0; j < i; j++) if (rules.get(j).match().intersects(r.match())) candidates.add(rules.get(j));
                if (candidates.isEmpty()) continue;
                candidates.sort(java.util.Comparator.comparingDouble((CompiledRule c) -> -volume(c.match())));
                List<Traffic> rest = List.of(r.match());
                Set<CompiledRule> used = new java.util.HashSet<>();
                for (CompiledRule c : candidates) {
                    if (rest.isEmpty() || rest.size() > MAX_PIECES) break;
                    Traffic m = c.match();
                    boolean hit = false;
                    for (Traffic t : rest) {
                        if (t.intersects(m)) {
                            hit = true;
                            break;
                        }
                    }
                    if (!hit) continue;
                    used.add(c);
                    List<Traffic> next = new ArrayList<>();
                    for (Traffic t : rest) next.addAll(t.subtract(m));
                    rest = next;
                }
                List<CompiledRule> by = candidates.stream().filter(used::contains).sorted(java.util.Comparator.comparingInt(rules::indexOf)).toList();
                if (!rest.isEmpty()) continue;
                List<CompiledRule> shadows = by;
                boolean differ = shadows.stream().anyMatch(s -> s.allows() != r.allows());
                String names = MiNsgChecks.quoted(Scope.names(shadows));
                out.add(Catalog.NSG_SHADOWED, Severity.WARNING, ResourcePaths.rule(nsg, r.rule()), "Rule '" + r.name() + "' in NSG '" + nsg.name()
                        + "' can never match: earlier " + (shadows.size() == 1 ? "rule " + names + " already decides" : "rules " + names + " already decide") + " all its traffic"
                        + (differ ? ", and at least one of them " + (r.allows() ? "denies" : "allows") + " what it would " + (r.allows() ? "allow" : "deny") : ""),
                        details("nsgId", nsg.id(), "rule", r.name(), "direction", d.azure(), "shadowedBy", Scope.names(shadows),
                                "differentAction", differ), nsg.id(), r.rule().source() != null ? r.rule().source() : nsg.source());
            }
        }
    }

}
