package minet.fix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import minet.edit.Command;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Lists;
import minet.model.ResourcePaths;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.rules.Catalog;
import minet.rules.AzureRules;
import minet.rules.Finding;
import minet.rules.Profile;
import minet.rules.Validator;

/**
 * Every fix rules.md names, as pure functions of a Design (they do not read a finding's text, so they work with or
 * without the rule engine's findings). The window's Fix / Fix all buttons and {@code minet fix} call this class.
 * <ul>
 * <li>{@link #available(Design)}: each fix that would change the design now, one per rule and element;</li>
 * <li>{@link #forFinding(Design, Finding)}: the fix of one finding (by rule ID and element);</li>
 * <li>{@link #fixAll(Design)}: all of them as one command (one undo step), NSG-SHADOWED deletions excepted;</li>
 * <li>{@link #run(Design, Fix)}: the result, its change list and what could not be done, for the review;</li>
 * <li>{@link #advice(Finding)}: what the user must do for a finding without a fix.</li>
 * </ul>
 * Fixes are minimal: they keep the user's rules, names and priorities where they can, and delete a user rule or
 * route only where rules.md says so (a conflicting route, a management rule merged into another, a shadowed
 * rule the user chose to delete), each shown in the change list.
 */
public final class Fixes {
    private Fixes() {}

    /** Rule ID of the Fix that {@link #fixAll} returns. */
    public static final String ALL = "FIX-ALL";

    /** The rules with a fix (NSG-SHADOWED only on request: deleting a rule is the user's call). */
    public static final Set<String> FIXABLE = Set.of(Catalog.MI_SUBNET_SERVICE_ENDPOINTS, Catalog.MI_SUBNET_NSG, Catalog.MI_SUBNET_ROUTE_TABLE,
            Catalog.MI_NSG_IN_MANAGEMENT, Catalog.MI_NSG_IN_MANAGEMENT_SINGLE_RULE, Catalog.MI_NSG_IN_SUBNET, Catalog.MI_NSG_IN_HEALTH_PROBE,
            Catalog.MI_NSG_OUT_MANAGEMENT, Catalog.MI_NSG_OUT_MANAGEMENT_SINGLE_RULE, Catalog.MI_NSG_OUT_SUBNET, Catalog.MI_NSG_ORDER,
            Catalog.MI_NSG_REPLICATION, Catalog.MI_NSG_DATA, Catalog.MI_NSG_EXPOSED, Catalog.MI_UDR_VNETLOCAL, Catalog.MI_UDR_MANAGEMENT,
            Catalog.MI_UDR_CONFLICT, Catalog.NSG_PRIORITY, Catalog.NSG_RULE, Catalog.UDR_NEXT_HOP, Catalog.NSG_SHADOWED,
            Catalog.MI_SUBNET_DELEGATION, Catalog.MI_SUBNET_NAT_GATEWAY, Catalog.MI_NSG_PUBLIC_ENDPOINT, Catalog.MI_INTENT_RULES,
            Catalog.MI_INTENT_ROUTES, Catalog.MI_FOG_NSG, Catalog.MI_FOG_DIRECT);

    public static boolean hasFix(String ruleId) {
        return FIXABLE.contains(ruleId);
    }

    /** Whether a finding is of a kind a fix can remove (a cheap test for enabling a Fix button; see {@link #forFinding}). */
    public static boolean hasFix(Finding f) {
        return hasFix(f.ruleId()) && normalizable(f);
    }

    /** One fix step: a rule on an element; {@code subnetId} set for the steps that work for one MI subnet. */
    private record Step(String ruleId, String subnetId, String targetId, String description, Op op) {
        /** Applies the step; a result that would touch one of Azure's own rules or routes is refused and said. */
        Design apply(Design d, Consumer<String> cannot) {
            Design after = op.apply(d, cannot);
            if (after == d || AzureGuard.preserved(d, after)) return after;
            cannot.accept(AzureGuard.what(d, after) + ": Azure's own rules and routes are never changed, so this fix was left out");
            return d;
        }
    }

    @FunctionalInterface
    private interface Op {
        Design apply(Design d, Consumer<String> cannot);
    }

