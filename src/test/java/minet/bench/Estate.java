package minet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.model.Route;
import minet.rules.Seed;

/**
 * A generated Azure estate as {@code az graph query} prints it: per MI subnet a VNet (the MI subnet, delegated,
 * and an application subnet), an NSG of {@link #RULES} rules, a route table of {@link #ROUTES} routes and a
 * managed instance, spread over {@link #SUBSCRIPTIONS} subscriptions. Pages of {@link #PAGE} rows
 * ({@code --first 1000}) with {@code count}, {@code data} and {@code skip_token}, or one plain list.
 * Deterministic. Every tenth NSG lacks the management inbound rule, so the report has errors to show.
 *
 * <p>{@code java -cp target/minet.jar:target/test-classes minet.bench.Estate OUTDIR [SUBNETS] [--plain]}
 */
public final class Estate {
    public static final int RULES = 50, ROUTES = 100, SUBSCRIPTIONS = 20, PAGE = 1000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private Estate() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int subnets = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        boolean plain = List.of(args).contains("--plain");
        for (Path p : write(dir, subnets, plain)) System.out.println(p);
    }

    /** Writes the estate under {@code dir}: page-1.json, page-2.json … (or estate.json, a plain list). */
    public static List<Path> write(Path dir, int subnets, boolean plain) throws IOException {
        Files.createDirectories(dir);
        List<ObjectNode> rows = rows(subnets);
        ObjectMapper json = new ObjectMapper();
        List<Path> out = new ArrayList<>();
        if (plain) {
            ArrayNode all = F.arrayNode();
            all.addAll(rows);
            Path p = dir.resolve("estate.json");
            json.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), all);
            out.add(p);
            return out;
        }
        for (int from = 0, page = 1; from < rows.size(); from += PAGE, page++) {
            List<ObjectNode> slice = rows.subList(from, Math.min(rows.size(), from + PAGE));
            ObjectNode o = F.objectNode();
            o.put("count", slice.size());
            o.putArray("data").addAll(slice);
            if (from + PAGE < rows.size()) o.put("skip_token", "ew0KICAiJGlkIjogIjEiLA0KICAiTWF4Um93cyI6IDEwMDAsDQogICJSb3dzVG9Ta2lwIjogIiArIHBhZ2U=" + page);
            else o.putNull("skip_token");
            o.put("total_records", rows.size());
            Path p = dir.resolve("page-" + page + ".json");
            json.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), o);
            out.add(p);
        }
        return out;
    }

    /** The Resource Graph rows: VNets first, then NSGs, route tables and instances, as a query by type returns them. */
    public static List<ObjectNode> rows(int subnets) {
        List<ObjectNode> vnets = new ArrayList<>(), nsgs = new ArrayList<>(), tables = new ArrayList<>(), instances = new ArrayList<>();
        for (int i = 0; i < subnets; i++) {
            String sub = String.format("%08x-0000-4000-8000-%012d", 0x5a000000 + i % SUBSCRIPTIONS, i % SUBSCRIPTIONS);
            String rg = "rg-sqlmi-" + i;
            String base = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/";
            String vnetId = base + "Microsoft.Network/virtualNetworks/vnet-sqlmi-" + i;
            String nsgId = base + "Microsoft.Network/networkSecurityGroups/nsg-sqlmi-" + i;
            String rtId = base + "Microsoft.Network/routeTables/rt-sqlmi-" + i;
            String miSubnetId = vnetId + "/subnets/ManagedInstance";
            // 10.<a>.<b>.0/23 for the VNet: distinct across the estate
            int a = 1 + i / 128, b = (i % 128) * 2;
            String space = "10." + a + "." + b + ".0/23";
            String miPrefix = "10." + a + "." + b + ".0/24";
            String appPrefix = "10." + a + "." + (b + 1) + ".0/24";

            ObjectNode vnet = resource(vnetId, "vnet-sqlmi-" + i, "microsoft.network/virtualnetworks", sub, rg);
            ObjectNode vp = vnet.putObject("properties");
            vp.put("provisioningState", "Succeeded");
            vp.put("resourceGuid", guid(i, 1));
            vp.putObject("addressSpace").putArray("addressPrefixes").add(space);
            ArrayNode sn = vp.putArray("subnets");
            ObjectNode mi = subnet(miSubnetId, "ManagedInstance", miPrefix);
            ObjectNode mip = (ObjectNode) mi.get("properties");
            mip.putObject("networkSecurityGroup").put("id", nsgId);
            mip.putObject("routeTable").put("id", rtId);
            ObjectNode d = mip.putArray("delegations").addObject();
            d.put("name", "dgManagedInstance");
            d.put("id", miSubnetId + "/delegations/dgManagedInstance");
            d.put("type", "Microsoft.Network/virtualNetworks/subnets/delegations");
            ObjectNode dp = d.putObject("properties");
            dp.put("serviceName", "Microsoft.Sql/managedInstances");
            dp.putArray("actions").add("Microsoft.Network/virtualNetworks/subnets/join/action")
                    .add("Microsoft.Network/virtualNetworks/subnets/prepareNetworkPolicies/action")
                    .add("Microsoft.Network/virtualNetworks/subnets/unprepareNetworkPolicies/action");
            sn.add(mi);
            sn.add(subnet(vnetId + "/subnets/app", "app", appPrefix));
            vp.putArray("virtualNetworkPeerings");
            vp.put("enableDdosProtection", false);
            vnets.add(vnet);

            ObjectNode nsg = resource(nsgId, "nsg-sqlmi-" + i, "microsoft.network/networksecuritygroups", sub, rg);
            ObjectNode np = nsg.putObject("properties");
            np.put("provisioningState", "Succeeded");
            ArrayNode rules = np.putArray("securityRules");
            boolean broken = i % 10 == 0;
            if (!broken) rules.add(rule(nsgId, Seed.RULE_MANAGEMENT_IN, 100, "Inbound", "Allow", "Tcp", "*", miPrefix, Seed.MANAGEMENT_INBOUND_PORTS));
            rules.add(rule(nsgId, Seed.RULE_SUBNET_IN, 200, "Inbound", "Allow", "*", miPrefix, miPrefix, List.of("*")));
            rules.add(rule(nsgId, Seed.RULE_HEALTH_PROBE_IN, 300, "Inbound", "Allow", "*", "AzureLoadBalancer", miPrefix, List.of("*")));
            rules.add(rule(nsgId, Seed.RULE_TDS_IN, 1000, "Inbound", "Allow", "Tcp", "VirtualNetwork", miPrefix, List.of("1433")));
            rules.add(rule(nsgId, Seed.RULE_REDIRECT_IN, 1100, "Inbound", "Allow", "Tcp", "VirtualNetwork", miPrefix, List.of("11000-11999")));
            rules.add(rule(nsgId, Seed.RULE_MANAGEMENT_OUT, 100, "Outbound", "Allow", "Tcp", miPrefix, "AzureCloud", Seed.MANAGEMENT_OUTBOUND_PORTS));
            rules.add(rule(nsgId, Seed.RULE_SUBNET_OUT, 200, "Outbound", "Allow", "*", miPrefix, miPrefix, List.of("*")));
            for (int k = 0; rules.size() < RULES - 2; k++) {
                boolean in = k % 2 == 0;
                String app = "172." + (16 + k % 16) + "." + (k % 250) + ".0/24";
                rules.add(rule(nsgId, (in ? "allow_app_in_" : "allow_app_out_") + k, 1200 + k, in ? "Inbound" : "Outbound", "Allow", "Tcp",
                        in ? app : miPrefix, in ? miPrefix : app, List.of(Integer.toString(20000 + k))));
            }
            rules.add(rule(nsgId, "deny_all_inbound", 4096, "Inbound", "Deny", "*", "*", "*", List.of("*")));
            rules.add(rule(nsgId, "deny_all_outbound", 4096, "Outbound", "Deny", "*", "*", "*", List.of("*")));
            np.putArray("defaultSecurityRules"); // Azure's six: the engine knows them
            np.putArray("subnets").addObject().put("id", miSubnetId);
            nsgs.add(nsg);

            ObjectNode rt = resource(rtId, "rt-sqlmi-" + i, "microsoft.network/routetables", sub, rg);
            ObjectNode rp = rt.putObject("properties");
            rp.put("provisioningState", "Succeeded");
            rp.put("disableBgpRoutePropagation", false);
            ArrayNode routes = rp.putArray("routes");
            routes.add(route(rtId, Seed.ROUTE_VNET_LOCAL, miPrefix, "VnetLocal"));
            for (Route r : Seed.MANAGEMENT_ROUTES) {
                if (routes.size() == ROUTES) break;
                routes.add(route(rtId, r.name(), r.addressPrefix(), "Internet"));
            }
            rp.putArray("subnets").addObject().put("id", miSubnetId);
            tables.add(rt);

            String miId = base + "Microsoft.Sql/managedInstances/sqlmi-" + i;
            ObjectNode m = resource(miId, "sqlmi-" + i, "microsoft.sql/managedinstances", sub, rg);
            ObjectNode sku = m.putObject("sku");
            sku.put("name", "GP_Gen5");
            sku.put("tier", "GeneralPurpose");
            sku.put("family", "Gen5");
            sku.put("capacity", 8);
            ObjectNode mp = m.putObject("properties");
            mp.put("subnetId", miSubnetId);
            mp.put("vCores", 8);
            mp.put("storageSizeInGB", 256);
            mp.put("proxyOverride", "Proxy");
            mp.put("publicDataEndpointEnabled", false);
            mp.put("dnsZone", String.format("%012x", 0xabc000000L + i));
            mp.put("state", "Ready");
            instances.add(m);
        }
        List<ObjectNode> all = new ArrayList<>(vnets);
        all.addAll(nsgs);
        all.addAll(tables);
        all.addAll(instances);
        return all;
    }

    private static ObjectNode resource(String id, String name, String type, String sub, String rg) {
        ObjectNode o = F.objectNode();
        o.put("id", id);
        o.put("name", name);
        o.put("type", type);
        o.put("tenantId", TENANT);
        o.put("kind", "");
        o.put("location", "westeurope");
        o.put("resourceGroup", rg);
        o.put("subscriptionId", sub);
        o.put("managedBy", "");
        o.putNull("sku");
        o.putNull("plan");
        o.putObject("tags");
        o.putNull("identity");
        o.putNull("zones");
        o.putNull("extendedLocation");
        return o;
    }

    private static ObjectNode subnet(String id, String name, String prefix) {
        ObjectNode s = F.objectNode();
        s.put("id", id);
        s.put("name", name);
        s.put("type", "Microsoft.Network/virtualNetworks/subnets");
        s.put("etag", "W/\"" + guid(id.hashCode(), 2) + "\"");
        ObjectNode p = s.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("addressPrefix", prefix);
        p.put("privateEndpointNetworkPolicies", "Disabled");
        p.put("privateLinkServiceNetworkPolicies", "Enabled");
        return s;
    }

    private static ObjectNode rule(String nsgId, String name, int priority, String direction, String access, String protocol,
                                   String source, String destination, List<String> ports) {
        ObjectNode r = F.objectNode();
        r.put("id", nsgId + "/securityRules/" + name);
        r.put("name", name);
        r.put("type", "Microsoft.Network/networkSecurityGroups/securityRules");
        ObjectNode p = r.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("protocol", protocol);
        p.put("sourcePortRange", "*");
        if (ports.size() == 1) {
            p.put("destinationPortRange", ports.get(0));
            p.putArray("destinationPortRanges");
        } else {
            ArrayNode a = p.putArray("destinationPortRanges");
            ports.forEach(a::add);
        }
        p.put("sourceAddressPrefix", source);
        p.put("destinationAddressPrefix", destination);
        p.put("access", access);
        p.put("priority", priority);
        p.put("direction", direction);
        p.putArray("sourcePortRanges");
        p.putArray("sourceAddressPrefixes");
        p.putArray("destinationAddressPrefixes");
        return r;
    }

    private static ObjectNode route(String rtId, String name, String prefix, String hop) {
        ObjectNode r = F.objectNode();
        r.put("id", rtId + "/routes/" + name);
        r.put("name", name);
        r.put("type", "Microsoft.Network/routeTables/routes");
        ObjectNode p = r.putObject("properties");
        p.put("provisioningState", "Succeeded");
        p.put("addressPrefix", prefix);
        p.put("nextHopType", hop);
        p.put("hasBgpOverride", false);
        return r;
    }

    private static String guid(int i, int kind) {
        return String.format("%08x-%04x-4%03x-8000-000000000000", i, kind, i & 0xfff);
    }
}
