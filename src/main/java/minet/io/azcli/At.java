package minet.io.azcli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Source;

/**
 * A value inside a foreign JSON file together with its JSON pointer, so that every typed read can either give the
 * value or fail with {@code file:line:column: what is wrong}. Absent and {@code null} fields read as absent
 * (Azure and Terraform both emit {@code null} for unset fields); a field of the wrong JSON type is an error.
 * Shared by the az CLI and Terraform importers.
 */
public final class At {
    /** Where values stand when they were not read from a JSON file (Terraform HCL evaluated into JSON values). */
    public interface Places {
        Source source(String pointer);
        InputException error(String pointer, String problem);
    }

    private final JsonSource src;
    private final Places places;
    private final JsonNode node;
    /*
     * The pointer is spelt only when asked for (a place in a message or a Source): an import reads each field of
     * tens of thousands of rules, and most reads need only the value. Until then: the parent and the step to here.
     */
    private String pointer;
    private final At parent;
    private final String key;
    private final int index;

    public At(JsonSource src, String pointer, JsonNode node) {
        this.src = src;
        this.places = null;
        this.pointer = pointer;
        this.node = node;
        this.parent = null;
        this.key = null;
        this.index = -1;
    }

    private At(Places places, JsonNode node) {
        this.src = null;
        this.places = places;
        this.pointer = "";
        this.node = node;
        this.parent = null;
        this.key = null;
        this.index = -1;
    }

    private At(At parent, String key, int index, JsonNode node) {
        this.src = parent.src;
        this.places = parent.places;
        this.node = node;
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    public static At root(JsonSource src) { return new At(src, "", src.root()); }

    /** A tree made in memory, whose places {@code places} tells. */
    public static At root(JsonNode node, Places places) { return new At(places, node); }

    /** The JSON file read; null for a tree made in memory. */
    public JsonSource src() { return src; }

    public String pointer() {
        String p = pointer;
        if (p == null) pointer = p = parent.pointer() + "/" + (key != null ? JsonSource.escape(key) : Integer.toString(index));
        return p;
    }
    public JsonNode node() { return node; }
    public Source source() { return src != null ? src.source(pointer()) : places.source(pointer()); }
    public InputException error(String problem) { return src != null ? src.error(pointer(), problem) : places.error(pointer(), problem); }

    public boolean isObject() { return node.isObject(); }
    public boolean isArray() { return node.isArray(); }
    public boolean has(String key) { return present(node.get(key)); }

    /** The child at {@code key}, present and not null, whatever its type. */
    public Optional<At> get(String key) {
        JsonNode v = node.get(key);
        return present(v) ? Optional.of(child(key, v)) : Optional.empty();
    }

    public Optional<At> object(String key) throws InputException {
        Optional<At> v = get(key);
        if (v.isPresent() && !v.get().node.isObject()) throw v.get().error("'" + key + "' must be an object, not " + kind(v.get().node));
        return v;
    }

    /** The elements of an array field; an absent field is an empty list. */
    public List<At> array(String key) throws InputException {
        Optional<At> v = get(key);
        if (v.isEmpty()) return List.of();
        return v.get().elements(key);
    }

    /** This value's elements: it must be an array. */
    public List<At> elements(String what) throws InputException {
        if (!node.isArray()) throw error("'" + what + "' must be a list, not " + kind(node));
        List<At> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) out.add(new At(this, null, i, node.get(i)));
        return out;
    }

    /** A scalar as text (numbers and booleans are accepted as their text: Azure is not always consistent). */
    public String text(String key) throws InputException {
        Optional<At> v = get(key);
        if (v.isEmpty()) return null;
        JsonNode n = v.get().node;
        if (!n.isValueNode()) throw v.get().error("'" + key + "' must be a string, not " + kind(n));
        return n.asText();
    }

    /** An integer, given as a JSON number or as digits in a string. */
    public Integer integer(String key) throws InputException {
        Optional<At> v = get(key);
        if (v.isEmpty()) return null;
        JsonNode n = v.get().node;
        if (n.isIntegralNumber() && n.canConvertToInt()) return n.intValue();
        if (n.isTextual()) {
            try {
                return Integer.valueOf(n.asText().trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw v.get().error("'" + key + "' must be a whole number, not " + kind(n));
    }

    public Boolean bool(String key) throws InputException {
        Optional<At> v = get(key);
        if (v.isEmpty()) return null;
        JsonNode n = v.get().node;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isTextual() && (n.asText().equalsIgnoreCase("true") || n.asText().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(n.asText());
        }
        throw v.get().error("'" + key + "' must be true or false, not " + kind(n));
    }

    public boolean bool(String key, boolean fallback) throws InputException {
        Boolean b = bool(key);
        return b == null ? fallback : b;
    }

    /** A list of scalars as text; an absent field is an empty list. */
    public List<String> texts(String key) throws InputException {
        List<String> out = new ArrayList<>();
        for (At e : array(key)) {
            if (e.node.isNull()) continue;
            if (!e.node.isValueNode()) throw e.error("each entry of '" + key + "' must be a string, not " + kind(e.node));
            out.add(e.node.asText());
        }
        return out;
    }

    /**
     * A value from a fixed set (direction, access): a value the parser refuses cannot be represented in the model,
     * so it is an error at its place. Absent or empty reads as null.
     */
    public <E> E parse(String key, java.util.function.Function<String, E> parser) throws InputException {
        String v = text(key);
        if (v == null || v.isEmpty()) return null;
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw get(key).orElseThrow().error(e.getMessage());
        }
    }

    /** The {@code id} inside a reference object such as {@code "networkSecurityGroup": {"id": "…"}}. */
    public String refId(String key) throws InputException {
        Optional<At> ref = object(key);
        return ref.isEmpty() ? null : ref.get().text("id");
    }

    private At child(String key, JsonNode v) {
        return new At(this, key, -1, v);
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !v.isMissingNode();
    }

    /** "a number", "a list" …: the JSON type of a value, for messages. */
    public static String kind(JsonNode n) {
        if (n.isObject()) return "an object";
        if (n.isArray()) return "a list";
        if (n.isTextual()) return "a string";
        if (n.isNumber()) return "a number";
        if (n.isBoolean()) return "true/false";
        return "null";
    }
}
