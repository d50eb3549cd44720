package minet.io.arm;

import static minet.io.arm.Scope.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import minet.io.InputException;

/**
 * {@code reference()}, {@code resourceInfo()} and the other functions that read resources. A resource the
 * template itself declares (by resource ID, by name, or by symbolic name in languageVersion 2.0) reads as what the
 * template declares for it; a nested deployment's {@code outputs} as its template's outputs. Everything else is
 * deployed state, which an offline import cannot read: an unknown that says what it stands for
 * ({@code {reference(deploymentScripts/ds).outputs.pairedRegionName}}), with an IMPORT-FUNCTION note.
 */
final class References {
    private References() {}

    /** Child collections whose items get their resource ID, as Azure's state has it ({@code subnets[0].id}). */
    private static final Map<String, String> CHILDREN = Map.of(
            "subnets", "subnets", "securityrules", "securityRules", "routes", "routes",
            "virtualnetworkpeerings", "virtualNetworkPeerings");

    /**
     * A resource's state as the template declares it. Azure's state has more (IDs, provisioning state, principal
     * IDs): a property the template does not declare reads as unknown rather than failing the import.
     */
    static final class State extends ObjectNode {
        private static final long serialVersionUID = 1L;
        final String what;

        State(String what) {
            super(JsonNodeFactory.instance);
            this.what = what;
        }

        /** An undeclared property: set by Azure when it deploys the resource. */
        JsonNode missing(String name, Site site) {
            Placeholder p = new Placeholder(what + "." + name, true);
            note(site, "reads '" + name + "' of " + describe(what) + ", which the template does not declare: Azure sets it when it deploys the resource", p);
            return p;
        }
    }

    static JsonNode call(String fn, Expression.Call c, List<JsonNode> args, Site site) throws InputException {
        switch (fn) {
            case "reference": {
                Functions.arity(c, site, 1, 3);
                boolean full = args.size() == 3 && Functions.str(args.get(2)).equalsIgnoreCase("full");
                return reference(args.get(0), full, site);
            }
            case "resourceinfo": {
                Functions.arity(c, site, 1, 1);
                Deployments.Resource r = args.get(0) instanceof Placeholder ? null : resolve(Functions.str(args.get(0)), site.scope());
                if (r == null) return unknown("resourceInfo(" + Functions.str(args.get(0)) + ")", "names no resource declared in this template", site);
                ObjectNode o = F.objectNode();
                o.put("id", r.id());
                o.put("name", r.name());
                o.put("type", r.type());
                JsonNode api = r.raw().get("apiVersion");
                if (api != null && api.isTextual()) o.set("apiVersion", api);
                return o;
            }
            case "references":
                return unknown("references(" + Functions.str(args.isEmpty() ? null : args.get(0)) + ")", "reads the deployed state of a resource collection", site);
            case "pickzones":
                return unknown("pickZones()", "asks Azure which availability zones the region offers", site);
            case "providers":
                return unknown("providers()", "asks Azure for a resource provider's details", site);
            default: // list*, listKeys, listSecrets, listAccountSas …
                return unknown(c.name() + "(" + shortName(args.isEmpty() ? "" : Functions.str(args.get(0))) + ")",
                        "it reads a deployed resource's secrets or settings", site);
        }
    }

    private static JsonNode reference(JsonNode target, boolean full, Site site) throws InputException {
        if (target instanceof Placeholder p) {
            return unknown("reference(" + inner(p) + ")", "reads the deployed state of a resource whose ID is not known offline", site);
        }
        String t = Functions.str(target);
        Deployments.Resource r = resolve(t, site.scope());
        String what = "reference(" + (r != null ? r.path() : shortName(t)) + ")";
        if (r == null) return unknown(what, "reads the deployed state of a resource that is not declared in this template", site);
        if (r.raw().path("existing").asBoolean(false)) {
            return unknown(what, "reads the deployed state of existing resource '" + r.name() + "'", site);
        }
        Scope s = r.scope();
        if (r.is(Deployments.DEPLOYMENTS)) return outputs(r, what, site);
        JsonNode props = declared(s.eval(r.raw().get("properties"), r.pointer() + "/properties", r.loops()), what, r.id(), null);
        if (props == null || props.isNull()) props = new State(what);
        if (!full) return props;
        State o = new State(what);
        o.put("id", r.id());
        o.put("name", r.name());
        o.put("type", r.type());
        for (String f : List.of("apiVersion", "location", "tags", "sku", "kind", "identity", "zones")) {
            JsonNode raw = Functions.get(r.raw(), f);
            if (raw != null) o.set(f, declared(s.eval(raw, r.pointer() + "/" + f, r.loops()), what + "." + f, r.id(), f));
        }
        o.set("properties", props);
        return o;
    }

