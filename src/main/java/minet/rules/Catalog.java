package minet.rules;

import java.util.List;
import java.util.Optional;

/** The rule IDs (rules.md is the contract for IDs and severities) and each profile's rules with their metadata ({@link Profiles}). */
public final class Catalog {
    private Catalog() {}

    public static final String MI_SUBNET_DEDICATED = "MI-SUBNET-DEDICATED";
    public static final String MI_SUBNET_GATEWAY = "MI-SUBNET-GATEWAY";
    public static final String MI_SUBNET_SIZE = "MI-SUBNET-SIZE";
    public static final String MI_SUBNET_CAPACITY = "MI-SUBNET-CAPACITY";
    public static final String MI_SUBNET_SERVICE_ENDPOINTS = "MI-SUBNET-SERVICE-ENDPOINTS";
    public static final String MI_SUBNET_NSG = "MI-SUBNET-NSG";
    public static final String MI_SUBNET_ROUTE_TABLE = "MI-SUBNET-ROUTE-TABLE";
    public static final String MI_NSG_IN_MANAGEMENT = "MI-NSG-IN-MANAGEMENT";
    public static final String MI_NSG_IN_MANAGEMENT_SINGLE_RULE = "MI-NSG-IN-MANAGEMENT-SINGLE-RULE";
    public static final String MI_NSG_IN_SUBNET = "MI-NSG-IN-SUBNET";
    public static final String MI_NSG_IN_HEALTH_PROBE = "MI-NSG-IN-HEALTH-PROBE";
    public static final String MI_NSG_OUT_MANAGEMENT = "MI-NSG-OUT-MANAGEMENT";
    public static final String MI_NSG_OUT_MANAGEMENT_SINGLE_RULE = "MI-NSG-OUT-MANAGEMENT-SINGLE-RULE";
    public static final String MI_NSG_OUT_SUBNET = "MI-NSG-OUT-SUBNET";
    public static final String MI_NSG_ORDER = "MI-NSG-ORDER";
    public static final String MI_NSG_REPLICATION = "MI-NSG-REPLICATION";
    public static final String MI_NSG_DATA = "MI-NSG-DATA";
    public static final String MI_NSG_EXPOSED = "MI-NSG-EXPOSED";
    public static final String MI_UDR_VNETLOCAL = "MI-UDR-VNETLOCAL";
    public static final String MI_UDR_MANAGEMENT = "MI-UDR-MANAGEMENT";
    public static final String MI_UDR_CONFLICT = "MI-UDR-CONFLICT";
    public static final String MI_NAT_SAME_REGION = "MI-NAT-SAME-REGION";
    public static final String MI_DNS_CUSTOM = "MI-DNS-CUSTOM";
    public static final String NSG_PRIORITY = "NSG-PRIORITY";
    public static final String NSG_RULE = "NSG-RULE";
    public static final String NSG_SHADOWED = "NSG-SHADOWED";
    public static final String NSG_LIMIT = "NSG-LIMIT";
    public static final String UDR_LIMIT = "UDR-LIMIT";
    public static final String UDR_NEXT_HOP = "UDR-NEXT-HOP";
    public static final String NET_ADDRESS = "NET-ADDRESS";
    // Later eras (research/mi-rules.md §3) and the profile choice.
    public static final String MI_SUBNET_DELEGATION = "MI-SUBNET-DELEGATION";
    public static final String MI_SUBNET_NAT_GATEWAY = "MI-SUBNET-NAT-GATEWAY";
    public static final String MI_SUBNET_NONE = "MI-SUBNET-NONE";
    public static final String MI_IPV6 = "MI-IPV6";
    public static final String MI_NSG_PLATFORM_DNS = "MI-NSG-PLATFORM-DNS";
    public static final String MI_NSG_PUBLIC_ENDPOINT = "MI-NSG-PUBLIC-ENDPOINT";
    public static final String MI_NSG_OUT_SERVICES = "MI-NSG-OUT-SERVICES";
    public static final String MI_INTENT_RULES = "MI-INTENT-RULES";
    public static final String MI_INTENT_ROUTES = "MI-INTENT-ROUTES";
    public static final String PROFILE_CHOICE = "PROFILE-CHOICE";
    // Auto-failover groups (research/mi-rules.md §7).
    public static final String MI_FOG_PARTNERS = "MI-FOG-PARTNERS";
    public static final String MI_FOG_NSG = "MI-FOG-NSG";
    public static final String MI_FOG_OVERLAP = "MI-FOG-OVERLAP";
    public static final String MI_FOG_CONNECTED = "MI-FOG-CONNECTED";
    public static final String MI_FOG_DIRECT = "MI-FOG-DIRECT";
    public static final String MI_FOG_DNS_ZONE = "MI-FOG-DNS-ZONE";
    public static final String MI_FOG_TIER = "MI-FOG-TIER";
    public static final String MI_FOG_LISTENERS = "MI-FOG-LISTENERS";
    // The design holds together (every era).
    public static final String NET_REFERENCE = "NET-REFERENCE";
    public static final String NET_NAME = "NET-NAME";
    public static final String NET_DUPLICATE = "NET-DUPLICATE";

    /** The profile ids, oldest first (without auto and latest: see {@link Profiles#names()}). */
    public static List<String> profiles() {
        return Profiles.ALL.stream().map(Profile::id).toList();
    }

    /** The rules of {@code profile} (an id or latest); an unknown profile has none. */
    public static List<RuleInfo> all(String profile) {
        return Profiles.byId(profile).map(Profile::rules).orElse(List.of());
    }

    public static Optional<RuleInfo> info(String profile, String ruleId) {
        return all(profile).stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** Position of a rule in its profile (for a stable order of findings); unknown IDs (import notes) sort last. */
    static int order(String profile, String ruleId) {
        List<RuleInfo> all = all(profile);
        for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(ruleId)) return i;
        return all.size();
    }
}
