package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import minet.io.InputException;
import minet.io.JsonSource;

/**
 * One template being deployed: its parameters (given values, else defaults, else a placeholder; a nullable one
 * without a value is null), its variables (evaluated lazily, once), its user-defined functions, the resources it
 * declares by symbolic name (languageVersion 2.0) and the deployment facts that {@code resourceGroup()},
 * {@code subscription()} and {@code deployment()} return. Parameter, variable and function names are
 * case-insensitive, as in ARM.
 */
final class Scope {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Where a template deploys, from its {@code $schema}: IDs and resourceId() depend on it. */
    enum Level { RESOURCE_GROUP, SUBSCRIPTION, MANAGEMENT_GROUP, TENANT }

    /** A user-defined function: {@code namespace.name}, its parameters' names and its output's raw value. */
    record Function(String name, java.util.List<String> params, JsonNode output, String pointer) {}

    final Context cx;
    final JsonSource src;
    /** The pointer of this template's object in {@link #src} ("" for a whole file). */
    final String base;
    final JsonNode subscriptionId;
    final JsonNode resourceGroupName;
    final String location;
    final String deploymentName;
    final Level level;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<String, Function> functions = new HashMap<>();
    /** Resources by symbolic name (languageVersion 2.0), filled as they are deployed. */
    final Map<String, Deployments.Resource> symbols = new HashMap<>();
    private final Map<String, Var> vars = new HashMap<>();
    /** Values of {@link Expression#scopeConstant} expressions (not objects or arrays), by parsed expression. */
    private final Map<Context.Parsed, JsonNode> constants = new IdentityHashMap<>();

    private static final class Param {
        final String name;
        final String pointer;
        final JsonNode declaration;
        volatile JsonNode value;
        boolean resolving;

        Param(String name, String pointer, JsonNode declaration) {
            this.name = name;
            this.pointer = pointer;
            this.declaration = declaration;
        }
    }

    private static final class Var {
        final String name;
        final String pointer;
        final JsonNode raw;
        /** For a variable made by the variables' {@code copy} section: the loop's spec. */
        final boolean copy;
        volatile JsonNode value;
        boolean resolving;

        Var(String name, String pointer, JsonNode raw, boolean copy) {
            this.name = name;
            this.pointer = pointer;
            this.raw = raw;
            this.copy = copy;
        }
    }

