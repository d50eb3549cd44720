package minet.io.terraform.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import minet.io.InputException;
import minet.io.azcli.At;
import minet.io.terraform.TerraformImporter;
import minet.io.terraform.hcl.Evaluator.Env;
import minet.io.terraform.hcl.Evaluator.Lazy;
import minet.io.terraform.hcl.Hcl.Attribute;
import minet.io.terraform.hcl.Hcl.Block;
import minet.io.terraform.hcl.Hcl.Body;
import minet.io.terraform.hcl.Hcl.Expr;
import minet.io.terraform.hcl.Hcl.Pos;
import minet.io.terraform.hcl.Values.Resource;
import minet.io.terraform.hcl.Values.Unknown;
import minet.model.Source;

/**
 * One instance of a module (the root, or a child called with its inputs): answers {@code var.x}, {@code local.x},
 * {@code azurerm_subnet.mi}, {@code module.net.x}, {@code data.…}, evaluating each once, on demand, so that
 * declarations may come in any order and a cycle is told as such. Each resource instance it evaluates is handed to
 * the import as a {@link TerraformImporter.Resource}.
 */
final class ModuleInstance implements Evaluator.Names {
    private static final Set<String> RESOURCE_META = Set.of("count", "for_each", "depends_on", "provider", "lifecycle",
            "provisioner", "connection");
    private static final Set<String> MODULE_META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");
    /** Attributes the mapping reads as lists: an unknown one becomes a list of one unknown entry. */
    private static final Set<String> LISTS = Set.of("address_space", "address_prefixes", "dns_servers", "service_endpoints",
            "source_port_ranges", "destination_port_ranges", "source_address_prefixes", "destination_address_prefixes",
            "source_application_security_group_ids", "destination_application_security_group_ids");
    /** Attributes the model holds as numbers, bools or fixed words: an unknown one is left out, as the ARM importer does. */
    private static final Set<String> LEFT_OUT_WHEN_UNKNOWN = Set.of("priority", "vcores", "storage_size_in_gb", "direction",
            "access", "public_data_endpoint_enabled", "disable_bgp_route_propagation", "bgp_route_propagation_enabled");

    final HclImport cx;
    final ModuleFiles files;
    /** "" for the root, else "module.net" or "module.net[0]". */
    final String address;
    private final Map<String, Object> inputs;
    private final Map<String, Pos> inputPos;
    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, Object> locals = new HashMap<>();
    private final Map<String, Object> resources = new HashMap<>();
    private final Map<String, Object> modules = new HashMap<>();
    private final Map<String, List<ModuleInstance>> children = new LinkedHashMap<>();
    private final Set<String> resourceTypes;

    ModuleInstance(HclImport cx, ModuleFiles files, String address, Map<String, Object> inputs, Map<String, Pos> inputPos) {
        this.cx = cx;
        this.files = files;
        this.address = address;
        this.inputs = inputs;
        this.inputPos = inputPos;
        this.resourceTypes = new java.util.HashSet<>();
        for (String k : files.resources.keySet()) resourceTypes.add(k.substring(0, k.indexOf('.')));
    }

    private String prefix() { return address.isEmpty() ? "" : address + "."; }

    Env env() { return Env.of(this); }

    // ---- names ----

    @Override public Object root(String name, Pos pos) {
        switch (name) {
            case "var": return (Lazy) this::variable;
            case "local": return (Lazy) this::local;
            case "module": return (Lazy) this::module;
            case "data": return (Lazy) (type, p) -> (Lazy) (n, p2) -> data(type + "." + n, p2);
            case "path": {
                Map<String, Object> m = new TreeMap<>();
                m.put("module", files.dir.toString());
                m.put("root", cx.rootDir.toString());
                m.put("cwd", cx.rootDir.toString());
                return Values.map(m);
            }
            case "terraform": return Values.map(Map.of("workspace", "default"));
            default:
                if (resourceTypes.contains(name)) return (Lazy) (n, p) -> resource(name + "." + n, p);
                return null;
        }
    }

    private Object variable(String name, Pos pos) {
        if (variables.containsKey(name)) return variables.get(name);
        Block b = files.variables.get(name);
        if (b == null) throw new EvalException(pos, "no variable '" + name + "' is declared in this module (variable \"" + name + "\" { … })");
        Attribute type = b.body().attribute("type");
        Expr typeExpr = type == null ? null : type.expr();
        Object v;
        if (inputs.containsKey(name)) {
            v = Types.convert(inputs.get(name), typeExpr, inputPos.getOrDefault(name, b.pos()), "variable '" + name + "'");
        } else if (b.body().attribute("default") != null) {
            Attribute d = b.body().attribute("default");
            v = Types.convert(cx.ev.eval(d.expr(), Env.of((n, p) -> null)), typeExpr, d.pos(), "variable '" + name + "'");
        } else {
            v = new Unknown("var." + name);
            cx.note("IMPORT-PARAMETER", "warning", prefix() + "var." + name, "variable '" + name + "'"
                    + (address.isEmpty() ? "" : " of " + address) + " has no value: it is shown as {var." + name
                    + "}; give it with --var " + name + "=… or in a .tfvars file", b.pos());
        }
        variables.put(name, v);
        return v;
    }

