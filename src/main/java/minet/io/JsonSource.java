package minet.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
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

        PlacedObject(Fields fields) {
            super(JsonNodeFactory.instance, fields);
        }

        Fields placed() { return (Fields) _children; }
    }

    private static final class PlacedArray extends ArrayNode {
        private static final long serialVersionUID = 1L;
        long[] at;

        PlacedArray() {
            super(JsonNodeFactory.instance);
        }
    }

    /**
     * The keys of objects as read, shared by every object of the file with the same keys in the same order (a
     * template repeats a few shapes thousands of times), with the answers to the look-ups made on them: after
     * the first rule of a template, finding a rule's field costs one probe. Immutable but for the memo, whose
     * entries are immutable, so threads sharing it at worst compute an answer twice.
     */
    static final class Shape {
        static final Shape EMPTY = new Shape(new String[0]);
        private static final int MEMO = 64;

        final String[] keys;
        private Found[] memo;
        private volatile HashMap<String, Integer> index;

        /** For one name: its exact place, and the place {@link Fields#getIgnoreCase} takes; -1 for none. */
        private record Found(String name, int exact, int anyCase) {}

        Shape(String[] keys) {
            this.keys = keys;
        }

        boolean is(String[] stack, int from, int to) {
            if (keys.length != to - from) return false;
            for (int i = 0; i < keys.length; i++) if (keys[i] != stack[from + i]) return false;
            return true;
        }

        private Found find(String name) {
            Found[] m = memo;
            if (m == null) memo = m = new Found[MEMO];
            int h = name.hashCode();
            int free = -1;
            for (int probe = 0; probe < 4; probe++) { // a few slots per name, so that two names rarely evict each other
                int slot = (h + probe) & (MEMO - 1);
                Found f = m[slot];
                if (f == null) {
                    if (free < 0) free = slot;
                } else if (f.name == name) {
                    return f;
                }
            }
            int exact = Fields.exact(keys, keys.length, name);
            Found f = new Found(name, exact, exact >= 0 ? exact : Fields.anyCase(keys, keys.length, name));
            m[free >= 0 ? free : h & (MEMO - 1)] = f;
            return f;
        }

        private int exact(String name) {
            if (keys.length <= Fields.SCAN) return find(name).exact;
            HashMap<String, Integer> ix = index;
            if (ix == null) index = ix = Fields.index(keys, keys.length);
            Integer i = ix.get(name);
            return i == null ? -1 : i;
        }
    }

    /**
     * An object's fields in parallel arrays (keys, values, positions) instead of a LinkedHashMap: a fraction of
     * the memory, and the small objects templates are made of are searched faster by a scan than by hashing.
     * Keys are the parser's canonical strings, so a scan mostly compares references. As read, the keys are a
     * shared {@link Shape}; the first change to the key set gives the object keys of its own. A full, mutable,
     * insertion-ordered Map, so the tree behaves like any other Jackson tree.
     */
    static final class Fields extends AbstractMap<String, JsonNode> implements Serializable {
        private static final long serialVersionUID = 1L;
        /** Objects larger than this are searched through a hash index, built when first needed. */
        static final int SCAN = 12;
        /** For a field added after reading: its place is unknown. */
        static final long NOWHERE = -1;

        /** The shared keys as read; null once the key set has changed. */
        private transient Shape shape;
        private String[] keys;
        private JsonNode[] values;
        private long[] at;
        private int size;
        private transient HashMap<String, Integer> index;

        Fields(Shape shape, JsonNode[] values, long[] at) {
            this.shape = shape;
            this.keys = shape.keys;
            this.values = values;
            this.at = at;
            this.size = keys.length;
        }

        static HashMap<String, Integer> index(String[] keys, int n) {
            HashMap<String, Integer> ix = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) ix.putIfAbsent(keys[i], i);
            return ix;
        }

        static int exact(String[] ks, int n, String k) {
            for (int i = 0; i < n; i++) if (ks[i] == k) return i; // the usual hit: both are the interned name
            int len = k.length();
            for (int i = 0; i < n; i++) if (ks[i].length() == len && ks[i].equals(k)) return i;
            return -1;
        }

        /** The first key equal to {@code name} ignoring case (when no key is exactly it), or -1. */
        static int anyCase(String[] ks, int n, String name) {
            int len = name.length();
            for (int i = 0; i < n; i++) if (ks[i].length() == len && ks[i].equalsIgnoreCase(name)) return i;
            return -1;
        }

        int indexOf(Object key) {
            if (!(key instanceof String k)) return -1;
            if (shape != null) return shape.exact(k);
            int n = size;
            if (n > SCAN) {
                if (index == null) index = index(keys, n);
                Integer i = index.get(k);
                return i == null ? -1 : i;
            }
            return exact(keys, n, k);
        }

        /** The place of the key spelt by {@code s} from {@code start} to {@code end}, or -1. */
        int indexOf(String s, int start, int end) {
            int len = end - start;
            for (int i = 0; i < size; i++) {
                String k = keys[i];
                if (k.length() == len && s.startsWith(k, start)) return i;
            }
            return -1;
        }

        /** The exact key's value, else that of the first key equal to it ignoring case; null if none. */
        JsonNode getIgnoreCase(String name) {
            int i;
            if (shape != null && size <= SCAN) {
                i = shape.find(name).anyCase;
            } else {
                i = indexOf(name);
                if (i < 0) i = anyCase(keys, size, name);
            }
            return i < 0 ? null : values[i];
        }

        /** Before the key set changes: keys of its own, and no memo or index of the old set. */
        private void own(int capacity) {
            if (shape != null || capacity > keys.length) keys = Arrays.copyOf(keys, Math.max(capacity, size));
            shape = null;
            index = null;
        }

        long at(int i) { return at[i]; }
        JsonNode value(int i) { return values[i]; }

        @Override public int size() { return size; }
        @Override public boolean isEmpty() { return size == 0; }
        @Override public boolean containsKey(Object key) { return indexOf(key) >= 0; }

        @Override public JsonNode get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override public JsonNode put(String key, JsonNode value) {
            int i = indexOf(key);
            if (i >= 0) {
                JsonNode old = values[i];
                values[i] = value;
                return old;
            }
            int cap = size == values.length ? Math.max(4, size * 2) : values.length;
            own(cap);
            if (cap > values.length) {
                values = Arrays.copyOf(values, cap);
                at = Arrays.copyOf(at, cap);
            }
            keys[size] = key;
            values[size] = value;
            at[size] = NOWHERE;
            size++;
            return null;
        }

        @Override public JsonNode remove(Object key) {
            int i = indexOf(key);
            if (i < 0) return null;
            JsonNode old = values[i];
            removeAt(i);
            return old;
        }

        private void removeAt(int i) {
            own(keys.length);
            int tail = size - i - 1;
            System.arraycopy(keys, i + 1, keys, i, tail);
            System.arraycopy(values, i + 1, values, i, tail);
            System.arraycopy(at, i + 1, at, i, tail);
            size--;
            keys[size] = null;
            values[size] = null;
        }

        @Override public void clear() {
            own(keys.length);
            Arrays.fill(keys, 0, size, null);
            Arrays.fill(values, 0, size, null);
            size = 0;
        }

        @Override public Set<Entry<String, JsonNode>> entrySet() {
            return new AbstractSet<>() {
                @Override public int size() { return size; }
                @Override public Iterator<Entry<String, JsonNode>> iterator() {
                    return new Iterator<>() {
                        private int next;
                        private int last = -1;

                        @Override public boolean hasNext() { return next < size; }

                        @Override public Entry<String, JsonNode> next() {
                            if (next >= size) throw new NoSuchElementException();
                            int i = last = next++;
                            return new SimpleEntry<>(keys[i], values[i]) {
                                private static final long serialVersionUID = 1L;

                                @Override public JsonNode setValue(JsonNode v) {
                                    super.setValue(v);
                                    JsonNode old = values[i];
                                    values[i] = v;
                                    return old;
                                }
                            };
                        }

                        @Override public void remove() {
                            if (last < 0) throw new IllegalStateException();
                            removeAt(last);
                            next = last;
                            last = -1;
                        }
                    };
                }
            };
        }
    }

    private JsonSource(String file, JsonNode root, long rootAt) {
        this.file = file;
        this.root = root;
        this.rootAt = rootAt;
    }

    /**
     * Reads a file, or a pipe ({@code <(az network nsg list)}, {@code /dev/stdin}), of at most {@link #MAX_BYTES}.
     * Anything else is refused saying what it is: a directory, a device, a loop of symbolic links.
     */
    public static JsonSource read(Path path) throws InputException {
        String name = path.toString();
        FileKind kind;
        try {
            kind = FileKind.of(path);
        } catch (NoSuchFileException e) {
            throw new InputException(name, danglingLink(path));
        } catch (AccessDeniedException e) {
            throw new InputException(name, "permission denied");
        } catch (IOException e) {
            throw new InputException(name, FileKind.isLoop(e) ? "is a loop of symbolic links" : "cannot read: " + reason(e));
        }
        try {
            switch (kind) {
                case REGULAR:
                    long size = Files.size(path);
                    if (size > MAX_BYTES) throw new InputException(name, tooLarge(FileKind.size(size)));
                    // falls through: read it (bounded, in case it grows meanwhile)
                case PIPE:
                    try (InputStream in = Files.newInputStream(path)) {
                        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                        if (bytes.length > MAX_BYTES) throw new InputException(name, tooLarge("larger than " + FileKind.size(MAX_BYTES)));
                        return parse(name, bytes);
                    }
                case DIRECTORY:
                    throw new InputException(name, "is a directory, not a file");
                default:
                    throw new InputException(name, "is " + kind.words + ", not a file");
            }
        } catch (AccessDeniedException e) {
            throw new InputException(name, "permission denied");
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + reason(e));
        }
    }

    private static String tooLarge(String size) {
        return "is " + size + "; the limit is " + FileKind.size(MAX_BYTES);
    }

    /** Nothing at the path: say so, or where the symbolic link that is there points. */
    private static String danglingLink(Path path) {
        if (!Files.isSymbolicLink(path)) return "no such file";
        try {
            return "is a symbolic link to " + Files.readSymbolicLink(path) + ", which does not exist";
        } catch (IOException e) {
            return "no such file";
        }
    }

    /** The operating system's reason, without the path NIO puts before it. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason().toLowerCase(java.util.Locale.ROOT);
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public static JsonSource parse(String name, byte[] bytes) throws InputException {
        if (bytes.length > MAX_BYTES) throw new InputException(name, tooLarge(FileKind.size(bytes.length)));
        JsonParser p = null;
        try {
            p = FACTORY.createParser(bytes);
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
        } catch (StreamConstraintsException e) {
            // a limit of the reader, not a syntax error: where it was met, in our words
            JsonLocation l = p == null ? null : p.currentTokenLocation();
            int line = l == null ? 0 : (int) l.getLineNr(), column = l == null ? 0 : (int) l.getColumnNr();
            if (p != null && String.valueOf(e.getOriginalMessage()).startsWith("Number")) {
                // the token location of an object's value is its key's; the number ends where the parser stands
                JsonLocation end = p.currentLocation();
                int to = (int) end.getByteOffset(), from = to;
                while (from > 0 && "0123456789+-.eE".indexOf(bytes[from - 1]) >= 0) from--;
                line = (int) end.getLineNr();
                column = (int) end.getColumnNr() - (to - from);
            }
            throw new InputException(name, line, column, limit(e));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            if (l == null && p != null) l = p.currentTokenLocation();
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
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // a parser over a byte array has nothing to release
                }
            }
        }
    }

    private static final Pattern LIMIT = Pattern.compile("^(Document nesting depth|Number value length|String value length|Name length) \\((\\d+)\\) exceeds the maximum[^(]*\\((\\d+)");

    /** Jackson's StreamReadConstraints messages, which name its own methods, in our words. */
    private static String limit(StreamConstraintsException e) {
        Matcher m = LIMIT.matcher(String.valueOf(e.getOriginalMessage()));
        if (!m.find()) return "cannot read: a value exceeds what the reader accepts";
        String max = m.group(3);
        switch (m.group(1)) {
            case "Document nesting depth": return "the JSON nests deeper than " + max + " levels, more than any design or template needs";
            case "Number value length": return "a number of " + m.group(2) + " digits; numbers of more than " + max + " digits are not read";
            case "Name length": return "a key of " + m.group(2) + " characters; keys of more than " + max + " characters are not read";
            default: return "a string of " + m.group(2) + " characters; strings of more than " + max + " characters are not read";
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

    /** The children of the containers being read, innermost last; copied out exactly sized. */
    private static final class Stack {
        String[] keys = new String[256];
        JsonNode[] values = new JsonNode[256];
        long[] at = new long[256];
        int top;

        void push(String key, JsonNode value, long where) {
            if (top == at.length) {
                keys = Arrays.copyOf(keys, top * 2);
                values = Arrays.copyOf(values, top * 2);
                at = Arrays.copyOf(at, top * 2);
            }
            keys[top] = key;
            values[top] = value;
            at[top++] = where;
        }

        /** Recent shapes by a hash of their keys: most objects find theirs here. */
        final Shape[] shapes = new Shape[256];

        /**
         * The object whose fields were pushed since {@code from}. A known shape has no repeated key, so only a
         * new one is checked for them.
         */
        Fields popFields(int from) {
            Shape shape = Shape.EMPTY;
            if (top > from) {
                int h = top - from;
                for (int i = from; i < top; i++) h = h * 31 + keys[i].hashCode();
                int slot = h & (shapes.length - 1);
                shape = shapes[slot];
                if (shape == null || !shape.is(keys, from, top)) {
                    int read = top;
                    mergeRepeats(from);
                    shape = new Shape(Arrays.copyOfRange(keys, from, top));
                    if (top == read) shapes[slot] = shape; // (a merged one is not what its hash was taken of)
                }
            }
            Fields f = new Fields(shape, Arrays.copyOfRange(values, from, top), Arrays.copyOfRange(at, from, top));
            top = from;
            return f;
        }

        /** A repeated key keeps its first place and takes the last value and that value's position. */
        private void mergeRepeats(int from) {
            int n = top - from;
            HashMap<String, Integer> seen = n > SCAN_FOR_REPEATS ? new HashMap<>(n * 2) : null;
            int out = from;
            for (int i = from; i < top; i++) {
                String k = keys[i];
                int first = -1;
                if (seen != null) {
                    Integer j = seen.putIfAbsent(k, out);
                    if (j != null) first = j;
                } else {
                    for (int j = from; j < out; j++) {
                        if (keys[j] == k || keys[j].equals(k)) {
                            first = j;
                            break;
                        }
                    }
                }
                if (first >= 0) {
                    values[first] = values[i];
                    at[first] = at[i];
                } else {
                    keys[out] = k;
                    values[out] = values[i];
                    at[out++] = at[i];
                }
            }
            top = out;
        }

        long[] popAt(int from) {
            long[] out = Arrays.copyOfRange(at, from, top);
            top = from;
            return out;
        }
    }

    /** Objects with more keys than this find a repeated key through a hash map rather than a scan. */
    static final int SCAN_FOR_REPEATS = 32;

    private static JsonNode readValue(JsonParser p, Stack stack) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                int from = stack.top;
                String key;
                while ((key = p.nextFieldName()) != null) {
                    p.nextToken();
                    long where = at(p);
                    stack.push(key, readValue(p, stack), where);
                }
                if (p.currentToken() != JsonToken.END_OBJECT) throw new IOException("unexpected token " + p.currentToken());
                return new PlacedObject(stack.popFields(from));
            }
            case START_ARRAY: {
                PlacedArray a = new PlacedArray();
                int from = stack.top;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    stack.push(null, null, at(p));
                    a.add(readValue(p, stack));
                }
                a.at = stack.popAt(from);
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
    public int line(String pointer) { return (int) (at(pointer) >>> 32); }
    public int column(String pointer) { return (int) at(pointer); }

    /**
     * The last pointer walked, segment by segment: an importer asks for the places of siblings one after the
     * other ("/resources/3/properties/securityRules/0", ".../1" …), so the next walk starts where the two
     * pointers part. Immutable, so that a thread reading another's slot at worst misses it.
     */
    private static final class Walked {
        final long thread;
        final String pointer;
        /** After segment k: where it ends in the pointer, the value there and the place found so far. */
        final int[] ends;
        final JsonNode[] nodes;
        final long[] found;
        final int count;

        Walked(long thread, String pointer, int[] ends, JsonNode[] nodes, long[] found, int count) {
            this.thread = thread;
            this.pointer = pointer;
            this.ends = ends;
            this.nodes = nodes;
            this.found = found;
            this.count = count;
        }
    }

    /**
     * One per thread (by thread id, a clash only costs a miss): an import may look places up from several
     * threads at once. Not a ThreadLocal, which would keep the tree alive in pool threads after the import.
     */
    private final Walked[] walked = new Walked[8];

    /**
     * The place of the value at the pointer, packed as line << 32 | column. Walks the pointer segment by
     * segment without splitting it into strings (a large import asks millions of times).
     */
    private long at(String pointer) {
        long found = rootAt;
        if (pointer != null && !pointer.isEmpty()) {
            JsonNode node = root;
            int n = pointer.length();
            int start = 1;
            int k = 0;
            int[] ends = new int[8];
            JsonNode[] nodes = new JsonNode[8];
            long[] founds = new long[8];
            long thread = Thread.currentThread().getId();
            int slot = (int) (thread & (walked.length - 1));
            Walked last = walked[slot];
            if (last != null && last.thread != thread) last = null;
            if (last != null) { // resume after the deepest segment both pointers share
                String lp = last.pointer;
                int common = 0;
                int max = Math.min(n, lp.length());
                while (common < max && pointer.charAt(common) == lp.charAt(common)) common++;
                int j = last.count - 1;
                while (j >= 0 && !(last.ends[j] <= common && (last.ends[j] == n || pointer.charAt(last.ends[j]) == '/'))) j--;
                if (j >= 0 && j == last.count - 2 && last.ends[j] < n && pointer.indexOf('/', last.ends[j] + 1) < 0) {
                    // a sibling of the last value: one segment to walk, and the record serves the next sibling as well
                    JsonNode parent = last.nodes[j];
                    int i = child(parent, pointer, last.ends[j] + 1, n);
                    long where = i < 0 ? Fields.NOWHERE : placeOf(parent, i);
                    return where == Fields.NOWHERE ? last.found[j] : where;
                }
                if (j >= 0) {
                    k = j + 1;
                    if (k > ends.length) {
                        ends = new int[k * 2];
                        nodes = new JsonNode[k * 2];
                        founds = new long[k * 2];
                    }
                    System.arraycopy(last.ends, 0, ends, 0, k);
                    System.arraycopy(last.nodes, 0, nodes, 0, k);
                    System.arraycopy(last.found, 0, founds, 0, k);
                    node = nodes[j];
                    found = founds[j];
                    start = ends[j] + 1;
                }
            }
            while (start <= n) {
                int end = pointer.indexOf('/', start);
                if (end < 0) end = n;
                int i = child(node, pointer, start, end);
                if (i < 0) break;
                long where = placeOf(node, i);
                if (where == Fields.NOWHERE) break;
                node = node instanceof PlacedObject o ? o.placed().value(i) : node.get(i);
                found = where;
                if (k == ends.length) {
                    ends = Arrays.copyOf(ends, k * 2);
                    nodes = Arrays.copyOf(nodes, k * 2);
                    founds = Arrays.copyOf(founds, k * 2);
                }
                ends[k] = end;
                nodes[k] = node;
                founds[k++] = found;
                start = end + 1;
            }
            walked[slot] = new Walked(thread, pointer, ends, nodes, founds, k);
        }
        return found;
    }

    /** The index of the child of a container read here that the pointer's segment from start to end names, or -1. */
    private static int child(JsonNode node, String pointer, int start, int end) {
        if (node instanceof PlacedObject o) {
            Fields fields = o.placed();
            int tilde = pointer.indexOf('~', start);
            return tilde < 0 || tilde >= end ? fields.indexOf(pointer, start, end)
                    : fields.indexOf(pointer.substring(start, end).replace("~1", "/").replace("~0", "~"));
        }
        if (node instanceof PlacedArray a) {
            int i = index(pointer, start, end);
            return i < a.at.length ? i : -1;
        }
        return -1;
    }

    /** Where a container's child (found by {@link #child}) stands; NOWHERE if added after reading. */
    private static long placeOf(JsonNode container, int i) {
        return container instanceof PlacedObject o ? o.placed().at(i) : ((PlacedArray) container).at[i];
    }

    /** The array index a pointer segment spells (digits only, as RFC 6901 has it), or -1. */
    private static int index(String s, int start, int end) {
        if (start >= end || end - start > 9) return -1;
        int v = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The value of an object's field whatever the case of its key (as ARM and Azure read JSON): the exact key
     * first, else the first that differs only in case; null if none or if {@code object} is not an object.
     */
    public static JsonNode fieldIgnoringCase(JsonNode object, String name) {
        if (object instanceof PlacedObject o) return o.placed().getIgnoreCase(name);
        JsonNode v = object.get(name);
        if (v != null || !object.isObject()) return v;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.length() == name.length() && k.equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    public Source source(String pointer) {
        long l = at(pointer);
        return new Source(file, pointer, (int) (l >>> 32), (int) l);
    }

    public InputException error(String pointer, String problem) {
        long l = at(pointer);
        return new InputException(file, (int) (l >>> 32), (int) l, problem);
    }
}
