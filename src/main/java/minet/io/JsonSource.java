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
import java.util.HashMap;
import java.util.Map;
import minet.model.Source;

/**
 * A JSON file read into a Jackson tree that remembers where each value stood, so that importers can say
 * "template.json line 120" and errors can say {@code file:line:column}. Comments and trailing commas are
 * accepted (ARM templates allow them).
 */
public final class JsonSource {
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
    private final Map<String, long[]> positions;

    private JsonSource(String file, JsonNode root, Map<String, long[]> positions) {
        this.file = file;
        this.root = root;
        this.positions = positions;
    }

    public static JsonSource read(Path path) throws InputException {
        String name = path.toString();
        try {
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
        Map<String, long[]> pos = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new InputException(name, 1, 1, "the file is empty, expected JSON");
            JsonNode root = readValue(p, "", pos);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputException(name, (int) l.getLineNr(), (int) l.getColumnNr(), "unexpected content after the JSON value");
            }
            return new JsonSource(name, root, pos);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            if (cut > 0) msg = msg.substring(0, cut);
            throw new InputException(name, l == null ? 0 : (int) l.getLineNr(), l == null ? 0 : (int) l.getColumnNr(),
                    "malformed JSON: " + msg);
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode readValue(JsonParser p, String pointer, Map<String, long[]> pos) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        pos.put(pointer, new long[] {l.getLineNr(), l.getColumnNr()});
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    o.set(key, readValue(p, pointer + "/" + escape(key), pos));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readValue(p, pointer + "/" + i++, pos));
                }
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
        String p = pointer;
        while (true) {
            long[] l = positions.get(p);
            if (l != null) return l;
            int cut = p.lastIndexOf('/');
            if (cut < 0) return new long[] {0, 0};
            p = p.substring(0, cut);
        }
    }

    public Source source(String pointer) {
        return new Source(file, pointer, line(pointer), column(pointer));
    }

    public InputException error(String pointer, String problem) {
        return new InputException(file, line(pointer), column(pointer), problem);
    }
}