    private Object local(String name, Pos pos) {
        if (locals.containsKey(name)) return locals.get(name);
        Attribute a = files.locals.get(name);
        if (a == null) throw new EvalException(pos, "no local value '" + name + "' is declared in this module");
        String what = prefix() + "local." + name;
        cx.enter(what, pos);
        try {
            Object v = cx.ev.eval(a.expr(), env());
            locals.put(name, v);
            return v;
        } finally {
            cx.exit(what);
        }
    }

    private Object data(String key, Pos pos) {
        Block b = files.data.get(key);
        if (b == null) throw new EvalException(pos, "no data source '" + key + "' is declared in this module (data \"" + key.replace(".", "\" \"") + "\" { … })");
        return new Resource(prefix() + "data." + key, Map.of());
    }

    // ---- resources ----

    private Object resource(String key, Pos pos) {
        if (resources.containsKey(key)) return resources.get(key);
        Block b = files.resources.get(key);
        if (b == null) throw new EvalException(pos, "no resource '" + key + "' is declared in this module");
        String what = prefix() + key;
        cx.enter(what, pos);
        try {
            String type = b.label(0), name = b.label(1);
            Object value = instances(b, env(), what, (env, addr, index) -> {
                HclPlaces places = new HclPlaces(b.pos());
                Map<String, Object> attrs = body(b.body(), env, "", places, true);
                attrs.put("id", addr); // unknown until apply: the address stands in for it, as for a plan
                ObjectNode json = json(attrs);
                At values = At.root(json, places);
                cx.resources.add(new TerraformImporter.Resource(values, addr, address, "managed", type, name, index, values));
                return new Resource(addr, attrs);
            });
            resources.put(key, value);
            return value;
        } finally {
            cx.exit(what);
        }
    }

    private interface Instance {
        Object make(Env env, String address, String index);
    }

