package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import minet.io.InputException;
import minet.io.JsonSource;

/**
 * A template object read field by field with its shape checked: a wrong type is an {@link InputException} at
 * the field's place in the file; an absent field is null or empty; a placeholder (a value not known offline)
 * reads as its text where a string is wanted and as empty where a list is.
 *
 * <p>A node is either raw (the template's own object: each field is evaluated when read, so that the many
 * values an importer never reads are never evaluated or copied) or evaluated (an expression's result).
 */
final class Node {
    final JsonNode value;
    private final JsonSource src;
    /** Written out only when an element's source or an error needs it. */
    private final Ptr ptr;
    private final Context cx;
    /** Set for a raw node: the scope and loops its expressions are evaluated in. */
    private final Scope scope;
    private final Loops loops;
    /** Whether a raw node has a property {@code copy}; looked up once, on the first absent field. */
    private Boolean copies;

    private Node(JsonNode value, JsonSource src, Ptr ptr, Context cx, Scope scope, Loops loops) {
        this.value = value == null || value.isNull() || value instanceof Placeholder || value.isMissingNode() ? null : value;
        this.src = src;
        this.ptr = ptr;
        this.cx = cx;
        this.scope = scope;
        this.loops = loops;
    }

    /** An evaluated value that must be an object (or absent). */
    static Node of(JsonNode v, Context.Origin where, Context cx, String what) throws InputException {
        if (v != null && !v.isNull() && !(v instanceof Placeholder) && !v.isMissingNode() && !v.isObject()) {
            throw where.src().error(where.pointer(), what + " must be an object, not " + Functions.describe(v));
        }
        return new Node(v, where.src(), Ptr.of(where.pointer()), cx, null, null);
    }

    private static Node evaluated(JsonNode v, Context.Origin origin, JsonSource src, Ptr fallback, Context cx) {
        return origin != null ? new Node(v, origin.src(), Ptr.of(origin.pointer()), cx, null, null) : new Node(v, src, fallback, cx, null, null);
    }

    Context.Origin where() {
        return new Context.Origin(src, ptr.toString());
    }

    /** A raw template value at {@code pointer} of the scope's file, evaluated as it is read. */
    static Node raw(JsonNode raw, String pointer, Scope scope, Loops loops, String what) throws InputException {
        if (raw == null || raw.isObject()) return new Node(raw, scope.src, Ptr.of(pointer), scope.cx, scope, loops);
        return of(scope.eval(raw, pointer, loops), new Context.Origin(scope.src, pointer), scope.cx, what); // e.g. "properties": "[variables('p')]"
    }

    /** The object's own value for a field, whatever the case of its key. */
    private JsonNode field(String name) {
        return JsonSource.fieldIgnoringCase(value, name);
    }

    private String pointer(String field) {
        return ptr + "/" + JsonSource.escape(field);
    }

    /** The field's value, evaluated. */
    private JsonNode get(String field) throws InputException {
        if (value == null) return null;
        JsonNode v = field(field);
        if (scope != null) {
            if (v == null) {
                if (copies == null) copies = field("copy") != null;
                if (copies) v = scope.propertyCopy(value, ptr, field, loops);
            } else if (Scope.needsEval(v)) {
                v = scope.eval(v, ptr.field(field), loops);
            }
        }
        return v == null || v.isNull() ? null : v;
    }

    InputException error(String problem) {
        return src.error(ptr.toString(), problem);
    }

    private InputException wrong(String field, String want, JsonNode v) {
        return src.error(pointer(field), field + " must be " + want + ", not " + Functions.describe(v));
    }

    boolean isPlaceholder(String field) throws InputException {
        return get(field) instanceof Placeholder;
    }

    String string(String field) throws InputException {
        JsonNode v = get(field);
        if (v == null) return null;
        if (v.isTextual() || v.isNumber() || v.isBoolean()) return v.asText();
        throw wrong(field, "a string", v);
    }