    // ---- the steps, in Fix-all order ----

    /**
     * Order matters for Fix all: normalize first (so later steps read clean rules), create missing NSGs and route
     * tables, narrow exposed rules before ensuring the management rules (a narrowed catch-all may have been what
     * allowed them), merge split management rules before extending one, place the mandatory rules first last.
     */
    private static List<Step> steps(Design d, Profile p) {
        List<Step> out = new ArrayList<>();
        for (SecurityGroup g : d.securityGroups()) {
            String nsg = "NSG '" + g.name() + "'";
            out.add(new Step(Catalog.NSG_RULE, null, g.id(), "Normalize the rules of " + nsg
                    + " (protocol spelling; singular and plural fields merged into the plural)", (x, c) -> NsgFixes.normalize(x, g.id())));
            out.add(new Step(Catalog.NSG_PRIORITY, null, g.id(), "Renumber duplicate or out-of-range priorities in " + nsg
                    + ", keeping the order, every other priority and Azure's own rules", (x, c) -> NsgFixes.renumber(x, g.id(), c)));
            if (AzureRules.hasAzureRules(g)) {
                out.add(new Step(Catalog.MI_INTENT_RULES, null, g.id(), "Give the rules of " + nsg + " that take a priority of one of Azure's rules another priority",
                        (x, c) -> NsgFixes.renumber(x, g.id(), c)));
            }
        }
        for (RouteTable t : d.routeTables()) {
            out.add(new Step(Catalog.UDR_NEXT_HOP, null, t.id(), "Clear the next hop IP address of routes in route table '" + t.name()
                    + "' whose next hop is not VirtualAppliance", (x, c) -> RouteFixes.normalizeRoutes(x, t.id())));
        }
        List<Subnet> mi = d.miSubnets();
        for (Subnet s : mi) {
            String id = s.id();
            String subnet = "subnet '" + s.name() + "'";
            if (p.runs(Catalog.MI_SUBNET_SERVICE_ENDPOINTS)) {
                out.add(new Step(Catalog.MI_SUBNET_SERVICE_ENDPOINTS, id, id, "Remove the service endpoints ("
                        + String.join(", ", s.serviceEndpoints()) + ") from " + subnet, (x, c) -> NsgFixes.removeServiceEndpoints(x, id)));
            }
            if (p.serviceAided()) {
                out.add(new Step(Catalog.MI_SUBNET_DELEGATION, id, id, "Delegate " + subnet + " to " + Subnet.MI_DELEGATION,
                        (x, c) -> IntentFixes.delegate(x, id)));
                out.add(new Step(Catalog.MI_SUBNET_NAT_GATEWAY, id, id, "Dissociate the NAT gateway from " + subnet,
                        (x, c) -> IntentFixes.dissociateNatGateway(x, id)));
                out.add(new Step(Catalog.MI_SUBNET_NSG, id, id, "Create an empty NSG 'nsg-" + s.name() + "' and associate it with " + subnet
                        + " (Azure writes its own rules into it)", (x, c) -> IntentFixes.createNsg(x, id)));
                out.add(new Step(Catalog.MI_SUBNET_ROUTE_TABLE, id, id, "Create an empty route table 'rt-" + s.name() + "' and associate it with "
                        + subnet + " (Azure writes its own routes into it)", (x, c) -> IntentFixes.createRouteTable(x, id)));
            } else {
                out.add(new Step(Catalog.MI_SUBNET_NSG, id, id, "Create NSG 'nsg-" + s.name() + "' with the mandatory rules of 04/2019 and associate it with "
                        + subnet, (x, c) -> NsgFixes.createNsg(x, id)));
                out.add(new Step(Catalog.MI_SUBNET_ROUTE_TABLE, id, id, "Create route table 'rt-" + s.name()
                        + "' with subnet_to_vnetlocal and the 99 management routes of 04/2019, and associate it with " + subnet,
                        (x, c) -> RouteFixes.createRouteTable(x, id)));
            }
        }
        for (Subnet s : mi) {
            String id = s.id();
            String nsgId = s.nsgId();
            String nsg = "the NSG of subnet '" + s.name() + "'";
            String subnet = "subnet '" + s.name() + "'";
            out.add(new Step(Catalog.MI_NSG_EXPOSED, id, nsgId, "Narrow the source of the rules in " + nsg
                    + " that open TCP 1433 or 11000-11999 to Internet or any source, to VirtualNetwork", (x, c) -> NsgFixes.narrowExposed(x, id, c)));
            if (!p.serviceAided()) {
                out.add(new Step(Catalog.MI_NSG_IN_MANAGEMENT_SINGLE_RULE, id, nsgId, "Merge the inbound management ports in " + nsg
                        + " into one rule (the first one's name and priority)", (x, c) -> NsgFixes.mergeManagement(x, id, Direction.INBOUND)));
                out.add(new Step(Catalog.MI_NSG_OUT_MANAGEMENT_SINGLE_RULE, id, nsgId, "Merge the outbound management ports in " + nsg
                        + " into one rule (the first one's name and priority)", (x, c) -> NsgFixes.mergeManagement(x, id, Direction.OUTBOUND)));
                out.add(new Step(Catalog.MI_NSG_IN_MANAGEMENT, id, nsgId, "Allow inbound TCP 9000, 9003, 1438, 1440, 1452 from any source to " + subnet
                        + " with one rule allow_management_inbound (or extend the existing one; a rule whose source is a service tag is left as it is)"
                        + " before the other inbound rules: the 04/2019 document requires any source, as Microsoft's management services connect from public addresses",
                        (x, c) -> NsgFixes.ensureManagement(x, id, Direction.INBOUND, c)));
                out.add(mandatory(Catalog.MI_NSG_IN_SUBNET, id, nsgId, "Allow all inbound traffic within " + subnet + " (allow_misubnet_inbound)"));
                out.add(mandatory(Catalog.MI_NSG_IN_HEALTH_PROBE, id, nsgId, "Allow inbound traffic from AzureLoadBalancer to " + subnet
                        + " (allow_health_probe_inbound)"));
                out.add(new Step(Catalog.MI_NSG_OUT_MANAGEMENT, id, nsgId, "Allow outbound TCP 80, 443, 12000 from " + subnet
                        + " to AzureCloud with one rule allow_management_outbound (or extend the existing one) before the other outbound rules",
                        (x, c) -> NsgFixes.ensureManagement(x, id, Direction.OUTBOUND, c)));
                out.add(mandatory(Catalog.MI_NSG_OUT_SUBNET, id, nsgId, "Allow all outbound traffic within " + subnet + " (allow_misubnet_outbound)"));
            }
            if (p.runs(Catalog.MI_NSG_REPLICATION)) {
                out.add(new Step(Catalog.MI_NSG_REPLICATION, id, nsgId, "Allow outbound TCP 445 from " + subnet
                        + " to Storage for transactional replication (allow_replication_outbound)",
                        (x, c) -> NsgFixes.ensureConditional(x, id, Catalog.MI_NSG_REPLICATION, c)));
            }
            out.add(new Step(Catalog.MI_NSG_DATA, id, nsgId, "Allow TCP 1433 and 11000-11999 from VirtualNetwork to " + subnet
                    + " before the rule that denies it (allow_tds_inbound, allow_redirect_inbound)",
                    (x, c) -> NsgFixes.ensureConditional(x, id, Catalog.MI_NSG_DATA, c)));
            if (p.runs(Catalog.MI_NSG_PUBLIC_ENDPOINT)) {
                out.add(new Step(Catalog.MI_NSG_PUBLIC_ENDPOINT, id, nsgId, "Allow TCP 3342 from Internet to " + subnet
                        + " for the public endpoint, before the rule that denies it (allow_public_endpoint_inbound; narrow its source to your clients)",
                        (x, c) -> NsgFixes.ensureConditional(x, id, Catalog.MI_NSG_PUBLIC_ENDPOINT, c)));
            }
        }
        if (p.runs(Catalog.MI_NSG_ORDER)) {
            Set<String> nsgs = new LinkedHashSet<>();
            for (Subnet s : mi) if (s.nsgId() != null && d.securityGroup(s.nsgId()).isPresent()) nsgs.add(d.securityGroup(s.nsgId()).get().id());
            for (String nsgId : nsgs) {
                String name = d.securityGroup(nsgId).map(SecurityGroup::name).orElse(nsgId);
                out.add(new Step(Catalog.MI_NSG_ORDER, null, nsgId, "Renumber NSG '" + name
                        + "' so that the mandatory rules come before every other rule of their direction", (x, c) -> NsgFixes.order(x, nsgId, c)));
            }
        }
        for (minet.model.FailoverGroup fog : d.failoverGroups()) {
            String gid = fog.id();
            out.add(new Step(Catalog.MI_FOG_NSG, null, gid, "Allow TCP 5022 and 11000-11999 between the two MI subnets of failover group '" + fog.name()
                    + "', in and out, in both NSGs (allow_geodr_inbound, allow_geodr_outbound, scoped to the partner subnet)",
                    (x, c) -> FogFixes.ensureReplication(x, gid, c)));
            out.add(new Step(Catalog.MI_FOG_DIRECT, null, gid, "Remove the routes that send the partner VNet's address space of failover group '"
                    + fog.name() + "' to an appliance", (x, c) -> FogFixes.directRoutes(x, gid, c)));
        }
        for (Subnet s : mi) {
            String id = s.id();
            String rt = s.routeTableId();
            String subnet = "subnet '" + s.name() + "'";
            if (p.serviceAided()) {
                out.add(new Step(Catalog.MI_INTENT_ROUTES, id, rt, "Remove the routes of " + subnet
                        + "'s route table that send the subnet's own range, or a prefix Azure routes, elsewhere", (x, c) -> IntentFixes.removeContradictions(x, id, p)));
                continue;
            }
            out.add(new Step(Catalog.MI_UDR_CONFLICT, id, rt, "Remove the routes of " + subnet
                    + "'s route table that send part of a required management prefix elsewhere than Internet", (x, c) -> RouteFixes.removeConflicts(x, id)));
            out.add(new Step(Catalog.MI_UDR_VNETLOCAL, id, rt, "Add the route subnet_to_vnetlocal (" + String.join(", ", s.addressPrefixes())
                    + " → VnetLocal) to " + subnet + "'s route table", (x, c) -> RouteFixes.ensureVnetLocal(x, id, c)));
            out.add(new Step(Catalog.MI_UDR_MANAGEMENT, id, rt, "Add the mi-…-nexthop-internet routes of 04/2019 missing from " + subnet
                    + "'s route table", (x, c) -> RouteFixes.addManagementRoutes(x, id, c)));
        }
        return out;
    }

