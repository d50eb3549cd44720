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
import java.util.LinkedHashSet;
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
 * touched. A design past the template's 800-resource limit (an NSG at Azure's 1000 rules) gets its rules and routes
 * in nested deployments. An MI subnet that only the design knows as one (no delegation) is named in the template's
 * metadata ({@code "minet": {"managedInstanceSubnets": ["vnet/subnet"]}}), which the import reads back.
 */
public final class ArmExporter implements Exporter {
    public static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    public static final String API_VERSION = "2023-09-01";
    static final String NSG = "Microsoft.Network/networkSecurityGroups";
    static final String RULE = "Microsoft.Network/networkSecurityGroups/securityRules";
    static final String RT = "Microsoft.Network/routeTables";
    static final String ROUTE = "Microsoft.Network/routeTables/routes";
    static final String SUBNET = "Microsoft.Network/virtualNetworks/subnets";
    static final String DEPLOYMENT = "Microsoft.Resources/deployments";
    static final String DEPLOYMENT_API_VERSION = "2022-09-01";
    /** Azure's limit on the resources of one template. */
    static final int MAX_RESOURCES = 800;

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
        ObjectNode meta = t.putObject("metadata")
                .put("generator", "minet (MI Network Designer)")
                .put("description", "NSGs, route tables and subnet associations of design '" + java.util.Objects.toString(design.name(), "") + "'.");
        if (!scope.azureManaged().isEmpty()) {
            // JSON has no comments: the template's metadata says what was left out and why.
            meta.put("azureManaged", String.join(" ", scope.azureManagedComment().subList(0, 2)));
            ArrayNode left = meta.putArray("azureManagedLeftOut");
            scope.azureManaged().forEach(left::add);
        }
        List<String> marked = miSubnetMarkers(design, scope);
        if (!marked.isEmpty()) {
            ArrayNode m = meta.putObject(minet.io.arm.ArmImporter.METADATA_KEY).putArray(minet.io.arm.ArmImporter.MI_SUBNETS);
            marked.forEach(m::add);
        }
        ObjectNode params = t.putObject("parameters");
        ObjectNode loc = params.putObject("location");
        loc.put("type", "string");
        loc.put("defaultValue", scope.designLocation().map(ArmExporter::literal).orElse("[resourceGroup().location]"));
        loc.putObject("metadata").put("description", "Region of the NSGs and route tables.");
        ArrayNode resources = t.putArray("resources");

