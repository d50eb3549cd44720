package minet.rules;

import static minet.rules.AzureRules.PAIRED_REGION;
import static minet.rules.AzureRules.REGION;
import static minet.rules.AzureRules.SUBNET;
import static minet.rules.Catalog.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import minet.model.Direction;
import minet.model.Route;
import minet.rules.AzureRules.WrittenRoute;
import minet.rules.Profile.NsgRequirement;

/**
 * The eras of Microsoft's MI networking rules, as profiles (research/mi-rules.md §0–§3; source IDs S1–S37 there):
 * <ul>
 * <li>{@code azure-2019-04}: the seed's manual configuration (five mandatory NSG rules, 100 routes);</li>
 * <li>{@code azure-2020-10}: service-aided configuration, the "v10" rule set Azure writes itself (delegation,
 *     SqlManagement / CorpNetSaw / CorpNetPublic inbound, 443 + 12000 to AzureCloud, service-tag routes, ≥ 32 addresses);</li>
 * <li>{@code azure-2022-11}: the November 2022 feature wave (no management endpoint; Entra ID, OneDsCollector and
 *     Storage outbound; five routes);</li>
 * <li>{@code azure-2024-07}: health probe, traffic inside the subnet and the subnet-local route are all that is mandatory;</li>
 * <li>{@code azure-2025-09}: as 07/2024, with the subnet sizing of 09/2025 (5 + 6·GP + 10·BC + 6·groups).</li>
 * </ul>
 * {@code latest} names the newest; {@code auto} picks by evidence ({@link Validator#choose}).
 */
public final class Profiles {
    private Profiles() {}

    public static final String AUTO = "auto";
    public static final String LATEST = "latest";

    private static final Severity E = Severity.ERROR, W = Severity.WARNING, I = Severity.INFO;

    // ---- documents ----
    private static final String SEED_DOC = "Azure SQL Managed Instance connectivity architecture, 04/16/2019 (the document this product started from)";
    private static final String SEED = "Connectivity architecture, 04/2019";
    private static final String SA20 = "Connectivity architecture, 10/22/2020; service-aided subnet configuration, 03/2020";
    private static final String FW22 = "Connectivity architecture, 11/16/2022 and 08/02/2023 (November 2022 feature wave)";
    private static final String M24 = "Service-aided subnet configuration, 07/10/2024; connectivity architecture, 08/02/2023";
    private static final String NSG_DOC = "Azure network security groups and limits (security-overview; azure-virtual-network-limits)";
    private static final String UDR_DOC = "Azure virtual network traffic routing (virtual-networks-udr-overview); route table REST API";
    private static final String VNET_DOC = "Azure virtual network address planning (REST API, Azure naming rules)";
    private static final String NAMES_DOC = "Naming rules and restrictions for Azure resources (resource-name-rules): names per resource type, compared without case";

    // ---- sizing ----
    static final Sizing.Formula SIZING_2021 = new Sizing.Formula(5, 12, 16, 16, 32, "vnet-subnet-determine-size, 06/14/2021 and 04/06/2022");
    static final Sizing.Formula SIZING_2025 = new Sizing.Formula(5, 6, 10, 6, 32, "vnet-subnet-determine-size, 09/11/2025");

    // ---- mandatory NSG traffic ----
    private static final List<String> ANY = List.of("*");
    private static final List<String> SUB = List.of(SUBNET);

    private static NsgRequirement in(String ruleId, String doc, String proto, String source, List<String> ports, String fixName, String stem) {
        List<String> src = List.of(source);
        return new NsgRequirement(ruleId, doc, Direction.INBOUND, proto, src, src, SUB, ports, fixName, stem);
    }

    private static NsgRequirement out(String ruleId, String doc, String proto, String destination, List<String> ports, String fixName, String stem) {
        return new NsgRequirement(ruleId, doc, Direction.OUTBOUND, proto, SUB, SUB, List.of(destination), ports, fixName, stem);
    }

