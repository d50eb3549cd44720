package minet.io.arm;

import static minet.io.arm.Scope.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import minet.io.InputException;
import minet.io.JsonSource;

/**
 * The template functions, as Azure evaluates them (Microsoft's list: {@code FunctionListTest} states each one's
 * status). Functions that read deployed state ({@code reference} of a resource the template does not declare,
 * {@code list*} …) give a {@link Placeholder} and an IMPORT-FUNCTION note ({@link References}); deployment-time
 * values that do not matter to a network ({@code utcNow}, {@code newGuid}) are deterministic stand-ins. A
 * placeholder argument makes a function that needs a real value return that placeholder; string functions use
 * its text, so names read like {@code SQLMI-{managedInstanceName}-NSG}.
 */
final class Functions {
    private Functions() {}

    static JsonNode value(Expression e, Site site) throws InputException {
        Context cx = site.scope().cx;
        cx.enter(site.scope().src, site.place());
        try {
            if (e instanceof Expression.Literal l) return l.value();
            if (e instanceof Expression.Property p) return property(value(p.target(), site), p.name(), site, p.at());
            if (e instanceof Expression.Index ix) {
                JsonNode target = value(ix.target(), site);
                JsonNode index = value(ix.index(), site);
                return index(target, index, site, ix.at());
            }
            Expression.Call c = (Expression.Call) e;
            return call(c, site);
        } finally {
            cx.leave();
        }
    }

    static JsonNode property(JsonNode target, String name, Site site, int at) throws InputException {
        if (target instanceof Placeholder p) return p.member("." + name);
        if (target.isObject()) {
            JsonNode v = get(target, name);
            if (v == null && target instanceof References.State s) return s.missing(name, site);
            if (v == null) throw site.error(at, "the object has no property '" + name + "'");
            return v;
        }
        throw site.error(at, "cannot read property '" + name + "' of " + describe(target));
    }

    /** Object properties are found without regard to case, as in ARM. */
    static JsonNode get(JsonNode object, String name) {
        return JsonSource.fieldIgnoringCase(object, name);
    }

    private static JsonNode index(JsonNode target, JsonNode index, Site site, int at) throws InputException {
        if (target instanceof Placeholder p) {
            if (index.isIntegralNumber()) return p.member("[" + index.asLong() + "]");
            if (index.isTextual() && !(index instanceof Placeholder)) return p.member("." + index.textValue());
            return p;
        }
        if (index instanceof Placeholder) return index;
        if (target.isArray()) {
            if (!index.isIntegralNumber()) throw site.error(at, "an array index must be a whole number, not " + describe(index));
            long i = index.asLong();
            if (i < 0 || i >= target.size()) throw site.error(at, "index " + i + " is outside the array of " + target.size() + " elements");
            return target.get((int) i);
        }
        if (target.isObject() && index.isTextual()) return property(target, index.textValue(), site, at);
        throw site.error(at, "cannot index " + describe(target) + " with " + describe(index));
    }