        // Parents first, each followed by its rules or routes; the children may move into nested deployments below.
        List<ObjectNode> parents = new ArrayList<>();
        List<Child> children = new ArrayList<>();
        Map<SecurityGroup, String> nsgParam = new IdentityHashMap<>();
        for (SecurityGroup g : scope.securityGroups()) {
            String p = ids.next("nsgName", g.name());
            nsgParam.put(g, p);
            nameParameter(params, p, g.name(), "Name of the network security group.");
            ObjectNode r = resource(NSG, "[parameters(" + expr(p) + ")]");
            r.put("location", "[parameters('location')]");
            r.putObject("properties");
            parents.add(r);
            for (SecurityRule rule : g.rules()) {
                ObjectNode rr = resource(RULE, "[concat(parameters(" + expr(p) + "), '/', " + expr(rule.name()) + ")]");
                rr.set("properties", props.securityRule(rule));
                children.add(new Child(r, rr, g, p, nsgId(p),
                        "[resourceId('" + RULE + "', parameters(" + expr(p) + "), " + expr(rule.name()) + ")]"));
            }
        }
        Map<RouteTable, String> rtParam = new IdentityHashMap<>();
        for (RouteTable rt : scope.routeTables()) {
            String p = ids.next("routeTableName", rt.name());
            rtParam.put(rt, p);
            nameParameter(params, p, rt.name(), "Name of the route table.");
            ObjectNode r = resource(RT, "[parameters(" + expr(p) + ")]");
            r.put("location", "[parameters('location')]");
            r.putObject("properties").put("disableBgpRoutePropagation", rt.disableBgpRoutePropagation());
            parents.add(r);
            for (Route route : rt.routes()) {
                ObjectNode rr = resource(ROUTE, "[concat(parameters(" + expr(p) + "), '/', " + expr(route.name()) + ")]");
                rr.set("properties", props.route(route));
                children.add(new Child(r, rr, rt, p, rtId(p),
                        "[resourceId('" + ROUTE + "', parameters(" + expr(p) + "), " + expr(route.name()) + ")]"));
            }
        }
        // What a subnet waits for, per NSG or route table: its rules or routes, or the deployments that hold them.
        Map<Object, LinkedHashSet<String>> ready = new IdentityHashMap<>();
        int count = parents.size() + children.size() + scope.associations().size();
        if (count <= MAX_RESOURCES) {
            for (ObjectNode parent : parents) {
                resources.add(parent);
                for (Child c : children) {
                    if (c.parent() != parent) continue;
                    c.resource().putArray("dependsOn").add(c.parentId());
                    resources.add(c.resource());
                    ready.computeIfAbsent(c.owner(), k -> new LinkedHashSet<>()).add(c.id());
                }
            }
        } else {
            parents.forEach(resources::add);
            nested(resources, children, ready);
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
            ObjectNode r = resource(SUBNET, name);
            resources.add(r);
            r.put("comments", SUBNET_COMMENT);
            LinkedHashSet<String> deps = new LinkedHashSet<>();
            // Associate only once the rules and routes are in place, so the subnet never runs on half a rule set.
            if (a.nsg() != null) {
                deps.add(nsgId(nsgParam.get(a.nsg())));
                if (scope.waitsForRules(a)) deps.addAll(ready.getOrDefault(a.nsg(), new LinkedHashSet<>()));
            }
            if (a.routeTable() != null) {
                deps.add(rtId(rtParam.get(a.routeTable())));
                if (scope.waitsForRoutes(a)) deps.addAll(ready.getOrDefault(a.routeTable(), new LinkedHashSet<>()));
            }
            // Azure refuses concurrent updates of subnets of one VNet: deploy them one after the other.
            String previous = lastSubnet.put(a.vnet(), "[resourceId('" + SUBNET + "', parameters(" + expr(vp) + "), " + expr(a.subnet().name()) + ")]");
            if (previous != null) deps.add(previous);
            deps.forEach(r.putArray("dependsOn")::add);
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

    /**
     * The subnets ({@code vnet/subnet}) that are MI subnets in the design by something the export does not carry: no
     * delegation, but an instance in them or the user's mark (a 2019-style MI subnet). The template's metadata keeps
     * them, so that importing the export judges the same subnets.
     */
    static List<String> miSubnetMarkers(Design design, ExportScope scope) {
        List<String> out = new ArrayList<>();
        for (ExportScope.Association a : scope.associations()) {
            if (!a.subnet().delegatedToMi() && design.isMiSubnet(a.subnet())) out.add(a.vnet().name() + "/" + a.subnet().name());
        }
        return out;
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

    /**
     * A template holds at most 800 resources (copy loops included). Past that, the rules and routes go into nested
     * deployments of at most 800 each; those wait for their NSGs and route tables, and subnets wait for them.
     */
    private static void nested(ArrayNode resources, List<Child> children, Map<Object, LinkedHashSet<String>> ready) {
        for (int from = 0, part = 1; from < children.size(); from += MAX_RESOURCES, part++) {
            List<Child> chunk = children.subList(from, Math.min(children.size(), from + MAX_RESOURCES));
            String name = "nsg-and-routes-part-" + part;
            ObjectNode d = resources.addObject();
            d.put("type", DEPLOYMENT);
            d.put("apiVersion", DEPLOYMENT_API_VERSION);
            d.put("name", name);
            d.put("comments", "Rules and routes " + (from + 1) + " to " + (from + chunk.size())
                    + ": a template holds at most " + MAX_RESOURCES + " resources.");
            ArrayNode deps = d.putArray("dependsOn");
            chunk.stream().map(Child::parentId).distinct().forEach(deps::add);
            ObjectNode p = d.putObject("properties");
            p.put("mode", "Incremental");
            p.putObject("expressionEvaluationOptions").put("scope", "inner");
            ObjectNode values = p.putObject("parameters");
            ObjectNode inner = p.putObject("template");
            inner.put("$schema", SCHEMA);
            inner.put("contentVersion", "1.0.0.0");
            ObjectNode innerParams = inner.putObject("parameters");
            for (String param : chunk.stream().map(Child::parentParam).distinct().toList()) {
                innerParams.putObject(param).put("type", "string");
                values.putObject(param).put("value", "[parameters(" + expr(param) + ")]");
            }
            ArrayNode innerResources = inner.putArray("resources");
            String id = "[resourceId('" + DEPLOYMENT + "', " + expr(name) + ")]";
            for (Child c : chunk) {
                innerResources.add(c.resource());
                ready.computeIfAbsent(c.owner(), k -> new LinkedHashSet<>()).add(id);
            }
        }
    }

    /** A rule or route resource, with the NSG or route table it belongs to. */
    private record Child(ObjectNode parent, ObjectNode resource, Object owner, String parentParam, String parentId, String id) {}

    private static ObjectNode resource(String type, String name) {
        ObjectNode r = F.objectNode();
        r.put("type", type);
        r.put("apiVersion", API_VERSION);
        r.put("name", name);
        return r;
    }
}
