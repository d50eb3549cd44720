package minet.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Lists;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.AzureRules;
import minet.rules.Catalog;
import minet.rules.Seed;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.CompiledRule;
import minet.rules.eval.Ports;
import minet.rules.eval.Protocols;
import minet.rules.eval.Traffic;
import minet.rules.eval.Verdict;

/**
 * The NSG fixes, each a pure function of the design that looks its targets up again by id: applied to a design
 * that no longer needs it, it returns that design unchanged (so composing and repeating them is safe). What a
 * fix cannot do is told to {@code cannot}.
 */
final class NsgFixes {
    private NsgFixes() {}

    static final Consumer<String> IGNORE = s -> {};

    // ---- look-ups ----

    /** The MI subnet, if its address prefixes are usable: rules and routes are not written for an unresolved "[parameters(…)]". */
    static Optional<Subnet> miSubnet(Design d, String subnetId) {
        return d.subnet(subnetId).filter(d::isMiSubnet)
                .filter(s -> !s.addressPrefixes().isEmpty() && s.addressPrefixes().stream().allMatch(p -> Cidr.parse(p) != null));
    }

    static Optional<SecurityGroup> nsgOf(Design d, Subnet s) {
        return s.nsgId() == null ? Optional.empty() : d.securityGroup(s.nsgId());
    }

    /** The MI subnets an NSG is associated with. */
    static List<Subnet> miSubnetsOf(Design d, SecurityGroup g) {
        return d.miSubnets().stream().filter(s -> Lists.sameId(s.nsgId(), g.id()) && miSubnet(d, s.id()).isPresent()).toList();
    }

    /** Rules of a direction in evaluation order: priority, then position in the list; no priority last. */
    static List<SecurityRule> evaluationOrder(SecurityGroup g, Direction dir) {
        List<SecurityRule> all = g.rules();
        return IntStream.range(0, all.size()).boxed()
                .filter(i -> all.get(i).direction() == dir)
                .sorted(Comparator.<Integer>comparingInt(i -> all.get(i).priorityOr(Integer.MAX_VALUE))
                        .thenComparing(i -> !AzureRules.isAzure(all.get(i))) // on a tie Azure's rule keeps its place
                        .thenComparingInt(i -> i))
                .map(all::get).toList();
    }

    /**
     * The rule engine's verdict on the required traffic. A mandatory rule must be allowed by the user's rules
     * (rules.md: "warning if allowed only by default rules"); data and replication traffic may be allowed by the
     * default rules. Indeterminate (a tag's unknown extent) counts as not allowed: the fix makes it certain.
     */
    static boolean allowed(SecurityGroup g, Requirement req) {
        Verdict v = Match.evaluator(g, req.direction(), req.space()).evaluate(req.traffic()).verdict();
        return req.mandatory() ? v == Verdict.ALLOWED : v.allowed();
    }

    static String uniqueName(SecurityGroup g, String base) {
        return uniqueName(names(g), base);
    }

    /** Every mandatory requirement of every MI subnet the NSG serves, for one direction. */
    static List<Requirement> mandatoryOf(Design d, SecurityGroup g, Direction dir) {
        return miSubnetsOf(d, g).stream().flatMap(s -> Requirement.mandatory(d, s, dir).stream()).toList();
    }

    /** An Allow that is exactly one of the seed's mandatory rules (covers it, matches nothing more). */
    private static boolean isMandatoryRule(List<Requirement> mandatory, SecurityRule r) {
        return r.access() == Access.ALLOW && mandatory.stream().anyMatch(q -> q.coveredBy(r) && q.tight(r));
    }

    // ---- placing rules ----

