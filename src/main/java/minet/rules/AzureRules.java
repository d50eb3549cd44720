package minet.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import minet.model.Direction;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;

/**
 * The security rules and routes Azure's network intent policy writes into a delegated MI subnet's NSG and route
 * table (names starting {@value #PREFIX}). They are Azure's: a fix never changes, renumbers, merges or deletes one,
 * and findings about them that the user cannot act on are not raised.
 *
 * <p>Azure recognises its rules by the stable part of the name, whatever follows it: v10 writes
 * {@code …_UseOnly_mi-internal-in-10-0-0-0-24-v10} at priority 104, v11 {@code …_mi-internal-in-10-0-0-0-24-v11} at
 * 101, the 07/2024 document {@code …_mi-internal-in}; routes appear as {@code …_subnet-<range>-to-vnetlocal} in live
 * dumps and {@code …_mi-subnet-<range>-to-vnetlocal} in the document, the optional ones as
 * {@code …_optional-AzureCloud.<region>} and {@code …_mi-optional-AzureCloud.<region>}. Sources:
 * research/mi-rules.md §3.7 (S10, S33, S37).
 */
public final class AzureRules {
    private AzureRules() {}

    public static final String PREFIX = "Microsoft.Sql-managedInstances_UseOnly_";
    /** In a rule's source or destination: the MI subnet's own prefixes. */
    public static final String SUBNET = "SUBNET";
    /** In a tag: the instance's region, and its paired region (not known offline). */
    public static final String REGION = "{region}", PAIRED_REGION = "{pairedRegion}";

    /** One rule Azure writes: its stable name part and what it allows (Allow, every source port). */
    public record Written(String stem, Direction direction, String protocol, String source, String destination,
                          List<String> ports, boolean optional) {
        /** The name Azure gives it in the 07/2024 document's spelling. */
        public String name() { return PREFIX + stem; }

        /** The rule as Azure writes it for a subnet (no range or version suffix: the stem is what counts). */
        public SecurityRule rule(List<String> subnetPrefixes, int priority, String region) {
            return SecurityRule.of(name(), priority, direction, minet.model.Access.ALLOW, protocol,
                    resolve(source, subnetPrefixes, region), List.of("*"), resolve(destination, subnetPrefixes, region), ports)
                    .withDescription("Written by Azure's network intent policy for SQL Managed Instance");
        }
    }

    private static List<String> resolve(String token, List<String> subnet, String region) {
        if (SUBNET.equals(token)) return subnet;
        if (region != null && token.contains(REGION)) return List.of(token.replace(REGION, region));
        return List.of(token);
    }

    private static final List<String> MANAGEMENT_PORTS = List.of("9000", "9003", "1438", "1440", "1452");

    /** Every rule stem Azure has written since 2020, with what it allows (longest stems first for matching). */
    public static final List<Written> RULES = List.of(
            new Written("mi-optional-azure-out", Direction.OUTBOUND, "Tcp", SUBNET, "AzureCloud", List.of("443"), true),
            new Written("mi-healthprobe-in", Direction.INBOUND, "*", "AzureLoadBalancer", SUBNET, List.of("*"), false),
            new Written("mi-corppublic-in", Direction.INBOUND, "Tcp", "CorpNetPublic", SUBNET, List.of("9000", "9003"), false),
            new Written("mi-internal-out", Direction.OUTBOUND, "*", SUBNET, SUBNET, List.of("*"), false),
            new Written("mi-services-out", Direction.OUTBOUND, "Tcp", SUBNET, "AzureCloud", List.of("443", "12000"), false),
            new Written("mi-internal-in", Direction.INBOUND, "*", SUBNET, SUBNET, List.of("*"), false),
            new Written("mi-corpsaw-in", Direction.INBOUND, "Tcp", "CorpNetSaw", SUBNET, List.of("9000", "9003", "1440"), false),
            new Written("mi-sqlmgmt-in", Direction.INBOUND, "Tcp", "SqlManagement", SUBNET, MANAGEMENT_PORTS, false),
            new Written("mi-onedsc-out", Direction.OUTBOUND, "Tcp", SUBNET, "OneDsCollector", List.of("443"), false),
            new Written("mi-strg-p-out", Direction.OUTBOUND, "*", SUBNET, "Storage." + REGION, List.of("443"), false),
            new Written("mi-strg-s-out", Direction.OUTBOUND, "*", SUBNET, "Storage." + PAIRED_REGION, List.of("443"), false),
            new Written("mi-aad-out", Direction.OUTBOUND, "Tcp", SUBNET, "AzureActiveDirectory", List.of("443"), false));