    private static Step mandatory(String ruleId, String subnetId, String nsgId, String description) {
        return new Step(ruleId, subnetId, nsgId, description, (x, c) -> NsgFixes.ensureMandatory(x, subnetId, ruleId, c));
    }

    private static Fix toFix(Step s) {
        String element = s.targetId() != null ? s.targetId() : s.subnetId();
        return new Fix(s.ruleId(), element, s.description(), Command.of("Fix " + s.ruleId(), d -> s.apply(d, NsgFixes.IGNORE)));
    }

    // ---- public API ----

    /** The profile {@code auto} picks for this design: the fixes of that era. */
    public static Profile profileOf(Design d) {
        return Validator.choose(d).profile();
    }

    /** Each fix that would change {@code d} now (NSG-SHADOWED excepted), in the order Fix all applies them. */
    public static List<Fix> available(Design d) {
        return available(d, profileOf(d));
    }

    public static List<Fix> available(Design d, Profile p) {
        return steps(d, p).stream().filter(s -> !s.apply(d, NsgFixes.IGNORE).equals(d)).map(Fixes::toFix).toList();
    }

    /** The fixes that concern one subnet (its own, its NSG's and its route table's). */
    public static List<Fix> forSubnet(Design d, Subnet subnet) {
        return steps(d, profileOf(d)).stream()
                .filter(s -> Lists.sameId(s.subnetId(), subnet.id()) || Lists.sameId(s.targetId(), subnet.nsgId())
                        || Lists.sameId(s.targetId(), subnet.routeTableId()))
                .filter(s -> !s.apply(d, NsgFixes.IGNORE).equals(d)).map(Fixes::toFix).toList();
    }

