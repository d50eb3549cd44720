package minet.io.azcli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;
import org.assertj.core.api.Assertions;

/** Damages a valid input the ways users' files get damaged: a field deleted, a value of the wrong type, a cut-off file. */
public final class Mutations {
    public enum Kind { DELETE, WRONG_TYPE, TRUNCATE }

    /** Something an importer does with a parsed file. */
    public interface Load { Design load(JsonSource s) throws InputException; }

    static final ObjectMapper M = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final List<JsonNode> WRONG = List.of(F.numberNode(42), F.textNode("x"), F.booleanNode(true), F.arrayNode(),
            F.objectNode(), F.nullNode(), F.arrayNode().add(1), F.objectNode().put("id", 7), F.numberNode(-1.5));

    private Mutations() {}

    public static byte[] mutate(Path fixture, Kind kind, int pick, int pick2) throws Exception {
        byte[] original = Files.readAllBytes(fixture);
        if (kind == Kind.TRUNCATE) return Arrays.copyOf(original, Math.floorMod(pick, original.length));
        JsonNode root = M.readTree(original);
        List<JsonNode[]> slots = new ArrayList<>(); // {container, key-or-index as text node}
        collect(root, slots);
        if (slots.isEmpty()) return original;
        JsonNode[] slot = slots.get(Math.floorMod(pick, slots.size()));
        JsonNode replacement = WRONG.get(Math.floorMod(pick2, WRONG.size()));
        if (slot[0] instanceof ObjectNode o) {
            String key = slot[1].asText();
            if (kind == Kind.DELETE) o.remove(key); else o.set(key, replacement);
        } else {
            ArrayNode a = (ArrayNode) slot[0];
            int i = slot[1].asInt();
            if (kind == Kind.DELETE) a.remove(i); else a.set(i, replacement);
        }
        return M.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static void collect(JsonNode n, List<JsonNode[]> slots) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(k -> slots.add(new JsonNode[] {n, F.textNode(k)}));
            n.elements().forEachRemaining(c -> collect(c, slots));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                slots.add(new JsonNode[] {n, F.numberNode(i)});
                collect(n.get(i), slots);
            }
        }
    }

    /** The law: a damaged file either imports or is refused with an InputException naming the file; nothing else. */
    public static void importsOrRefuses(byte[] bytes, Load load) {
        try {
            Design d = load.load(JsonSource.parse("mutated.json", bytes));
            Assertions.assertThat(d).isNotNull();
        } catch (InputException e) {
            Assertions.assertThat(e.getMessage()).startsWith("mutated.json");
            Assertions.assertThat(e.problem()).isNotBlank();
        }
    }
}
