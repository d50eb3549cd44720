package minet.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.ImportNote;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.rules.check.Checks;
import minet.rules.eval.ServiceTags;

/** Runs a profile's rules over a design: a pure function, safe to call from any thread. */
public final class Validator {
    /** The default: pick the era by the design's evidence ({@link #choose}). */
    public static final String DEFAULT_PROFILE = Profiles.AUTO;

    private Validator() {}

    /** The profile a run uses and why, in words for reports ("subnet 'mi' is delegated to Microsoft.Sql/managedInstances"). */
    public record Choice(Profile profile, String reason, boolean automatic) {
        /** "auto: azure-2024-07, subnet 'mi' is delegated": for a status bar. */
        public String summary() {
            return (automatic ? "auto: " : "") + profile.id() + (automatic ? ", " + reason : "");
        }
    }

    /**
     * What {@code auto} picks: the current rules when an MI subnet is delegated to Microsoft.Sql/managedInstances or
     * its NSG or route table carries Azure's own {@code Microsoft.Sql-managedInstances_UseOnly_} rules (service-aided
     * configuration, since 2020); the 04/2019 manual configuration when MI subnets exist without either; the current
     * rules when there is no MI subnet at all.
     */
    public static Choice choose(Design d) {
        List<Subnet> mi = d.miSubnets();
        for (Subnet s : mi) {
            if (s.delegatedToMi()) {
                return new Choice(Profiles.latest(), "subnet '" + s.name() + "' is delegated to " + Subnet.MI_DELEGATION, true);
            }
        }
        for (Subnet s : mi) {
            SecurityGroup g = s.nsgId() == null ? null : d.securityGroup(s.nsgId()).orElse(null);
            if (g != null && AzureRules.hasAzureRules(g)) {
                return new Choice(Profiles.latest(), "NSG '" + g.name() + "' carries Azure's own " + AzureRules.PREFIX + " rules", true);
            }
            RouteTable t = s.routeTableId() == null ? null : d.routeTable(s.routeTableId()).orElse(null);
            if (t != null && AzureRules.hasAzureRoutes(t)) {
                return new Choice(Profiles.latest(), "route table '" + t.name() + "' carries Azure's own " + AzureRules.PREFIX + " routes", true);
            }
        }
        if (mi.isEmpty()) return new Choice(Profiles.latest(), "no MI subnet: the current rules", true);
        return new Choice(Profiles.seed(), "no MI subnet is delegated and none carries Azure's own rules: the manual configuration of 04/2019", true);
    }

    /**
     * The profile named {@code name} ({@code auto}, {@code latest} or an id), with its reason.
     * @throws IllegalArgumentException for a name that is none of these (the message lists the known ones)
     */
    public static Choice choose(Design d, String name) {
        if (name == null || Profiles.AUTO.equalsIgnoreCase(name)) return choose(d);
        Profile p = Profiles.byId(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown profile '" + name + "'; known profiles: " + String.join(", ", Profiles.names())));
        return new Choice(p, Profiles.LATEST.equalsIgnoreCase(name) ? "latest: the newest profile" : "chosen by hand", false);
    }

    /**
     * The findings of {@code profile} ({@code auto}, {@code latest} or an id) on {@code design}, errors first, then by
     * element and rule (a stable order).
     * @throws IllegalArgumentException for a profile that does not exist (the message lists the known ones)
     */
    public static Report validate(Design design, String profile) {
        return validate(design, profile, ServiceTags.NONE);
    }

    /** As {@link #validate(Design, String)}, with the addresses of service tags from Microsoft's weekly file. */
    public static Report validate(Design design, String profile, ServiceTags tags) {
        return validate(design, choose(design, profile), tags);
    }

    public static Report validate(Design design, Choice choice, ServiceTags tags) {
        long t0 = System.nanoTime();
        Profile p = choice.profile();
        List<Finding> findings = new ArrayList<>(Checks.run(design, p, tags));
        if (!choice.automatic()) contradiction(design, choice, findings);
        for (ImportNote n : design.importNotes()) findings.add(fromNote(n));
        findings.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.resource() == null ? "" : f.resource())
                .thenComparingInt(f -> Catalog.order(p.id(), f.ruleId()))
                .thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        return new Report(p.id(), choice.reason(), design.state(), findings, System.nanoTime() - t0);
    }

    public static Report validate(Design design) {
        return validate(design, DEFAULT_PROFILE);
    }

    /** An info when a profile chosen by hand contradicts what auto would pick from the design. */
    private static void contradiction(Design d, Choice chosen, List<Finding> out) {
        Choice auto = choose(d);
        if (d.miSubnets().isEmpty() || auto.profile().serviceAided() == chosen.profile().serviceAided()) return;
        String msg = chosen.profile().serviceAided()
                ? "Profile " + chosen.profile().id() + " judges the design by Azure's service-aided rules, but " + auto.reason()
                  + "; auto would pick " + auto.profile().id()
                : "Profile " + chosen.profile().id() + " judges the design by the manual configuration of 04/2019, but " + auto.reason()
                  + ": since 2020 Azure writes its own rules there; auto would pick " + auto.profile().id();
        out.add(new Finding(Catalog.PROFILE_CHOICE, Severity.INFO, "", msg,
                Map.of("profile", chosen.profile().id(), "autoProfile", auto.profile().id(), "evidence", auto.reason()), null, null));
    }

    private static Finding fromNote(ImportNote n) {
        Severity sev;
        try {
            sev = n.severity() == null ? Severity.WARNING : Severity.parse(n.severity());
        } catch (IllegalArgumentException e) {
            sev = Severity.WARNING;
        }
        return new Finding(n.ruleId(), sev, n.resource(), n.message(), java.util.Map.of(), null, n.source());
    }
}