    /** Every fix of the era {@code auto} picks for {@code d}, as one command, one undo step. Applying it again changes nothing. */
    public static Fix fixAll(Design d) {
        return fixAll(profileOf(d));
    }

    /** Every fix of profile {@code p} as one command, one undo step. Applying it again changes nothing. */
    public static Fix fixAll(Profile p) {
        // Cheap to make: the steps are computed when the command runs, on the design it is given.
        return new Fix(ALL, null, "Apply every available fix of " + p.id() + " (NSG-SHADOWED deletions excepted)",
                Command.of("Fix all", x -> runSteps(steps(x, p), x, NsgFixes.IGNORE)));
    }

    private static Design runSteps(List<Step> steps, Design d, Consumer<String> cannot) {
        Design cur = d;
        for (Step s : steps) cur = s.apply(cur, cannot);
        return cur;
    }

    /** Applies a fix (of the era {@code auto} picks) and reports the change list and what it could not do. */
    public static FixRun run(Design d, Fix fix) {
        return run(d, fix, profileOf(d));
    }

    public static FixRun run(Design d, Fix fix, Profile p) {
        List<FixOutcome> notDone = new ArrayList<>();
        Design after;
        if (fix.ruleId().equals(ALL)) {
            after = d;
            for (Step s : steps(d, p)) after = s.apply(after, m -> notDone.add(new FixOutcome(s.ruleId(), s.targetId(), m)));
            notDone.addAll(unknownPrefixes(d));
        } else {
            after = fix.apply(d);
            // Ask the steps of this rule and element what they could not do.
            for (Step s : steps(d, p)) {
                if (s.ruleId().equals(fix.ruleId()) && (Lists.sameId(s.targetId(), fix.elementId()) || Lists.sameId(s.subnetId(), fix.elementId()))) {
                    s.apply(d, m -> notDone.add(new FixOutcome(s.ruleId(), fix.elementId(), m)));
                }
            }
        }
        return new FixRun(d, after, ChangeList.between(d, after), dedupe(notDone));
    }

