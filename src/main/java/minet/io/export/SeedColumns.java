package minet.io.export;

import java.util.ArrayList;
import java.util.List;
import minet.model.Route;
import minet.model.SecurityRule;

/** The cells of the seed's NSG and route tables (Name, Port, Protocol, Source, Destination, Action; Name, Address prefix, Next hop), in Azure's values. */
final class SeedColumns {
    private SeedColumns() {}

    static String port(SecurityRule r) { return String.join(", ", r.destinationPorts()); }

    static String sourcePort(SecurityRule r) { return String.join(", ", r.sourcePorts()); }

    static String source(SecurityRule r) { return join(r.sourcePrefixes(), r.sourceApplicationSecurityGroups()); }

    static String destination(SecurityRule r) { return join(r.destinationPrefixes(), r.destinationApplicationSecurityGroups()); }

    static String protocol(SecurityRule r) { return nz(r.protocol()); }

    static String action(SecurityRule r) { return r.access() == null ? "" : r.access().azure(); }

    static String direction(SecurityRule r) { return r.direction() == null ? "" : r.direction().azure(); }

    static String priority(SecurityRule r) { return r.priority() == null ? "" : r.priority().toString(); }

    static String nextHopIp(Route r) { return nz(r.nextHopIpAddress()); }

    static String nz(String s) { return s == null ? "" : s; }

    private static String join(List<String> prefixes, List<String> asgs) {
        List<String> all = new ArrayList<>(prefixes);
        all.addAll(asgs);
        return String.join(", ", all);
    }
}
