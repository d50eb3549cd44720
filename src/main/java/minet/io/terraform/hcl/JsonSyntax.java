package minet.io.terraform.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.io.terraform.hcl.Hcl.Attribute;
import minet.io.terraform.hcl.Hcl.Block;
import minet.io.terraform.hcl.Hcl.Body;
import minet.io.terraform.hcl.Hcl.Expr;
import minet.io.terraform.hcl.Hcl.Pos;
import minet.io.terraform.hcl.HclParser.Origin;

/**
 * Terraform's JSON syntax ({@code *.tf.json}) read into the same {@link Hcl} tree as the native syntax, so that one
 * evaluator serves both: blocks as nested objects, one level per label (an object, or an array of objects to keep
 * their order), a block's body as an object (an array of them: several blocks); strings as string templates
 * ({@code "${var.x}"} is the value itself, {@code "a-${var.x}"} a string); {@code "//"} in a body is a comment.
 * Arguments Terraform takes literally stay literal: a variable's {@code default} and {@code description}, a
 * module's {@code source} and {@code version}; a variable's {@code type} is a type expression in a string.
 *
 * <p>JSON cannot tell a nested block from an argument that holds an object: Terraform asks the provider's schema.
 * Here the nested block types of the azurerm resources the design is read from are known ({@link #NESTED}), and
 * Terraform's own (lifecycle, dynamic, provisioner, connection, timeouts). An object under any other name is an
 * argument's value (a map), as {@code tags} is.
 *
 * <p>Each element's place is its value's line and column in characters; a place inside a string counts the string's
 * escapes as written ({@code \"} is two columns), so an error in an interpolation points at it.
 */
final class JsonSyntax {
    /** Nested block types by the type of the block holding them (a resource type, or a nested block's type). */
    static final Map<String, Set<String>> NESTED = Map.of(
            "azurerm_virtual_network", Set.of("subnet", "ddos_protection_plan", "encryption"),
            "azurerm_subnet", Set.of("delegation"),
            "delegation", Set.of("service_delegation"),
            "azurerm_network_security_group", Set.of("security_rule"),
            "azurerm_route_table", Set.of("route"),
            "azurerm_mssql_managed_instance", Set.of("identity", "azure_active_directory_administrator"),
            "azurerm_sql_managed_instance", Set.of("identity"),
            "azurerm_mssql_managed_instance_failover_group", Set.of("read_write_endpoint_failover_policy"));
    /** Blocks every resource and data source may have, whatever its type. */
    private static final Set<String> META = Set.of("lifecycle", "dynamic", "provisioner", "connection", "timeouts");
    /** Meta blocks the import never reads (they act at apply): kept as empty blocks, their contents not parsed. */
    private static final Set<String> APPLY_ONLY = Set.of("lifecycle", "provisioner", "connection");

    private final JsonSource src;
    private final String file;
    /** The file's text by line: JSON places count bytes, reports count characters, strings need their escapes. */
    private final String[] lines;

    private JsonSyntax(JsonSource src, String text) {
        this.src = src;
        this.file = src.file();
        this.lines = text.split("\n", -1);
    }

    static Body parse(String file, byte[] bytes) throws InputException {
        JsonSource src = JsonSource.parse(file, bytes);
        return new JsonSyntax(src, new String(bytes, StandardCharsets.UTF_8)).root();
    }

    /** A JSON value and its pointer. */
    private record Part(JsonNode node, String ptr) {}