    /** MI subnets whose prefix is not known offline: the fixes that need it (rules and routes for the subnet) cannot run. */
    private static List<FixOutcome> unknownPrefixes(Design d) {
        List<FixOutcome> out = new ArrayList<>();
        for (Subnet s : d.miSubnets()) {
            List<String> unknown = s.addressPrefixes().stream().filter(x -> minet.model.Unknowns.has(x)).toList();
            if (unknown.isEmpty()) continue;
            out.add(new FixOutcome(Catalog.MI_SUBNET_NSG, s.id(), "subnet '" + s.name() + "' has address prefix " + String.join(", ", unknown)
                    + ", not known offline" + (s.source() == null ? "" : " (" + s.source().describe() + ")")
                    + ": the rules and routes for it need its value (give it, e.g. --param name=value, and fix again)"));
        }
        return out;
    }

    private static List<FixOutcome> dedupe(List<FixOutcome> l) {
        return List.copyOf(new LinkedHashSet<>(l));
    }

    /** Fix all on {@code d} (the era {@code auto} picks), with its change list and what it could not do: what {@code minet fix} prints. */
    public static FixRun runAll(Design d) {
        return runAll(d, profileOf(d));
    }

    public static FixRun runAll(Design d, Profile p) {
        return run(d, fixAll(p), p);
    }

    /**
     * The fix for one finding, matched by rule ID and the finding's element (subnet, NSG or route table id, or else
     * its resource path). Empty when the rule has no fix or the design no longer needs it.
     */
    public static Optional<Fix> forFinding(Design d, Finding f) {
        return forFinding(d, f, profileOf(d));
    }

