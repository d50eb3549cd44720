package minet.io.arm;

import static minet.io.arm.Scope.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import minet.io.InputException;

/**
 * The lambda functions: {@code filter}, {@code map}, {@code reduce}, {@code sort}, {@code toObject},
 * {@code mapValues} and {@code groupBy}, with {@code lambda('x', …)} arguments whose body reads
 * {@code lambdaVariables('x')}. A lambda's body is evaluated once per element; an unknown that decides which
 * elements there are (a filter's condition, a key) makes the whole result unknown.
 */
final class Lambdas {
    private Lambdas() {}

    static boolean is(String fn) {
        switch (fn) {
            case "filter": case "map": case "reduce": case "sort": case "toobject": case "mapvalues": case "groupby":
                return true;
            default:
                return false;
        }
    }

    /** A {@code lambda('a', 'b', body)} argument: its variables' names and its body. */
    private record Lambda(List<String> names, Expression body, Expression.Call at) {}

    static JsonNode call(String fn, Expression.Call c, Site site) throws InputException {
        List<Expression> a = c.args();
        switch (fn) {
            case "filter": {
                arity(c, site, 2, 2);
                JsonNode in = Functions.value(a.get(0), site);
                Lambda f = lambda(a.get(1), site, 1, 2);
                if (in instanceof Placeholder) return in;
                ArrayNode out = F.arrayNode();
                int i = 0;
                for (JsonNode e : array(in, c, site)) {
                    JsonNode keep = apply(f, site, e, Functions.num(i++));
                    if (keep instanceof Placeholder) return keep;
                    if (Functions.truth(keep, c, site)) out.add(e);
                }
                return out;
            }
            case "map": {
                arity(c, site, 2, 2);
                JsonNode in = Functions.value(a.get(0), site);
                Lambda f = lambda(a.get(1), site, 1, 2);
                if (in instanceof Placeholder) return in;
                ArrayNode out = F.arrayNode();
                int i = 0;
                for (JsonNode e : array(in, c, site)) out.add(apply(f, site, e, Functions.num(i++)));
                return out;
            }
            case "reduce": {
                arity(c, site, 3, 3);
                JsonNode in = Functions.value(a.get(0), site);
                JsonNode acc = Functions.value(a.get(1), site);
                Lambda f = lambda(a.get(2), site, 2, 3);
                if (in instanceof Placeholder) return in;
                int i = 0;
                for (JsonNode e : array(in, c, site)) acc = apply(f, site, acc, e, Functions.num(i++));
                return acc;
            }
            case "sort": {
                arity(c, site, 2, 2);
                JsonNode in = Functions.value(a.get(0), site);
                Lambda f = lambda(a.get(1), site, 2, 2);
                if (in instanceof Placeholder) return in;
                List<JsonNode> items = new ArrayList<>();
                array(in, c, site).forEach(items::add);
                // a stable merge sort on "a comes before b"; an unknown answer makes the order unknown
                List<JsonNode> sorted = mergeSort(items, f, site, c);
                if (sorted == null) return new Placeholder("sort()", true);
                ArrayNode out = F.arrayNode();
                sorted.forEach(out::add);
                return out;
            }
            case "toobject": {
                arity(c, site, 2, 3);
                JsonNode in = Functions.value(a.get(0), site);
                Lambda key = lambda(a.get(1), site, 1, 1);
                Lambda value = a.size() > 2 ? lambda(a.get(2), site, 1, 1) : null;
                if (in instanceof Placeholder) return in;
                ObjectNode out = F.objectNode();
                for (JsonNode e : array(in, c, site)) {
                    JsonNode k = apply(key, site, e);
                    if (k instanceof Placeholder) return k;
                    if (!k.isTextual()) throw site.error(c.at(), "toObject() needs keys that are strings, not " + Functions.describe(k));
                    out.set(k.textValue(), value == null ? e : apply(value, site, e));
                }
                return out;
            }
            case "mapvalues": {
                arity(c, site, 2, 2);
                JsonNode in = Functions.value(a.get(0), site);
                Lambda f = lambda(a.get(1), site, 1, 1);
                if (in instanceof Placeholder) return in;
                if (!in.isObject()) throw site.error(c.at(), "mapValues() needs an object, not " + Functions.describe(in));
                ObjectNode out = F.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.set(e.getKey(), apply(f, site, e.getValue()));
                }
                return out;
            }
            default: { // groupBy
                arity(c, site, 2, 2);
                JsonNode in = Functions.value(a.get(0), site);
                Lambda f = lambda(a.get(1), site, 1, 1);
                if (in instanceof Placeholder) return in;
                ObjectNode out = F.objectNode();
                for (JsonNode e : array(in, c, site)) {
                    JsonNode k = apply(f, site, e);
                    if (k instanceof Placeholder) return k;
                    if (!k.isTextual()) throw site.error(c.at(), "groupBy() needs keys that are strings, not " + Functions.describe(k));
                    JsonNode group = out.get(k.textValue());
                    if (group == null) group = out.putArray(k.textValue());
                    ((ArrayNode) group).add(e);
                }
                return out;
            }
        }
    }

    /** {@code lambdaVariables('x')}: a variable of a lambda around the expression. */
    static JsonNode variable(Expression.Call c, Site site) throws InputException {
        arity(c, site, 1, 1);
        JsonNode name = Functions.value(c.args().get(0), site);
        Bindings b = site.bindings();
        JsonNode v = name.isTextual() && b != null ? b.lambdas().get(Scope.key(name.textValue())) : null;
        if (v == null) throw site.error(c.at(), "lambdaVariables(" + Functions.str(name) + ") is not a variable of a lambda around it");
        return v;
    }

    private static Lambda lambda(Expression e, Site site, int min, int max) throws InputException {
        if (!(e instanceof Expression.Call c) || !c.name().equalsIgnoreCase("lambda") || c.args().size() < 2) {
            throw site.error(e.at(), "expected a lambda('name', …) here");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < c.args().size() - 1; i++) {
            JsonNode n = Functions.value(c.args().get(i), site);
            if (!n.isTextual()) throw site.error(c.at(), "a lambda's variables are named by strings");
            names.add(n.textValue());
        }
        if (names.size() < min || names.size() > max) {
            throw site.error(c.at(), "this lambda takes " + (min == max ? String.valueOf(min) : min + " or " + max) + " variables, not " + names.size());
        }
        return new Lambda(names, c.args().get(c.args().size() - 1), c);
    }

    /** The lambda's body with its variables bound to the first of {@code values} (a lambda may take fewer). */
    private static JsonNode apply(Lambda f, Site site, JsonNode... values) throws InputException {
        List<JsonNode> bound = new ArrayList<>(f.names().size());
        for (int i = 0; i < f.names().size(); i++) bound.add(values[i]);
        return Functions.value(f.body(), site.with(Bindings.lambda(site.bindings(), f.names(), bound)));
    }

    private static JsonNode array(JsonNode v, Expression.Call c, Site site) throws InputException {
        if (!v.isArray()) throw site.error(c.at(), c.name() + "() needs an array, not " + Functions.describe(v));
        return v;
    }

    private static List<JsonNode> mergeSort(List<JsonNode> in, Lambda before, Site site, Expression.Call c) throws InputException {
        if (in.size() <= 1) return in;
        List<JsonNode> left = mergeSort(in.subList(0, in.size() / 2), before, site, c);
        List<JsonNode> right = mergeSort(in.subList(in.size() / 2, in.size()), before, site, c);
        if (left == null || right == null) return null;
        List<JsonNode> out = new ArrayList<>(in.size());
        int i = 0, j = 0;
        while (i < left.size() && j < right.size()) {
            JsonNode rightFirst = apply(before, site, right.get(j), left.get(i));
            if (rightFirst instanceof Placeholder) return null;
            if (Functions.truth(rightFirst, c, site)) out.add(right.get(j++));
            else out.add(left.get(i++));
        }
        while (i < left.size()) out.add(left.get(i++));
        while (j < right.size()) out.add(right.get(j++));
        return out;
    }

    private static void arity(Expression.Call c, Site site, int min, int max) throws InputException {
        Functions.arity(c, site, min, max);
    }
}
