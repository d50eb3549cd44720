package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import minet.model.Access;
import minet.model.ResourcePaths;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.AzureRules;
import minet.rules.AzureRules.Written;
import minet.rules.AzureRules.WrittenRoute;
import minet.rules.Catalog;
import minet.rules.Profile;
import minet.rules.Severity;
import minet.rules.eval.AddressSet;
import minet.rules.eval.AddressSpace;
import minet.rules.eval.Cidr;
import minet.rules.eval.Intervals;
import minet.rules.eval.Ports;

/**
 * MI-INTENT-RULES, MI-INTENT-ROUTES and the service-aided MI-UDR-VNETLOCAL: Azure's network intent policy and the
 * user's configuration side by side. A template or plan is judged as Azure deploys it (Azure's rules added before the
 * user's); a live configuration must hold Azure's mandatory rules and routes, unchanged. In every state, a rule that
 * carries Azure's name must be what Azure writes, and no user route may contradict one of Azure's.
 */
public final class IntentChecks {
    private IntentChecks() {}

    /**
     * The NSG as Azure deploys it for this subnet: the era's mandatory rules Azure writes, for those not already in
     * it, evaluated before every rule of the user's (their priorities stand below 100 only for the evaluation).
     */
    public static SecurityGroup asDeployed(SecurityGroup nsg, Subnet s, Profile p, String region) {
        List<SecurityRule> added = new ArrayList<>();
        int priority = 1;
        for (Profile.NsgRequirement q : p.mandatory()) {
            if (q.azureStem() == null || AzureRules.find(nsg, q.azureStem()).isPresent()) continue;
            Written w = AzureRules.RULES.stream().filter(x -> x.stem().equals(q.azureStem())).findFirst().orElse(null);
            if (w == null) continue;
            SecurityRule r = w.rule(s.addressPrefixes(), priority++, region).withDescription(minet.rules.eval.CompiledRule.ADDED_BY_AZURE);
            if (r.destinationPrefixes().stream().anyMatch(x -> x.contains("{") && !s.addressPrefixes().contains(x))) continue;
            added.add(r);
        }
        if (added.isEmpty()) return nsg;
        List<SecurityRule> all = new ArrayList<>(added);
        all.addAll(nsg.rules());
        return nsg.withRules(all);
    }

    /** Azure's rules in the NSG: changed ones (any state), missing ones (live), and the re-deployment note (templates). */
    static void rules(Scope scope, Subnet s, SecurityGroup nsg, String region, Findings out) {
        Profile p = scope.profile();
        String path = ResourcePaths.nsg(nsg);
        String label = "NSG '" + nsg.name() + "'";
        AddressSpace space = scope.space(scope.design().vnetOf(s).orElse(null));
        String state = scope.live() ? "live" : "desired";
        for (SecurityRule r : nsg.rules()) {
            Optional<Written> w = AzureRules.written(r.name());
            if (w.isEmpty()) continue;
            String change = change(r, w.get(), s, region, space);
            if (change == null) continue;
            out.add(Catalog.MI_INTENT_RULES, Severity.ERROR, ResourcePaths.rule(nsg, r), label + ": Azure's rule '" + r.name() + "' " + change
                    + "; Azure writes this rule itself and refuses a change to it (ConflictWithNetworkIntentPolicy)",
                    details("nsgId", nsg.id(), "subnetId", s.id(), "rule", r.name(), "problem", "changed", "state", state),
                    nsg.id(), r.source() != null ? r.source() : nsg.source());
        }
        if (scope.live()) {
            for (Profile.NsgRequirement q : p.mandatory()) {
                if (q.azureStem() == null || AzureRules.find(nsg, q.azureStem()).isPresent()) continue;
                out.add(Catalog.MI_INTENT_RULES, Severity.ERROR, path, label + ": Azure's rule '" + AzureRules.PREFIX + q.azureStem()
                        + "' (" + q.label() + ") is missing from this live configuration; Azure's network intent policy writes it while the subnet is "
                        + "delegated to Microsoft.Sql/managedInstances and hosts an instance (" + p.id() + ")",
                        details("nsgId", nsg.id(), "subnetId", s.id(), "problem", "missing", "azureRule", AzureRules.PREFIX + q.azureStem(),
                                "state", state), nsg.id(), nsg.source());
            }
        } else if (!AzureRules.hasAzureRules(nsg)) {
            out.add(Catalog.MI_INTENT_RULES, Severity.INFO, path, label + " declares no rule of Azure's: Azure adds its own rules ("
                    + String.join(", ", p.mandatory().stream().filter(q -> q.azureStem() != null).map(Profile.NsgRequirement::azureStem).distinct().toList())
                    + ") when it deploys the subnet; a later deployment that declares the NSG's rules without them would remove them, which Azure refuses "
                    + "(ConflictWithNetworkIntentPolicy): keep Azure's rules in the template after the first deployment",
                    details("nsgId", nsg.id(), "subnetId", s.id(), "problem", "redeploy", "state", state), nsg.id(), nsg.source());
        }
    }

