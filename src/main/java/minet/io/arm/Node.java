package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import minet.io.InputException;
import minet.io.JsonSource;

/**
 * An evaluated template object read field by field with its shape checked: a wrong type is an
 * {@link InputException} at the field's place in the file; an absent field is null or empty; a placeholder
 * (a value not known offline) reads as its text where a string is wanted and as empty where a list is.
 */
final class Node {
    final JsonNode value;
    final Context.Origin where;
    private final Context cx;

    Node(JsonNode value, Context.Origin where, Context cx) {
        this.value = value == null || value.isNull() || value instanceof Placeholder || value.isMissingNode() ? null : value;
        this.where = where;
        this.cx = cx;
        if (this.value != null && !this.value.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
    }

    private static Node checked(JsonNode v, Context.Origin where, Context cx, String what) throws InputException {
        if (v != null && !v.isNull() && !(v instanceof Placeholder) && !v.isMissingNode() && !v.isObject()) {
            throw where.src().error(where.pointer(), what + " must be an object, not " + Functions.describe(v));
        }
        return new Node(v, where, cx);
    }

    static Node of(JsonNode v, Context.Origin where, Context cx, String what) throws InputException {
        return checked(v, where, cx, what);
    }

    private JsonNode get(String field) {
        if (value == null) return null;
        JsonNode v = Functions.get(value, field);
        return v == null || v.isNull() ? null : v;
    }

    private Context.Origin at(String field) {
        return new Context.Origin(where.src(), where.pointer() + "/" + JsonSource.escape(field));
    }

    InputException error(String problem) {
        return where.src().error(where.pointer(), problem);
    }

    private InputException wrong(String field, String want, JsonNode v) {
        Context.Origin o = at(field);
        return o.src().error(o.pointer(), field + " must be " + want + ", not " + Functions.describe(v));
    }

    boolean isPlaceholder(String field) {
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
        JsonNode v = get(field);
        if (v == null || v instanceof Placeholder) return new Node(null, at(field), cx);
        if (!v.isObject()) throw wrong(field, "an object", v);
        Context.Origin o = cx.originOf(v);
        return new Node(v, o != null ? o : at(field), cx);
    }

    List<Node> objects(String field) throws InputException {
        JsonNode v = get(field);
        if (v == null || v instanceof Placeholder) return List.of();
        if (!v.isArray()) throw wrong(field, "an array of objects", v);
        List<Node> out = new ArrayList<>(v.size());
        int i = 0;
        for (JsonNode e : v) {
            Context.Origin fallback = new Context.Origin(where.src(), at(field).pointer() + "/" + i++);
            if (e instanceof Placeholder || e.isNull()) continue;
            if (!e.isObject()) throw fallback.src().error(fallback.pointer(), field + " must hold objects, not " + Functions.describe(e));
            Context.Origin o = cx.originOf(e);
            out.add(new Node(e, o != null ? o : fallback, cx));
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