    public static Optional<Fix> forFinding(Design d, Finding f, Profile p) {
        if (f == null || f.ruleId() == null) return Optional.empty();
        if (f.ruleId().equals(Catalog.NSG_SHADOWED)) return deleteShadowed(d, f);
        if (!normalizable(f)) return Optional.empty();
        List<Step> matching = steps(d, p).stream().filter(s -> s.ruleId().equals(f.ruleId()) && concerns(d, s, f)).toList();
        // A step that cannot do its work still yields a Fix: its preview says why (FixRun.notDone).
        List<Step> effective = matching.stream().filter(s -> {
            boolean[] blocked = {false};
            return !s.apply(d, m -> blocked[0] = true).equals(d) || blocked[0];
        }).toList();
        if (effective.isEmpty()) return Optional.empty();
        if (effective.size() == 1) return Optional.of(toFix(effective.get(0)));
        String element = f.elementId() != null ? f.elementId() : effective.get(0).targetId();
        return Optional.of(new Fix(f.ruleId(), element, effective.get(0).description() + " (and " + (effective.size() - 1) + " more)",
                Command.of("Fix " + f.ruleId(), x -> runSteps(effective, x, NsgFixes.IGNORE))));
    }

    /**
     * NSG-RULE and UDR-NEXT-HOP problems that need the user (a bad name, port, prefix or a missing value) have no fix;
     * nor do Azure's own rules and routes (missing or changed: Azure writes them), a delegation to another service,
     * or a finding that only says a value is not known offline.
     */
    private static boolean normalizable(Finding f) {
        if (f.details().containsKey("unknownPrefixes")) return false;
        Object problem = f.details().get("problem");
        if (problem == null) return true;
        return switch (f.ruleId()) {
            case Catalog.NSG_RULE -> problem.equals("singularAndPlural");
            case Catalog.UDR_NEXT_HOP -> problem.equals("unexpectedNextHopIp");
            case Catalog.MI_INTENT_RULES -> problem.equals("priorityCollision");
            case Catalog.MI_INTENT_ROUTES -> problem.equals("subnetRange") || problem.equals("contradicts");
            case Catalog.MI_SUBNET_DELEGATION -> problem.equals("missing");
            case Catalog.MI_UDR_VNETLOCAL -> !problem.equals("missing");
            default -> true;
        };
    }

    private static boolean concerns(Design d, Step s, Finding f) {
        // The engine names the subnet in details when the element (an NSG, a route table) may serve several.
        Object subnetId = f.details().get("subnetId");
        if (subnetId != null && s.subnetId() != null && !Lists.sameId(subnetId.toString(), s.subnetId())) return false;
        Object group = f.details().get("failoverGroupId");
        if (group != null) return Lists.sameId(group.toString(), s.targetId());
        String e = f.elementId();
        if (e != null && (Lists.sameId(e, s.targetId()) || Lists.sameId(e, s.subnetId()))) return true;
        if (e != null) {
            // An instance: its subnet's steps.
            if (d.managedInstances().stream().anyMatch(m -> Lists.sameId(m.id(), e) && Lists.sameId(m.subnetId(), s.subnetId()))) return true;
        }
        String r = f.resource();
        if (r == null || r.isEmpty()) return e == null;
        if (s.subnetId() != null) {
            Subnet sub = d.subnet(s.subnetId()).orElse(null);
            if (sub != null && r.startsWith(ResourcePaths.subnet(d, sub))) return true;
        }
        if (s.targetId() != null) {
            Optional<SecurityGroup> g = d.securityGroup(s.targetId());
            if (g.isPresent() && pathIs(r, ResourcePaths.nsg(g.get()))) return true;
            Optional<RouteTable> t = d.routeTable(s.targetId());
            if (t.isPresent() && pathIs(r, ResourcePaths.routeTable(t.get()))) return true;
        }
        return false;
    }

    private static boolean pathIs(String resource, String path) {
        String r = resource.toLowerCase(Locale.ROOT), p = path.toLowerCase(Locale.ROOT);
        return r.equals(p) || r.startsWith(p + "/");
    }

