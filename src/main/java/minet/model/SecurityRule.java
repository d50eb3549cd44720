package minet.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * An NSG security rule with every field Azure has. Singular and plural forms are kept as given (NSG-RULE
 * checks that both are not set); {@link #sourcePrefixes()} etc. give the effective list. Priority is an
 * Integer and protocol a String so that malformed input can be represented and reported, not lost.
 */
public record SecurityRule(
        String name,
        String description,
        Integer priority,
        Direction direction,
        Access access,
        String protocol,
        String sourcePortRange,
        List<String> sourcePortRanges,
        String destinationPortRange,
        List<String> destinationPortRanges,
        String sourceAddressPrefix,
        List<String> sourceAddressPrefixes,
        String destinationAddressPrefix,
        List<String> destinationAddressPrefixes,
        List<String> sourceApplicationSecurityGroups,
        List<String> destinationApplicationSecurityGroups,
        Source source) {

    public SecurityRule {
        sourcePortRanges = Lists.copy(sourcePortRanges);
        destinationPortRanges = Lists.copy(destinationPortRanges);
        sourceAddressPrefixes = Lists.copy(sourceAddressPrefixes);
        destinationAddressPrefixes = Lists.copy(destinationAddressPrefixes);
        sourceApplicationSecurityGroups = Lists.copy(sourceApplicationSecurityGroups);
        destinationApplicationSecurityGroups = Lists.copy(destinationApplicationSecurityGroups);
    }

    /** A rule in the common shape: ports and prefixes as lists; one value goes to the singular field. */
    public static SecurityRule of(String name, int priority, Direction direction, Access access, String protocol,
                                  List<String> sourcePrefixes, List<String> sourcePorts,
                                  List<String> destinationPrefixes, List<String> destinationPorts) {
        return new SecurityRule(name, null, priority, direction, access, protocol,
                one(sourcePorts), many(sourcePorts), one(destinationPorts), many(destinationPorts),
                one(sourcePrefixes), many(sourcePrefixes), one(destinationPrefixes), many(destinationPrefixes),
                List.of(), List.of(), null);
    }

    private static String one(List<String> l) { return l.size() == 1 ? l.get(0) : null; }
    private static List<String> many(List<String> l) { return l.size() == 1 ? List.of() : l; }

    @JsonIgnore public List<String> sourcePrefixes() { return merged(sourceAddressPrefix, sourceAddressPrefixes); }
    @JsonIgnore public List<String> destinationPrefixes() { return merged(destinationAddressPrefix, destinationAddressPrefixes); }
    @JsonIgnore public List<String> sourcePorts() { return merged(sourcePortRange, sourcePortRanges); }
    @JsonIgnore public List<String> destinationPorts() { return merged(destinationPortRange, destinationPortRanges); }

    private static List<String> merged(String single, List<String> plural) {
        if (single == null || single.isBlank()) return plural;
        if (plural.isEmpty()) return List.of(single);
        List<String> all = new ArrayList<>(plural.size() + 1);
        all.add(single);
        all.addAll(plural);
        return List.copyOf(all);
    }

    @JsonIgnore public int priorityOr(int fallback) { return priority == null ? fallback : priority; }

    public SecurityRule withName(String v) { return new SecurityRule(v, description, priority, direction, access, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withDescription(String v) { return new SecurityRule(name, v, priority, direction, access, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withPriority(Integer v) { return new SecurityRule(name, description, v, direction, access, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withDirection(Direction v) { return new SecurityRule(name, description, priority, v, access, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withAccess(Access v) { return new SecurityRule(name, description, priority, direction, v, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withProtocol(String v) { return new SecurityRule(name, description, priority, direction, access, v, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    /** Sets the source ports, one value in the singular field and several in the plural one. */
    public SecurityRule withSourcePorts(List<String> v) { return new SecurityRule(name, description, priority, direction, access, protocol, one(v), many(v), destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withDestinationPorts(List<String> v) { return new SecurityRule(name, description, priority, direction, access, protocol, sourcePortRange, sourcePortRanges, one(v), many(v), sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withSourcePrefixes(List<String> v) { return new SecurityRule(name, description, priority, direction, access, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, one(v), many(v), destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withDestinationPrefixes(List<String> v) { return new SecurityRule(name, description, priority, direction, access, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, one(v), many(v), sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, source); }
    public SecurityRule withSource(Source v) { return new SecurityRule(name, description, priority, direction, access, protocol, sourcePortRange, sourcePortRanges, destinationPortRange, destinationPortRanges, sourceAddressPrefix, sourceAddressPrefixes, destinationAddressPrefix, destinationAddressPrefixes, sourceApplicationSecurityGroups, destinationApplicationSecurityGroups, v); }
}