    private static final NsgRequirement SEED_MGMT_IN = new NsgRequirement(MI_NSG_IN_MANAGEMENT, "management", Direction.INBOUND, "Tcp",
            ANY, List.of("Internet"), SUB, Seed.MANAGEMENT_INBOUND_PORTS, Seed.RULE_MANAGEMENT_IN, null);
    private static final NsgRequirement SUBNET_IN = in(MI_NSG_IN_SUBNET, "mi_subnet", "*", SUBNET, ANY, Seed.RULE_SUBNET_IN, "mi-internal-in");
    private static final NsgRequirement PROBE_IN = in(MI_NSG_IN_HEALTH_PROBE, "health_probe", "*", "AzureLoadBalancer", ANY,
            Seed.RULE_HEALTH_PROBE_IN, "mi-healthprobe-in");
    private static final NsgRequirement SUBNET_OUT = out(MI_NSG_OUT_SUBNET, "mi_subnet", "*", SUBNET, ANY, Seed.RULE_SUBNET_OUT, "mi-internal-out");

    private static final List<NsgRequirement> SEED_MANDATORY = List.of(SEED_MGMT_IN, SUBNET_IN, PROBE_IN,
            out(MI_NSG_OUT_MANAGEMENT, "management", "Tcp", "AzureCloud", Seed.MANAGEMENT_OUTBOUND_PORTS, Seed.RULE_MANAGEMENT_OUT, null),
            SUBNET_OUT);

    private static final List<NsgRequirement> V10_MANDATORY = List.of(
            in(MI_NSG_IN_MANAGEMENT, "management", "Tcp", "SqlManagement", Seed.MANAGEMENT_INBOUND_PORTS, null, "mi-sqlmgmt-in"),
            in(MI_NSG_IN_MANAGEMENT, "management (CorpNetSaw)", "Tcp", "CorpNetSaw", List.of("9000", "9003"), null, "mi-corpsaw-in"),
            in(MI_NSG_IN_MANAGEMENT, "management (CorpNetPublic)", "Tcp", "CorpNetPublic", List.of("9000", "9003"), null, "mi-corppublic-in"),
            SUBNET_IN, PROBE_IN,
            out(MI_NSG_OUT_MANAGEMENT, "management", "Tcp", "AzureCloud", List.of("443", "12000"), null, "mi-services-out"),
            SUBNET_OUT);

    private static final List<NsgRequirement> FW22_MANDATORY = List.of(PROBE_IN, SUBNET_IN,
            out(MI_NSG_OUT_SERVICES, "AAD-out", "Tcp", "AzureActiveDirectory", List.of("443"), null, "mi-aad-out"),
            out(MI_NSG_OUT_SERVICES, "OneDsCollector-out", "Tcp", "OneDsCollector", List.of("443"), null, "mi-onedsc-out"),
            SUBNET_OUT,
            out(MI_NSG_OUT_SERVICES, "StorageP-out", "*", "Storage." + REGION, List.of("443"), null, "mi-strg-p-out"),
            out(MI_NSG_OUT_SERVICES, "StorageS-out", "*", "Storage." + PAIRED_REGION, List.of("443"), null, "mi-strg-s-out"));

    private static final List<NsgRequirement> M24_MANDATORY = List.of(PROBE_IN, SUBNET_IN, SUBNET_OUT);

    // ---- routes Azure writes ----
    private static WrittenRoute internet(String tag) { return new WrittenRoute(tag, Route.INTERNET, false); }

    private static final WrittenRoute VNET_LOCAL = new WrittenRoute(SUBNET, Route.VNET_LOCAL, false);
    private static final List<WrittenRoute> V10_ROUTES = List.of(VNET_LOCAL, internet("AzureCloud." + REGION), internet("AzureCloud." + PAIRED_REGION),
            internet("AzureMonitor"), internet("CorpNetPublic"), internet("CorpNetSaw"), internet("EventHub." + REGION),
            internet("EventHub." + PAIRED_REGION), internet("SqlManagement"), internet("Storage"), internet("Storage." + REGION),
            internet("Storage." + PAIRED_REGION), internet("AzureActiveDirectory"));
    private static final List<WrittenRoute> FW22_ROUTES = List.of(VNET_LOCAL, internet("AzureActiveDirectory"), internet("OneDsCollector"),
            internet("Storage." + REGION), internet("Storage." + PAIRED_REGION));
    private static final List<WrittenRoute> M24_ROUTES = List.of(VNET_LOCAL,
            new WrittenRoute("AzureCloud." + REGION, Route.INTERNET, true), new WrittenRoute("AzureCloud." + PAIRED_REGION, Route.INTERNET, true));

