package minet.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.regex.Pattern;
import minet.model.Source;

/**
 * A JSON file read into a Jackson tree that remembers where each value stood, so that importers can say
 * "template.json line 120" and errors can say {@code file:line:column}. Comments and trailing commas are
 * accepted (ARM templates allow them).
 */
public final class JsonSource {
    private static final Pattern JACKSON_SOURCE =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    /** Larger inputs are refused with a message rather than read. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final int MAX_DEPTH = 500;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength((int) MAX_BYTES)
                    .build())
            .build();

    private final String file;
    private final JsonNode root;
    private final long rootAt;
    /**
     * Where each container's children stand, in the container's order, packed as line << 32 | column. Kept per
     * container rather than per pointer string: a 20 MB template has millions of values, and building and
     * hashing a pointer for each cost several times Jackson's own parse.
     */
    private final IdentityHashMap<JsonNode, long[]> children;

    private JsonSource(String file, JsonNode root, long rootAt, IdentityHashMap<JsonNode, long[]> children) {
        this.file = file;
        this.root = root;
        this.rootAt = rootAt;
        this.children = children;
    }

    public static JsonSource read(Path path) throws InputException {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) throw new InputException(name, "is a directory, not a file");
            if (!Files.isRegularFile(path)) throw new InputException(name, "no such file");
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new InputException(name, "file is " + (size >> 20) + " MiB; the limit is " + (MAX_BYTES >> 20) + " MiB");
            }
            return parse(name, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
    }

    public static JsonSource parse(String name, byte[] bytes) throws InputException {
        if (bytes.length > MAX_BYTES) throw new InputException(name, "input exceeds " + (MAX_BYTES >> 20) + " MiB");
        IdentityHashMap<JsonNode, long[]> children = new IdentityHashMap<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new InputException(name, 1, 1, "the file is empty, expected JSON");
            long rootAt = at(p);
            JsonNode root = readValue(p, children);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputException(name, (int) l.getLineNr(), (int) l.getColumnNr(), "unexpected content after the JSON value");
            }
            return new JsonSource(name, root, rootAt, children);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            if (cut > 0) msg = msg.substring(0, cut);
            // Jackson cites its own source description ("[Source: REDACTED (`StreamReadFeature…` disabled); line: 1,
            // column: 7]"); the user needs only the position.
            msg = JACKSON_SOURCE.matcher(msg).replaceAll("line $1, column $2");
            throw new InputException(name, l == null ? 0 : (int) l.getLineNr(), l == null ? 0 : (int) l.getColumnNr(),
                    "malformed JSON: " + msg);
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
    }

    private static long at(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return ((long) l.getLineNr() << 32) | (l.getColumnNr() & 0xffffffffL);
    }

    private static JsonNode readValue(JsonParser p, IdentityHashMap<JsonNode, long[]> children) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                long[] at = new long[4];
                int n = 0;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    long where = at(p);
                    JsonNode v = readValue(p, children);
                    if (o.has(key)) { // a repeated key keeps its first place in the object and takes the last value
                        int i = 0;
                        for (Iterator<String> it = o.fieldNames(); !it.next().equals(key); ) i++;
                        at[i] = where;
                    } else {
                        if (n == at.length) at = Arrays.copyOf(at, n * 2);
                        at[n++] = where;
                    }
                    o.set(key, v);
                }
                children.put(o, at);
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                long[] at = new long[4];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (n == at.length) at = Arrays.copyOf(at, n * 2);
                    at[n++] = at(p);
                    a.add(readValue(p, children));
                }
                children.put(a, at);
                return a;
            }
            case VALUE_STRING: return f.textNode(p.getText());
            case VALUE_NUMBER_INT: return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT: return f.numberNode(p.getDecimalValue());
            case VALUE_TRUE: return f.booleanNode(true);
            case VALUE_FALSE: return f.booleanNode(false);
            case VALUE_NULL: return f.nullNode();
            default: throw new IOException("unexpected token " + p.currentToken());
        }
    }

    /** RFC 6901 escaping of one pointer segment. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    public String file() { return file; }
    public JsonNode root() { return root; }

    /** Line of the value at {@code pointer}, or of its nearest ancestor that was read; 0 if unknown. */
    public int line(String pointer) { return (int) at(pointer)[0]; }
    public int column(String pointer) { return (int) at(pointer)[1]; }

    private long[] at(String pointer) {
        long found = rootAt;
        if (pointer != null && !pointer.isEmpty()) {
            JsonNode node = root;
            for (String raw : pointer.substring(1).split("/", -1)) {
                long[] at = children.get(node);
                if (at == null) break;
                String segment = raw.replace("~1", "/").replace("~0", "~");
                int index = -1;
                if (node.isArray()) {
                    try {
                        index = Integer.parseInt(segment);
                    } catch (NumberFormatException e) {
                        break;
                    }
                    if (index < 0 || index >= node.size()) break;
                    node = node.get(index);
                } else {
                    int i = 0;
                    for (Iterator<String> it = node.fieldNames(); it.hasNext(); i++) {
                        if (it.next().equals(segment)) {
                            index = i;
                            break;
                        }
                    }
                    if (index < 0) break;
                    node = node.get(segment);
                }
                found = at[index];
            }
        }
        return new long[] {found >>> 32, found & 0xffffffffL};
    }

    public Source source(String pointer) {
        long[] l = at(pointer);
        return new Source(file, pointer, (int) l[0], (int) l[1]);
    }

    public InputException error(String pointer, String problem) {
        long[] l = at(pointer);
        return new InputException(file, (int) l[0], (int) l[1], problem);
    }
}