    /**
     * @param given values for parameters by lower-case name (a parameters file, the parent deployment), taken
     *              as they are (ARM does not evaluate them again)
     */
    Scope(Context cx, JsonSource src, String base, JsonNode subscriptionId, JsonNode resourceGroupName, String location,
          String deploymentName, Map<String, JsonNode> given) throws InputException {
        this.cx = cx;
        this.src = src;
        this.base = base;
        this.subscriptionId = subscriptionId;
        this.resourceGroupName = resourceGroupName;
        this.location = location;
        this.deploymentName = deploymentName;
        JsonNode template = node(base);
        if (!template.isObject()) throw src.error(base, "a template must be a JSON object");
        this.level = level(template);
        JsonNode ps = template.get("parameters");
        if (ps != null && !ps.isNull()) {
            if (!ps.isObject()) throw src.error(base + "/parameters", "parameters must be an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String ptr = base + "/parameters/" + JsonSource.escape(e.getKey());
                if (!e.getValue().isObject()) throw src.error(ptr, "parameter '" + e.getKey() + "' must be an object with a type");
                params.put(key(e.getKey()), new Param(e.getKey(), ptr, e.getValue()));
            }
        }
        for (Map.Entry<String, JsonNode> g : given.entrySet()) {
            Param p = params.get(g.getKey());
            // null given for a parameter with a default is no value: the default applies (Bicep passes
            // tryGet(…) to a module's optional parameters this way)
            if (p != null && !(g.getValue().isNull() && p.declaration.has("defaultValue"))) p.value = g.getValue();
        }
        for (Param p : params.values()) {
            if (p.value == null && !p.declaration.has("defaultValue") && nullable(template, p.declaration)) {
                p.value = F.nullNode(); // Bicep's "param x string?": null is its value, nothing is missing
            } else if (p.value == null && !p.declaration.has("defaultValue")) {
                p.value = new Placeholder(p.name);
                cx.note("IMPORT-PARAMETER", "info", "parameters/" + p.name,
                        "parameter '" + p.name + "' has no value: shown as {" + p.name + "}; pass a parameters file (--parameters) or --param "
                                + p.name + "=…", new Context.Origin(src, p.pointer));
            }
        }
        functions(template);
        JsonNode vs = template.get("variables");
        if (vs != null && !vs.isNull()) {
            if (!vs.isObject()) throw src.error(base + "/variables", "variables must be an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = vs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String ptr = base + "/variables/" + JsonSource.escape(e.getKey());
                if (e.getKey().equalsIgnoreCase("copy") && e.getValue().isArray()) {
                    int i = 0;
                    for (JsonNode spec : e.getValue()) {
                        String sp = ptr + "/" + i++;
                        if (!spec.isObject() || !spec.path("name").isTextual() || !spec.has("count") || !spec.has("input")) {
                            throw src.error(sp, "a variable copy needs name, count and input");
                        }
                        String name = spec.get("name").textValue();
                        vars.put(key(name), new Var(name, sp, spec, true));
                    }
                } else {
                    vars.put(key(e.getKey()), new Var(e.getKey(), ptr, e.getValue(), false));
                }
            }
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Level level(JsonNode template) {
        String schema = template.path("$schema").asText("").toLowerCase(Locale.ROOT);
        if (schema.contains("subscriptiondeploymenttemplate")) return Level.SUBSCRIPTION;
        if (schema.contains("managementgroupdeploymenttemplate")) return Level.MANAGEMENT_GROUP;
        if (schema.contains("tenantdeploymenttemplate")) return Level.TENANT;
        return Level.RESOURCE_GROUP;
    }

    /** {@code "nullable": true} on the parameter or on the type definition its {@code $ref} names. */
    private static boolean nullable(JsonNode template, JsonNode declaration) {
        if (declaration.path("nullable").asBoolean(false)) return true;
        String ref = declaration.path("$ref").asText("");
        if (!ref.startsWith("#/")) return false;
        JsonNode def = template.at(ref.substring(1));
        return def.isObject() && def.path("nullable").asBoolean(false);
    }

    /** User-defined functions: {@code "functions": [{"namespace": n, "members": {name: {parameters, output}}}]}. */
    private void functions(JsonNode template) throws InputException {
        JsonNode fs = template.get("functions");
        if (fs == null || fs.isNull()) return;
        String ptr = base + "/functions";
        if (!fs.isArray()) throw src.error(ptr, "functions must be an array of namespaces");
        for (int i = 0; i < fs.size(); i++) {
            JsonNode ns = fs.get(i);
            String np = ptr + "/" + i;
            if (!ns.isObject() || !ns.path("namespace").isTextual() || !ns.path("members").isObject()) {
                throw src.error(np, "a function namespace needs a namespace name and members");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = ns.get("members").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                String mp = np + "/members/" + JsonSource.escape(m.getKey());
                JsonNode def = m.getValue();
                if (!def.isObject() || !def.path("output").isObject() || !def.path("output").has("value")) {
                    throw src.error(mp, "function '" + m.getKey() + "' needs an output with a value");
                }
                java.util.List<String> names = new java.util.ArrayList<>();
                JsonNode ps = def.get("parameters");
                if (ps != null && !ps.isNull()) {
                    if (!ps.isArray()) throw src.error(mp + "/parameters", "a function's parameters must be an array");
                    for (JsonNode p : ps) {
                        if (!p.path("name").isTextual()) throw src.error(mp + "/parameters", "a function parameter needs a name");
                        names.add(p.get("name").textValue());
                    }
                }
                String name = ns.get("namespace").textValue() + "." + m.getKey();
                functions.put(key(name), new Function(name, names, def.get("output").get("value"), mp + "/output/value"));
            }
        }
    }

    /** The user-defined function {@code namespace.name}, or null. */
    Function function(String name) {
        return functions.get(key(name));
    }

    /** The raw template value at {@code pointer} (absolute in {@link #src}). */
    JsonNode node(String pointer) {
        return src.root().at(pointer);
    }

    JsonNode parameter(String name, Site site, int at) throws InputException {
        Param p = params.get(key(name));
        if (p == null) throw site.error(at, "the template declares no parameter '" + name + "'");
        JsonNode known = p.value;
        return known != null ? known : resolve(p, name, site, at);
    }

    /** A default value evaluated once; the lock makes another thread wait for it rather than see a cycle. */
    private synchronized JsonNode resolve(Param p, String name, Site site, int at) throws InputException {
        if (p.value != null) return p.value;
        if (p.resolving) throw site.error(at, "parameter '" + name + "' depends on itself through its defaultValue");
        p.resolving = true;
        cx.enter(src, p.pointer);
        try {
            p.value = eval(p.declaration.get("defaultValue"), p.pointer + "/defaultValue", null);
        } finally {
            cx.leave();
            p.resolving = false;
        }
        return p.value;
    }

    JsonNode variable(String name, Site site, int at) throws InputException {
        Var v = vars.get(key(name));
        if (v == null) throw site.error(at, "the template declares no variable '" + name + "'");
        JsonNode known = v.value;
        return known != null ? known : resolve(v, site, at);
    }

    private synchronized JsonNode resolve(Var v, Site site, int at) throws InputException {
        if (v.value != null) return v.value;
        if (v.resolving) throw site.error(at, "variable '" + v.name + "' depends on itself");
        v.resolving = true;
        cx.enter(src, v.pointer);
        try {
            JsonNode value;
            if (v.copy) {
                int count = count(v.raw.get("count"), v.pointer + "/count", null);
                ArrayNode out = F.arrayNode(count);
                for (int i = 0; i < count; i++) {
                    out.add(eval(v.raw.get("input"), v.pointer + "/input", Loops.with(null, v.name, i)));
                }
                value = out;
            } else {
                value = eval(v.raw, v.pointer, null);
            }
            cx.origin(value, src, v.copy ? v.pointer + "/input" : v.pointer);
            v.value = value; // published with its origin: another thread reads it without the lock
        } finally {
            cx.leave();
            v.resolving = false;
        }
        return v.value;
    }

    // ---- evaluating template values ----

    /** Evaluates every expression in a template value; returns {@code raw} itself when nothing changes. */
    JsonNode eval(JsonNode raw, String pointer, Loops loops) throws InputException {
        return eval(raw, Ptr.of(pointer), loops);
    }

    JsonNode eval(JsonNode raw, Ptr pointer, Loops loops) throws InputException {
        return eval(raw, pointer, loops, null);
    }

    /** @param b the lambda variables or function parameters in effect (a function's body), or null */
    JsonNode eval(JsonNode raw, Ptr pointer, Loops loops, Bindings b) throws InputException {
        if (raw == null) return null;
        if (raw.isTextual()) return text(raw, pointer, loops, b);
        if (raw.isObject()) return object((ObjectNode) raw, pointer, loops, b);
        if (raw.isArray()) return array((ArrayNode) raw, pointer, loops, b);
        return raw;
    }

    /** A child value: its pointer is made only if it is a container or an expression (most values are neither). */
    private JsonNode child(JsonNode raw, Ptr parent, String key, int index, Loops loops, Bindings b) throws InputException {
        if (raw.isTextual() ? !isExpression(raw.textValue()) : raw.isValueNode()) return raw;
        return eval(raw, key != null ? parent.field(key) : parent.index(index), loops, b);
    }

    /** True for what {@link #eval} may change: an expression or a container. */
    static boolean needsEval(JsonNode v) {
        return v.isTextual() ? isExpression(v.textValue()) : v.isContainerNode();
    }

    private static boolean isExpression(String s) {
        int n = s.length();
        return n >= 2 && s.charAt(0) == '[' && s.charAt(n - 1) == ']';
    }

    private JsonNode text(JsonNode raw, Ptr ptr, Loops loops, Bindings b) throws InputException {
        String s = raw.textValue();
        int n = s.length();
        if (n < 2 || s.charAt(0) != '[' || s.charAt(n - 1) != ']') return raw;
        if (s.charAt(1) == '[') return F.textNode(s.substring(1)); // "[[" escapes a literal bracket
        Site site = new Site(this, ptr, s, loops, b);
        Context.Parsed e = cx.parsed(s);
        if (e == null) {
            try {
                Expression x = Expression.parse(site.text());
                e = new Context.Parsed(x, Expression.scopeConstant(x));
            } catch (Expression.SyntaxError x) {
                throw site.error(x.at, x.getMessage());
            }
            cx.parsed(s, e);
        }
        // in a function's body, parameters() are the function's: not the scope's constants
        boolean constant = e.constant() && b == null;
        JsonNode v = constant ? constant(e) : null;
        if (v != null) return v;
        v = Functions.value(e.expression(), site);
        // only objects have origins (most results need no pointer); they are not shared, so that each keeps its own
        if (v.isContainerNode()) cx.origin(v, src, site.pointer());
        else if (constant) constant(e, v);
        return v;
    }

    private JsonNode constant(Context.Parsed e) {
        synchronized (constants) {
            return constants.get(e);
        }
    }

    private void constant(Context.Parsed e, JsonNode v) {
        synchronized (constants) {
            constants.put(e, v);
        }
    }

    private JsonNode object(ObjectNode raw, Ptr pointer, Loops loops, Bindings b) throws InputException {
        cx.enter(src, pointer);
        try {
            ObjectNode out = null;
            int i = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); i++) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (e.getKey().equalsIgnoreCase("copy") && isPropertyCopy(v)) {
                    Ptr ptr = pointer.field(e.getKey());
                    if (out == null) out = copyFields(raw, i);
                    int j = 0;
                    for (JsonNode spec : v) {
                        String sp = ptr + "/" + j++;
                        String name = eval(spec.get("name"), Ptr.of(sp + "/name"), loops, b).asText();
                        out.set(name, copyLoop(spec, sp, name, loops, b));
                    }
                    continue;
                }
                JsonNode ev = child(v, pointer, e.getKey(), -1, loops, b);
                if (out == null && ev != v) out = copyFields(raw, i);
                if (out != null) out.set(e.getKey(), ev);
            }
            return out == null ? raw : out;
        } finally {
            cx.leave();
        }
    }

    private ArrayNode copyLoop(JsonNode spec, String sp, String name, Loops loops, Bindings b) throws InputException {
        int count = count(spec.get("count"), sp + "/count", loops);
        ArrayNode items = F.arrayNode(count);
        Ptr input = Ptr.of(sp + "/input");
        for (int k = 0; k < count; k++) {
            JsonNode item = eval(spec.get("input"), input, Loops.with(loops, name, k), b);
            cx.origin(item, src, input.toString());
            items.add(item);
        }
        return items;
    }

    /**
     * The array a property {@code copy} of the raw object at {@code pointer} makes for {@code field}, or null
     * when no loop there is named so.
     */
    ArrayNode propertyCopy(JsonNode raw, Ptr pointer, String field, Loops loops) throws InputException {
        CopySpec c = copySpec(raw, pointer, field, loops);
        return c == null ? null : copyLoop(c.spec(), c.pointer(), c.name(), loops, null);
    }

    /** A property copy loop: its {name, count, input} object, where that stands, and the name it was given. */
    record CopySpec(JsonNode spec, String pointer, String name) {}

    /** The property {@code copy} loop of the raw object at {@code pointer} named {@code field}, or null. */
    CopySpec copySpec(JsonNode raw, Ptr pointer, String field, Loops loops) throws InputException {
        JsonNode copy = Functions.get(raw, "copy");
        if (copy == null || !isPropertyCopy(copy)) return null;
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equalsIgnoreCase("copy") || !isPropertyCopy(e.getValue())) continue;
            int j = 0;
            for (JsonNode spec : e.getValue()) {
                String sp = pointer + "/" + JsonSource.escape(e.getKey()) + "/" + j++;
                String name = eval(spec.get("name"), sp + "/name", loops).asText();
                if (name.equalsIgnoreCase(field)) return new CopySpec(spec, sp, name);
            }
        }
        return null;
    }

    private static ObjectNode copyFields(ObjectNode raw, int first) {
        ObjectNode out = F.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = raw.fields();
        for (int i = 0; i < first; i++) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A {@code copy} inside properties: an array of {name, count, input} loops (anything else is a value). */
    private static boolean isPropertyCopy(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) return false;
        for (JsonNode spec : v) {
            if (!spec.isObject() || !spec.has("name") || !spec.has("count") || !spec.has("input")) return false;
        }
        return true;
    }

    private JsonNode array(ArrayNode raw, Ptr pointer, Loops loops, Bindings b) throws InputException {
        cx.enter(src, pointer);
        try {
            ArrayNode out = null;
            for (int i = 0; i < raw.size(); i++) {
                JsonNode v = raw.get(i);
                JsonNode ev = child(v, pointer, null, i, loops, b);
                if (out == null && ev != v) {
                    out = F.arrayNode(raw.size());
                    for (int j = 0; j < i; j++) out.add(raw.get(j));
                }
                if (out != null) out.add(ev);
            }
            return out == null ? raw : out;
        } finally {
            cx.leave();
        }
    }

    /** A copy loop's count: 0 to 800 as Azure allows; unknown (a parameter without value) counts as 0. */
    int count(JsonNode raw, String pointer, Loops loops) throws InputException {
        int n = countOrUnknown(raw, pointer, loops);
        return n == Loops.UNKNOWN ? 0 : n;
    }

    /** As {@link #count}, but {@link Loops#UNKNOWN} when the count is not known offline. */
    int countOrUnknown(JsonNode raw, String pointer, Loops loops) throws InputException {
        if (raw == null) throw src.error(pointer, "copy needs a count");
        JsonNode v = eval(raw, pointer, loops);
        if (v instanceof Placeholder) return Loops.UNKNOWN;
        long n;
        if (v.isIntegralNumber()) n = v.asLong();
        else if (v.isTextual() && v.textValue().matches("-?\\d{1,10}")) n = Long.parseLong(v.textValue());
        else throw src.error(pointer, "copy count must be a whole number, not " + Functions.describe(v));
        if (n < 0 || n > Context.MAX_COPY_COUNT) {
            throw src.error(pointer, "copy count must be between 0 and " + Context.MAX_COPY_COUNT + ", not " + n);
        }
        cx.copied((int) n, src, pointer);
        return (int) n;
    }
}
