package minet.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import minet.model.Direction;

/**
 * One era of Microsoft's networking rules for SQL Managed Instance, as data: what the MI subnet's NSG must allow,
 * which routes are required, the subnet sizes, whether Azure writes the mandatory rules itself (service-aided
 * configuration, from 2020), whether the instance still has a management endpoint (and so which parties and flows
 * the canvas draws), and the rules (checks) the era runs. The checks read every requirement from here.
 *
 * @param id              {@code azure-YYYY-MM}, after the document it follows
 * @param title           a short name for people ("Service-aided (v10), 10/2020")
 * @param document        the Microsoft documents and dates it follows (research/mi-rules.md, source IDs)
 * @param serviceAided    Azure's network intent policy writes the mandatory rules and routes (the subnet is delegated)
 * @param managementEndpoint the instance has a management endpoint behind an external load balancer (until 11/2022)
 * @param minimumAddresses below this the subnet is an error
 * @param recommendedAddresses below this a warning (equal to the minimum when there is no separate recommendation)
 * @param sizing          the era's subnet sizing formula
 * @param mandatory       traffic the MI subnet's NSG must allow, in the document's order
 * @param managementPrefixes public prefixes the route table must send to Internet (the seed's 99; empty later)
 * @param azureRoutes     routes Azure writes (service-aided eras), the subnet's own range first
 * @param dnsRequirement  what custom DNS servers must resolve, in the document's words
 * @param rules           the rules this profile runs, in catalog order
 */
public record Profile(String id, String title, String document, boolean serviceAided, boolean managementEndpoint,
                      int minimumAddresses, int recommendedAddresses, Sizing.Formula sizing,
                      List<NsgRequirement> mandatory, List<String> managementPrefixes,
                      List<AzureRules.WrittenRoute> azureRoutes, String dnsRequirement, List<RuleInfo> rules) {

    public Profile {
        mandatory = List.copyOf(mandatory);
        managementPrefixes = List.copyOf(managementPrefixes);
        azureRoutes = List.copyOf(azureRoutes);
        rules = List.copyOf(rules);
    }

    /**
     * Traffic the MI subnet's NSG must allow. {@code sources}/{@code destinations} hold tags, or
     * {@link AzureRules#SUBNET} for the MI subnet; {@code mustCover}: the sources that must be allowed (the seed's
     * management rule is written with source * but only needs every Internet address). {@code fixName} is the rule
     * our fix writes (manual eras); {@code azureStem} the rule Azure writes (service-aided eras).
     */
    public record NsgRequirement(String ruleId, String docName, Direction direction, String protocol, List<String> sources,
                                 List<String> mustCover, List<String> destinations, List<String> ports, String fixName,
                                 String azureStem) {
        public NsgRequirement {
            sources = List.copyOf(sources);
            mustCover = List.copyOf(mustCover);
            destinations = List.copyOf(destinations);
            ports = List.copyOf(ports);
        }

        /** "TCP 9000, 9003 from SqlManagement": for messages. */
        public String label() {
            String proto = protocol.equals("*") ? "any protocol" : protocol.toUpperCase(java.util.Locale.ROOT);
            String p = ports.equals(List.of("*")) ? "" : " " + String.join(", ", ports);
            return proto + p + " from " + side(mustCover) + " to " + side(destinations);
        }

        private static String side(List<String> l) {
            return l.stream().map(x -> AzureRules.SUBNET.equals(x) ? "the MI subnet" : x).collect(Collectors.joining(", "));
        }
    }

    /** The IDs of the rules this profile runs. */
    public Set<String> ruleIds() {
        return rules.stream().map(RuleInfo::id).collect(Collectors.toUnmodifiableSet());
    }

    public boolean runs(String ruleId) {
        for (RuleInfo r : rules) if (r.id().equals(ruleId)) return true;
        return false;
    }

    public List<NsgRequirement> mandatory(Direction d) {
        return mandatory.stream().filter(r -> r.direction() == d).toList();
    }
}