    /**
     * Gives the rules of {@code dir} the priorities of {@code order} (every rule of that direction, new ones
     * included), changing as few as possible; the user's rules are kept in place before ours when it is a tie.
     */
    static Optional<SecurityGroup> arrange(SecurityGroup g, Direction dir, List<SecurityRule> order, Set<SecurityRule> ours) {
        Map<SecurityRule, Boolean> isNew = new IdentityHashMap<>();
        Map<SecurityRule, Boolean> existing = new IdentityHashMap<>();
        g.rules().forEach(r -> existing.put(r, true));
        for (SecurityRule r : order) if (!existing.containsKey(r)) isNew.put(r, true);
        order = behindAzure(order);
        List<Integer> current = order.stream().map(r -> isNew.containsKey(r) ? null : r.priority()).toList();
        // Azure's own rules keep their priorities (a fix never renumbers them; Fixes refuses a step that would).
        List<Integer> weight = order.stream().map(r -> isNew.containsKey(r) ? 0 : AzureRules.isAzure(r) ? 1_000_000 : ours.contains(r) ? 1000 : 1001).toList();
        Optional<int[]> p = Priorities.assign(current, weight);
        if (p.isEmpty()) return Optional.empty();
        Map<SecurityRule, SecurityRule> moved = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            SecurityRule r = order.get(i);
            moved.put(r, r.priority() != null && r.priority() == p.get()[i] ? r : r.withPriority(p.get()[i]));
        }
        List<SecurityRule> rules = new ArrayList<>();
        for (SecurityRule r : g.rules()) rules.add(moved.getOrDefault(r, r));
        for (SecurityRule r : order) if (isNew.containsKey(r)) rules.add(moved.get(r));
        return Optional.of(g.withRules(rules));
    }

    /**
     * Moves a user rule that sits between two of Azure's rules with no free priority between them (a rule that took
     * one of Azure's priorities) after them: Azure's block of rules stays whole and keeps its numbers.
     */
    static List<SecurityRule> behindAzure(List<SecurityRule> order) {
        List<SecurityRule> out = new ArrayList<>(order);
        boolean moved = true;
        while (moved) {
            moved = false;
            int prev = -1;
            for (int i = 0; i < out.size(); i++) {
                SecurityRule r = out.get(i);
                if (!AzureRules.isAzure(r) || r.priority() == null) continue;
                if (prev >= 0 && i - prev - 1 > 0 && r.priority() - out.get(prev).priority() - 1 < i - prev - 1) {
                    List<SecurityRule> between = new ArrayList<>(out.subList(prev + 1, i));
                    out.subList(prev + 1, i).clear();
                    out.addAll(prev + 2, between);
                    moved = true;
                    break;
                }
                if (prev < 0 && i > 0 && r.priority() - Priorities.MIN < i) {
                    List<SecurityRule> between = new ArrayList<>(out.subList(0, i));
                    out.subList(0, i).clear();
                    out.addAll(1, between);
                    moved = true;
                    break;
                }
                prev = i;
            }
        }
        return out;
    }

    private static Set<SecurityRule> identitySet() {
        return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Puts {@code rule} (new, or one of the NSG's) right after the leading mandatory rules of its direction. */
    private static Optional<SecurityGroup> placeFirst(Design d, SecurityGroup g, SecurityRule rule) {
        List<SecurityRule> order = new ArrayList<>(evaluationOrder(g, rule.direction()));
        order.removeIf(r -> r == rule);
        List<Requirement> mandatory = mandatoryOf(d, g, rule.direction());
        int at = 0;
        while (at < order.size() && (AzureRules.isAzure(order.get(at)) || isMandatoryRule(mandatory, order.get(at)))) at++;
        order.add(at, rule);
        Set<SecurityRule> ours = identitySet();
        ours.add(rule);
        for (int i = 0; i < at; i++) ours.add(order.get(i));
        return arrange(g, rule.direction(), order, ours);
    }

    /** Puts {@code rule} right before the first Deny that may touch the required traffic. */
    private static Optional<SecurityGroup> placeBeforeDeny(SecurityGroup g, SecurityRule rule, Requirement req) {
        List<SecurityRule> order = new ArrayList<>(evaluationOrder(g, rule.direction()));
        order.removeIf(r -> r == rule);
        int at = 0;
        while (at < order.size() && !(order.get(at).access() != Access.ALLOW && req.overlaps(order.get(at)))) at++;
        order.add(at, rule);
        Set<SecurityRule> ours = identitySet();
        ours.add(rule);
        return arrange(g, rule.direction(), order, ours);
    }

    private static Design replaceNsg(Design d, SecurityGroup g) {
        return d.mapSecurityGroup(g.id(), x -> g);
    }

    // ---- MI-SUBNET-NSG ----

    static Design createNsg(Design d, String subnetId) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        if (s == null || (s.nsgId() != null && !s.nsgId().isBlank()) || s.addressPrefixes().isEmpty()) return d;
        String name = uniqueId(d, "nsg-" + s.name());
        List<SecurityRule> rules = new ArrayList<>();
        for (Direction dir : Direction.values()) {
            int priority = 100;
            for (Requirement q : Requirement.mandatory(d, s, dir)) {
                rules.add(q.rule(q.name(), priority));
                priority += 100;
            }
        }
        String location = d.vnetOf(s).map(v -> v.location()).orElse(null);
        SecurityGroup g = new SecurityGroup(name, name, location, rules, null);
        return d.withSecurityGroups(Lists.plus(d.securityGroups(), g)).mapSubnet(s.id(), x -> x.withNsgId(name));
    }

    private static String uniqueId(Design d, String base) {
        Set<String> taken = new LinkedHashSet<>();
        d.securityGroups().forEach(g -> { taken.add(lower(g.id())); taken.add(lower(g.name())); });
        String name = base;
        for (int i = 2; taken.contains(lower(name)); i++) name = base + "-" + i;
        return name;
    }

    static String lower(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT); }

    // ---- MI-SUBNET-SERVICE-ENDPOINTS ----

    static Design removeServiceEndpoints(Design d, String subnetId) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        if (s == null || s.serviceEndpoints().isEmpty()) return d;
        return d.mapSubnet(s.id(), x -> x.withServiceEndpoints(List.of()));
    }

    // ---- management rules: SINGLE-RULE, IN/OUT-MANAGEMENT ----

    static List<String> managementPorts(Direction dir) {
        return dir == Direction.INBOUND ? Seed.MANAGEMENT_INBOUND_PORTS : Seed.MANAGEMENT_OUTBOUND_PORTS;
    }

    /** Allow rules of the direction that list a management port explicitly, for traffic of this subnet. */
    static List<SecurityRule> managementRules(SecurityGroup g, Subnet s, Direction dir, AddressSpace m) {
        List<String> mgmt = managementPorts(dir);
        return evaluationOrder(g, dir).stream()
                .filter(r -> !AzureRules.isAzure(r))
                .filter(r -> r.access() == Access.ALLOW && Match.protocolOverlaps(r.protocol(), "Tcp"))
                .filter(r -> r.destinationPorts().stream().anyMatch(p -> mgmt.contains(p.trim())))
                .filter(r -> dir == Direction.INBOUND ? Match.addressesOverlap(m, r.destinationPrefixes(), s.addressPrefixes())
                        : Match.addressesOverlap(m, r.sourcePrefixes(), s.addressPrefixes()))
                .toList();
    }

    /** Merges the management ports of several rules into the first (its name and priority stay); emptied rules go. */
    static Design mergeManagement(Design d, String subnetId, Direction dir) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        SecurityGroup g = s == null ? null : nsgOf(d, s).orElse(null);
        if (g == null) return d;
        List<SecurityRule> split = managementRules(g, s, dir, Match.space(d, s));
        if (split.size() < 2) return d;
        List<String> mgmt = managementPorts(dir);
        // Not split when one rule carries every port (a kept service-tag rule beside ours, as MI-NSG-*-SINGLE-RULE sees it).
        if (split.stream().anyMatch(r -> Match.portsCover(r.destinationPorts(), mgmt))) return d;
        SecurityRule first = split.get(0);
        List<String> ports = new ArrayList<>(first.destinationPorts());
        for (String p : mgmt) if (ports.stream().noneMatch(x -> x.trim().equals(p))) ports.add(p);
        Map<SecurityRule, SecurityRule> change = new IdentityHashMap<>();
        change.put(first, first.withDestinationPorts(ports));
        for (SecurityRule r : split.subList(1, split.size())) {
            List<String> rest = r.destinationPorts().stream().filter(p -> !mgmt.contains(p.trim())).toList();
            change.put(r, rest.isEmpty() ? null : r.withDestinationPorts(rest));
        }
        List<SecurityRule> rules = new ArrayList<>();
        for (SecurityRule r : g.rules()) {
            if (!change.containsKey(r)) rules.add(r);
            else if (change.get(r) != null) rules.add(change.get(r));
        }
        return replaceNsg(d, g.withRules(rules));
    }

    /** Adds the management rule, or extends the one the user has, and puts it before the others. */
    static Design ensureManagement(Design d, String subnetId, Direction dir, Consumer<String> cannot) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        SecurityGroup g = s == null ? null : nsgOf(d, s).orElse(null);
        if (g == null || s.addressPrefixes().isEmpty()) return d;
        Requirement req = dir == Direction.INBOUND ? Requirement.managementInbound(d, s) : Requirement.managementOutbound(d, s);
        if (allowed(g, req) && managementRules(g, s, dir, req.space()).size() < 2) return d;
        d = mergeManagement(d, subnetId, dir);
        g = nsgOf(d, s).orElseThrow();
        if (allowed(g, req)) return d;
        // A rule whose source is a service tag (SqlManagement) is kept as the user wrote it: a rule of our own with the
        // document's wider source goes first instead of widening the tag to any.
        List<SecurityRule> existing = managementRules(g, s, dir, req.space()).stream().filter(r -> !namesServiceTag(r, req)).toList();
        SecurityRule rule;
        if (existing.isEmpty()) {
            rule = req.rule(uniqueName(g, req.name()), Priorities.MIN);
        } else {
            SecurityRule r = existing.get(0);
            rule = extend(r, req);
            SecurityRule old = r;
            SecurityRule neu = rule;
            g = g.withRules(Lists.replace(g.rules(), x -> x == old, x -> neu));
        }
        return place(d, g, rule, cannot, "put " + req.name() + " before the other " + dir.azure().toLowerCase(Locale.ROOT) + " rules");
    }

    private static Design place(Design d, SecurityGroup g, SecurityRule rule, Consumer<String> cannot, String what) {
        Optional<SecurityGroup> placed = placeFirst(d, g, rule);
        if (placed.isEmpty()) {
            cannot.accept("NSG '" + g.name() + "' has no free priority to " + what + ": remove rules first");
            return d;
        }
        return replaceNsg(d, placed.get());
    }

    /** The rule's source (inbound) or destination (outbound) names a service tag that does not cover what the requirement needs. */
    private static boolean namesServiceTag(SecurityRule r, Requirement req) {
        AddressSpace sp = req.space();
        List<String> side = req.direction() == Direction.INBOUND ? r.sourcePrefixes() : r.destinationPrefixes();
        List<String> need = req.direction() == Direction.INBOUND ? req.mustCoverSources() : req.destinations();
        boolean tag = side.stream().anyMatch(p -> AddressSpace.looksLikeTag(p) && !Match.isAny(p));
        return tag && !sp.resolveAll(side).containsAll(sp.resolveAll(need));
    }

    private static SecurityRule extend(SecurityRule r, Requirement req) {
        SecurityRule out = r;
        List<String> ports = new ArrayList<>(r.destinationPorts());
        for (String p : req.ports()) if (!Match.portsCover(ports, List.of(p))) ports.add(p);
        if (!ports.equals(r.destinationPorts())) out = out.withDestinationPorts(ports);
        if (!Match.protocolCovers(r.protocol(), req.protocol())) out = out.withProtocol(req.protocol());
        if (!Match.anySourcePort(r)) out = out.withSourcePorts(List.of(Match.ANY));
        AddressSpace sp = req.space();
        if (!sp.resolveAll(r.sourcePrefixes()).containsAll(sp.resolveAll(req.mustCoverSources()))) out = out.withSourcePrefixes(req.sources());
        if (!sp.resolveAll(r.destinationPrefixes()).containsAll(sp.resolveAll(req.destinations())))
            out = out.withDestinationPrefixes(req.destinations());
        return out;
    }

    // ---- MI-NSG-IN-SUBNET, -IN-HEALTH-PROBE, -OUT-SUBNET ----

    static Design ensureMandatory(Design d, String subnetId, String ruleId, Consumer<String> cannot) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        SecurityGroup g = s == null ? null : nsgOf(d, s).orElse(null);
        if (g == null || s.addressPrefixes().isEmpty()) return d;
        for (Direction dir : Direction.values()) {
            for (Requirement req : Requirement.mandatory(d, s, dir)) {
                if (!req.ruleId().equals(ruleId)) continue;
                if (req.ruleId().equals(Catalog.MI_NSG_IN_MANAGEMENT) || req.ruleId().equals(Catalog.MI_NSG_OUT_MANAGEMENT)) {
                    return ensureManagement(d, subnetId, dir, cannot);
                }
                if (allowed(g, req)) return d;
                SecurityRule rule = firstTight(g, req).orElseGet(() -> req.rule(uniqueName(nsgOf(d, s).orElseThrow(), req.name()), Priorities.MIN));
                return place(d, g, rule, cannot, "put " + req.name() + " before the other " + dir.azure().toLowerCase(Locale.ROOT) + " rules");
            }
        }
        return d;
    }

    private static Optional<SecurityRule> firstTight(SecurityGroup g, Requirement req) {
        return evaluationOrder(g, req.direction()).stream()
                .filter(r -> !AzureRules.isAzure(r) && r.access() == Access.ALLOW && req.coveredBy(r) && req.tight(r)).findFirst();
    }

    // ---- MI-NSG-DATA, MI-NSG-REPLICATION ----

    static Design ensureConditional(Design d, String subnetId, String ruleId, Consumer<String> cannot) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        if (s == null || s.addressPrefixes().isEmpty()) return d;
        for (Requirement req : Requirement.conditional(d, s)) {
            if (!req.ruleId().equals(ruleId)) continue;
            SecurityGroup g = nsgOf(d, s).orElse(null);
            if (g == null) return d;
            d = ensureBeforeDeny(d, g, req, cannot);
        }
        return d;
    }

    /** Allows the requirement's traffic in {@code g} with a rule of its own (or a tight one it has) just before the Deny that blocks it. */
    static Design ensureBeforeDeny(Design d, SecurityGroup g, Requirement req, Consumer<String> cannot) {
        if (allowed(g, req)) return d;
        SecurityRule rule = firstTight(g, req).orElseGet(() -> req.rule(uniqueName(g, req.name()), Priorities.MIN));
        Optional<SecurityGroup> placed = placeBeforeDeny(g, rule, req);
        if (placed.isEmpty()) {
            cannot.accept("NSG '" + g.name() + "' has no free priority for " + req.name() + ": remove rules first");
            return d;
        }
        return replaceNsg(d, placed.get());
    }

    // ---- MI-NSG-ORDER ----

    /** The mandatory rules (the first covering Allow of each requirement) before every other rule of their direction. */
    static Design order(Design d, String nsgId, Consumer<String> cannot) {
        SecurityGroup g = d.securityGroup(nsgId).orElse(null);
        if (g == null) return d;
        Set<String> taken = names(g);
        for (Direction dir : Direction.values()) {
            List<SecurityRule> current = evaluationOrder(g, dir);
            Map<Requirement, SecurityRule> chosen = new java.util.LinkedHashMap<>();
            Set<SecurityRule> chosenSet = identitySet();
            for (Requirement req : mandatoryOf(d, g, dir)) {
                // Azure's own rule allowing it already comes first: nothing of ours to move.
                current.stream().filter(r -> r.access() == Access.ALLOW && req.coveredBy(r)).findFirst()
                        .filter(r -> !AzureRules.isAzure(r))
                        .ifPresent(r -> { chosen.put(req, r); chosenSet.add(r); });
            }
            int leading = 0;
            while (leading < current.size() && AzureRules.isAzure(current.get(leading))) leading++;
            int front = leading;
            while (front < current.size() && chosenSet.contains(current.get(front))) front++;
            if (front - leading == chosenSet.size()) continue; // already first (after Azure's own rules)
            List<SecurityRule> ahead = new ArrayList<>();
            Set<SecurityRule> aheadSet = identitySet();
            for (int i = leading; i < current.size(); i++) {
                SecurityRule r = current.get(i);
                if (!chosenSet.contains(r)) continue;
                // The management rule moves even when broader: a second one would split the ports (SINGLE-RULE).
                boolean management = chosen.entrySet().stream().anyMatch(e -> e.getValue() == r
                        && (e.getKey().ruleId().equals(Catalog.MI_NSG_IN_MANAGEMENT) || e.getKey().ruleId().equals(Catalog.MI_NSG_OUT_MANAGEMENT)));
                if (i < front || management || isMandatoryRule(mandatoryOf(d, g, dir), r)) {
                    ahead.add(r);
                    aheadSet.add(r);
                    continue;
                }
                // Moving a broader rule ahead would change other verdicts: add the seed's own rule instead.
                for (Map.Entry<Requirement, SecurityRule> e : chosen.entrySet()) {
                    if (e.getValue() != r) continue;
                    Requirement req = e.getKey();
                    SecurityRule added = req.rule(uniqueName(taken, req.name()), Priorities.MIN);
                    ahead.add(added);
                    aheadSet.add(added);
                }
            }
            List<SecurityRule> order = new ArrayList<>(current.subList(0, leading));
            order.addAll(ahead);
            for (SecurityRule r : current.subList(leading, current.size())) if (!aheadSet.contains(r)) order.add(r);
            Optional<SecurityGroup> placed = arrange(g, dir, order, aheadSet);
            if (placed.isEmpty()) {
                cannot.accept("NSG '" + g.name() + "' has no free priorities to put the mandatory "
                        + dir.azure().toLowerCase(Locale.ROOT) + " rules first (100–4096 is full): remove rules first");
                continue;
            }
            g = placed.get();
        }
        return replaceNsg(d, g);
    }

    static Set<String> names(SecurityGroup g) {
        return g.rules().stream().map(r -> lower(r.name())).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    static String uniqueName(Set<String> taken, String base) {
        String name = base;
        for (int i = 2; taken.contains(lower(name)); i++) name = base + "_" + i;
        taken.add(lower(name));
        return name;
    }

    // ---- MI-NSG-EXPOSED ----

    private static final List<String> DATA_PORTS = List.of(Seed.TDS_PORT, Seed.REDIRECT_PORTS);

    /** The user rules that allow TCP 1433 or 11000–11999 from Internet addresses to the subnet (the engine's evaluation). */
    static List<SecurityRule> exposing(SecurityGroup g, Subnet s, AddressSpace sp) {
        AddressSet mi = sp.resolveAll(s.addressPrefixes());
        Traffic q = Traffic.of(Protocols.TCP, sp.publicInternet(), mi, Ports.parseAll(DATA_PORTS));
        return Match.evaluator(g, Direction.INBOUND, sp).evaluate(q).allowingRules().stream()
                .filter(r -> !r.isDefault()).map(CompiledRule::rule).toList();
    }

    /**
     * Narrows such rules' Internet-wide sources (*, Internet, public service tags) to VirtualNetwork. Public
     * addresses the user listed stay: only the user knows whether those clients need the port.
     */
    static Design narrowExposed(Design d, String subnetId, Consumer<String> cannot) {
        // Narrowing one rule lets the traffic reach the next rule that may open it too: repeat until none is left.
        Design cur = d;
        while (true) {
            Design next = narrowExposedOnce(cur, subnetId, cannot);
            if (next.equals(cur)) return cur;
            cur = next;
        }
    }

    private static Design narrowExposedOnce(Design d, String subnetId, Consumer<String> cannot) {
        Subnet s = miSubnet(d, subnetId).orElse(null);
        SecurityGroup g = s == null ? null : nsgOf(d, s).orElse(null);
        if (g == null) return d;
        AddressSpace sp = Match.space(d, s);
        Set<SecurityRule> which = identitySet();
        for (SecurityRule r : exposing(g, s, sp)) if (!AzureRules.isAzure(r)) which.add(r);
        if (which.isEmpty()) return d;
        List<SecurityRule> rules = new ArrayList<>();
        for (SecurityRule r : g.rules()) {
            if (!which.contains(r)) {
                rules.add(r);
                continue;
            }
            List<String> sources = new ArrayList<>();
            List<String> publicAddresses = new ArrayList<>();
            for (String p : r.sourcePrefixes()) {
                boolean internet = sp.resolve(p).intersects(sp.publicInternet());
                if (!internet) sources.add(p);
                else if (Cidr.isAddressOrPrefix(p) && !Match.isAny(p)) { sources.add(p); publicAddresses.add(p); }
                else if (!sources.contains(Match.VIRTUAL_NETWORK)) sources.add(0, Match.VIRTUAL_NETWORK);
            }
            if (!publicAddresses.isEmpty()) {
                cannot.accept("rule '" + r.name() + "' of NSG '" + g.name() + "' lets the public addresses " + String.join(", ", publicAddresses)
                        + " reach TCP 1433/11000-11999: keep them only if those clients need the data endpoint");
            }
            rules.add(sources.equals(r.sourcePrefixes()) ? r : r.withSourcePrefixes(sources));
        }
        return replaceNsg(d, g.withRules(rules));
    }

    // ---- NSG-PRIORITY ----

    static boolean priorityValid(SecurityGroup g, Direction dir) {
        Set<Integer> seen = new java.util.HashSet<>();
        for (SecurityRule r : g.rules(dir)) {
            Integer p = r.priority();
            if (p == null || p < Priorities.MIN || p > Priorities.MAX || !seen.add(p)) return false;
        }
        return true;
    }

    /** Renumbers duplicate and out-of-range priorities, keeping the evaluation order and every other priority. */
    static Design renumber(Design d, String nsgId, Consumer<String> cannot) {
        SecurityGroup g = d.securityGroup(nsgId).orElse(null);
        if (g == null) return d;
        for (Direction dir : Direction.values()) {
            if (priorityValid(g, dir)) continue;
            Optional<SecurityGroup> placed = arrange(g, dir, evaluationOrder(g, dir), identitySet());
            if (placed.isEmpty()) cannot.accept("NSG '" + g.name() + "' has more " + dir.azure().toLowerCase(Locale.ROOT)
                    + " rules than priorities 100–4096 can number: remove rules first");
            else g = placed.get();
        }
        return replaceNsg(d, g);
    }

    // ---- NSG-RULE ----

    private static final Map<String, String> PROTOCOLS = Map.of("tcp", "Tcp", "udp", "Udp", "icmp", "Icmp", "esp", "Esp",
            "ah", "Ah", "*", "*", "any", "*");

    /** Azure's spelling of a protocol, or null when it is not one. */
    static String protocol(String p) {
        return p == null ? null : PROTOCOLS.get(p.trim().toLowerCase(Locale.ROOT));
    }

    /** What can be put right without guessing: protocol spelling; singular and plural fields both set → the plural. */
    static SecurityRule normalized(SecurityRule r) {
        SecurityRule out = r;
        String p = protocol(r.protocol());
        if (p != null && !p.equals(r.protocol())) out = out.withProtocol(p);
        if (both(r.sourcePortRange(), r.sourcePortRanges())) out = out.withSourcePorts(distinct(r.sourcePorts()));
        if (both(r.destinationPortRange(), r.destinationPortRanges())) out = out.withDestinationPorts(distinct(r.destinationPorts()));
        if (both(r.sourceAddressPrefix(), r.sourceAddressPrefixes())) out = out.withSourcePrefixes(distinct(r.sourcePrefixes()));
        if (both(r.destinationAddressPrefix(), r.destinationAddressPrefixes())) out = out.withDestinationPrefixes(distinct(r.destinationPrefixes()));
        return out;
    }

    private static boolean both(String single, List<String> plural) {
        return single != null && !single.isBlank() && !plural.isEmpty();
    }

    private static List<String> distinct(List<String> l) {
        return l.stream().distinct().toList();
    }

    static Design normalize(Design d, String nsgId) {
        SecurityGroup g = d.securityGroup(nsgId).orElse(null);
        if (g == null) return d;
        List<SecurityRule> rules = g.rules().stream().map(r -> AzureRules.isAzure(r) ? r : normalized(r)).toList();
        return rules.equals(g.rules()) ? d : replaceNsg(d, g.withRules(rules));
    }

    // ---- NSG-SHADOWED ----

    static Design deleteRule(Design d, String nsgId, String ruleName) {
        SecurityGroup g = d.securityGroup(nsgId).orElse(null);
        if (g == null || AzureRules.isAzure(ruleName)) return d;
        return replaceNsg(d, g.withRules(Lists.minus(g.rules(), r -> r.name() != null && r.name().equalsIgnoreCase(ruleName))));
    }
}
