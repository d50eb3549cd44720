package minet.rules.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;

/**
 * A subnet's effective security rules as the portal lists them: per direction the NSG's own rules by priority,
 * then Azure's default rules (65000, 65001, 65500), which every NSG has and nobody can change. The rules Azure
 * itself writes into a delegated MI subnet's NSG ({@code Microsoft.Sql-managedInstances_UseOnly_…}) are marked as
 * managed. The order is the order of evaluation: the first rule that matches a packet decides it.
 */
public record EffectiveRules(String nsgName, List<Row> inbound, List<Row> outbound, List<String> notes) {
    public EffectiveRules {
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
        notes = List.copyOf(notes);
    }

    /** Where a rule comes from: the NSG (the user's), Azure's management of an MI subnet, or Azure's defaults. */
    public enum Kind { CUSTOM, MANAGED, DEFAULT }

    public record Row(Integer priority, String name, String protocol, String source, String sourcePorts,
                      String destination, String destinationPorts, Access access, Kind kind, SecurityRule rule) {}

    /** The prefix of the rules the MI service writes into its subnet's NSG (network intent policy). */
    public static final String MANAGED_PREFIX = "Microsoft.Sql-managedInstances_UseOnly_";

    public static boolean managedByAzure(SecurityRule r) {
        return r.name() != null && r.name().toLowerCase(Locale.ROOT).startsWith(MANAGED_PREFIX.toLowerCase(Locale.ROOT));
    }

    public static EffectiveRules of(Design design, Subnet subnet) {
        SecurityGroup nsg = subnet.nsgId() == null ? null : design.securityGroup(subnet.nsgId()).orElse(null);
        List<String> notes = new ArrayList<>();
        if (subnet.nsgId() == null) {
            notes.add("No network security group is associated with the subnet: Azure filters none of its traffic.");
            return new EffectiveRules(null, List.of(), List.of(), notes);
        }
        if (nsg == null) {
            notes.add("The subnet's network security group is not in the design: its rules cannot be shown.");
            return new EffectiveRules(null, List.of(), List.of(), notes);
        }
        long unprioritised = nsg.rules().stream().filter(r -> r.priority() == null).count();
        if (unprioritised > 0) notes.add(unprioritised + " rule(s) without a priority are listed last among the NSG's own: Azure refuses them.");
        return new EffectiveRules(nsg.name(), rows(nsg, Direction.INBOUND), rows(nsg, Direction.OUTBOUND), notes);
    }

    /** The NSG's rules of a direction by priority (a rule without one last), then the defaults. */
    public static List<Row> rows(SecurityGroup nsg, Direction d) {
        List<SecurityRule> own = new ArrayList<>();
        for (SecurityRule r : nsg.rules()) if (r.direction() == d) own.add(r);
        own.sort(Comparator.comparing(SecurityRule::priority, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Row> out = new ArrayList<>();
        for (SecurityRule r : own) out.add(row(r, managedByAzure(r) ? Kind.MANAGED : Kind.CUSTOM));
        for (SecurityRule r : NsgEvaluator.defaultRules(d)) out.add(row(r, Kind.DEFAULT));
        return out;
    }

    private static Row row(SecurityRule r, Kind kind) {
        return new Row(r.priority(), r.name(), r.protocol(), join(r.sourcePrefixes(), r.sourceApplicationSecurityGroups()),
                String.join(", ", r.sourcePorts()), join(r.destinationPrefixes(), r.destinationApplicationSecurityGroups()),
                String.join(", ", r.destinationPorts()), r.access(), kind, r);
    }

    /** Prefixes, or the application security groups a rule names instead (by name). */
    private static String join(List<String> prefixes, List<String> asgs) {
        if (!prefixes.isEmpty()) return String.join(", ", prefixes);
        return asgs.stream().map(a -> a.substring(a.lastIndexOf('/') + 1)).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
