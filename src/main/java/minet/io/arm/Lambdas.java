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

    /** Arguments and lambdas per function: {min args, max args, then per lambda argument: its index, min and max variables}. */
    private static final Map<String, int[]> SHAPES = Map.of(
            "filter", new int[] {2, 2, 1, 1, 2},
            "map", new int[] {2, 2, 1, 1, 2},
            "reduce", new int[] {3, 3, 2, 2, 3},
            "sort", new int[] {2, 2, 1, 2, 2},
            "toobject", new int[] {2, 3, 1, 1, 1, 2, 1, 1},
            "mapvalues", new int[] {2, 2, 1, 1, 1},
            "groupby", new int[] {2, 2, 1, 1, 1});

    static boolean is(String fn) {
        return SHAPES.containsKey(fn);
    }

    /** A {@code lambda('a', 'b', body)} argument: its variables' names and its body. */
    private record Lambda(List<String> names, Expression body, Expression.Call at) {}

    static JsonNode call(String fn, Expression.Call c, Site site) throws InputException {
        List<Expression> a = c.args();
        int[] shape = SHAPES.get(fn);
        Functions.arity(c, site, shape[0], shape[1]);
        Lambda[] f = new Lambda[3]; // by argument index; absent ones null
        for (int k = 2; k < shape.length; k += 3) {
            if (shape[k] < a.size()) f[shape[k]] = lambda(a.get(shape[k]), site, shape[k + 1], shape[k + 2]);
        }
        JsonNode in = Functions.value(a.get(0), site);
        if (in instanceof Placeholder) return in;
        if (fn.equals("mapvalues")) {
            if (!in.isObject()) throw site.error(c.at(), "mapValues() needs an object, not " + Functions.describe(in));
            ObjectNode out = F.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), apply(f[1], site, e.getValue()));
            }
            return out;
        }
        if (!in.isArray()) throw site.error(c.at(), c.name() + "() needs an array, not " + Functions.describe(in));
        switch (fn) {
            case "filter": {
                ArrayNode out = F.arrayNode();
                int i = 0;
                for (JsonNode e : in) {
                    JsonNode keep = apply(f[1], site, e, Functions.num(i++));
                    if (keep instanceof Placeholder) return keep;
                    if (Functions.truth(keep, c, site)) out.add(e);
                }
                return out;
            }
            case "map": {
                ArrayNode out = F.arrayNode();
                int i = 0;
                for (JsonNode e : in) out.add(apply(f[1], site, e, Functions.num(i++)));
                return out;
            }
            case "reduce": {
                JsonNode acc = Functions.value(a.get(1), site);
                int i = 0;
                for (JsonNode e : in) acc = apply(f[2], site, acc, e, Functions.num(i++));
                return acc;
            }
            case "sort": {
                List<JsonNode> items = new ArrayList<>();
                in.forEach(items::add);
                // a stable merge sort on "a comes before b"; an unknown answer makes the order unknown
                List<JsonNode> sorted = mergeSort(items, f[1], site, c);
                if (sorted == null) return new Placeholder("sort()", true);
                ArrayNode out = F.arrayNode();
                sorted.forEach(out::add);
                return out;
            }
            default: { // toObject, groupBy: a string key per element
                ObjectNode out = F.objectNode();
                for (JsonNode e : in) {
                    JsonNode k = apply(f[1], site, e);
                    if (k instanceof Placeholder) return k;
                    if (!k.isTextual()) throw site.error(c.at(), c.name() + "() needs keys that are strings, not " + Functions.describe(k));
                    if (fn.equals("toobject")) {
                        out.set(k.textValue(), f[2] == null ? e : apply(f[2], site, e));
                    } else {
                        JsonNode group = out.get(k.textValue());
                        if (group == null) group = out.putArray(k.textValue());
                        ((ArrayNode) group).add(e);
                    }
                }
                return out;
            }
        }
    }

    /** {@code lambdaVariables('x')}: a variable of a lambda around the expression. */
    static JsonNode variable(Expression.Call c, Site site) throws InputException {
        Functions.arity(c, site, 1, 1);
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

}