    /** A block's instances by count or for_each: one value, a list (count) or a map (for_each). */
    private Object instances(Block b, Env env0, String addr, Instance make) {
        Attribute count = b.body().attribute("count");
        Attribute forEach = b.body().attribute("for_each");
        if (count != null && forEach != null) throw new EvalException(forEach.pos(), "a block cannot have both count and for_each");
        if (count != null) {
            Object n = cx.ev.eval(count.expr(), env0);
            if (n instanceof Unknown) {
                cx.note("IMPORT-PARAMETER", "warning", addr, addr + ": its count (" + count.expr().text()
                        + ") is not known offline; it is read as one instance whose count.index is unknown", count.pos());
                return Values.list(List.of(make.make(env0.with("count", Values.map(Map.of("index", new Unknown("count.index")))), addr + "[0]", "0")));
            }
            BigDecimal c = Evaluator.number(n, count.expr());
            if (c.signum() < 0 || c.stripTrailingZeros().scale() > 0 || c.compareTo(BigDecimal.valueOf(Evaluator.MAX_ITEMS)) > 0) {
                throw new EvalException(count.pos(), "count must be a whole number from 0 to " + Evaluator.MAX_ITEMS + ", not " + Values.number(c));
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < c.intValue(); i++) {
                out.add(make.make(env0.with("count", Values.map(Map.of("index", BigDecimal.valueOf(i)))), addr + "[" + i + "]", Integer.toString(i)));
            }
            return Values.list(out);
        }
        if (forEach != null) {
            Object v = cx.ev.eval(forEach.expr(), env0);
            if (v instanceof Unknown) {
                cx.note("IMPORT-PARAMETER", "warning", addr, addr + ": its for_each (" + forEach.expr().text()
                        + ") is not known offline; it is read as one instance whose each.key and each.value are unknown", forEach.pos());
                Map<String, Object> each = new TreeMap<>();
                each.put("key", new Unknown("each.key"));
                each.put("value", new Unknown("each.value"));
                Map<String, Object> one = new TreeMap<>();
                one.put("{each.key}", make.make(env0.with("each", Values.map(each)), addr + "[\"{each.key}\"]", "\"{each.key}\""));
                return Values.map(one);
            }
            Map<String, Object> byKey = new TreeMap<>();
            if (v instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) byKey.put((String) e.getKey(), e.getValue());
            } else if (v instanceof List<?> l) { // a set of strings
                for (Object o : l) {
                    String k = o instanceof Unknown ? null : Values.display(o);
                    if (k == null) throw new EvalException(forEach.pos(), "for_each over a set needs strings, not " + Values.typeName(o));
                    byKey.put(k, k);
                }
            } else {
                throw new EvalException(forEach.pos(), "for_each needs a map or a set of strings, not " + Values.typeName(v));
            }
            if (byKey.size() > Evaluator.MAX_ITEMS) throw new EvalException(forEach.pos(), "for_each has more than " + Evaluator.MAX_ITEMS + " elements");
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<String, Object> e : byKey.entrySet()) {
                Map<String, Object> each = new TreeMap<>();
                each.put("key", e.getKey());
                each.put("value", e.getValue());
                String quoted = "\"" + e.getKey() + "\"";
                out.put(e.getKey(), make.make(env0.with("each", Values.map(each)), addr + "[" + quoted + "]", quoted));
            }
            return Values.map(out);
        }
        return make.make(env0, addr, null);
    }

    /** A block's arguments and nested blocks (as lists of objects, as Terraform's JSON has them), dynamic blocks expanded. */
    private Map<String, Object> body(Body body, Env env, String ptr, HclPlaces places, boolean resource) {
        Map<String, Object> out = new TreeMap<>();
        for (Attribute a : body.attributes()) {
            if (resource && RESOURCE_META.contains(a.name())) continue;
            places.put(ptr + "/" + a.name(), a.pos());
            out.put(a.name(), cx.ev.eval(a.expr(), env));
        }
        Map<String, List<Object>> blocks = new LinkedHashMap<>();
        for (Block b : body.blocks()) {
            if (resource && RESOURCE_META.contains(b.type())) continue;
            if (b.type().equals("dynamic")) {
                dynamic(b, env, ptr, places, blocks);
                continue;
            }
            List<Object> list = blocks.computeIfAbsent(b.type(), k -> new ArrayList<>());
            String p = ptr + "/" + b.type() + "/" + list.size();
            places.put(p, b.pos());
            list.add(body(b.body(), env, p, places, false));
        }
        for (Map.Entry<String, List<Object>> e : blocks.entrySet()) out.put(e.getKey(), e.getValue());
        return out;
    }

    private void dynamic(Block d, Env env, String ptr, HclPlaces places, Map<String, List<Object>> blocks) {
        String type = d.label(0);
        if (type == null) throw new EvalException(d.pos(), "a dynamic block needs the type of the blocks it makes, as in dynamic \"security_rule\" { … }");
        Attribute forEach = d.body().attribute("for_each");
        if (forEach == null) throw new EvalException(d.pos(), "dynamic \"" + type + "\" needs for_each");
        List<Block> content = d.body().blocks("content");
        if (content.size() != 1) throw new EvalException(d.pos(), "dynamic \"" + type + "\" needs one content block");
        Attribute iterator = d.body().attribute("iterator");
        String it = iterator == null ? type : iterator.expr().text().trim();
        Object coll = cx.ev.eval(forEach.expr(), env);
        List<Object> list = blocks.computeIfAbsent(type, k -> new ArrayList<>());
        if (coll instanceof Unknown) {
            cx.note("IMPORT-PARAMETER", "warning", prefix() + "dynamic." + type, "dynamic \"" + type + "\": its for_each ("
                    + forEach.expr().text() + ") is not known offline, so the " + type + " blocks it makes are left out", forEach.pos());
            return;
        }
        if (coll == null) return;
        for (Object[] kv : Evaluator.entries(coll, forEach.pos())) {
            Map<String, Object> iter = new TreeMap<>();
            iter.put("key", kv[0]);
            iter.put("value", kv[1]);
            String p = ptr + "/" + type + "/" + list.size();
            places.put(p, content.get(0).pos());
            list.add(body(content.get(0).body(), env.with(it, Values.map(iter)), p, places, false));
        }
    }

    // ---- modules ----

    private Object module(String name, Pos pos) {
        if (modules.containsKey(name)) return modules.get(name);
        Block b = files.modules.get(name);
        if (b == null) throw new EvalException(pos, "no module '" + name + "' is called in this module (module \"" + name + "\" { … })");
        String what = prefix() + "module." + name;
        Attribute src = b.body().attribute("source");
        if (src == null) throw new EvalException(b.pos(), "module '" + name + "' needs a source");
        Object source = cx.ev.eval(src.expr(), Env.of((n, p) -> null));
        if (!(source instanceof String s)) throw new EvalException(src.pos(), "a module's source must be a string");
        Object value;
        if (!s.startsWith("./") && !s.startsWith("../")) {
            cx.note("IMPORT-REFERENCE", "warning", what, "module '" + name + "' comes from " + s + ", which is not read offline: "
                    + "its outputs are unknown and its resources are not in the design", b.pos());
            value = new Resource(what, Map.of());
            children.put(name, List.of());
        } else {
            if (what.split("module\\.", -1).length > 21) {
                throw new EvalException(b.pos(), "modules are nested more than 20 deep here: does module '" + name + "' call itself?");
            }
            Path dir = files.dir.resolve(s).normalize();
            ModuleFiles child;
            try {
                child = cx.files(dir, src.pos());
            } catch (InputException e) {
                throw new EvalException(src.pos(), "module '" + name + "': " + e.getMessage());
            }
            List<ModuleInstance> made = new ArrayList<>();
            cx.enter(what, pos);
            try {
                value = instances(b, env(), what, (env, addr, index) -> {
                    Map<String, Object> in = new HashMap<>();
                    Map<String, Pos> at = new HashMap<>();
                    for (Attribute a : b.body().attributes()) {
                        if (MODULE_META.contains(a.name())) continue;
                        if (!child.variables.containsKey(a.name())) {
                            throw new EvalException(a.pos(), "module '" + name + "' (" + s + ") declares no variable '" + a.name() + "'");
                        }
                        in.put(a.name(), cx.ev.eval(a.expr(), env));
                        at.put(a.name(), a.pos());
                    }
                    ModuleInstance m = new ModuleInstance(cx, child, addr, in, at);
                    made.add(m);
                    return (Lazy) m::output;
                });
            } finally {
                cx.exit(what);
            }
            children.put(name, made);
        }
        modules.put(name, value);
        return value;
    }

    private Object output(String name, Pos pos) {
        Block b = files.outputs.get(name);
        if (b == null) throw new EvalException(pos, "module " + address + " has no output '" + name + "'");
        Attribute v = b.body().attribute("value");
        if (v == null) throw new EvalException(b.pos(), "output '" + name + "' needs a value");
        String what = address + ".output." + name;
        cx.enter(what, pos);
        try {
            return cx.ev.eval(v.expr(), env());
        } finally {
            cx.exit(what);
        }
    }

    /** Evaluates every resource of this instance and of the modules it calls (what is not referenced too). */
    void evaluateAll() {
        for (String key : files.resources.keySet()) resource(key, files.resources.get(key).pos());
        for (Map.Entry<String, Block> e : files.data.entrySet()) {
            Block b = e.getValue();
            cx.note("IMPORT-REFERENCE", "warning", prefix() + "data." + e.getKey(), "data source " + prefix() + "data." + e.getKey()
                    + " is read from Azure when Terraform plans: what it refers to is unknown offline and not in the design", b.pos());
        }
        for (String name : files.modules.keySet()) {
            module(name, files.modules.get(name).pos());
            for (ModuleInstance child : children.getOrDefault(name, List.of())) child.evaluateAll();
        }
    }

    // ---- values as JSON, as the Terraform mapping reads them ----

    static ObjectNode json(Map<String, Object> attrs) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Unknown u) {
                if (LEFT_OUT_WHEN_UNKNOWN.contains(e.getKey())) continue;
                if (LISTS.contains(e.getKey())) o.putArray(e.getKey()).add(u.text());
                else o.put(e.getKey(), u.text());
                continue;
            }
            o.set(e.getKey(), node(v));
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static JsonNode node(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof Map<?, ?> m && !(v instanceof Resource)) return json((Map<String, Object>) m);
        if (v instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            for (Object x : l) {
                if (x instanceof Map<?, ?> xm && !(x instanceof Resource)) a.add(json((Map<String, Object>) xm));
                else a.add(node(x));
            }
            return a;
        }
        if (v instanceof Lazy || v instanceof Resource) return f.textNode("{" + (v instanceof Resource r ? r.address : "module") + "}");
        return Functions.json(v);
    }

    /** The places of one resource instance's values: its block, its arguments, its nested blocks. */
    static final class HclPlaces implements At.Places {
        private final Map<String, Pos> at = new HashMap<>();

        HclPlaces(Pos block) {
            at.put("", block);
        }

        void put(String pointer, Pos pos) { at.put(pointer, pos); }

        private Pos find(String pointer) {
            String p = pointer;
            while (true) {
                Pos pos = at.get(p);
                if (pos != null) return pos;
                int cut = p.lastIndexOf('/');
                if (cut < 0) return at.get("");
                p = p.substring(0, cut);
            }
        }

        @Override public Source source(String pointer) { return find(pointer).source(); }
        @Override public InputException error(String pointer, String problem) { return find(pointer).error(problem); }
    }
}
