package minet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import minet.model.Source;
import org.junit.jupiter.api.Test;

/** Positions kept by {@link JsonSource}, and its compact objects behaving as Jackson's own. */
class JsonSourceTest {
    static final JsonMapper JACKSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    static JsonSource parse(String json) throws InputException {
        return JsonSource.parse("t.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void positionsOfValuesByPointer() throws Exception {
        JsonSource s = parse("""
                {
                  "a": [1,
                     {"b/c": "x", "d~e": true}],
                  "long": {"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,
                   "k12":12,"k13":13}
                }""");
        assertThat(s.source("")).isEqualTo(new Source("t.json", "", 1, 1));
        assertThat(s.source("/a")).isEqualTo(new Source("t.json", "/a", 2, 8));
        assertThat(s.source("/a/0")).isEqualTo(new Source("t.json", "/a/0", 2, 9));
        assertThat(s.source("/a/1")).isEqualTo(new Source("t.json", "/a/1", 3, 6));
        assertThat(s.source("/a/1/b~1c")).isEqualTo(new Source("t.json", "/a/1/b~1c", 3, 14));
        assertThat(s.source("/a/1/d~0e")).isEqualTo(new Source("t.json", "/a/1/d~0e", 3, 26));
        assertThat(s.source("/long/k13")).isEqualTo(new Source("t.json", "/long/k13", 5, 19));
        // absent places fall back to the nearest ancestor that was read
        assertThat(s.source("/a/1/nope/deeper")).isEqualTo(new Source("t.json", "/a/1/nope/deeper", 3, 6));
        assertThat(s.source("/a/7")).isEqualTo(new Source("t.json", "/a/7", 2, 8));
        assertThat(s.source("/a/x")).isEqualTo(new Source("t.json", "/a/x", 2, 8));
        // one walk resumes where the last one parted from it: a longer key sharing a prefix is not the same segment
        assertThat(s.column("/long/k1")).isEqualTo(24);
        assertThat(s.column("/long/k13")).isEqualTo(19);
        assertThat(s.column("/long/k1")).isEqualTo(24);
        assertThat(s.column("/long")).isEqualTo(11);
        assertThat(s.column("/a/1/d~0e")).isEqualTo(26);
        assertThat(s.column("/a/1/b~1c")).isEqualTo(14);
        assertThat(s.error("/long/k2", "bad").getMessage()).isEqualTo(new InputException("t.json", 4, 31, "bad").getMessage());
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndTakesTheLastValue() throws Exception {
        JsonSource s = parse("{\"a\": 1, \"b\": 2,\n \"a\": 3}");
        assertThat(s.root().toString()).isEqualTo("{\"a\":3,\"b\":2}");
        assertThat(s.line("/a")).isEqualTo(2);
        assertThat(s.line("/b")).isEqualTo(1);
        JsonSource twice = parse("[{\"a\": 1, \"a\": 2}, {\"a\": 3,\n \"a\": 4, \"b\": 5}, {\"a\": 6, \"a\": 7}]");
        assertThat(twice.root().toString()).isEqualTo("[{\"a\":2},{\"a\":4,\"b\":5},{\"a\":7}]");
        assertThat(twice.line("/1/a")).isEqualTo(2);
        StringBuilder big = new StringBuilder("{");
        for (int i = 0; i < 40; i++) big.append("\"k").append(i).append("\":").append(i).append(",\n");
        big.append("\"k3\": \"again\"}");
        JsonSource b = parse(big.toString());
        assertThat(b.root().size()).isEqualTo(40);
        assertThat(b.root().get("k3").asText()).isEqualTo("again");
        assertThat(b.line("/k3")).isEqualTo(41);
        assertThat(b.line("/k39")).isEqualTo(40);
    }

    @Test
    void treesEqualJacksonsForTheRealWorldTemplates() throws Exception {
        List<Path> files;
        try (Stream<Path> l = Files.list(minet.RealWorld.DIR)) {
            files = l.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            JsonNode ours = JsonSource.read(f).root();
            JsonNode theirs = JACKSON.readTree(f.toFile());
            // (not equals(): JsonSource reads every whole number as a long, Jackson small ones as ints)
            assertThat(ours.toString()).as(f.toString()).isEqualTo(theirs.toString());
        }
    }

    @Test
    void objectsReadBehaveAsMutableOrderedMaps() throws Exception {
        for (int n : new int[] {3, 20}) { // scanned, and found through a hash index
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < n; i++) json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append(i).append('"');
            ObjectNode ours = (ObjectNode) parse(json.append('}').toString()).root();
            ObjectNode theirs = (ObjectNode) JACKSON.readTree(json.toString());
            for (ObjectNode o : List.of(ours, theirs)) {
                o.put("k1", "changed");
                o.put("new", true);
                o.remove("k0");
                o.remove("absent");
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals("k2")) it.remove();
                }
            }
            assertThat(ours).isEqualTo(theirs);
            assertThat(theirs).isEqualTo(ours);
            assertThat(ours.hashCode()).isEqualTo(theirs.hashCode());
            assertThat(ours.toString()).isEqualTo(theirs.toString());
            assertThat(ours.get("k1").asText()).isEqualTo("changed");
            assertThat(ours.has("k0")).isFalse();
            assertThat(ours.has("k2")).isFalse();
            assertThat(ours.get("new").asBoolean()).isTrue();
            if (n > 3) assertThat(ours.get("k" + (n - 1)).asInt()).isEqualTo(n - 1); // (k2 is gone)
            assertThat(ours.size()).isEqualTo(n - 1);
            List<String> names = new ArrayList<>();
            ours.fieldNames().forEachRemaining(names::add);
            assertThat(names).last().isEqualTo("new");
            ours.removeAll();
            assertThat(ours.isEmpty()).isTrue();
            ours.put("again", 1);
            assertThat(ours.toString()).isEqualTo("{\"again\":1}");
        }
    }

    @Test
    void objectsWithTheSameKeysStayApartWhenOneChanges() throws Exception {
        JsonNode list = parse("[{\"a\": 1, \"B\": 2}, {\"a\": 3, \"B\": 4}, {\"a\": 5, \"B\": 6}]").root();
        ObjectNode first = (ObjectNode) list.get(0);
        ObjectNode second = (ObjectNode) list.get(1);
        assertThat(JsonSource.fieldIgnoringCase(second, "b").asInt()).isEqualTo(4); // the answer is remembered for the keys
        first.remove("a");
        first.put("b", 7);
        second.put("c", 8);
        assertThat(list.toString()).isEqualTo("[{\"B\":2,\"b\":7},{\"a\":3,\"B\":4,\"c\":8},{\"a\":5,\"B\":6}]");
        assertThat(JsonSource.fieldIgnoringCase(first, "b").asInt()).isEqualTo(7);
        assertThat(JsonSource.fieldIgnoringCase(second, "b").asInt()).isEqualTo(4);
        assertThat(JsonSource.fieldIgnoringCase(list.get(2), "b").asInt()).isEqualTo(6);
        assertThat(JsonSource.fieldIgnoringCase(list.get(2), "A").asInt()).isEqualTo(5);
    }

    @Test
    void addedFieldsHaveNoPlaceOfTheirOwn() throws Exception {
        JsonSource s = parse("{\"a\": {\n \"b\": 1}}");
        ((ObjectNode) s.root().get("a")).put("c", 2);
        assertThat(s.line("/a/c")).isEqualTo(1); // the object's own line
        assertThat(s.line("/a/b")).isEqualTo(2);
    }

    @Test
    void fieldsAreFoundWhateverTheCaseOfTheirKeysExactFirst() throws Exception {
        JsonNode o = parse("{\"Name\": 1, \"name\": 2, \"TYPE\": 3}").root();
        assertThat(JsonSource.fieldIgnoringCase(o, "name").asInt()).isEqualTo(2);
        assertThat(JsonSource.fieldIgnoringCase(o, new String("Name")).asInt()).isEqualTo(1);
        assertThat(JsonSource.fieldIgnoringCase(o, "type").asInt()).isEqualTo(3);
        assertThat(JsonSource.fieldIgnoringCase(o, "other")).isNull();
        JsonNode plain = JACKSON.readTree("{\"TYPE\": 3}");
        assertThat(JsonSource.fieldIgnoringCase(plain, "type").asInt()).isEqualTo(3);
        assertThat(JsonSource.fieldIgnoringCase(JACKSON.readTree("[1]"), "type")).isNull();
    }

    @Test
    void malformedJsonNamesItsPlace() {
        assertThatThrownBy(() -> parse("{\"a\": 1,\n \"b\" 2}"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("t.json:2:");
        assertThatThrownBy(() -> parse("{} {}")).isInstanceOf(InputException.class)
                .hasMessage(new InputException("t.json", 1, 4, "unexpected content after the JSON value").getMessage());
    }
}