    /** What differs from what Azure writes, in words, or null when the rule still allows all of it. */
    private static String change(SecurityRule r, Written w, Subnet s, String region, AddressSpace space) {
        if (r.direction() != w.direction()) return "is " + (r.direction() == null ? "without direction" : r.direction().azure().toLowerCase(Locale.ROOT))
                + " where Azure writes it " + w.direction().azure().toLowerCase(Locale.ROOT);
        if (r.access() != Access.ALLOW) return "denies where Azure's allows";
        String proto = r.protocol() == null ? "" : r.protocol().trim();
        if (!proto.equals("*") && !proto.equalsIgnoreCase(w.protocol())) return "has protocol " + r.protocol() + " where Azure writes " + w.protocol();
        if (!Intervals.containsAll(Ports.parseAll(r.destinationPorts()), Ports.parseAll(w.ports()))) {
            return "allows ports " + String.join(", ", r.destinationPorts()) + " where Azure writes " + String.join(", ", w.ports());
        }
        if (!covers(r.sourcePrefixes(), w.source(), s, region, space)) return "has source " + String.join(", ", r.sourcePrefixes()) + " where Azure writes " + token(w.source(), s);
        if (!covers(r.destinationPrefixes(), w.destination(), s, region, space)) {
            return "has destination " + String.join(", ", r.destinationPrefixes()) + " where Azure writes " + token(w.destination(), s);
        }
        return null;
    }

    private static String token(String t, Subnet s) {
        return AzureRules.SUBNET.equals(t) ? String.join(", ", s.addressPrefixes()) : t;
    }

    private static boolean covers(List<String> have, String token, Subnet s, String region, AddressSpace space) {
        if (have.isEmpty()) return true;
        if (token.contains("{")) {
            if (token.endsWith(AzureRules.REGION) && region != null) token = token.replace(AzureRules.REGION, region);
            else {
                String base = token.substring(0, token.indexOf('.') + 1);
                return have.stream().anyMatch(h -> h.trim().equals("*") || h.trim().regionMatches(true, 0, base, 0, base.length())
                        || h.trim().equalsIgnoreCase(base.substring(0, base.length() - 1)));
            }
        }
        AddressSet want = AzureRules.SUBNET.equals(token) ? Scope.addresses(s) : space.resolve(token);
        if (want == null) return true; // the subnet's prefix is invalid: NET-ADDRESS says so
        return space.resolveAll(have).containsAll(want);
    }

    // ---- routes ----

    static void routes(Scope scope, Subnet s, VirtualNetwork vnet, RouteTable t, Findings out) {
        Profile p = scope.profile();
        String path = ResourcePaths.routeTable(t);
        String label = "Route table '" + t.name() + "'";
        String region = scope.region(s, vnet);
        String state = scope.live() ? "live" : "desired";
        List<String> subnet = s.addressPrefixes();

        for (Route r : t.routes()) {
            if (!AzureRules.isAzure(r)) continue;
            boolean vnetLocal = AzureRules.isVnetLocalRoute(r);
            String want = vnetLocal ? Route.VNET_LOCAL : Route.INTERNET;
            if (!want.equalsIgnoreCase(r.nextHopType() == null ? "" : r.nextHopType().trim())) {
                out.add(Catalog.MI_INTENT_ROUTES, Severity.ERROR, ResourcePaths.route(t, r), label + ": Azure's route '" + r.name() + "' sends "
                        + r.addressPrefix() + " to " + r.nextHopType() + " where Azure writes next hop " + want
                        + "; Azure refuses a change to its own routes (ConflictWithNetworkIntentPolicy)",
                        details("routeTableId", t.id(), "subnetId", s.id(), "route", r.name(), "problem", "changed", "state", state),
                        t.id(), r.source() != null ? r.source() : t.source());
            }
        }

        if (scope.live()) {
            List<Route> used = new ArrayList<>();
            for (WrittenRoute w : p.azureRoutes()) {
                if (w.optional()) continue;
                Route found = null;
                for (Route r : t.routes()) {
                    if (used.contains(r) || !w.nextHopType().equalsIgnoreCase(r.nextHopType() == null ? "" : r.nextHopType().trim())) continue;
                    if (AzureRules.matchesPrefix(w, r.addressPrefix(), subnet, region)
                            && !(w.addressPrefix().endsWith(AzureRules.PAIRED_REGION) && region != null && r.addressPrefix().trim().toLowerCase(Locale.ROOT).endsWith("." + region))) {
                        found = r;
                        break;
                    }
                }
                if (found != null) {
                    used.add(found);
                    continue;
                }
                boolean own = AzureRules.SUBNET.equals(w.addressPrefix());
                String what = own ? subnet + " → VnetLocal (…subnet-<range>-to-vnetlocal)"
                        : w.addressPrefix().replace(AzureRules.REGION, region == null ? "<region>" : region).replace(AzureRules.PAIRED_REGION, "<paired region>")
                          + " → Internet";
                out.add(own ? Catalog.MI_UDR_VNETLOCAL : Catalog.MI_INTENT_ROUTES, Severity.ERROR, path, label + ": Azure's route " + what
                        + " is missing from this live configuration; Azure's network intent policy writes it while the subnet is delegated and hosts an instance ("
                        + p.id() + ")", details("routeTableId", t.id(), "subnetId", s.id(), "problem", "missing", "azureRoute", w.describe(), "state", state),
                        t.id(), t.source());
            }
        }

        // User routes that contradict Azure's: the subnet's own range elsewhere than VnetLocal, a prefix Azure routes elsewhere than Internet.
        for (AzureRules.Contradiction c : AzureRules.contradictions(t, s, p, region)) {
            Route r = c.route();
            out.add(Catalog.MI_INTENT_ROUTES, Severity.ERROR, ResourcePaths.route(t, r), label + ": route '" + r.name() + "' " + c.what(),
                    details("routeTableId", t.id(), "subnetId", s.id(), "route", r.name(), "problem", c.problem(), "state", state),
                    t.id(), r.source() != null ? r.source() : t.source());
        }
    }
}