    List<String> strings(String field) throws InputException {
        JsonNode v = get(field);
        if (v == null || v instanceof Placeholder) return List.of();
        if (!v.isArray()) throw wrong(field, "an array of strings", v);
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (e.isNull()) continue;
            if (!e.isTextual() && !e.isNumber()) throw wrong(field, "an array of strings", e);
            out.add(e.asText());
        }
        return out;
    }

    Node object(String field) throws InputException {
        if (scope != null && value != null) {
            JsonNode raw = field(field);
            if (raw != null && raw.isObject()) return new Node(raw, src, ptr.field(field), cx, scope, loops);
        }
        JsonNode v = get(field);
        if (v == null || v instanceof Placeholder) return new Node(null, src, ptr.field(field), cx, null, null);
        if (!v.isObject()) throw wrong(field, "an object", v);
        return evaluated(v, cx.originOf(v), src, ptr.field(field), cx);
    }

    List<Node> objects(String field) throws InputException {
        JsonNode raw = scope != null && value != null ? field(field) : null;
        if (raw != null && raw.isArray()) { // the template's own array: its objects stay raw
            List<Node> out = new ArrayList<>(raw.size());
            Ptr list = ptr.field(field);
            for (int i = 0; i < raw.size(); i++) {
                JsonNode e = raw.get(i);
                if (e.isObject()) {
                    out.add(new Node(e, src, list.index(i), cx, scope, loops));
                } else {
                    JsonNode v = scope.eval(e, list.index(i), loops);
                    if (v instanceof Placeholder || v.isNull()) continue;
                    if (!v.isObject()) throw src.error(list + "/" + i, field + " must hold objects, not " + Functions.describe(v));
                    out.add(evaluated(v, cx.originOf(v), src, list.index(i), cx));
                }
            }
            return out;
        }
        if (raw == null && scope != null && value != null) { // a property copy of objects: each stays raw, with its loop index
            if (copies == null) copies = field("copy") != null;
            Scope.CopySpec c = copies ? scope.copySpec(value, ptr, field, loops) : null;
            JsonNode input = c == null ? null : c.spec().get("input");
            if (input != null && input.isObject()) {
                Ptr at = Ptr.of(c.pointer() + "/input");
                int count = scope.countOrUnknown(c.spec().get("count"), c.pointer() + "/count", loops);
                if (count == Loops.UNKNOWN) {
                    // Neither none nor a guess: one item whose values that depend on the index are unknown, so
                    // that the rules say "cannot tell" about the list rather than judge an empty one.
                    cx.note("IMPORT-PARAMETER", "warning", null, "the copy loop '" + c.name() + "' has a count not known offline: its "
                            + field + " are shown as one item with the values that depend on copyIndex() unknown", new Context.Origin(src, c.pointer() + "/count"));
                    return List.of(new Node(input, src, at, cx, scope, Loops.with(loops, c.name(), Loops.UNKNOWN)));
                }
                List<Node> out = new ArrayList<>(count);
                for (int k = 0; k < count; k++) out.add(new Node(input, src, at, cx, scope, Loops.with(loops, c.name(), k)));
                return out;
            }
        }
        JsonNode v = get(field);
        if (v == null || v instanceof Placeholder) return List.of();
        if (!v.isArray()) throw wrong(field, "an array of objects", v);
        List<Node> out = new ArrayList<>(v.size());
        Ptr list = ptr.field(field);
        int i = 0;
        for (JsonNode e : v) {
            int index = i++;
            if (e instanceof Placeholder || e.isNull()) continue;
            if (!e.isObject()) throw src.error(list + "/" + index, field + " must hold objects, not " + Functions.describe(e));
            out.add(evaluated(e, cx.originOf(e), src, list.index(index), cx));
        }
        return out;
    }

    /** Azure takes numbers as numbers or as digit strings; anything else is kept as unknown (null). */
    Integer integer(String field) throws InputException {
        JsonNode v = get(field);
        if (v == null || v instanceof Placeholder) return null;
        if (v.isIntegralNumber()) return v.canConvertToInt() ? v.intValue() : null;
        if (v.isTextual()) {
            String t = v.textValue().strip();
            return t.matches("-?\\d{1,9}") ? Integer.valueOf(t) : null;
        }
        if (v.isNumber()) return null;
        throw wrong(field, "a number", v);
    }

    boolean bool(String field) throws InputException {
        JsonNode v = get(field);
        if (v == null || v instanceof Placeholder) return false;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
            return v.textValue().equalsIgnoreCase("true");
        }
        throw wrong(field, "true or false", v);
    }
}