    // ---- the catalog of each era ----

    private static RuleInfo r(String id, Severity s, String title, String requirement, String fix, String source) {
        return new RuleInfo(id, s, title, requirement, fix, source);
    }

    /** Rules every era shares: the subnet's own constraints and well-formed NSGs, routes and addresses. */
    private static List<RuleInfo> hygiene() {
        return List.of(
                r(NSG_PRIORITY, E, "Valid, unique priorities", "Rule priorities are within 100–4096 and unique per direction.", "renumbers (never Azure's own rules)", NSG_DOC),
                r(NSG_RULE, E, "Well-formed security rule",
                        "Name of 1–80 letters, digits, _ . - (starting with a letter or digit, ending with a letter, digit or _), unique; protocol Tcp, Udp, Icmp, Esp, Ah or *; valid ports and prefixes; not both the singular and plural field.",
                        "none or normalizes", NSG_DOC),
                r(NSG_SHADOWED, W, "Rule that can never match",
                        "Every packet a rule matches is already decided by earlier rules (Batfish's unreachable line). Not raised for Azure's own rules.",
                        "offers to delete it (never one of Azure's rules)", NSG_DOC),
                r(NSG_LIMIT, E, "NSG size limit", "At most 1000 rules per NSG.", "none", NSG_DOC),
                r(UDR_LIMIT, E, "Route table size limit", "At most 400 routes per route table.", "none", UDR_DOC),
                r(UDR_NEXT_HOP, E, "Next hop address",
                        "nextHopIpAddress is set exactly when the next hop is VirtualAppliance, and it is a valid IP address.", "normalizes", UDR_DOC),
                r(NET_ADDRESS, E, "Address plan",
                        "Valid CIDRs; subnets inside their VNet's address space and not overlapping; peered and on-premises ranges do not overlap the VNet.",
                        "none", VNET_DOC),
                r(NET_REFERENCE, E, "References resolve",
                        "Every managed instance is in a subnet of the design, every subnet's NSG and route table and every on-premises network's gateway are in the design (an MI subnet's missing NSG or route table is MI-SUBNET-NSG / MI-SUBNET-ROUTE-TABLE; a reference the importer said the input could not hold is its IMPORT note).",
                        "none: correct the reference or add the element", NAMES_DOC),
                r(NET_NAME, E, "Valid names",
                        "Every element has an ID; every virtual network (2–64 characters), subnet, NSG, route table, route and peering (1–80) has a name of letters, digits, _ . - that starts with a letter or digit and ends with a letter, digit or _; a managed instance's name is 1–63 lower-case letters, digits and hyphens, not starting or ending with a hyphen. A name not known offline is not judged.",
                        "none: rename it", NAMES_DOC),
                r(NET_DUPLICATE, E, "Unique IDs and names",
                        "No two elements share an ID, and no two subnets of a VNet, routes of a route table, NSGs or route tables of a resource group, or managed instances share a name (both compared without case, as Azure does).",
                        "none: rename one", NAMES_DOC));
    }

    private static RuleInfo dedicated(String src) {
        return r(MI_SUBNET_DEDICATED, E, "Dedicated subnet",
                "The managed instance's subnet holds nothing but managed instances: no VM NICs, gateways, private endpoints or other services.",
                "none: move the other resources out (the finding lists them)", src);
    }

    private static RuleInfo gateway(String src) {
        return r(MI_SUBNET_GATEWAY, E, "Not the gateway subnet", "The managed instance's subnet cannot be the gateway subnet (GatewaySubnet).", "none", src);
    }

    private static RuleInfo none() {
        return r(MI_SUBNET_NONE, I, "No MI subnet found",
                "The design has a subnet that hosts managed instances: one an instance points at, one delegated to Microsoft.Sql/managedInstances, or one marked as an MI subnet. Without one, no MI rule runs.",
                "none: mark the subnet as an MI subnet, delegate it or add the instance", "rules.md, MI subnet");
    }

