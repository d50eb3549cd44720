package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import minet.io.InputException;
import minet.io.JsonSource;

/**
 * Expands a template's resources as Azure would deploy them: resource {@code copy} loops, {@code condition},
 * child resources (nested with relative type and name, or at top level), and nested deployments, inline or
 * linked. The result is the flat list of resources with their full types, names and IDs.
 */
final class Deployments {
    static final String DEPLOYMENTS = "Microsoft.Resources/deployments";

    /** One deployed resource; {@code raw} is its template object at {@code pointer} in {@code scope.src}. */
    record Resource(String type, List<String> names, String id, Scope scope, String pointer, JsonNode raw, Loops loops) {
        String name() { return names.get(names.size() - 1); }
        boolean is(String t) { return type.equalsIgnoreCase(t); }
        Context.Origin origin() { return new Context.Origin(scope.src, pointer); }
        /** The readable path of rules.md's output ("virtualNetworks/vnet/subnets/mi"). */
        String path() {
            String[] t = type.split("/");
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < t.length; i++) {
                if (sb.length() > 0) sb.append('/');
                sb.append(t[i]);
                if (i - 1 < names.size()) sb.append('/').append(names.get(i - 1));
            }
            return sb.toString();
        }
    }

    private final Context cx;
    private final List<Resource> resources = new ArrayList<>();

    Deployments(Context cx) {
        this.cx = cx;
    }

    List<Resource> resources() { return resources; }

    /**
     * Deploys the template object at {@code template} in the scope's file. {@code exprScope} evaluates its
     * expressions: the scope itself, or for an inline template with "outer" evaluation, its parent's.
     */
    void deploy(Scope scope, String template, Loops loops, int depth) throws InputException {
        JsonSource src = scope.src;
        JsonNode rs = src.root().at(template + "/resources");
        String ptr = template + "/resources";
        if (rs.isMissingNode() || rs.isNull()) return;
        if (rs.isArray()) {
            for (int i = 0; i < rs.size(); i++) expand(scope, rs.get(i), ptr + "/" + i, null, null, loops, depth);
        } else if (rs.isObject()) { // languageVersion 2.0: resources keyed by symbolic name
            for (Iterator<Map.Entry<String, JsonNode>> it = rs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                expand(scope, e.getValue(), ptr + "/" + JsonSource.escape(e.getKey()), e.getKey(), null, loops, depth);
            }
        } else {
            throw src.error(ptr, "resources must be an array of resource objects, not " + Functions.describe(rs));
        }
    }

    /** @param symbol the resource's symbolic name (languageVersion 2.0), or null */
    private void expand(Scope scope, JsonNode raw, String ptr, String symbol, Resource parent, Loops loops, int depth) throws InputException {
        JsonSource src = scope.src;
        if (!raw.isObject()) throw src.error(ptr, "a resource must be an object, not " + Functions.describe(raw));
        JsonNode copy = raw.get("copy");
        if (copy != null && !copy.isNull()) {
            if (!copy.isObject()) throw src.error(ptr + "/copy", "a resource's copy must be an object with name and count");
            JsonNode nameNode = scope.eval(copy.get("name"), ptr + "/copy/name", loops);
            if (nameNode == null || !nameNode.isTextual()) throw src.error(ptr + "/copy", "copy needs a name");
            int count = scope.count(copy.get("count"), ptr + "/copy/count", loops);
            for (int i = 0; i < count; i++) {
                one(scope, raw, ptr, symbol == null ? null : symbol + "[" + i + "]", parent, Loops.with(loops, nameNode.textValue(), i), depth);
            }
        } else {
            one(scope, raw, ptr, symbol, parent, loops, depth);
        }
    }

    private void one(Scope scope, JsonNode raw, String ptr, String symbol, Resource parent, Loops loops, int depth) throws InputException {
        JsonSource src = scope.src;
        if (raw.has("condition")) {
            JsonNode c = scope.eval(raw.get("condition"), ptr + "/condition", loops);
            if (c.isBoolean() && !c.booleanValue()) return;
            if (c.isTextual() && c.textValue().equalsIgnoreCase("false")) return;
            if (!c.isBoolean() && !c.isTextual()) throw src.error(ptr + "/condition", "condition must be true or false, not " + Functions.describe(c));
        }
        String type = text(scope, raw, "type", ptr, loops);
        String name = text(scope, raw, "name", ptr, loops);
        String fullType;
        List<String> names;
        if (parent != null && !type.contains("/")) {
            fullType = parent.type() + "/" + type;
        } else {
            fullType = type;
        }
        names = ResourceIds.names(name);
        if (parent != null && names.size() < ResourceIds.depth(fullType)) {
            List<String> all = new ArrayList<>(parent.names());
            all.addAll(names);
            names = all;
        }
        Resource r = new Resource(fullType, List.copyOf(names), ResourceIds.of(scopeId(scope, raw, ptr, loops), fullType, names), scope, ptr, raw, loops);
        cx.declare(r);
        if (symbol != null) scope.symbols.put(Scope.key(symbol), r);
        if (raw.path("existing").asBoolean(false)) return; // a reference to a deployed resource, not a deployment
        if (r.is(DEPLOYMENTS)) {
            deployment(r, depth);
        } else {
            resources.add(r);
        }
        JsonNode children = raw.get("resources");
        if (children != null && !children.isNull()) {
            if (!children.isArray()) throw src.error(ptr + "/resources", "child resources must be an array");
            for (int i = 0; i < children.size(); i++) expand(scope, children.get(i), ptr + "/resources/" + i, null, r, loops, depth);
        }
    }

    /**
     * Where a resource's ID starts: its template's resource group, or the subscription for a template deployed to
     * a subscription; a resource's own {@code subscriptionId} and {@code resourceGroup} (a nested deployment's
     * target; in languageVersion 2.0 also existing resources elsewhere) move it.
     */
    private static String scopeId(Scope scope, JsonNode raw, String ptr, Loops loops) throws InputException {
        String sub = scope.subscriptionId.asText();
        String rg = scope.level == Scope.Level.RESOURCE_GROUP ? scope.resourceGroupName.asText() : null;
        // a nested deployment lives in the resource group it deploys to
        JsonNode s = raw.get("subscriptionId");
        if (s != null && !s.isNull()) sub = Functions.str(scope.eval(s, ptr + "/subscriptionId", loops));
        JsonNode g = raw.get("resourceGroup");
        if (g != null && !g.isNull()) rg = Functions.str(scope.eval(g, ptr + "/resourceGroup", loops));
        return "/subscriptions/" + sub + (rg == null ? "" : "/resourceGroups/" + rg);
    }

    private static String text(Scope scope, JsonNode raw, String field, String ptr, Loops loops) throws InputException {
        JsonNode v = raw.get(field);
        if (v == null || v.isNull()) throw scope.src.error(ptr, "a resource needs a " + field);
        JsonNode e = scope.eval(v, ptr + "/" + field, loops);
        if (!e.isTextual()) throw scope.src.error(ptr + "/" + field, "a resource's " + field + " must be a string, not " + Functions.describe(e));
        return e.textValue();
    }

    /** Microsoft.Resources/deployments: expand an inline template, or a linked one given as a file. */
    private void deployment(Resource r, int depth) throws InputException {
        Scope parent = r.scope();
        JsonSource src = parent.src;
        String ptr = r.pointer();
        if (depth >= Context.MAX_DEPLOYMENT_NESTING) {
            throw src.error(ptr, "nested deployments go more than " + Context.MAX_DEPLOYMENT_NESTING + " levels deep");
        }
        JsonNode props = r.raw().get("properties");
        if (props == null || !props.isObject()) throw src.error(ptr, "a deployment needs properties with a template or a templateLink");
        String pp = ptr + "/properties";
        JsonNode rg = r.raw().has("resourceGroup") ? parent.eval(r.raw().get("resourceGroup"), ptr + "/resourceGroup", r.loops()) : parent.resourceGroupName;
        JsonNode sub = r.raw().has("subscriptionId") ? parent.eval(r.raw().get("subscriptionId"), ptr + "/subscriptionId", r.loops()) : parent.subscriptionId;
        if (!rg.isTextual() || !sub.isTextual()) throw src.error(ptr, "a deployment's resourceGroup and subscriptionId must be strings");
        String location = innerLocation(r, rg);

        JsonNode template = props.get("template");
        JsonNode link = props.get("templateLink");
        if (template != null && !template.isNull()) {
            if (!template.isObject()) throw src.error(pp + "/template", "an inline template must be an object");
            JsonNode scopeOpt = props.path("expressionEvaluationOptions").get("scope");
            String mode = scopeOpt == null ? "outer" : parent.eval(scopeOpt, pp + "/expressionEvaluationOptions/scope", r.loops()).asText();
            if (mode.equalsIgnoreCase("inner")) {
                Scope inner = new Scope(cx, src, pp + "/template", sub, rg, location, r.name(), given(r, props, pp));
                cx.deployed(r, inner, pp + "/template", null);
                deploy(inner, pp + "/template", null, depth + 1);
            } else {
                // outer: the nested template's expressions see the parent's parameters and variables
                cx.deployed(r, parent, pp + "/template", r.loops());
                deploy(parent, pp + "/template", r.loops(), depth + 1);
            }
        } else if (link != null && link.isObject()) {
            JsonNode uriRaw = link.has("uri") ? link.get("uri") : link.get("id");
            String uri = uriRaw == null ? "" : Functions.str(parent.eval(uriRaw, pp + "/templateLink", r.loops()));
            JsonSource file = linked(uri);
            if (file == null) {
                cx.note("IMPORT-LINKED-TEMPLATE", "warning", r.path(),
                        "linked template " + uri + " is not imported; give its file after the template to include it", r.origin());
                return;
            }
            cx.used.add(file);
            cx.note("IMPORT-LINKED-TEMPLATE", "info", r.path(),
                    "linked template " + uri + " read from " + file.file(), r.origin());
            Scope inner = new Scope(cx, file, "", sub, rg, location, r.name(), given(r, props, pp));
            cx.deployed(r, inner, "", null);
            deploy(inner, "", null, depth + 1);
        } else {
            throw src.error(pp, "a deployment needs a template or a templateLink");
        }
    }

    /**
     * The location a nested deployment's template sees: the deployment's own (a deployment to a subscription has
     * one), else that of the resource group it deploys to when this template creates it, else its parent's.
     */
    private String innerLocation(Resource r, JsonNode rg) throws InputException {
        Scope parent = r.scope();
        JsonNode own = r.raw().get("location");
        if (own != null && !own.isNull()) {
            JsonNode v = parent.eval(own, r.pointer() + "/location", r.loops());
            if (v.isTextual() && !(v instanceof Placeholder)) return v.textValue();
        }
        if (!rg.asText().equals(parent.resourceGroupName.asText())) {
            Resource group = cx.declared("/subscriptions/" + parent.subscriptionId.asText() + "/providers/Microsoft.Resources/resourceGroups/" + rg.asText());
            JsonNode l = group == null ? null : group.raw().get("location");
            if (l != null) {
                JsonNode v = group.scope().eval(l, group.pointer() + "/location", group.loops());
                if (v.isTextual() && !(v instanceof Placeholder)) return v.textValue();
            }
        }
        return parent.location;
    }

    /** The parameter values a deployment passes, evaluated in the parent's scope. */
    private Map<String, JsonNode> given(Resource r, JsonNode props, String pp) throws InputException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (props.has("parametersLink")) {
            cx.note("IMPORT-LINKED-TEMPLATE", "warning", r.path(), "the deployment's parametersLink is not read; its parameters get their defaults", r.origin());
        }
        JsonNode ps = props.get("parameters");
        if (ps == null || ps.isNull()) return out;
        JsonNode v = r.scope().eval(ps, pp + "/parameters", r.loops());
        if (!v.isObject()) throw r.scope().src.error(pp + "/parameters", "a deployment's parameters must be an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (p.isObject() && p.has("value")) out.put(Scope.key(e.getKey()), p.get("value"));
            else if (p.isObject() && p.has("reference")) out.put(Scope.key(e.getKey()), new Placeholder(e.getKey()));
            else throw r.scope().src.error(pp + "/parameters/" + JsonSource.escape(e.getKey()), "parameter '" + e.getKey() + "' needs a \"value\"");
        }
        return out;
    }

    /** A file given with the template whose name is the link's last path segment. */
    private JsonSource linked(String uri) {
        String u = uri;
        int q = u.indexOf('?');
        if (q >= 0) u = u.substring(0, q);
        int h = u.indexOf('#');
        if (h >= 0) u = u.substring(0, h);
        String last = u.substring(u.lastIndexOf('/') + 1);
        if (last.isEmpty()) return null;
        for (JsonSource s : cx.linkable) {
            if (s.file() == null) continue;
            String f;
            try {
                f = Path.of(s.file()).getFileName().toString();
            } catch (RuntimeException e) {
                f = s.file();
            }
            if (f.toLowerCase(Locale.ROOT).equals(last.toLowerCase(Locale.ROOT))) return s;
        }
        return null;
    }
}