    private Body root() throws InputException {
        JsonNode root = src.root();
        if (!root.isObject()) throw at("").error("a .tf.json file holds one object whose properties are blocks: {\"resource\": {…}, \"variable\": {…}}");
        if (root.has("format_version") && (root.has("planned_values") || root.has("values") || root.has("resource_changes"))) {
            throw new InputException(file, "is the JSON of terraform show (a plan or state), but a file named *.tf.json is read as a "
                    + "module's configuration: give the plan or state under another name, such as plan.json");
        }
        List<Block> blocks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey(), ptr = "/" + JsonSource.escape(type);
            JsonNode v = e.getValue();
            if (type.equals("//")) continue;
            if (!v.isObject() && !v.isArray() && !v.isNull()) {
                throw at(ptr).error("'" + type + "' is not a block: the top level of a .tf.json file holds blocks (resource, variable, locals …), each an object");
            }
            switch (type) {
                case "resource": case "data":
                    labelled(type, v, ptr, 2, List.of(), blocks, (l, b, p) -> new Block(type, l, body(type, resourceBlocks(l.get(0)), b, p), at(p)));
                    break;
                case "variable": case "module": case "output":
                    labelled(type, v, ptr, 1, List.of(), blocks, (l, b, p) -> new Block(type, l, body(type, Set.of(), b, p), at(p)));
                    break;
                case "locals":
                    for (Part b : bodies(v, ptr, type)) blocks.add(new Block(type, List.of(), body("", Set.of(), b.node(), b.ptr()), at(b.ptr())));
                    break;
                default: break; // terraform, provider, moved, import, check …: nothing for the network
            }
        }
        return new Body(List.of(), blocks);
    }

    private static Set<String> resourceBlocks(String resourceType) {
        Set<String> s = new HashSet<>(META);
        s.addAll(NESTED.getOrDefault(resourceType, Set.of()));
        return s;
    }

    /** Makes a block of its labels and its body (at a pointer). */
    private interface Maker {
        Block make(List<String> labels, JsonNode body, String ptr) throws InputException;
    }

    /** One level of labels: an object whose property names are labels, or an array of such objects (in order). */
    private void labelled(String type, JsonNode v, String ptr, int labels, List<String> given, List<Block> out, Maker maker) throws InputException {
        if (labels == given.size()) {
            for (Part b : bodies(v, ptr, type)) out.add(maker.make(given, b.node(), b.ptr()));
            return;
        }
        String needed = (type.equals("resource") || type.equals("data")) && given.isEmpty() ? "type" : "name";
        List<Part> levels = new ArrayList<>();
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) levels.add(new Part(v.get(i), ptr + "/" + i));
        } else if (!v.isNull()) {
            levels.add(new Part(v, ptr));
        }
        for (Part level : levels) {
            if (!level.node().isObject()) {
                throw at(level.ptr()).error("a " + type + " block's " + needed + " is expected here, as the name of an object's property: {\""
                        + (needed.equals("type") ? "azurerm_subnet" : "mi") + "\": {…}}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = level.node().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> more = new ArrayList<>(given);
                more.add(e.getKey());
                labelled(type, e.getValue(), level.ptr() + "/" + JsonSource.escape(e.getKey()), labels, List.copyOf(more), out, maker);
            }
        }
    }

    /** A block's bodies: an object is one, an array one per element, null none. */
    private List<Part> bodies(JsonNode v, String ptr, String type) throws InputException {
        List<Part> out = new ArrayList<>();
        if (v.isObject()) {
            out.add(new Part(v, ptr));
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isObject()) throw at(ptr + "/" + i).error("a " + type + " block is an object of its arguments, not " + kind(v.get(i)));
                out.add(new Part(v.get(i), ptr + "/" + i));
            }
        } else if (!v.isNull()) {
            throw at(ptr).error("a " + type + " block is an object of its arguments (or an array of them), not " + kind(v));
        }
        return out;
    }

    /**
     * A block's body: its arguments, and its nested blocks of the types in {@code nested}.
     *
     * @param kind the top-level block type, whose arguments may be read literally; "" for a nested block or locals
     */
    private Body body(String kind, Set<String> nested, JsonNode body, String ptr) throws InputException {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey(), p = ptr + "/" + JsonSource.escape(name);
            JsonNode v = e.getValue();
            if (name.equals("//")) continue;
            if (nested.contains(name) && isBlocks(v)) {
                nested(name, v, p, blocks);
            } else if (literal(kind, name)) {
                attributes.add(new Attribute(name, literal(v, p), at(p)));
            } else if (kind.equals("variable") && name.equals("type")) {
                if (!v.isTextual()) throw at(p).error("a variable's type is a string holding a type expression, such as \"list(string)\"");
                attributes.add(new Attribute(name, HclParser.value(file, v.asText(), inside(p, v.asText())), at(p)));
            } else if (kind.equals("variable") && name.equals("validation") || kind.equals("output") && name.equals("precondition")) {
                for (Part b : bodies(v, p, name)) blocks.add(new Block(name, List.of(), body("", Set.of(), b.node(), b.ptr()), at(b.ptr())));
            } else {
                attributes.add(new Attribute(name, expression(v, p), at(p)));
            }
        }
        return new Body(attributes, blocks);
    }

    /** Arguments taken as written, not as templates (Terraform's JSON syntax, its block-type-specific exceptions). */
    private static boolean literal(String kind, String name) {
        switch (kind) {
            case "variable": return !name.equals("type") && !name.equals("validation");
            case "output": return name.equals("description") || name.equals("sensitive") || name.equals("depends_on");
            case "module": return name.equals("source") || name.equals("version") || name.equals("providers") || name.equals("depends_on");
            case "resource": case "data": return name.equals("provider") || name.equals("depends_on"); // references as strings; not evaluated
            default: return false;
        }
    }

    /** A nested block's value: an object, an array of objects, or null (an empty array is an argument: none of them). */
    private static boolean isBlocks(JsonNode v) {
        if (v.isObject() || v.isNull()) return true;
        if (!v.isArray() || v.isEmpty()) return false;
        for (JsonNode x : v) if (!x.isObject()) return false;
        return true;
    }

    /** Nested blocks of a type; a dynamic or provisioner block has one label, its object's property name. */
    private void nested(String type, JsonNode v, String ptr, List<Block> out) throws InputException {
        switch (type) {
            case "dynamic":
                labelled(type, v, ptr, 1, List.of(), out, (l, b, p) -> dynamic(l.get(0), b, p));
                return;
            case "provisioner":
                labelled(type, v, ptr, 1, List.of(), out, (l, b, p) -> new Block(type, l, EMPTY, at(p)));
                return;
            default:
                for (Part b : bodies(v, ptr, type)) {
                    Body body = APPLY_ONLY.contains(type) ? EMPTY : body("", nestedBlocks(type), b.node(), b.ptr());
                    out.add(new Block(type, List.of(), body, at(b.ptr())));
                }
        }
    }

    private static final Body EMPTY = new Body(List.of(), List.of());

    private static Set<String> nestedBlocks(String type) {
        Set<String> s = new HashSet<>(NESTED.getOrDefault(type, Set.of()));
        s.add("dynamic");
        return s;
    }

    /**
     * {@code "dynamic": {"security_rule": {"for_each": "${…}", "iterator": "rule", "content": {…}}}}: for_each and
     * labels are expressions, iterator a name, content a block of the type the dynamic block makes.
     */
    private Block dynamic(String type, JsonNode body, String p) throws InputException {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey(), q = p + "/" + JsonSource.escape(name);
            JsonNode x = e.getValue();
            switch (name) {
                case "//": break;
                case "iterator":
                    if (!x.isTextual()) throw at(q).error("a dynamic block's iterator is a name, such as \"rule\"");
                    attributes.add(new Attribute(name, new Hcl.Variable(x.asText(), at(q), x.asText()), at(q)));
                    break;
                case "content":
                    for (Part b : bodies(x, q, name)) blocks.add(new Block(name, List.of(), body("", nestedBlocks(type), b.node(), b.ptr()), at(b.ptr())));
                    break;
                default: attributes.add(new Attribute(name, expression(x, q), at(q)));
            }
        }
        return new Block("dynamic", List.of(type), new Body(attributes, blocks), at(p));
    }

    // ---- expressions ----

    /** A JSON value as an expression: strings are templates, objects and arrays hold expressions (keys too are templates). */
    private Expr expression(JsonNode v, String ptr) throws InputException {
        Pos pos = at(ptr);
        if (v.isTextual()) return string(v.asText(), ptr, pos);
        if (v.isArray()) {
            List<Expr> items = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) items.add(expression(v.get(i), ptr + "/" + i));
            return new Hcl.Tuple(items, pos, v.toString());
        }
        if (v.isObject()) {
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = ptr + "/" + JsonSource.escape(e.getKey());
                Pos at = at(p);
                keys.add(e.getKey().contains("${") || e.getKey().contains("%{")
                        ? HclParser.template(e.getKey(), (l, c) -> at, at) : new Hcl.Literal(e.getKey(), at, e.getKey()));
                values.add(expression(e.getValue(), p));
            }
            return new Hcl.ObjectCons(keys, values, pos, v.toString());
        }
        return literal(v, ptr);
    }

    private Expr string(String s, String ptr, Pos pos) throws InputException {
        if (!s.contains("${") && !s.contains("%{")) return new Hcl.Literal(s, pos, quoted(s));
        return HclParser.template(s, inside(ptr, s), pos);
    }

    /** A JSON value taken as it is written: numbers, true and false, null, and what Terraform reads literally. */
    private Expr literal(JsonNode v, String ptr) {
        return new Hcl.Literal(Functions.fromJson(v), at(ptr), v.isTextual() ? quoted(v.asText()) : v.toString());
    }

    private static String quoted(String s) { return "\"" + s + "\""; }

    // ---- places ----

    /** The place of the value at a JSON pointer, its column in characters. */
    private Pos at(String ptr) {
        int line = src.line(ptr);
        if (line <= 0 || line > lines.length) return new Pos(file, line, src.column(ptr));
        return new Pos(file, line, charIndex(lines[line - 1], src.column(ptr)) + 1);
    }

    /** The 0-based character index of a 1-based byte column in a line. */
    private static int charIndex(String line, int byteColumn) {
        int bytes = 0, i = 0;
        while (i < line.length() && bytes < byteColumn - 1) {
            int cp = line.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return i;
    }

    /**
     * Places inside the string value at {@code ptr} (whose text is {@code s}): a line and column of the string's own
     * text to the file's, counting the escapes as the file writes them.
     */
    private Origin inside(String ptr, String s) {
        Pos start = at(ptr);
        String raw = start.line() > 0 && start.line() <= lines.length ? lines[start.line() - 1] : "";
        int quote = start.column() - 1;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') starts.add(i + 1);
        return (line, column) -> {
            int offset = line - 1 < starts.size() ? Math.min(s.length(), starts.get(line - 1) + column - 1) : s.length();
            int r = quote + 1;
            for (int d = 0; d < offset && r < raw.length(); d++) r += raw.charAt(r) != '\\' ? 1 : r + 1 < raw.length() && raw.charAt(r + 1) == 'u' ? 6 : 2;
            return new Pos(file, start.line(), r + 1);
        };
    }

    private static String kind(JsonNode v) {
        return v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.isBoolean() ? "true or false" : v.isArray() ? "an array" : v.isNull() ? "null" : "an object";
    }
}