    private static RuleInfo choice() {
        return r(PROFILE_CHOICE, I, "Profile against the evidence",
                "A profile chosen by hand that the design contradicts (a delegated subnet or Azure's own rules judged by the 04/2019 manual configuration, or the reverse) is pointed out.",
                "none: pick another profile or leave --profile to auto", "rules.md, profiles");
    }

    private static RuleInfo delegation(boolean required, String src) {
        return r(MI_SUBNET_DELEGATION, E, "Subnet delegated to Microsoft.Sql/managedInstances",
                required ? "The MI subnet is delegated to Microsoft.Sql/managedInstances (mandatory since 1 May 2020), and to no other service."
                         : "The MI subnet is not delegated to another service (a delegated subnet belongs to that service).",
                required ? "adds the delegation when the subnet has none; none when it is delegated elsewhere" : "none", src);
    }

    private static RuleInfo size(int min, int recommended, String src) {
        String req = min == recommended ? "The subnet has at least " + min + " addresses (/" + (32 - Integer.numberOfTrailingZeros(min)) + ")."
                : "The subnet has at least " + min + " addresses (/" + (32 - Integer.numberOfTrailingZeros(min)) + "); " + recommended
                  + " (/" + (32 - Integer.numberOfTrailingZeros(recommended)) + ") is the recommended minimum.";
        return r(MI_SUBNET_SIZE, E, "Subnet size", req, "none: resizing needs an empty subnet; the finding names the prefix length needed", src);
    }

    private static RuleInfo capacity(Sizing.Formula f) {
        return r(MI_SUBNET_CAPACITY, E, "Room for the planned instances",
                f.describe() + " addresses (GP: General Purpose, BC: Business Critical instances" + (f.perGroup() == 0 ? "" : ", groups: virtual machine groups, at least one")
                        + "), rounded up to a power of two, fit in the subnet.", "suggests the prefix length", f.source());
    }

    private static RuleInfo nsgAssociated(boolean serviceAided, String src) {
        return r(MI_SUBNET_NSG, E, "Network security group associated",
                serviceAided ? "A network security group is associated with the subnet (Azure adds its own rules to it)."
                             : "A network security group with the mandatory rules is associated with the subnet.",
                serviceAided ? "creates an empty NSG and associates it (Azure writes its rules at deployment)" : "creates an NSG with the mandatory rules and associates it", src);
    }

    private static RuleInfo routeTableAssociated(boolean serviceAided, String src) {
        return r(MI_SUBNET_ROUTE_TABLE, E, "Route table associated",
                serviceAided ? "A route table is associated with the subnet (Azure adds its own routes to it)."
                             : "A route table with the mandatory routes is associated with the subnet.",
                serviceAided ? "creates an empty route table and associates it (Azure writes its routes at deployment)"
                             : "creates a route table with the mandatory routes and associates it", src);
    }

    private static String traffic(List<NsgRequirement> mandatory, String ruleId) {
        return String.join("; ", mandatory.stream().filter(q -> q.ruleId().equals(ruleId)).map(NsgRequirement::label).toList());
    }

    /** The NSG rules whose traffic Azure writes itself in a service-aided era: what is checked, in words. */
    private static RuleInfo azureTraffic(String id, String title, List<NsgRequirement> mandatory, String src) {
        return r(id, E, title, traffic(mandatory, id) + " is allowed. Azure's network intent policy writes the rule "
                        + String.join(", ", mandatory.stream().filter(q -> q.ruleId().equals(id)).map(q -> q.azureStem()).toList())
                        + " itself: in a template or plan its absence is no error; in a live configuration it must be there and nothing may block the traffic.",
                "none: Azure writes the rule (a fix never adds, changes or removes Azure's rules)", src);
    }

    private static RuleInfo intentRules(String src) {
        return r(MI_INTENT_RULES, E, "Azure's own security rules",
                "In a live configuration every mandatory rule Azure writes (Microsoft.Sql-managedInstances_UseOnly_…) is present and unchanged; in a template, a rule that carries Azure's name is what Azure writes, and no user rule takes the priority of one of Azure's rules present.",
                "renumbers a user rule that takes an Azure rule's priority; never changes Azure's rules", src);
    }

