package minet.rules;

import java.util.List;
import java.util.Optional;

/** The rules of each profile, with their metadata (rules.md is the contract for IDs and severities). */
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

    private static final Severity E = Severity.ERROR, W = Severity.WARNING;

    /** The seed's profile, in the order of rules.md. Severity is the highest the rule reports. */
    private static final List<RuleInfo> AZURE_2019_04 = List.of(
            new RuleInfo(MI_SUBNET_DEDICATED, E, "Dedicated subnet",
                    "The managed instance's subnet holds nothing but managed instances: no VM NICs, gateways, private endpoints or other services.",
                    "none: move the other resources out (the finding lists them)"),
            new RuleInfo(MI_SUBNET_GATEWAY, E, "Not the gateway subnet",
                    "The managed instance's subnet cannot be the gateway subnet (GatewaySubnet).", "none"),
            new RuleInfo(MI_SUBNET_SIZE, E, "Subnet size",
                    "The subnet has at least 16 addresses (/28); 32 (/27) is the recommended minimum.",
                    "none: resizing needs an empty subnet; the finding names the prefix length needed"),
            new RuleInfo(MI_SUBNET_CAPACITY, E, "Room for the planned instances",
                    "5 reserved addresses + 2 per General Purpose + 4 per Business Critical instance, rounded up to a power of two, fit in the subnet.",
                    "suggests the prefix length"),
            new RuleInfo(MI_SUBNET_SERVICE_ENDPOINTS, E, "No service endpoints",
                    "No service endpoint is associated with the managed instance's subnet.", "removes the service endpoints"),
            new RuleInfo(MI_SUBNET_NSG, E, "Network security group associated",
                    "A network security group with the mandatory rules is associated with the subnet.",
                    "creates an NSG with the mandatory rules and associates it"),
            new RuleInfo(MI_SUBNET_ROUTE_TABLE, E, "Route table associated",
                    "A route table with the mandatory routes is associated with the subnet.",
                    "creates a route table with the mandatory routes and associates it"),
            new RuleInfo(MI_NSG_IN_MANAGEMENT, E, "Inbound management traffic",
                    "Inbound TCP 9000, 9003, 1438, 1440, 1452 from any source to the MI subnet is allowed before any other rule.",
                    "adds (or extends) one rule allow_management_inbound before all others"),
            new RuleInfo(MI_NSG_IN_MANAGEMENT_SINGLE_RULE, E, "Inbound management ports in one rule",
                    "Ports 9000, 9003, 1438, 1440, 1452 are in one inbound rule; split rules make the deployment fail with VnetSubnetConflictWithIntendedPolicy.",
                    "merges them into one rule with all five ports"),
            new RuleInfo(MI_NSG_IN_SUBNET, E, "Inbound traffic inside the MI subnet",
                    "Inbound traffic of any protocol from the MI subnet to the MI subnet is allowed.", "adds allow_misubnet_inbound"),
            new RuleInfo(MI_NSG_IN_HEALTH_PROBE, E, "Health probes",
                    "Inbound traffic of any protocol from AzureLoadBalancer to the MI subnet is allowed.", "adds allow_health_probe_inbound"),
            new RuleInfo(MI_NSG_OUT_MANAGEMENT, E, "Outbound management traffic",
                    "Outbound TCP 80, 443, 12000 from the MI subnet to AzureCloud is allowed.",
                    "adds (or extends) one rule allow_management_outbound"),
            new RuleInfo(MI_NSG_OUT_MANAGEMENT_SINGLE_RULE, E, "Outbound management ports in one rule",
                    "Ports 80, 443, 12000 are in one outbound rule.", "merges them into one rule"),
            new RuleInfo(MI_NSG_OUT_SUBNET, E, "Outbound traffic inside the MI subnet",
                    "Outbound traffic of any protocol from the MI subnet to the MI subnet is allowed.", "adds allow_misubnet_outbound"),
            new RuleInfo(MI_NSG_ORDER, W, "Mandatory rules first",
                    "The mandatory inbound and outbound rules come before any other rule of their direction.",
                    "renumbers, keeping priorities unique and within 100–4096"),
            new RuleInfo(MI_NSG_REPLICATION, E, "Transactional replication",
                    "When an instance is a publisher or distributor of transactional replication, outbound TCP 445 (Azure file share) is allowed.",
                    "adds allow_replication_outbound"),
            new RuleInfo(MI_NSG_DATA, W, "Data endpoint reachable",
                    "Clients in the virtual network reach TCP 1433 (proxy) and, for redirect connections, 11000–11999.",
                    "adds allow_tds_inbound / allow_redirect_inbound"),
            new RuleInfo(MI_NSG_EXPOSED, W, "Data endpoint not open to the Internet",
                    "TCP 1433 and 11000–11999 are not open to Internet or * sources.", "narrows the source"),
            new RuleInfo(MI_UDR_VNETLOCAL, E, "Route to the subnet itself",
                    "A route MI SUBNET → Virtual network (subnet_to_vnetlocal) exists.", "adds subnet_to_vnetlocal"),
            new RuleInfo(MI_UDR_MANAGEMENT, E, "Management prefixes routed to Internet",
                    "Each of the seed's 99 management prefixes is routed to next hop Internet by the route table's own routes.",
                    "adds mi-<prefix>-nexthop-internet routes for the uncovered prefixes"),
            new RuleInfo(MI_UDR_CONFLICT, E, "No route diverts management prefixes",
                    "No user route inside a management prefix sends its traffic to another next hop.", "removes the conflicting routes"),
            new RuleInfo(MI_NAT_SAME_REGION, W, "Firewall rule for the management endpoint in the same region",
                    "Traffic to Azure services in the instance's region is not NATed to the management endpoint's public IP, so a firewall rule for that IP does not match there.",
                    "none: the service must be in another region"),
            new RuleInfo(MI_DNS_CUSTOM, W, "Custom DNS resolves *.core.windows.net",
                    "Custom DNS servers of the virtual network resolve host names in *.core.windows.net (cannot be checked offline).",
                    "none: the user confirms it"),
            new RuleInfo(NSG_PRIORITY, E, "Valid, unique priorities",
                    "Rule priorities are within 100–4096 and unique per direction.", "renumbers"),
            new RuleInfo(NSG_RULE, E, "Well-formed security rule",
                    "Name of 1–80 letters, digits, _ . - (starting with a letter or digit, ending with a letter, digit or _), unique; protocol Tcp, Udp, Icmp, Esp, Ah or *; valid ports and prefixes; not both the singular and plural field.",
                    "none or normalizes"),
            new RuleInfo(NSG_SHADOWED, W, "Rule that can never match",
                    "Every packet a rule matches is already decided by earlier rules (Batfish's unreachable line).", "offers to delete it"),
            new RuleInfo(NSG_LIMIT, E, "NSG size limit", "At most 1000 rules per NSG.", "none"),
            new RuleInfo(UDR_LIMIT, E, "Route table size limit", "At most 400 routes per route table.", "none"),
            new RuleInfo(UDR_NEXT_HOP, E, "Next hop address",
                    "nextHopIpAddress is set exactly when the next hop is VirtualAppliance, and it is a valid IP address.", "normalizes"),
            new RuleInfo(NET_ADDRESS, E, "Address plan",
                    "Valid CIDRs; subnets inside their VNet's address space and not overlapping; peered and on-premises ranges do not overlap the VNet.",
                    "none"));

    public static List<String> profiles() {
        return List.of(Validator.DEFAULT_PROFILE);
    }

    /** The rules of {@code profile}; an unknown profile has none. */
    public static List<RuleInfo> all(String profile) {
        return Validator.DEFAULT_PROFILE.equals(profile) ? AZURE_2019_04 : List.of();
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