    /** Numbers are always longs, as JsonSource reads them, so that equal numbers compare equal. */
    static JsonNode num(long v) {
        return F.numberNode(v);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isTextual()) return "a string";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "a boolean";
        if (v.isArray()) return "an array";
        return "an object";
    }

    // ---- calls ----

    private static JsonNode call(Expression.Call c, Site site) throws InputException {
        String fn = c.name().toLowerCase(Locale.ROOT);
        if (fn.startsWith("sys.")) fn = fn.substring(4); // the built-in functions' namespace
        else if (fn.indexOf('.') >= 0) return userFunction(c, site);
        List<Expression> a = c.args();
        if (Lambdas.is(fn)) return Lambdas.call(fn, c, site);
        // the lazy ones first: only the branch taken is evaluated
        switch (fn) {
            case "lambdavariables":
                return Lambdas.variable(c, site);
            case "lambda":
                throw site.error(c.at(), "a lambda is only an argument of filter, map, reduce, sort, toObject, mapValues or groupBy");
            case "if": {
                arity(c, site, 3, 3);
                JsonNode cond = value(a.get(0), site);
                if (cond instanceof Placeholder) return cond;
                return value(a.get(bool(cond, c, site) ? 1 : 2), site);
            }
            case "and":
            case "or": {
                arity(c, site, 1, Integer.MAX_VALUE);
                boolean and = fn.equals("and");
                JsonNode unknown = null;
                for (Expression x : a) {
                    JsonNode v = value(x, site);
                    if (v instanceof Placeholder) unknown = v;
                    else if (bool(v, c, site) != and) return F.booleanNode(!and);
                }
                return unknown != null ? unknown : F.booleanNode(and);
            }
            case "coalesce": {
                for (Expression x : a) {
                    JsonNode v = value(x, site);
                    if (v != null && !v.isNull()) return v;
                }
                return F.nullNode();
            }
            default:
                break;
        }
        List<JsonNode> args = new ArrayList<>(a.size());
        for (Expression x : a) args.add(value(x, site));
        Scope s = site.scope();
        switch (fn) {
            // ---- deployment ----
            case "parameters": {
                arity(c, site, 1, 1);
                String name = text(args.get(0), c, site);
                Bindings b = site.bindings();
                if (b == null || b.params() == null) return s.parameter(name, site, c.at());
                JsonNode v = b.params().get(Scope.key(name));
                if (v == null) throw site.error(c.at(), "the function declares no parameter '" + name + "'");
                return v;
            }
            case "variables": arity(c, site, 1, 1); return s.variable(text(args.get(0), c, site), site, c.at());
            case "copyindex": return copyIndex(c, args, site);
            case "resourcegroup": {
                ObjectNode rg = F.objectNode();
                rg.set("id", F.textNode("/subscriptions/" + s.subscriptionId.asText() + "/resourceGroups/" + s.resourceGroupName.asText()));
                rg.set("name", s.resourceGroupName);
                rg.put("type", "Microsoft.Resources/resourceGroups");
                rg.put("location", s.location);
                rg.set("tags", F.objectNode());
                rg.putObject("properties").put("provisioningState", "Succeeded");
                return rg;
            }
            case "subscription": {
                ObjectNode sub = F.objectNode();
                sub.set("id", F.textNode("/subscriptions/" + s.subscriptionId.asText()));
                sub.set("subscriptionId", s.subscriptionId);
                sub.set("tenantId", new Placeholder("tenantId"));
                sub.put("displayName", s.subscriptionId.asText());
                return sub;
            }
            case "tenant": {
                ObjectNode t = F.objectNode();
                t.set("tenantId", new Placeholder("tenantId"));
                return t;
            }
            case "deployment": {
                // the location is the one a deployment to a subscription, management group or tenant is given
                ObjectNode d = F.objectNode();
                d.put("name", s.deploymentName);
                d.put("location", s.location);
                ObjectNode p = d.putObject("properties");
                ObjectNode link = p.putObject("templateLink");
                link.set("uri", new Placeholder("deployment().properties.templateLink.uri", true));
                link.set("id", new Placeholder("deployment().properties.templateLink.id", true));
                p.putObject("template").set("contentVersion", s.node(s.base).path("contentVersion").isTextual()
                        ? s.node(s.base).get("contentVersion") : F.textNode("1.0.0.0"));
                p.set("parameters", F.objectNode());
                p.put("mode", "Incremental");
                p.put("provisioningState", "Accepted");
                return d;
            }
            case "deployer": { // who deploys: known only when someone does
                References.unknown("deployer()", "reads who deploys the template", site);
                ObjectNode d = F.objectNode();
                for (String f : List.of("objectId", "tenantId", "userPrincipalName")) d.set(f, new Placeholder("deployer()." + f, true));
                return d;
            }
            case "environment": return environment();
            case "managementgroup": {
                ObjectNode mg = F.objectNode();
                mg.put("id", "/providers/Microsoft.Management/managementGroups/{managementGroup}");
                mg.set("name", new Placeholder("managementGroup"));
                mg.put("type", "/providers/Microsoft.Management/managementGroups");
                mg.putObject("properties").set("displayName", new Placeholder("managementGroup"));
                return mg;
            }
            case "managementgroupresourceid": {
                arity(c, site, 2, Integer.MAX_VALUE);
                boolean named = args.size() > 2 && !text(args.get(0), c, site).contains("/");
                String mg = named ? text(args.get(0), c, site) : "{managementGroup}";
                return F.textNode(providerPath("/providers/Microsoft.Management/managementGroups/" + mg, c, args, named ? 1 : 0, site));
            }
            case "reference": case "resourceinfo": case "references": case "pickzones": case "providers":
                return References.call(fn, c, args, site);
            case "utcnow": {
                arity(c, site, 0, 1);
                site.scope().cx.note("IMPORT-FUNCTION", "info", null, "utcNow() at " + site.origin().source().describe()
                        + " is the time of deployment; the import uses " + Dates.NOW + " in its place", site.origin());
                try {
                    return F.textNode(Dates.utcNow(args.isEmpty() ? null : text(args.get(0), c, site)));
                } catch (Dates.Problem x) {
                    throw site.error(c.at(), x.getMessage());
                }
            }
            case "newguid": // random in Azure: a GUID stable for its place in the template stands in
                arity(c, site, 0, 0);
                return F.textNode(UUID.nameUUIDFromBytes(("newGuid:" + site.scope().src.file() + site.pointer()).getBytes(StandardCharsets.UTF_8)).toString());
            case "resourceid": return resourceId(c, args, site, true);
            case "subscriptionresourceid": return resourceId(c, args, site, false);
            case "tenantresourceid": {
                arity(c, site, 2, Integer.MAX_VALUE);
                return F.textNode(providerPath("", c, args, 0, site));
            }
            case "extensionresourceid": {
                arity(c, site, 3, Integer.MAX_VALUE);
                return F.textNode(text(args.get(0), c, site) + providerPath("", c, args, 1, site));
            }
            // ---- values ----
            case "true": arity(c, site, 0, 0); return F.booleanNode(true);
            case "false": arity(c, site, 0, 0); return F.booleanNode(false);
            case "null": arity(c, site, 0, 0); return F.nullNode();
            case "createarray": case "array": {
                if (fn.equals("array")) {
                    arity(c, site, 1, 1);
                    if (args.get(0).isArray()) return args.get(0);
                }
                ArrayNode out = F.arrayNode(args.size());
                args.forEach(out::add);
                return out;
            }
            case "createobject": {
                if (args.size() % 2 != 0) throw site.error(c.at(), "createObject needs pairs of key and value");
                ObjectNode o = F.objectNode();
                for (int i = 0; i < args.size(); i += 2) o.set(text(args.get(i), c, site), args.get(i + 1));
                return o;
            }
            case "json": {
                arity(c, site, 1, 1);
                if (args.get(0) instanceof Placeholder) return args.get(0);
                String t = text(args.get(0), c, site);
                if (t.equals("null")) return F.nullNode();
                try {
                    return JsonSource.parse("json()", t.getBytes(StandardCharsets.UTF_8)).root();
                } catch (InputException x) {
                    throw site.error(c.at(), "json() got text that is not JSON: " + x.problem());
                }
            }
            case "string": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                return v.isTextual() ? v : F.textNode(limit(str(v), c, site));
            }
            case "concat": return concat(c, args, site);
            case "format": return format(c, args, site);
            case "uniquestring": {
                arity(c, site, 1, Integer.MAX_VALUE);
                return F.textNode(uniqueString(joined(c, args, site)));
            }
            case "guid": {
                arity(c, site, 1, Integer.MAX_VALUE);
                return F.textNode(UUID.nameUUIDFromBytes(joined(c, args, site).getBytes(StandardCharsets.UTF_8)).toString());
            }
            case "base64": arity(c, site, 1, 1); return F.textNode(Base64.getEncoder().encodeToString(text(args.get(0), c, site).getBytes(StandardCharsets.UTF_8)));
            case "uri": {
                arity(c, site, 2, 2);
                String base = text(args.get(0), c, site);
                String rel = text(args.get(1), c, site);
                int cut = base.lastIndexOf('/');
                return F.textNode(limit((cut < 0 ? base + "/" : base.substring(0, cut + 1)) + rel, c, site));
            }
            case "replace": {
                arity(c, site, 3, 3);
                String old = text(args.get(1), c, site);
                String t = text(args.get(0), c, site);
                if (old.isEmpty()) return args.get(0);
                return F.textNode(limit(t.replace(old, text(args.get(2), c, site)), c, site));
            }
            case "tolower": arity(c, site, 1, 1); return F.textNode(text(args.get(0), c, site).toLowerCase(Locale.ROOT));
            case "toupper": arity(c, site, 1, 1); return F.textNode(text(args.get(0), c, site).toUpperCase(Locale.ROOT));
            case "trim": arity(c, site, 1, 1); return F.textNode(text(args.get(0), c, site).strip());
            case "equals": {
                arity(c, site, 2, 2);
                if (Placeholder.any(args)) return firstPlaceholder(args);
                return F.booleanNode(args.get(0).equals(args.get(1)) || numericEquals(args.get(0), args.get(1)));
            }
            case "tryget": {
                arity(c, site, 2, Integer.MAX_VALUE);
                JsonNode v = args.get(0);
                for (int i = 1; i < args.size() && v != null && !v.isNull(); i++) {
                    JsonNode k = args.get(i);
                    if (v instanceof Placeholder p) return k.isValueNode() && !(k instanceof Placeholder) ? p.member(k.isIntegralNumber() ? "[" + k.asLong() + "]" : "." + str(k)) : p;
                    if (k instanceof Placeholder) return k;
                    if (v.isObject() && k.isTextual()) {
                        JsonNode next = get(v, k.textValue());
                        v = next == null && v instanceof References.State st ? st.missing(k.textValue(), site) : next;
                    } else if (v.isArray() && k.isIntegralNumber()) {
                        long ix = k.asLong();
                        v = ix >= 0 && ix < v.size() ? v.get((int) ix) : null;
                    } else {
                        v = null;
                    }
                }
                return v == null ? F.nullNode() : v;
            }
            case "parsecidr": case "cidrsubnet": case "cidrhost": {
                int n = fn.equals("parsecidr") ? 1 : fn.equals("cidrhost") ? 2 : 3;
                arity(c, site, n, n);
                if (Placeholder.any(args)) { // an unknown network: the result says how it is made
                    List<String> shown = new ArrayList<>();
                    for (JsonNode x : args) shown.add(x.isTextual() && !(x instanceof Placeholder) ? "'" + x.textValue() + "'" : str(x));
                    return new Placeholder(c.name().replaceFirst("(?i)^sys\\.", "") + "(" + String.join(", ", shown) + ")", true);
                }
                try {
                    if (fn.equals("parsecidr")) return Cidrs.parseCidr(text(args.get(0), c, site));
                    if (fn.equals("cidrhost")) return F.textNode(Cidrs.cidrHost(text(args.get(0), c, site), integer(args.get(1), c, site)));
                    return F.textNode(Cidrs.cidrSubnet(text(args.get(0), c, site), integer(args.get(1), c, site), integer(args.get(2), c, site)));
                } catch (Cidrs.Problem x) {
                    throw site.error(c.at(), x.getMessage());
                }
            }
            default:
                break;
        }
        if (fn.startsWith("list")) return References.call(fn, c, args, site);
        if (KNOWN.contains(fn) && Placeholder.any(args)) return firstPlaceholder(args);
        switch (fn) {
            case "not": arity(c, site, 1, 1); return F.booleanNode(!bool(args.get(0), c, site));
            case "bool": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (v.isBoolean()) return v;
                if (v.isIntegralNumber()) return F.booleanNode(v.asLong() != 0);
                if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
                    return F.booleanNode(v.textValue().equalsIgnoreCase("true"));
                }
                throw site.error(c.at(), "bool() cannot convert " + describe(v));
            }
            case "int": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (v.isIntegralNumber()) return v;
                if (v.isNumber()) return num(v.asLong());
                if (v.isTextual()) {
                    try {
                        return num(Long.parseLong(v.textValue().strip()));
                    } catch (NumberFormatException x) {
                        throw site.error(c.at(), "int() cannot convert '" + v.textValue() + "'");
                    }
                }
                throw site.error(c.at(), "int() cannot convert " + describe(v));
            }
            case "length": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (v.isTextual()) return num(v.textValue().length());
                if (v.isArray() || v.isObject()) return num(v.size());
                throw site.error(c.at(), "length() needs a string, array or object, not " + describe(v));
            }
            case "empty": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                return F.booleanNode(v.isNull() || (v.isTextual() && v.textValue().isEmpty()) || ((v.isArray() || v.isObject()) && v.isEmpty()));
            }
            case "split": {
                arity(c, site, 2, 2);
                String t = text(args.get(0), c, site);
                List<String> delims = new ArrayList<>();
                if (args.get(1).isArray()) for (JsonNode d : args.get(1)) delims.add(text(d, c, site));
                else delims.add(text(args.get(1), c, site));
                ArrayNode out = F.arrayNode();
                int start = 0;
                for (int i = 0; i <= t.length(); ) {
                    String hit = null;
                    if (i < t.length()) for (String d : delims) if (!d.isEmpty() && t.startsWith(d, i)) { hit = d; break; }
                    if (i == t.length() || hit != null) {
                        out.add(t.substring(start, i));
                        if (hit == null) break;
                        i += hit.length();
                        start = i;
                    } else {
                        i++;
                    }
                }
                return out;
            }
            case "first": case "last": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                boolean first = fn.equals("first");
                if (v.isTextual()) {
                    String t = v.textValue();
                    return F.textNode(t.isEmpty() ? "" : first ? t.substring(0, 1) : t.substring(t.length() - 1));
                }
                if (v.isArray()) return v.isEmpty() ? F.nullNode() : v.get(first ? 0 : v.size() - 1);
                throw site.error(c.at(), fn + "() needs a string or an array, not " + describe(v));
            }
            case "contains": {
                arity(c, site, 2, 2);
                JsonNode v = args.get(0);
                JsonNode item = args.get(1);
                if (v.isTextual()) return F.booleanNode(v.textValue().contains(str(item)));
                if (v.isArray()) {
                    for (JsonNode e : v) if (e.equals(item) || numericEquals(e, item)) return F.booleanNode(true);
                    return F.booleanNode(false);
                }
                if (v.isObject()) return F.booleanNode(get(v, str(item)) != null);
                throw site.error(c.at(), "contains() needs a string, array or object, not " + describe(v));
            }
            case "union": case "intersection": return setOp(c, args, site, fn.equals("union"));
            case "items": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (!v.isObject()) throw site.error(c.at(), "items() needs an object, not " + describe(v));
                ArrayNode out = F.arrayNode();
                for (String k : sortedKeys(v)) { // Azure sorts the items by key
                    ObjectNode o = out.addObject();
                    o.put("key", k);
                    o.set("value", v.get(k));
                }
                return out;
            }
            case "objectkeys": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (!v.isObject()) throw site.error(c.at(), "objectKeys() needs an object, not " + describe(v));
                ArrayNode out = F.arrayNode();
                for (String k : sortedKeys(v)) out.add(k);
                return out;
            }
            case "shallowmerge": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (!v.isArray()) throw site.error(c.at(), "shallowMerge() needs an array of objects, not " + describe(v));
                ObjectNode out = F.objectNode();
                for (JsonNode o : v) {
                    if (o instanceof Placeholder) return o;
                    if (!o.isObject()) throw site.error(c.at(), "shallowMerge() needs an array of objects, not one with " + describe(o));
                    out.setAll((ObjectNode) o);
                }
                return out;
            }
            case "flatten": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (!v.isArray()) throw site.error(c.at(), "flatten() needs an array of arrays, not " + describe(v));
                ArrayNode out = F.arrayNode();
                for (JsonNode e : v) {
                    if (e instanceof Placeholder) return e;
                    if (!e.isArray()) throw site.error(c.at(), "flatten() needs an array of arrays, not one with " + describe(e));
                    out.addAll((ArrayNode) e);
                    if (out.size() > Context.MAX_VALUE_SIZE) throw site.error(c.at(), "flatten() makes an array that is too large");
                }
                return out;
            }
            case "indexfromend": case "tryindexfromend": {
                arity(c, site, 2, 2);
                JsonNode v = args.get(0);
                if (!v.isArray()) throw site.error(c.at(), c.name() + "() needs an array, not " + describe(v));
                long i = integer(args.get(1), c, site);
                if (i >= 1 && i <= v.size()) return v.get((int) (v.size() - i));
                if (fn.equals("tryindexfromend")) return F.nullNode();
                throw site.error(c.at(), "indexFromEnd() index " + i + " is outside the array of " + v.size() + " elements (1 is the last)");
            }
            case "float": {
                arity(c, site, 1, 1);
                JsonNode v = args.get(0);
                if (v.isNumber()) return F.numberNode(v.asDouble());
                try {
                    return F.numberNode(Double.parseDouble(text(v, c, site).strip()));
                } catch (NumberFormatException x) {
                    throw site.error(c.at(), "float() cannot convert '" + str(v) + "'");
                }
            }
            case "uricomponent": arity(c, site, 1, 1); return F.textNode(uriEscape(text(args.get(0), c, site)));
            case "uricomponenttostring": {
                arity(c, site, 1, 1);
                try {
                    return F.textNode(java.net.URLDecoder.decode(text(args.get(0), c, site).replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException x) {
                    throw site.error(c.at(), "uriComponentToString() got text that is not URI-encoded");
                }
            }
            case "datauri": {
                arity(c, site, 1, 1);
                return F.textNode("data:text/plain;charset=utf8;base64," + Base64.getEncoder().encodeToString(text(args.get(0), c, site).getBytes(StandardCharsets.UTF_8)));
            }
            case "datauritostring": {
                arity(c, site, 1, 1);
                String t = text(args.get(0), c, site);
                int comma = t.indexOf(',');
                if (!t.startsWith("data:") || comma < 0) throw site.error(c.at(), "dataUriToString() needs a data URI (data:…;base64,…)");
                String data = t.substring(comma + 1);
                try {
                    return F.textNode(t.substring(0, comma).endsWith(";base64")
                            ? new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8)
                            : java.net.URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException x) {
                    throw site.error(c.at(), "dataUriToString() got a data URI it cannot decode");
                }
            }
            case "base64tojson": {
                arity(c, site, 1, 1);
                try {
                    String json = new String(Base64.getDecoder().decode(text(args.get(0), c, site)), StandardCharsets.UTF_8);
                    return JsonSource.parse("base64ToJson()", json.getBytes(StandardCharsets.UTF_8)).root();
                } catch (IllegalArgumentException x) {
                    throw site.error(c.at(), "base64ToJson() got text that is not base64");
                } catch (InputException x) {
                    throw site.error(c.at(), "base64ToJson() got text that is not JSON: " + x.problem());
                }
            }
            case "datetimeadd": case "datetimefromepoch": case "datetimetoepoch": {
                try {
                    if (fn.equals("datetimefromepoch")) {
                        arity(c, site, 1, 1);
                        return F.textNode(Dates.fromEpoch(integer(args.get(0), c, site)));
                    }
                    if (fn.equals("datetimetoepoch")) {
                        arity(c, site, 1, 1);
                        return num(Dates.toEpoch(text(args.get(0), c, site)));
                    }
                    arity(c, site, 2, 3);
                    return F.textNode(Dates.add(text(args.get(0), c, site), text(args.get(1), c, site),
                            args.size() > 2 ? text(args.get(2), c, site) : null));
                } catch (Dates.Problem x) {
                    throw site.error(c.at(), x.getMessage());
                }
            }
            case "join": {
                arity(c, site, 2, 2);
                JsonNode v = args.get(0);
                if (!v.isArray()) throw site.error(c.at(), "join() needs an array, not " + describe(v));
                StringBuilder sb = new StringBuilder();
                String d = text(args.get(1), c, site);
                for (int i = 0; i < v.size(); i++) {
                    if (i > 0) sb.append(d);
                    sb.append(str(v.get(i)));
                    limit(sb, c, site);
                }
                return F.textNode(sb.toString());
            }
            case "substring": {
                arity(c, site, 2, 3);
                String t = text(args.get(0), c, site);
                long start = integer(args.get(1), c, site);
                long len = args.size() > 2 ? integer(args.get(2), c, site) : t.length() - start;
                if (start < 0 || len < 0 || start + len > t.length()) {
                    throw site.error(c.at(), "substring(" + start + ", " + len + ") is outside a string of length " + t.length());
                }
                return F.textNode(t.substring((int) start, (int) (start + len)));
            }
            case "indexof": case "lastindexof": {
                arity(c, site, 2, 2);
                JsonNode v = args.get(0);
                if (v.isArray()) {
                    int found = -1;
                    for (int i = 0; i < v.size(); i++) {
                        if (v.get(i).equals(args.get(1)) || numericEquals(v.get(i), args.get(1))) {
                            found = i;
                            if (fn.equals("indexof")) break;
                        }
                    }
                    return num(found);
                }
                // ARM compares strings here without case
                String t = text(v, c, site).toLowerCase(Locale.ROOT);
                String what = text(args.get(1), c, site).toLowerCase(Locale.ROOT);
                return num(fn.equals("indexof") ? t.indexOf(what) : t.lastIndexOf(what));
            }
            case "startswith": case "endswith": {
                arity(c, site, 2, 2);
                String t = text(args.get(0), c, site).toLowerCase(Locale.ROOT);
                String what = text(args.get(1), c, site).toLowerCase(Locale.ROOT);
                return F.booleanNode(fn.equals("startswith") ? t.startsWith(what) : t.endsWith(what));
            }
            case "padleft": {
                arity(c, site, 2, 3);
                String t = str(args.get(0));
                long width = integer(args.get(1), c, site);
                String pad = args.size() > 2 ? text(args.get(2), c, site) : " ";
                if (width > Context.MAX_VALUE_SIZE) throw site.error(c.at(), "padLeft() width is too large");
                if (pad.length() != 1) throw site.error(c.at(), "padLeft() pads with one character");
                StringBuilder sb = new StringBuilder();
                while (sb.length() + t.length() < width) sb.append(pad);
                return F.textNode(sb.append(t).toString());
            }
            case "base64tostring": {
                arity(c, site, 1, 1);
                try {
                    return F.textNode(new String(Base64.getDecoder().decode(text(args.get(0), c, site)), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException x) {
                    throw site.error(c.at(), "base64ToString() got text that is not base64");
                }
            }
            case "take": case "skip": {
                arity(c, site, 2, 2);
                JsonNode v = args.get(0);
                long n = Math.max(0, integer(args.get(1), c, site));
                boolean take = fn.equals("take");
                if (v.isTextual()) {
                    String t = v.textValue();
                    int k = (int) Math.min(n, t.length());
                    return F.textNode(take ? t.substring(0, k) : t.substring(k));
                }
                if (v.isArray()) {
                    int k = (int) Math.min(n, v.size());
                    ArrayNode out = F.arrayNode();
                    for (int i = take ? 0 : k; i < (take ? k : v.size()); i++) out.add(v.get(i));
                    return out;
                }
                throw site.error(c.at(), fn + "() needs a string or an array, not " + describe(v));
            }
            case "range": {
                arity(c, site, 2, 2);
                long start = integer(args.get(0), c, site);
                long count = integer(args.get(1), c, site);
                if (count < 0 || count > 10_000) throw site.error(c.at(), "range() count must be between 0 and 10000, not " + count);
                ArrayNode out = F.arrayNode((int) count);
                for (long i = 0; i < count; i++) out.add(start + i);
                return out;
            }
            case "min": case "max": {
                arity(c, site, 1, Integer.MAX_VALUE);
                List<JsonNode> values = args.size() == 1 && args.get(0).isArray() ? list(args.get(0)) : args;
                if (values.isEmpty()) throw site.error(c.at(), fn + "() needs at least one number");
                long best = integer(values.get(0), c, site);
                for (JsonNode v : values) {
                    long x = integer(v, c, site);
                    best = fn.equals("min") ? Math.min(best, x) : Math.max(best, x);
                }
                return num(best);
            }
            case "add": case "sub": case "mul": case "div": case "mod": {
                arity(c, site, 2, 2);
                long x = integer(args.get(0), c, site);
                long y = integer(args.get(1), c, site);
                try {
                    switch (fn) {
                        case "add": return num(Math.addExact(x, y));
                        case "sub": return num(Math.subtractExact(x, y));
                        case "mul": return num(Math.multiplyExact(x, y));
                        default:
                            if (y == 0) throw site.error(c.at(), fn + "() divides by zero");
                            return num(fn.equals("div") ? x / y : x % y);
                    }
                } catch (ArithmeticException o) {
                    throw site.error(c.at(), fn + "() overflows");
                }
            }
            case "less": case "greater": case "lessorequals": case "greaterorequals": {
                arity(c, site, 2, 2);
                JsonNode x = args.get(0);
                JsonNode y = args.get(1);
                int cmp;
                if (x.isNumber() && y.isNumber()) cmp = Long.compare(x.asLong(), y.asLong());
                else if (x.isTextual() && y.isTextual()) cmp = x.textValue().compareTo(y.textValue());
                else throw site.error(c.at(), fn + "() compares two numbers or two strings, not " + describe(x) + " and " + describe(y));
                switch (fn) {
                    case "less": return F.booleanNode(cmp < 0);
                    case "greater": return F.booleanNode(cmp > 0);
                    case "lessorequals": return F.booleanNode(cmp <= 0);
                    default: return F.booleanNode(cmp >= 0);
                }
            }
            default:
                break;
        }
        return unsupported(c, site);
    }

    /** Functions implemented above that want real values (a placeholder argument makes their result a placeholder). */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("not", "bool", "int", "length", "empty", "split",
            "first", "last", "contains", "union", "intersection", "items", "join", "substring", "indexof", "lastindexof",
            "startswith", "endswith", "padleft", "base64tostring", "take", "skip", "range", "min", "max", "add", "sub",
            "mul", "div", "mod", "less", "greater", "lessorequals", "greaterorequals", "objectkeys", "shallowmerge",
            "flatten", "indexfromend", "tryindexfromend", "float", "uricomponent", "uricomponenttostring", "datauri",
            "datauritostring", "base64tojson", "datetimeadd", "datetimefromepoch", "datetimetoepoch");

    /** A name that is no template function: Azure refuses the template; the import says so and goes on. */
    private static JsonNode unsupported(Expression.Call c, Site site) {
        String name = c.name();
        site.scope().cx.note("IMPORT-FUNCTION", "warning", null,
                "function " + name + "() at " + site.origin().source().describe() + " is not a template function (Azure would refuse the template);"
                        + " its value is shown as {" + name + "()}", site.origin());
        return new Placeholder(name + "()");
    }

    /** {@code namespace.name(…)}: a function of the template's {@code functions} section, its body evaluated with the arguments. */
    private static JsonNode userFunction(Expression.Call c, Site site) throws InputException {
        Scope s = site.scope();
        Scope.Function f = s.function(c.name());
        if (f == null) throw site.error(c.at(), "the template declares no function '" + c.name() + "'");
        if (c.args().size() != f.params().size()) {
            throw site.error(c.at(), f.name() + "() takes " + f.params().size() + " argument" + (f.params().size() == 1 ? "" : "s") + ", not " + c.args().size());
        }
        List<JsonNode> args = new ArrayList<>(c.args().size());
        for (Expression x : c.args()) args.add(value(x, site));
        return s.eval(f.output(), Ptr.of(f.pointer()), null, Bindings.function(f.params(), args));
    }

    private static JsonNode firstPlaceholder(List<JsonNode> args) {
        for (JsonNode a : args) if (a instanceof Placeholder) return a;
        throw new IllegalStateException();
    }

    private static JsonNode copyIndex(Expression.Call c, List<JsonNode> args, Site site) throws InputException {
        arity(c, site, 0, 2);
        String loop = null;
        long offset = 0;
        if (args.size() == 2) {
            loop = text(args.get(0), c, site);
            offset = integer(args.get(1), c, site);
        } else if (args.size() == 1) {
            if (args.get(0).isTextual()) loop = args.get(0).textValue();
            else offset = integer(args.get(0), c, site);
        }
        Integer i = Loops.index(site.loops(), loop);
        if (i == null) {
            throw site.error(c.at(), loop == null ? "copyIndex() is used outside a copy loop" : "copyIndex('" + loop + "') is used outside the copy loop '" + loop + "'");
        }
        if (i == Loops.UNKNOWN) return new Placeholder(loop == null ? "copyIndex()" : "copyIndex('" + loop + "')");
        return num(i + offset);
    }

    /**
     * resourceId([subscriptionId], [resourceGroupName], type, name…): the type is the first argument with a '/'.
     * subscriptionResourceId([subscriptionId], type, name…) leaves the resource group out.
     */
    private static JsonNode resourceId(Expression.Call c, List<JsonNode> args, Site site, boolean inGroup) throws InputException {
        arity(c, site, 2, Integer.MAX_VALUE);
        int type = -1;
        for (int i = 0; i < args.size() && type < 0; i++) {
            if (args.get(i).isTextual() && !(args.get(i) instanceof Placeholder) && args.get(i).textValue().contains("/")) type = i;
        }
        if (type < 0) throw site.error(c.at(), c.name() + "() needs a resource type such as 'Microsoft.Network/virtualNetworks'");
        Scope s = site.scope();
        String sub = s.subscriptionId.asText();
        String rg = s.resourceGroupName.asText();
        // in a template deployed to a subscription, resourceId() without a resource group is subscription-level
        if (inGroup && type == 0 && s.level != Scope.Level.RESOURCE_GROUP) inGroup = false;
        if (inGroup) {
            if (type == 1) rg = text(args.get(0), c, site);
            else if (type == 2) {
                sub = text(args.get(0), c, site);
                rg = text(args.get(1), c, site);
            } else if (type > 2) throw site.error(c.at(), "resourceId() takes at most a subscription and a resource group before the type");
        } else {
            if (type == 1) sub = text(args.get(0), c, site);
            else if (type > 1) throw site.error(c.at(), c.name() + "() takes at most a subscription before the type");
        }
        String prefix = "/subscriptions/" + sub + (inGroup ? "/resourceGroups/" + rg : "");
        return F.textNode(providerPath(prefix, c, args, type, site));
    }

    private static String providerPath(String prefix, Expression.Call c, List<JsonNode> args, int type, Site site) throws InputException {
        String t = text(args.get(type), c, site);
        List<String> names = new ArrayList<>();
        for (int i = type + 1; i < args.size(); i++) {
            for (String n : text(args.get(i), c, site).split("/")) names.add(n);
        }
        return ResourceIds.of(prefix, t, names);
    }

    private static JsonNode concat(Expression.Call c, List<JsonNode> args, Site site) throws InputException {
        if (!args.isEmpty() && args.get(0).isArray()) {
            ArrayNode out = F.arrayNode();
            for (JsonNode a : args) {
                if (a.isArray()) out.addAll((ArrayNode) a);
                else if (a instanceof Placeholder) out.add(a);
                else throw site.error(c.at(), "concat() of arrays got " + describe(a));
                if (out.size() > Context.MAX_VALUE_SIZE) throw site.error(c.at(), "concat() makes an array that is too large");
            }
            return out;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode a : args) {
            if (a.isArray() || a.isObject()) throw site.error(c.at(), "concat() of strings got " + describe(a));
            sb.append(str(a));
            limit(sb, c, site);
        }
        return F.textNode(sb.toString());
    }

    /** .NET composite formatting: {0}, {1,-5}, {0:D3}; {{ and }} are literal braces. */
    private static JsonNode format(Expression.Call c, List<JsonNode> args, Site site) throws InputException {
        arity(c, site, 1, Integer.MAX_VALUE);
        String f = text(args.get(0), c, site);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch == '{' && i + 1 < f.length() && f.charAt(i + 1) == '{') { sb.append('{'); i++; continue; }
            if (ch == '}' && i + 1 < f.length() && f.charAt(i + 1) == '}') { sb.append('}'); i++; continue; }
            if (ch != '{') { sb.append(ch); continue; }
            int close = f.indexOf('}', i);
            if (close < 0) throw site.error(c.at(), "format string has an unclosed '{'");
            String item = f.substring(i + 1, close);
            String spec = null;
            int colon = item.indexOf(':');
            if (colon >= 0) { spec = item.substring(colon + 1); item = item.substring(0, colon); }
            int comma = item.indexOf(',');
            String align = null;
            if (comma >= 0) { align = item.substring(comma + 1).strip(); item = item.substring(0, comma); }
            int n;
            try {
                n = Integer.parseInt(item.strip());
            } catch (NumberFormatException x) {
                throw site.error(c.at(), "format item {" + f.substring(i + 1, close) + "} must start with an argument number");
            }
            if (n < 0 || n + 1 >= args.size()) throw site.error(c.at(), "format item {" + n + "} has no argument");
            JsonNode v = args.get(n + 1);
            String out = str(v);
            if (spec != null && v.isIntegralNumber() && spec.matches("[DdXx]\\d{0,3}")) {
                int width = spec.length() > 1 ? Integer.parseInt(spec.substring(1)) : 0;
                out = Character.toUpperCase(spec.charAt(0)) == 'D' ? String.valueOf(v.asLong()) : Long.toHexString(v.asLong());
                if (spec.charAt(0) == 'X') out = out.toUpperCase(Locale.ROOT);
                while (out.length() < width) out = "0" + out;
            }
            if (align != null && align.matches("-?\\d{1,4}")) {
                int w = Integer.parseInt(align);
                StringBuilder padded = new StringBuilder(out);
                while (padded.length() < Math.abs(w)) {
                    if (w < 0) padded.append(' ');
                    else padded.insert(0, ' ');
                }
                out = padded.toString();
            }
            sb.append(out);
            limit(sb, c, site);
            i = close;
        }
        return F.textNode(sb.toString());
    }

    private static JsonNode setOp(Expression.Call c, List<JsonNode> args, Site site, boolean union) throws InputException {
        arity(c, site, 2, Integer.MAX_VALUE);
        if (args.stream().allMatch(JsonNode::isObject)) {
            ObjectNode out = F.objectNode();
            if (union) {
                for (JsonNode a : args) merge(out, (ObjectNode) a);
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = args.get(0).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (args.stream().allMatch(o -> e.getValue().equals(o.get(e.getKey())))) out.set(e.getKey(), e.getValue());
                }
            }
            return out;
        }
        if (args.stream().allMatch(JsonNode::isArray)) {
            ArrayNode out = F.arrayNode();
            if (union) {
                for (JsonNode a : args) {
                    for (JsonNode e : a) if (!contains(out, e)) out.add(e);
                    if (out.size() > Context.MAX_VALUE_SIZE) throw site.error(c.at(), "union() makes an array that is too large");
                }
            } else {
                for (JsonNode e : args.get(0)) {
                    if (!contains(out, e) && args.stream().allMatch(a -> contains((ArrayNode) a, e))) out.add(e);
                }
            }
            return out;
        }
        throw site.error(c.at(), c.name() + "() needs all objects or all arrays");
    }

    /** union() of objects merges nested objects too; a later value wins otherwise (arrays are not merged). */
    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = into.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                ObjectNode m = o.deepCopy();
                merge(m, n);
                into.set(e.getKey(), m);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        keys.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(java.util.Comparator.naturalOrder()));
        return keys;
    }

    /** .NET's Uri.EscapeDataString: all but RFC 3986's unreserved characters percent-encoded. */
    private static String uriEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (b & 0xff);
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || "-_.~".indexOf(ch) >= 0) sb.append(ch);
            else sb.append('%').append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }

    /** The public cloud's environment(), as Azure returns it for AzureCloud. */
    private static ObjectNode environment() {
        ObjectNode e = F.objectNode();
        e.put("name", "AzureCloud");
        e.put("gallery", "https://gallery.azure.com/");
        e.put("graph", "https://graph.windows.net/");
        e.put("portal", "https://portal.azure.com");
        e.put("graphAudience", "https://graph.windows.net/");
        e.put("activeDirectoryDataLake", "https://datalake.azure.net/");
        e.put("batch", "https://batch.core.windows.net/");
        e.put("media", "https://rest.media.azure.net");
        e.put("sqlManagement", "https://management.core.windows.net:8443/");
        e.put("vmImageAliasDoc", "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json");
        e.put("resourceManager", "https://management.azure.com/");
        ObjectNode auth = e.putObject("authentication");
        auth.put("loginEndpoint", "https://login.microsoftonline.com/");
        auth.putArray("audiences").add("https://management.core.windows.net/").add("https://management.azure.com/");
        auth.put("tenant", "common");
        auth.put("identityProvider", "AAD");
        ObjectNode suffixes = e.putObject("suffixes");
        suffixes.put("acrLoginServer", ".azurecr.io");
        suffixes.put("azureDatalakeAnalyticsCatalogAndJob", "azuredatalakeanalytics.net");
        suffixes.put("azureDatalakeStoreFileSystem", "azuredatalakestore.net");
        suffixes.put("azureFrontDoorEndpointSuffix", "azurefd.net");
        suffixes.put("keyvaultDns", ".vault.azure.net");
        suffixes.put("sqlServerHostname", ".database.windows.net");
        suffixes.put("storage", "core.windows.net");
        return e;
    }

    private static boolean contains(ArrayNode a, JsonNode e) {
        for (JsonNode x : a) if (x.equals(e)) return true;
        return false;
    }

    // ---- helpers ----

    static void arity(Expression.Call c, Site site, int min, int max) throws InputException {
        int n = c.args().size();
        if (n < min || n > max) {
            String want = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw site.error(c.at(), c.name() + "() takes " + want + " argument" + (min == 1 && max == 1 ? "" : "s") + ", not " + n);
        }
    }

    /** A string argument; numbers and booleans are written out as ARM does in string functions. */
    private static String text(JsonNode v, Expression.Call c, Site site) throws InputException {
        if (v.isTextual()) return v.textValue();
        if (v.isNumber() || v.isBoolean()) return v.asText();
        throw site.error(c.at(), c.name() + "() needs a string here, not " + describe(v));
    }

    private static long integer(JsonNode v, Expression.Call c, Site site) throws InputException {
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
        throw site.error(c.at(), c.name() + "() needs a whole number here, not " + describe(v));
    }

    /** A boolean argument (or "true"/"false"). */
    static boolean truth(JsonNode v, Expression.Call c, Site site) throws InputException {
        return bool(v, c, site);
    }

    private static boolean bool(JsonNode v, Expression.Call c, Site site) throws InputException {
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
            return v.textValue().equalsIgnoreCase("true");
        }
        throw site.error(c.at(), c.name() + "() needs a boolean here, not " + describe(v));
    }

    private static boolean numericEquals(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    /** The text form of a value in string functions: strings as they are, the rest as JSON. */
    static String str(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isTextual()) return v.textValue();
        if (v.isValueNode()) return v.asText();
        return v.toString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> l = new ArrayList<>(array.size());
        array.forEach(l::add);
        return l;
    }

    private static String joined(Expression.Call c, List<JsonNode> args, Site site) throws InputException {
        StringBuilder sb = new StringBuilder();
        for (JsonNode a : args) {
            if (sb.length() > 0) sb.append('-');
            sb.append(text(a, c, site));
        }
        return sb.toString();
    }

    private static String limit(String s, Expression.Call c, Site site) throws InputException {
        if (s.length() > Context.MAX_VALUE_SIZE) throw site.error(c.at(), c.name() + "() makes a string longer than " + Context.MAX_VALUE_SIZE + " characters");
        return s;
    }

    private static void limit(StringBuilder sb, Expression.Call c, Site site) throws InputException {
        if (sb.length() > Context.MAX_VALUE_SIZE) throw site.error(c.at(), c.name() + "() makes a string longer than " + Context.MAX_VALUE_SIZE + " characters");
    }

    /**
     * 13 characters of base32 from a hash of the arguments, like Azure's. Deterministic, but not Azure's own
     * value (Azure's hash is not published): names built with it are stable between imports, not real.
     */
    static String uniqueString(String in) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(in.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) bits = (bits << 8) | (h[i] & 0xff);
            String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            StringBuilder sb = new StringBuilder(13);
            for (int i = 0; i < 13; i++) {
                sb.append(alphabet.charAt((int) ((bits >>> 59) & 31)));
                bits <<= 5;
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