    private static RuleInfo intentRoutes(String src) {
        return r(MI_INTENT_ROUTES, E, "Azure's own routes",
                "In a live configuration every mandatory route Azure writes is present and unchanged; in any configuration no user route sends the subnet's own range, or a prefix Azure routes, to another next hop.",
                "removes the user routes that contradict Azure's; never changes Azure's routes", src);
    }

    private static RuleInfo nat(String src) {
        return r(MI_SUBNET_NAT_GATEWAY, E, "No NAT gateway",
                "No NAT gateway is associated with the MI subnet: Azure Virtual Network NAT renders the instance unavailable.",
                "dissociates the NAT gateway", src);
    }

    private static RuleInfo ipv6(String src) {
        return r(MI_IPV6, E, "No IPv6",
                "No IPv6 prefix in the VNet's address space, the MI subnet, or the rules and routes of its NSG and route table (dual stack renders the instance unavailable).",
                "none: remove the IPv6 prefixes", src);
    }

    private static RuleInfo platformDns(String src) {
        return r(MI_NSG_PLATFORM_DNS, E, "AzurePlatformDNS not blocked",
                "No Deny rule of the MI subnet's NSG names the AzurePlatformDNS service tag: blocking platform DNS renders the instance unavailable.",
                "none: remove or narrow the rule", src);
    }

    private static RuleInfo publicEndpoint(String src) {
        return r(MI_NSG_PUBLIC_ENDPOINT, W, "Public endpoint reachable",
                "When an instance has its public data endpoint enabled, inbound TCP 3342 to the MI subnet is allowed from some source (proxy connections only).",
                "adds allow_public_endpoint_inbound from Internet before the rule that denies it (narrow its source afterwards)", src);
    }

    private static RuleInfo data(String src) {
        return r(MI_NSG_DATA, W, "Data endpoint reachable",
                "Clients in the virtual network reach TCP 1433 (proxy) and, for redirect connections, 11000–11999.",
                "adds allow_tds_inbound / allow_redirect_inbound", src);
    }

    private static RuleInfo exposed(String src) {
        return r(MI_NSG_EXPOSED, W, "Data endpoint not open to the Internet",
                "TCP 1433 and 11000–11999 are not open to Internet or * sources.", "narrows the source", src);
    }

    private static RuleInfo vnetLocal(boolean serviceAided, String src) {
        return r(MI_UDR_VNETLOCAL, E, "Route to the subnet itself",
                serviceAided ? "The subnet's own range goes to next hop VnetLocal: Azure writes the route …subnet-<range>-to-vnetlocal; in a live configuration it must be there."
                             : "A route MI SUBNET → Virtual network (subnet_to_vnetlocal) exists.",
                serviceAided ? "none: Azure writes the route" : "adds subnet_to_vnetlocal", src);
    }

    private static RuleInfo dns(String requirement, String src) {
        return r(MI_DNS_CUSTOM, W, "Custom DNS servers", "Custom DNS servers of the virtual network " + requirement + " (cannot be checked offline).",
                "none: the user confirms it", src);
    }

    private static RuleInfo replication(String src) {
        return r(MI_NSG_REPLICATION, E, "Transactional replication",
                "When an instance is a publisher or distributor of transactional replication, outbound TCP 445 (Azure file share) is allowed.",
                "adds allow_replication_outbound", src);
    }

    private static RuleInfo natSameRegion(String src) {
        return r(MI_NAT_SAME_REGION, W, "Firewall rule for the management endpoint in the same region",
                "Traffic to Azure services in the instance's region is not NATed to the management endpoint's public IP, so a firewall rule for that IP does not match there.",
                "none: the service must be in another region", src);
    }

    private static final String FOG_2019 = "Auto-failover groups (public preview), 2019: VNets through VPN gateways";
    private static final String FOG_NOW = "Configure a failover group for SQL Managed Instance, 09/08/2024; connectivity architecture, 08/02/2023";

