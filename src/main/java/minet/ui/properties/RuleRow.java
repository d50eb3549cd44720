package minet.ui.properties;

import minet.model.SecurityRule;

/** One NSG security rule as the table shows it: multi-valued fields as comma-separated text. */
public record RuleRow(int index, String priority, String name, String direction, String access, String protocol,
                      String source, String sourcePorts, String destination, String destinationPorts, String description) {

    public enum Column { PRIORITY, NAME, DIRECTION, ACCESS, PROTOCOL, SOURCE, SOURCE_PORTS, DESTINATION, DESTINATION_PORTS, DESCRIPTION }

    public static RuleRow of(int index, SecurityRule r) {
        return new RuleRow(index, r.priority() == null ? "" : String.valueOf(r.priority()), nz(r.name()),
                r.direction() == null ? "" : r.direction().azure(), r.access() == null ? "" : r.access().azure(), nz(r.protocol()),
                Inputs.join(r.sourcePrefixes()), Inputs.join(r.sourcePorts()), Inputs.join(r.destinationPrefixes()),
                Inputs.join(r.destinationPorts()), nz(r.description()));
    }

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