    /** NSG-SHADOWED: delete the rule that can never match (offered per finding, never part of Fix all). */
    private static Optional<Fix> deleteShadowed(Design d, Finding f) {
        String r = f.resource() == null ? "" : f.resource();
        int at = r.indexOf("/securityRules/");
        Object detail = f.details().get("rule");
        String ruleName = at >= 0 ? r.substring(at + "/securityRules/".length()) : detail == null ? null : detail.toString();
        if (ruleName == null) return Optional.empty();
        Optional<SecurityGroup> g = f.elementId() == null ? Optional.empty() : d.securityGroup(f.elementId());
        if (g.isEmpty() && at >= 0) {
            String nsgPath = r.substring(0, at);
            g = d.securityGroups().stream().filter(x -> ResourcePaths.nsg(x).equalsIgnoreCase(nsgPath)).findFirst();
        }
        if (g.isEmpty() || g.get().rules().stream().noneMatch(x -> ruleName.equalsIgnoreCase(x.name()))) return Optional.empty();
        String nsgId = g.get().id();
        return Optional.of(new Fix(Catalog.NSG_SHADOWED, nsgId, "Delete rule '" + ruleName + "' of NSG '" + g.get().name()
                + "': earlier rules already decide all its traffic", Command.of("Delete rule " + ruleName, x -> NsgFixes.deleteRule(x, nsgId, ruleName))));
    }

    /** For a finding without a fix (or whose fix cannot apply): what the user must do. */
    public static FixOutcome advice(Finding f) {
        String what = switch (f.ruleId()) {
            case Catalog.MI_SUBNET_SIZE, Catalog.MI_SUBNET_CAPACITY -> {
                Object len = firstOf(f.details(), "neededPrefixLength", "prefixLength");
                Object recommended = f.details().get("recommendedPrefixLength");
                String need = len == null ? "a larger subnet" : "a /" + len + (recommended == null ? "" : " (/" + recommended + " recommended)");
                yield (f.severity() == minet.rules.Severity.WARNING ? "recommended: " : "needs ") + need
                        + "; Azure cannot resize a subnet in use: create a new subnet of that size and deploy the instance there";
            }
            case Catalog.MI_SUBNET_GATEWAY -> "GatewaySubnet is reserved for the VNet gateway: create a dedicated subnet for the managed instance";
            case Catalog.MI_SUBNET_DEDICATED -> "move the other resources out of the subnet, or give the managed instance a dedicated subnet";
            case Catalog.MI_NAT_SAME_REGION -> "same-region traffic is not NATed to the management endpoint's IP: put the service in another region,"
                    + " or allow the instance another way than by that IP";
            case Catalog.MI_DNS_CUSTOM -> "make sure the custom DNS servers resolve *.core.windows.net, then confirm it on the virtual network";
            case Catalog.NSG_LIMIT -> "remove or merge rules: an NSG holds at most 1000";
            case Catalog.UDR_LIMIT -> "remove or merge routes: a route table holds at most 400";
            case Catalog.NET_ADDRESS -> "correct the address prefixes: the fixes do not move address space";
            case Catalog.MI_INTENT_RULES, Catalog.MI_INTENT_ROUTES -> f.details().get("problem") != null && f.details().get("problem").equals("missing")
                    ? "Azure's network intent policy writes this while the subnet is delegated to Microsoft.Sql/managedInstances and hosts an instance:"
                      + " check the delegation and the association; never add it by hand"
                    : "Azure writes its own rules and routes: restore what Azure wrote (export the live configuration again) instead of changing it";
            case Catalog.MI_SUBNET_DELEGATION -> "remove the other service's delegation (the subnet must be empty of it), or use another subnet for the managed instance";
            case Catalog.MI_IPV6 -> "remove the IPv6 prefixes from the VNet, the subnet, its NSG and its route table: a managed instance needs IPv4 only";
            case Catalog.MI_NSG_PLATFORM_DNS -> "remove the Deny rule on AzurePlatformDNS, or narrow it so it no longer applies to the MI subnet";
            case Catalog.MI_SUBNET_NONE -> "mark the subnet that hosts the instance as an MI subnet, delegate it to Microsoft.Sql/managedInstances, or add the instance";
            default -> f.details().containsKey("unknownPrefixes")
                    ? "give the value not known offline (" + f.details().get("unknownPrefixes") + ", e.g. --param name=value) and validate again"
                    : f.message() == null ? "no automatic fix: edit the design" : "no automatic fix: " + f.message();
        };
        return new FixOutcome(f.ruleId(), f.elementId(), what);
    }

    private static Object firstOf(Map<String, Object> details, String... keys) {
        for (String k : keys) if (details.get(k) != null) return details.get(k);
        return null;
    }
}