    /** The failover-group rules of an era: the same checks; how the two VNets may be connected changed. */
    private static List<RuleInfo> failover(String era) {
        boolean y2019 = era.equals("azure-2019-04"), y2020 = era.equals("azure-2020-10");
        String src = y2019 ? FOG_2019 : FOG_NOW;
        return List.of(
                r(MI_FOG_PARTNERS, E, "Failover group partners", "Both instances of a failover group are in the design, each in its own VNet.",
                        "none: give both regions' configuration", src),
                r(MI_FOG_NSG, E, "Replication ports open both ways",
                        "The NSGs of both MI subnets allow inbound and outbound TCP 5022 and 11000–11999 between the two subnets (misconfigured rules leave database copies stuck).",
                        "adds allow_geodr_inbound / allow_geodr_outbound scoped to the partner subnet before the rule that denies it, in both NSGs", src),
                r(MI_FOG_OVERLAP, E, "No overlapping address spaces",
                        "The two VNets' address spaces do not overlap each other or any VNet peered with either.", "none: re-address one VNet", src),
                r(MI_FOG_CONNECTED, E, "VNets connected",
                        y2019 ? "The two VNets are connected through VPN gateways (global VNet peering is not supported)."
                              : y2020 ? "The two VNets are connected by VNet peering on both sides (global peering only for subnets created after 22 September 2020) or VPN/ExpressRoute gateways."
                              : "The two VNets are connected by global VNet peering on both sides (recommended) or VPN/ExpressRoute gateways.",
                        "none: peer the VNets or connect their gateways", src),
                r(MI_FOG_DIRECT, E, "Replication goes directly",
                        "No route sends the partner subnet's range through an appliance or hub, and the way back is the same (no asymmetric routing).",
                        "removes user routes for the partner's address space that send it to an appliance", src),
                r(MI_FOG_DNS_ZONE, E, "Same DNS zone",
                        "The secondary was created with the primary as DNS zone partner: both share one DNS zone.", "none: recreate the secondary with the DNS zone partner", src),
                r(MI_FOG_TIER, E, "Same service tier", "Both instances have the same service tier.", "none: change the tier of one instance", src),
                r(MI_FOG_LISTENERS, I, "Failover group listeners",
                        "The read-write listener <group>.<zone>.database.windows.net and the read-only listener <group>.secondary.<zone>.database.windows.net.",
                        "none", src));
    }

    private static final Profile AZURE_2019_04;
    private static final Profile AZURE_2020_10;
    private static final Profile AZURE_2022_11;
    private static final Profile AZURE_2024_07;
    private static final Profile AZURE_2025_09;

