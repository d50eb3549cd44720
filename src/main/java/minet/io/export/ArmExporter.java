package minet.io.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.VirtualNetwork;

/**
 * A deployable ARM template. Rules and routes are child resources, so a redeploy adds and updates what it lists
 * and leaves other rules alone (a parent with a {@code securityRules} array would replace the whole set). Subnet
 * associations are {@code virtualNetworks/subnets} resources; their parent VNet is not declared, so it is not
 * touched.
 */
public final class ArmExporter implements Exporter {
    public static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    public static final String API_VERSION = "2023-09-01";
    static final String NSG = "Microsoft.Network/networkSecurityGroups";
    static final String RULE = "Microsoft.Network/networkSecurityGroups/securityRules";
    static final String RT = "Microsoft.Network/routeTables";
    static final String ROUTE = "Microsoft.Network/routeTables/routes";
    static final String SUBNET = "Microsoft.Network/virtualNetworks/subnets";

    static final String SUBNET_COMMENT = "A subnet PUT replaces the whole subnet: its address prefix, delegations and "
            + "service endpoints are repeated here from the design so that they survive. Anything else the subnet has "
            + "in Azure (NAT gateway, service endpoint policies, network policies) is removed unless you add it here.";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * ARM evaluates a string that starts with '[' and ends with ']' as an expression; "[[" makes it a literal.
     */
    public static String literal(String s) {
        return s.startsWith("[") && s.endsWith("]") ? "[" + s : s;
    }

    /** A string literal inside an ARM expression: single-quoted, a quote doubled. */
    static String expr(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override public String export(Design design) {
        ExportScope scope = ExportScope.of(design);
        AzureProperties props = new AzureProperties(ArmExporter::literal);
        Identifiers ids = new Identifiers("location");

        ObjectNode t = F.objectNode();
        t.put("$schema", SCHEMA);
        t.put("contentVersion", "1.0.0.0");
        t.putObject("metadata")
                .put("generator", "minet (MI Network Designer)")
                .put("description", "NSGs, route tables and subnet associations of design '" + java.util.Objects.toString(design.name(), "") + "'.");
        ObjectNode params = t.putObject("parameters");
        ObjectNode loc = params.putObject("location");
        loc.put("type", "string");
        loc.put("defaultValue", scope.designLocation().map(ArmExporter::literal).orElse("[resourceGroup().location]"));
        loc.putObject("metadata").put("description", "Region of the NSGs and route tables.");
        ArrayNode resources = t.putArray("resources");

        Map<SecurityGroup, String> nsgParam = new IdentityHashMap<>();
        Map<SecurityGroup, List<String>> ruleIds = new IdentityHashMap<>();
        for (SecurityGroup g : scope.securityGroups()) {
            String p = ids.next("nsgName", g.name());
            nsgParam.put(g, p);
            nameParameter(params, p, g.name(), "Name of the network security group.");
            ObjectNode r = resource(resources, NSG, "[parameters(" + expr(p) + ")]");
            r.put("location", "[parameters('location')]");
            r.putObject("properties");
            List<String> deps = new ArrayList<>();
            for (SecurityRule rule : g.rules()) {
                ObjectNode rr = resource(resources, RULE, "[concat(parameters(" + expr(p) + "), '/', " + expr(rule.name()) + ")]");
                rr.putArray("dependsOn").add(nsgId(p));
                rr.set("properties", props.securityRule(rule));
                deps.add("[resourceId('" + RULE + "', parameters(" + expr(p) + "), " + expr(rule.name()) + ")]");
            }
            ruleIds.put(g, deps);
        }

        Map<RouteTable, String> rtParam = new IdentityHashMap<>();
        Map<RouteTable, List<String>> routeIds = new IdentityHashMap<>();
        for (RouteTable rt : scope.routeTables()) {
            String p = ids.next("routeTableName", rt.name());
            rtParam.put(rt, p);
            nameParameter(params, p, rt.name(), "Name of the route table.");
            ObjectNode r = resource(resources, RT, "[parameters(" + expr(p) + ")]");
            r.put("location", "[parameters('location')]");
            r.putObject("properties").put("disableBgpRoutePropagation", rt.disableBgpRoutePropagation());
            List<String> deps = new ArrayList<>();
            for (Route route : rt.routes()) {
                ObjectNode rr = resource(resources, ROUTE, "[concat(parameters(" + expr(p) + "), '/', " + expr(route.name()) + ")]");
                rr.putArray("dependsOn").add(rtId(p));
                rr.set("properties", props.route(route));
                deps.add("[resourceId('" + ROUTE + "', parameters(" + expr(p) + "), " + expr(route.name()) + ")]");
            }
            routeIds.put(rt, deps);
        }

        Map<VirtualNetwork, String> vnetParam = new IdentityHashMap<>();
        Map<VirtualNetwork, String> lastSubnet = new IdentityHashMap<>();
        for (ExportScope.Association a : scope.associations()) {
            String vp = vnetParam.computeIfAbsent(a.vnet(), v -> {
                String p = ids.next("vnetName", v.name());
                nameParameter(params, p, v.name(), "Name of the existing virtual network.");
                return p;
            });
            String name = "[concat(parameters(" + expr(vp) + "), '/', " + expr(a.subnet().name()) + ")]";
            ObjectNode r = resource(resources, SUBNET, name);
            r.put("comments", SUBNET_COMMENT);
            ArrayNode deps = r.putArray("dependsOn");
            // Associate only once the rules and routes are in place, so the subnet never runs on half a rule set.
            if (a.nsg() != null) {
                deps.add(nsgId(nsgParam.get(a.nsg())));
                if (scope.waitsForRules(a)) ruleIds.get(a.nsg()).forEach(deps::add);
            }
            if (a.routeTable() != null) {
                deps.add(rtId(rtParam.get(a.routeTable())));
                if (scope.waitsForRoutes(a)) routeIds.get(a.routeTable()).forEach(deps::add);
            }
            // Azure refuses concurrent updates of subnets of one VNet: deploy them one after the other.
            String previous = lastSubnet.put(a.vnet(), "[resourceId('" + SUBNET + "', parameters(" + expr(vp) + "), " + expr(a.subnet().name()) + ")]");
            if (previous != null) deps.add(previous);
            r.set("properties", props.subnet(a.subnet(),
                    a.nsg() == null ? null : TextNode.valueOf(nsgId(nsgParam.get(a.nsg()))),
                    a.routeTable() == null ? null : TextNode.valueOf(rtId(rtParam.get(a.routeTable())))));
        }
        try {
            return JSON.writeValueAsString(t) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nsgId(String param) {
        return "[resourceId('" + NSG + "', parameters(" + expr(param) + "))]";
    }

    private static String rtId(String param) {
        return "[resourceId('" + RT + "', parameters(" + expr(param) + "))]";
    }

    private static void nameParameter(ObjectNode params, String p, String value, String description) {
        ObjectNode n = params.putObject(p);
        n.put("type", "string");
        n.put("defaultValue", literal(value));
        n.putObject("metadata").put("description", description);
    }

    private static ObjectNode resource(ArrayNode resources, String type, String name) {
        ObjectNode r = resources.addObject();
        r.put("type", type);
        r.put("apiVersion", API_VERSION);
        r.put("name", name);
        return r;
    }
}
