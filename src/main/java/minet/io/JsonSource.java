package minet.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    /*
     * Each container keeps where its children stand, in its own order, packed as line << 32 | column. Kept in
     * the tree rather than in a map by pointer or by node: a 20 MB template has millions of values, and such a
     * map cost several times Jackson's own parse (mostly in the garbage collector).
     */
    private static final class PlacedObject extends ObjectNode {
        private static final long serialVersionUID = 1L;
        long[] at;

        PlacedObject() {
            super(JsonNodeFactory.instance);
        }
    }

    private static final class PlacedArray extends ArrayNode {
        private static final long serialVersionUID = 1L;
        long[] at;

        PlacedArray() {
            super(JsonNodeFactory.instance);
        }
    }

    private JsonSource(String file, JsonNode root, long rootAt) {
        this.file = file;
        this.root = root;
        this.rootAt = rootAt;
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
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new InputException(name, 1, 1, "the file is empty, expected JSON");
            long rootAt = at(p);
            JsonNode root = readValue(p, new Stack());
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputException(name, (int) l.getLineNr(), (int) l.getColumnNr(), "unexpected content after the JSON value");
            }
            return new JsonSource(name, root, rootAt);
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
        if (p instanceof ParserBase b) { // the numbers currentTokenLocation() gives, without a JsonLocation per value
            int column = b.getTokenColumnNr();
            return ((long) b.getTokenLineNr() << 32) | ((column > 0 ? column - 1 : column) & 0xffffffffL);
        }
        JsonLocation l = p.currentTokenLocation();
        return ((long) l.getLineNr() << 32) | (l.getColumnNr() & 0xffffffffL);
    }

    /** Positions of the children of the containers being read, innermost last; copied out exactly sized. */
    private static final class Stack {
        long[] at = new long[256];
        int top;

        void push(long v) {
            if (top == at.length) at = Arrays.copyOf(at, top * 2);
            at[top++] = v;
        }

        long[] pop(int from) {
            long[] out = Arrays.copyOfRange(at, from, top);
            top = from;
            return out;
        }
    }

    private static JsonNode readValue(JsonParser p, Stack stack) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                PlacedObject o = new PlacedObject();
                int from = stack.top;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    long where = at(p);
                    JsonNode v = readValue(p, stack);
                    if (o.replace(key, v) != null) { // a repeated key keeps its first place and takes the last value
                        int i = 0;
                        for (Iterator<String> it = o.fieldNames(); !it.next().equals(key); ) i++;
                        stack.at[from + i] = where;
                    } else {
                        stack.push(where);
                    }
                }
                o.at = stack.pop(from);
                return o;
            }
            case START_ARRAY: {
                PlacedArray a = new PlacedArray();
                int from = stack.top;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    stack.push(at(p));
                    a.add(readValue(p, stack));
                }
                a.at = stack.pop(from);
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
                long[] at = node instanceof PlacedObject o ? o.at : node instanceof PlacedArray a ? a.at : null;
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