    static {
        List<RuleInfo> seed = new ArrayList<>(List.of(
                dedicated(SEED), gateway(SEED), size(16, 32, SEED + "; subnet size, 02/2019"), capacity(Sizing.SEED),
                r(MI_SUBNET_SERVICE_ENDPOINTS, E, "No service endpoints", "No service endpoint is associated with the managed instance's subnet.",
                        "removes the service endpoints", SEED),
                delegation(false, "delegateSubnet.ps1 (Microsoft's sample scripts), 2019"),
                nsgAssociated(false, SEED), routeTableAssociated(false, SEED),
                r(MI_NSG_IN_MANAGEMENT, E, "Inbound management traffic",
                        "Inbound TCP 9000, 9003, 1438, 1440, 1452 from any source to the MI subnet is allowed before any other rule.",
                        "adds (or extends) one rule allow_management_inbound before all others; a rule whose source is a service tag is never widened: a rule with source * is added instead", SEED),
                r(MI_NSG_IN_MANAGEMENT_SINGLE_RULE, E, "Inbound management ports in one rule",
                        "Ports 9000, 9003, 1438, 1440, 1452 are in one inbound rule; split rules make the deployment fail with VnetSubnetConflictWithIntendedPolicy.",
                        "merges them into one rule with all five ports", SEED),
                r(MI_NSG_IN_SUBNET, E, "Inbound traffic inside the MI subnet",
                        "Inbound traffic of any protocol from the MI subnet to the MI subnet is allowed.", "adds allow_misubnet_inbound", SEED),
                r(MI_NSG_IN_HEALTH_PROBE, E, "Health probes",
                        "Inbound traffic of any protocol from AzureLoadBalancer to the MI subnet is allowed.", "adds allow_health_probe_inbound", SEED),
                r(MI_NSG_OUT_MANAGEMENT, E, "Outbound management traffic",
                        "Outbound TCP 80, 443, 12000 from the MI subnet to AzureCloud is allowed.", "adds (or extends) one rule allow_management_outbound", SEED),
                r(MI_NSG_OUT_MANAGEMENT_SINGLE_RULE, E, "Outbound management ports in one rule", "Ports 80, 443, 12000 are in one outbound rule.",
                        "merges them into one rule", SEED),
                r(MI_NSG_OUT_SUBNET, E, "Outbound traffic inside the MI subnet",
                        "Outbound traffic of any protocol from the MI subnet to the MI subnet is allowed.", "adds allow_misubnet_outbound", SEED),
                r(MI_NSG_ORDER, W, "Mandatory rules first",
                        "The mandatory inbound and outbound rules come before any other rule of their direction.",
                        "renumbers, keeping priorities unique and within 100–4096", SEED),
                replication(SEED), data(SEED), exposed(SEED), publicEndpoint("Public endpoint for SQL Managed Instance, 04/26/2019"),
                vnetLocal(false, SEED),
                r(MI_UDR_MANAGEMENT, E, "Management prefixes routed to Internet",
                        "Each of the 99 management prefixes of the 04/2019 document is routed to next hop Internet by the route table's own routes.",
                        "adds mi-<prefix>-nexthop-internet routes for the uncovered prefixes", SEED),
                r(MI_UDR_CONFLICT, E, "No route diverts management prefixes",
                        "No user route inside a management prefix sends its traffic to another next hop.", "removes the conflicting routes", SEED),
                natSameRegion(SEED), dns("resolve host names in *.core.windows.net", SEED)));
        seed.addAll(failover("azure-2019-04"));
        seed.addAll(hygiene());
        seed.add(none());
        seed.add(choice());
        AZURE_2019_04 = new Profile("azure-2019-04", "Manual configuration, 04/2019", SEED_DOC, false, true, 16, 32, Sizing.SEED,
                SEED_MANDATORY, Seed.managementPrefixes(), List.of(), "resolve host names in *.core.windows.net", seed);

        List<RuleInfo> sa20 = new ArrayList<>(List.of(
                dedicated(SA20), gateway(SA20), delegation(true, SA20 + "; delegation mandatory from 1 May 2020"),
                size(32, 32, "Connectivity architecture, 10/22/2020"), capacity(SIZING_2021), nat(SA20), ipv6(SA20),
                nsgAssociated(true, SA20), routeTableAssociated(true, SA20),
                azureTraffic(MI_NSG_IN_MANAGEMENT, "Inbound management traffic", V10_MANDATORY, SA20),
                azureTraffic(MI_NSG_IN_SUBNET, "Inbound traffic inside the MI subnet", V10_MANDATORY, SA20),
                azureTraffic(MI_NSG_IN_HEALTH_PROBE, "Health probes", V10_MANDATORY, SA20),
                azureTraffic(MI_NSG_OUT_MANAGEMENT, "Outbound management traffic", V10_MANDATORY, SA20),
                azureTraffic(MI_NSG_OUT_SUBNET, "Outbound traffic inside the MI subnet", V10_MANDATORY, SA20),
                intentRules(SA20), platformDns(SA20), replication(SA20), data(SA20), exposed(SA20), publicEndpoint(SA20),
                vnetLocal(true, SA20), intentRoutes(SA20), natSameRegion(SA20), dns("resolve public DNS records", SA20)));
        sa20.addAll(failover("azure-2020-10"));
        sa20.addAll(hygiene());
        sa20.add(none());
        sa20.add(choice());
        AZURE_2020_10 = new Profile("azure-2020-10", "Service-aided (v10 rule set), 10/2020",
                "Azure SQL Managed Instance connectivity architecture, 10/22/2020, and service-aided subnet configuration (03/2020, 03/2022)",
                true, true, 32, 32, SIZING_2021, V10_MANDATORY, List.of(), V10_ROUTES, "resolve public DNS records", sa20);

        List<RuleInfo> fw22 = new ArrayList<>(List.of(
                dedicated(FW22), gateway(FW22), delegation(true, FW22), size(32, 32, FW22), capacity(SIZING_2021), nat(FW22), ipv6(FW22),
                nsgAssociated(true, FW22), routeTableAssociated(true, FW22),
                azureTraffic(MI_NSG_IN_HEALTH_PROBE, "Health probes", FW22_MANDATORY, FW22),
                azureTraffic(MI_NSG_IN_SUBNET, "Inbound traffic inside the MI subnet", FW22_MANDATORY, FW22),
                azureTraffic(MI_NSG_OUT_SERVICES, "Outbound to Entra ID, OneDsCollector and Storage", FW22_MANDATORY, FW22),
                azureTraffic(MI_NSG_OUT_SUBNET, "Outbound traffic inside the MI subnet", FW22_MANDATORY, FW22),
                intentRules(FW22), platformDns(FW22), data(FW22), exposed(FW22), publicEndpoint(FW22),
                vnetLocal(true, FW22), intentRoutes(FW22), dns("resolve public DNS records", FW22)));
        fw22.addAll(failover("azure-2022-11"));
        fw22.addAll(hygiene());
        fw22.add(none());
        fw22.add(choice());
        AZURE_2022_11 = new Profile("azure-2022-11", "November 2022 feature wave",
                "Azure SQL Managed Instance connectivity architecture, 11/16/2022 and 08/02/2023 (the November 2022 feature wave)",
                true, false, 32, 32, SIZING_2021, FW22_MANDATORY, List.of(), FW22_ROUTES, "resolve public DNS records", fw22);

        AZURE_2024_07 = current("azure-2024-07", "Current rules, 07/2024",
                "Service-aided subnet configuration for Azure SQL Managed Instance, 07/10/2024, with the network requirements of the connectivity architecture (08/02/2023)",
                SIZING_2021);
        AZURE_2025_09 = current("azure-2025-09", "Current rules, 07/2024, with the 09/2025 subnet sizing",
                "As azure-2024-07 (service-aided subnet configuration, 07/10/2024), with the subnet size document of 09/11/2025",
                SIZING_2025);
    }