    private static final Pattern VERSION = Pattern.compile("-v\\d+$", Pattern.CASE_INSENSITIVE);

    public static boolean isAzure(String name) {
        return name != null && name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    public static boolean isAzure(SecurityRule r) { return isAzure(r.name()); }

    public static boolean isAzure(Route r) { return isAzure(r.name()); }

    /** The stable part of an Azure rule's name ("mi-internal-in"), or empty for a user's rule or a stem not known. */
    public static Optional<Written> written(String ruleName) {
        if (!isAzure(ruleName)) return Optional.empty();
        String rest = VERSION.matcher(ruleName.substring(PREFIX.length())).replaceFirst("").toLowerCase(Locale.ROOT);
        for (Written w : RULES) {
            if (rest.equals(w.stem()) || rest.startsWith(w.stem() + "-")) return Optional.of(w);
        }
        return Optional.empty();
    }

    /** The rule of {@code g} Azure wrote for this stem, if any. */
    public static Optional<SecurityRule> find(SecurityGroup g, String stem) {
        for (SecurityRule r : g.rules()) {
            if (written(r.name()).map(w -> w.stem().equals(stem)).orElse(false)) return Optional.of(r);
        }
        return Optional.empty();
    }

    /**
     * True when {@code name} is a service tag Azure's own rules and routes use, or a regional form of one:
     * {@code OneDsCollector}, {@code Storage.westeurope}, {@code Storage.{pairedRegion}} (a region not known offline).
     * {@code trace} and the canvas take it as a destination; addresses not known offline make its verdict
     * "cannot be decided" unless a rule covers every address.
     */
    public static boolean namesServiceTag(String name) {
        if (name == null || name.isBlank()) return false;
        String t = name.trim();
        int dot = t.indexOf('.');
        String base = dot < 0 ? t : t.substring(0, dot);
        if (dot >= 0 && !t.substring(dot + 1).matches("[A-Za-z0-9]+|\\{[A-Za-z]+\\}")) return false;
        for (String known : minet.rules.eval.AddressSpace.KNOWN_TAGS) if (known.equalsIgnoreCase(base)) return true;
        for (Written w : RULES) {
            for (String token : List.of(w.source(), w.destination())) {
                if (!SUBNET.equals(token) && token.split("\\.")[0].equalsIgnoreCase(base)) return true;
            }
        }
        return false;
    }

    public static boolean hasAzureRules(SecurityGroup g) {
        return g.rules().stream().anyMatch(AzureRules::isAzure);
    }

    public static boolean hasAzureRoutes(RouteTable t) {
        return t.routes().stream().anyMatch(AzureRules::isAzure);
    }

    /** An Azure route to the subnet itself ({@code …subnet-<range>-to-vnetlocal}, either spelling). */
    public static boolean isVnetLocalRoute(Route r) {
        return isAzure(r) && r.name().toLowerCase(Locale.ROOT).endsWith("-to-vnetlocal");
    }

    /** One route Azure writes: its address prefix (a tag, possibly regional, or {@link #SUBNET}) and next hop. */
    public record WrittenRoute(String addressPrefix, String nextHopType, boolean optional) {
        public String describe() {
            return (SUBNET.equals(addressPrefix) ? "the subnet's own range" : addressPrefix) + " → " + nextHopType;
        }
    }

    /** True when {@code a}, a route's prefix, is what {@code w} asks for (regional tags: any region when unknown). */
    public static boolean matchesPrefix(WrittenRoute w, String a, List<String> subnet, String region) {
        if (a == null) return false;
        String p = w.addressPrefix();
        if (SUBNET.equals(p)) return subnet.stream().anyMatch(s -> s.equalsIgnoreCase(a.trim()));
        if (p.contains("{")) {
            String base = p.substring(0, p.indexOf('.') + 1);
            if (p.endsWith(REGION) && region != null) return a.trim().equalsIgnoreCase(base + region);
            return a.trim().regionMatches(true, 0, base, 0, base.length());
        }
        return a.trim().equalsIgnoreCase(p);
    }

    /** The region of an MI subnet as service tags spell it ("westeurope"): its instances' location, else its VNet's; null when not known offline. */
    public static String region(minet.model.Design d, minet.model.Subnet s) {
        for (minet.model.ManagedInstance m : d.instancesIn(s)) {
            if (m.location() != null && !m.location().isBlank() && !minet.model.Unknowns.has(m.location())) return normalRegion(m.location());
        }
        minet.model.VirtualNetwork v = d.vnetOf(s).orElse(null);
        if (v != null && v.location() != null && !v.location().isBlank() && !minet.model.Unknowns.has(v.location())) return normalRegion(v.location());
        return null;
    }

    private static String normalRegion(String r) {
        return r.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** A user route that contradicts Azure's routes for an MI subnet, and how. */
    public record Contradiction(Route route, String problem, String what) {}

    /**
     * The user's routes that contradict what Azure writes for this subnet: one sending part of the subnet's own range
     * elsewhere than VnetLocal ("subnetRange"), one sending a prefix Azure routes to Internet elsewhere ("contradicts").
     */
    public static List<Contradiction> contradictions(RouteTable t, minet.model.Subnet s, Profile p, String region) {
        List<Contradiction> out = new java.util.ArrayList<>();
        List<long[]> own = new java.util.ArrayList<>();
        for (String x : s.addressPrefixes()) {
            long[] r = minet.rules.eval.Cidr.parse(x);
            if (r != null) own.add(r);
        }
        for (Route r : t.routes()) {
            if (isAzure(r) || r.addressPrefix() == null) continue;
            String hop = r.nextHopType() == null ? "" : r.nextHopType().trim();
            long[] range = minet.rules.eval.Cidr.parse(r.addressPrefix());
            // Inside the subnet's range (a broader route, 0.0.0.0/0 to an appliance, loses to Azure's more specific one).
            if (range != null && !hop.equalsIgnoreCase(Route.VNET_LOCAL) && own.stream().anyMatch(o -> o[0] <= range[0] && range[1] <= o[1])) {
                out.add(new Contradiction(r, "subnetRange", "sends " + r.addressPrefix() + ", part of subnet '" + s.name() + "' ("
                        + String.join(", ", s.addressPrefixes()) + "), to " + r.nextHopType() + "; traffic inside the subnet must stay VnetLocal, as Azure's route writes it"));
                continue;
            }
            for (WrittenRoute w : p.azureRoutes()) {
                if (w.optional() || SUBNET.equals(w.addressPrefix())) continue;
                String expected = w.addressPrefix();
                if (expected.contains(PAIRED_REGION)) continue; // the paired region is not known offline
                if (expected.contains(REGION)) {
                    if (region == null) continue;
                    expected = expected.replace(REGION, region);
                }
                if (r.addressPrefix().trim().equalsIgnoreCase(expected) && !hop.equalsIgnoreCase(w.nextHopType())) {
                    out.add(new Contradiction(r, "contradicts", "sends " + r.addressPrefix() + " to " + r.nextHopType()
                            + ", where Azure's own route sends it to " + w.nextHopType() + "; Azure refuses a route that contradicts its own (ConflictWithNetworkIntentPolicy)"));
                    break;
                }
            }
        }
        return out;
    }
}