    /** A nested deployment's {@code outputs}: {@code {name: {type, value}}} from its template. */
    private static JsonNode outputs(Deployments.Resource r, String what, Site site) throws InputException {
        Context.Deployed d = site.scope().cx.deployed(r);
        State out = new State(what);
        State outputs = new State(what + ".outputs");
        out.set("outputs", outputs);
        if (d == null) return out; // a linked template that was not given: its outputs read as unknown
        JsonNode os = d.scope().node(d.template() + "/outputs");
        if (!os.isObject()) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = os.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ptr = d.template() + "/outputs/" + minet.io.JsonSource.escape(e.getKey());
            JsonNode o = e.getValue();
            if (!o.isObject()) continue;
            JsonNode value;
            JsonNode copy = o.get("copy");
            if (copy != null && copy.isObject() && copy.has("input")) {
                int count = d.scope().count(copy.get("count"), ptr + "/copy/count", d.loops());
                ArrayNode a = F.arrayNode(count);
                for (int i = 0; i < count; i++) {
                    a.add(d.scope().eval(copy.get("input"), ptr + "/copy/input", Loops.with(d.loops(), null, i)));
                }
                value = a;
            } else {
                value = d.scope().eval(o.get("value"), ptr + "/value", d.loops());
            }
            State entry = new State(what + ".outputs." + e.getKey());
            if (o.has("type")) entry.set("type", o.get("type"));
            entry.set("value", value == null ? F.nullNode() : value);
            outputs.set(e.getKey(), entry);
        }
        return out;
    }

    /**
     * The declared resource {@code t} names: a symbolic name of this template (languageVersion 2.0), a resource
     * ID, or a resource's name when one resource of this template has it.
     */
    static Deployments.Resource resolve(String t, Scope scope) {
        Deployments.Resource r = t.indexOf('/') < 0 ? scope.symbols.get(Scope.key(t)) : null;
        if (r == null) r = scope.cx.declared(t);
        if (r == null && t.indexOf('/') < 0) r = scope.cx.declaredByName(scope, t);
        return r;
    }

    /** {@code v} with its objects made {@link State}s, and the items of known child collections given their IDs. */
    private static JsonNode declared(JsonNode v, String what, String id, String field) {
        if (v == null) return null;
        if (v.isObject()) {
            State o = new State(what);
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), declared(e.getValue(), what + "." + e.getKey(), id, e.getKey()));
            }
            return o;
        }
        if (v.isArray()) {
            String child = field == null ? null : CHILDREN.get(field.toLowerCase(Locale.ROOT));
            ArrayNode a = F.arrayNode(v.size());
            int i = 0;
            for (JsonNode e : v) {
                JsonNode item = declared(e, what + "[" + i++ + "]", id, null);
                if (child != null && item instanceof State s && s.get("id") == null && s.path("name").isTextual()) {
                    s.put("id", id + "/" + child + "/" + s.get("name").textValue());
                }
                a.add(item);
            }
            return a;
        }
        return v;
    }

    /** A deployed value: a placeholder that says what it stands for, and a note where it is read. */
    static Placeholder unknown(String what, String why, Site site) {
        Placeholder p = new Placeholder(what, true);
        note(site, why + ", which an offline import cannot", p);
        return p;
    }

    private static void note(Site site, String why, Placeholder p) {
        site.scope().cx.note("IMPORT-FUNCTION", "warning", null, site.text().length() > 0
                ? "[" + shorten(site.text()) + "] at " + site.origin().source().describe() + " " + why + "; its value is shown as " + p.textValue()
                : why, site.origin());
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** "deploymentScripts/ds" of "reference(deploymentScripts/ds).x". */
    private static String describe(String what) {
        int close = what.indexOf(')');
        return what.startsWith("reference(") && close > 0 ? what.substring(10, close) : what;
    }

    private static String inner(Placeholder p) {
        String t = p.textValue();
        return t.substring(1, t.length() - 1);
    }

    /** "virtualNetworks/vnet" for a resource ID; the text itself otherwise. */
    static String shortName(String t) {
        int p = t.lastIndexOf("/providers/");
        if (p < 0) return t;
        String[] seg = t.substring(p + 11).split("/");
        if (seg.length >= 3 && seg.length % 2 == 1) return seg[seg.length - 2] + "/" + seg[seg.length - 1];
        return t.substring(p + 11);
    }
}
