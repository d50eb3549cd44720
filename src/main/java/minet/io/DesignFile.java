package minet.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import minet.io.azcli.At;
import minet.model.Design;
import minet.model.Excerpt;

/**
 * The project file {@code *.minet.json}: the Design's fields plus {@code schemaVersion}. A file of a newer schema
 * is refused with a message saying so, rather than half-read.
 */
public final class DesignFile {
    public static final int SCHEMA_VERSION = 1;
    public static final String EXTENSION = ".minet.json";

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // a priority of 1.5 is refused, not read as 1
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DesignFile() {}

    /** True when the tree looks like one of our design files. */
    public static boolean isDesign(JsonNode root) {
        return root.isObject() && root.has("schemaVersion") && root.has("virtualNetworks");
    }

    public static Design read(Path path) throws InputException {
        return fromSource(JsonSource.read(path));
    }

    public static Design fromSource(JsonSource src) throws InputException {
        JsonNode root = src.root();
        if (!root.isObject()) throw src.error("", "expected a design object");
        JsonNode v = root.get("schemaVersion");
        if (v == null || !v.canConvertToInt()) throw src.error("", "not a design file: schemaVersion is missing");
        if (v.asInt() > SCHEMA_VERSION) {
            throw src.error("/schemaVersion", "this design was saved by a newer MI Network Designer (schema " + v.asInt()
                    + "); this version reads schema " + SCHEMA_VERSION + " and older. Update the app to open it.");
        }
        rejectNullItems(src, root, "", "design");
        try {
            ObjectNode copy = ((ObjectNode) root).deepCopy();
            copy.remove("schemaVersion");
            return MAPPER.treeToValue(copy, Design.class);
        } catch (JsonMappingException e) {
            throw valueError(src, root, e);
        } catch (IOException | IllegalArgumentException e) {
            // not expected from a tree already read; still one line in our words, never a library's text
            throw src.error("", "not a valid design: " + firstLine(e.getMessage()));
        }
    }

    /**
     * A value of the right JSON but the wrong kind for the design ("access": "Maybe", "vCores": "x", a number out
     * of range): the value's own line and column, the field, and what it must be, in the words the importers use.
     */
    private static InputException valueError(JsonSource src, JsonNode root, JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            pointer.append('/').append(r.getFieldName() != null ? JsonSource.escape(r.getFieldName()) : String.valueOf(r.getIndex()));
        }
        JsonNode actual = root.at(pointer.toString());
        String field = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
        String what = path.isEmpty() ? "the design" : field != null ? "'" + field + "'" : "item " + path.get(path.size() - 1).getIndex();
        String kind = actual.isMissingNode() ? "that" : At.kind(actual);
        String problem;
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            // our model's own words: "access must be Allow or Deny, not 'Maybe'", "'Platinum' is not a service tier: …"
            String said = iae.getMessage();
            problem = field != null && said.toLowerCase(Locale.ROOT).startsWith(field.toLowerCase(Locale.ROOT) + " ") ? said : what + ": " + said;
        } else if (e.getCause() instanceof InputCoercionException) {
            problem = what + " must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ", not " + Excerpt.of(actual.asText());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            // the number itself where a whole number was due (1.5), the word given for a choice, else the kind of value
            Class<?> target = m.getTargetType();
            boolean numeric = Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class;
            String given = actual.isNumber() && numeric ? Excerpt.of(actual.asText())
                    : actual.isTextual() && target.isEnum() ? "'" + Excerpt.of(actual.asText()) + "'" : kind;
            problem = what + " must be " + expected(target) + ", not " + given;
        } else {
            problem = what + " has a value the design cannot hold: " + kind;
        }
        return src.error(pointer.toString(), problem);
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int cut = s.indexOf('\n');
        return Excerpt.message(cut < 0 ? s : s.substring(0, cut));
    }

    public static String toJson(Design d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("schemaVersion", SCHEMA_VERSION);
        node.setAll((ObjectNode) MAPPER.valueToTree(d));
        // NON_EMPTY drops an empty list, but isDesign() recognises our files by this key: keep it.
        if (!node.has("virtualNetworks")) node.putArray("virtualNetworks");
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Atomic: a crash mid-save leaves the old file as it was. */
    public static void write(Path path, Design d) throws IOException {
        AtomicFiles.write(path, toJson(d));
    }

    /** The model drops null list items; in a file one means a lost subnet or rule, so it is refused, not skipped. */
    private static void rejectNullItems(JsonSource src, JsonNode node, String pointer, String field) throws InputException {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) throw src.error(pointer + "/" + i, "item " + i + " of '" + field + "' is null; remove it or give the object");
                rejectNullItems(src, node.get(i), pointer + "/" + i, field);
            }
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                rejectNullItems(src, e.getValue(), pointer + "/" + JsonSource.escape(e.getKey()), e.getKey());
            }
        }
    }

    /** The JSON a record component wants, in the words the importers' messages use. */
    private static String expected(Class<?> type) {
        if (type == null) return "another type";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true/false";
        if (type == String.class) return "a string";
        if (type.isEnum()) { // as a design file spells them (Allow, GeneralPurpose …), not Java's constants
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> MAPPER.convertValue(c, String.class))
                    .collect(Collectors.joining(", "));
        }
        return "an object";
    }
}
