package minet.ui.properties;

import minet.model.SecurityRule;
import minet.rules.eval.EffectiveRules;

/**
 * One NSG security rule as the editor shows it: multi-valued fields as comma-separated text. {@code index} is the
 * rule's place in the NSG's list (-1 for Azure's default rules, which are not in it); {@code kind} tells the user's
 * rules from those Azure manages and Azure's defaults, which are shown but locked.
 */
public record RuleRow(int index, EffectiveRules.Kind kind, String priority, String name, String direction, String access, String protocol,
                      String source, String sourcePorts, String destination, String destinationPorts, String description) {

    public enum Column { PRIORITY, NAME, DIRECTION, ACCESS, PROTOCOL, SOURCE, SOURCE_PORTS, DESTINATION, DESTINATION_PORTS, DESCRIPTION }

    public static RuleRow of(int index, SecurityRule r) {
        return of(index, r, EffectiveRules.managedByAzure(r) ? EffectiveRules.Kind.MANAGED : EffectiveRules.Kind.CUSTOM);
    }

    public static RuleRow of(int index, SecurityRule r, EffectiveRules.Kind kind) {
        return new RuleRow(index, kind, r.priority() == null ? "" : String.valueOf(r.priority()), nz(r.name()),
                r.direction() == null ? "" : r.direction().azure(), r.access() == null ? "" : r.access().azure(), nz(r.protocol()),
                Inputs.join(r.sourcePrefixes()), Inputs.join(r.sourcePorts()), Inputs.join(r.destinationPrefixes()),
                Inputs.join(r.destinationPorts()), nz(r.description()));
    }

    /** Azure's defaults and the rules Azure manages cannot be changed here. */
    public boolean locked() { return kind != EffectiveRules.Kind.CUSTOM; }

    public String get(Column c) {
        switch (c) {
            case PRIORITY: return priority;
            case NAME: return name;
            case DIRECTION: return direction;
            case ACCESS: return access;
            case PROTOCOL: return protocol;
            case SOURCE: return source;
            case SOURCE_PORTS: return sourcePorts;
            case DESTINATION: return destination;
            case DESTINATION_PORTS: return destinationPorts;
            default: return description;
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