    private static Profile current(String id, String title, String document, Sizing.Formula sizing) {
        List<RuleInfo> m24 = new ArrayList<>(List.of(
                dedicated(M24), gateway(M24), delegation(true, M24), size(32, 32, M24), capacity(sizing), nat(M24), ipv6(M24),
                nsgAssociated(true, M24), routeTableAssociated(true, M24),
                azureTraffic(MI_NSG_IN_HEALTH_PROBE, "Health probes", M24_MANDATORY, M24),
                azureTraffic(MI_NSG_IN_SUBNET, "Inbound traffic inside the MI subnet", M24_MANDATORY, M24),
                azureTraffic(MI_NSG_OUT_SUBNET, "Outbound traffic inside the MI subnet", M24_MANDATORY, M24),
                intentRules(M24), platformDns(M24), data(M24), exposed(M24), publicEndpoint(M24),
                vnetLocal(true, M24), intentRoutes(M24), dns("resolve public DNS records", M24)));
        m24.addAll(failover(id));
        m24.addAll(hygiene());
        m24.add(none());
        m24.add(choice());
        return new Profile(id, title, document, true, false, 32, 32, sizing, M24_MANDATORY, List.of(), M24_ROUTES,
                "resolve public DNS records", m24);
    }

    /** Every profile, oldest first. */
    public static final List<Profile> ALL = List.of(AZURE_2019_04, AZURE_2020_10, AZURE_2022_11, AZURE_2024_07, AZURE_2025_09);

    public static Profile seed() { return AZURE_2019_04; }

    public static Profile latest() { return ALL.get(ALL.size() - 1); }

    /** The profile of this id; {@code latest} names the newest. {@code auto} is not a profile: see {@link Validator#choose}. */
    public static Optional<Profile> byId(String id) {
        if (LATEST.equalsIgnoreCase(id)) return Optional.of(latest());
        return ALL.stream().filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The names the CLI and the window accept: auto, latest and every profile id. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(List.of(AUTO, LATEST));
        for (Profile p : ALL) out.add(p.id());
        return List.copyOf(out);
    }
}
