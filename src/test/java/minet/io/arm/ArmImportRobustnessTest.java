package minet.io.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;
import minet.model.Unknowns;
import minet.rules.Finding;
import minet.rules.Severity;
import minet.rules.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever a user feeds the importer, it either imports or says what is wrong (InputException): never another
 * exception, never a hang. Inputs are the real-world templates and the fixtures, mutated.
 */
class ArmImportRobustnessTest {
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
            .build()); // mutations nest deeper than Jackson writes by default
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final List<Path> INPUTS = List.of(
            RealWorldTemplatesTest.Y2019, RealWorldTemplatesTest.NESTED, RealWorldTemplatesTest.SERVICE_AIDED,
            RealWorldTemplatesTest.ENVIRONMENT, ResourcesTest.LOOPS, ResourcesTest.NESTED, ResourcesTest.LINKED,
            CompiledBicepTest.SUBSCRIPTION, CompiledBicepTest.SYMBOLIC, CompiledBicepTest.FUNCTIONS);
    static final List<JsonNode> TREES = new ArrayList<>();

    static {
        try {
            for (Path p : INPUTS) TREES.add(MAPPER.readTree(Files.readAllBytes(p)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    enum Op { DELETE, WRONG_TYPE, EXPRESSION, HUGE_STRING, DEEP_NESTING, DUPLICATE }

    /** Imports or refuses with InputException, within a bound that only a hang would exceed. */
    static void importsOrRefuses(byte[] bytes) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                JsonSource src = JsonSource.parse("mutated.json", bytes);
                ArmImporter.load(List.of(src), ImportOptions.NONE);
            } catch (InputException expected) {
                assertThat(expected.getMessage()).startsWith("mutated.json").doesNotContain("Exception");
            }
        });
    }

    @Property(tries = 300)
    void mutatedTemplatesImportOrRaiseInputException(@ForAll("inputs") int input, @ForAll("mutations") List<Tuple.Tuple3<Op, Integer, String>> mutations) throws Exception {
        JsonNode tree = TREES.get(input).deepCopy();
        for (Tuple.Tuple3<Op, Integer, String> m : mutations) tree = mutate(tree, m.get1(), m.get2(), m.get3());
        importsOrRefuses(MAPPER.writeValueAsBytes(tree));
    }

    /** Building security groups and route tables on several threads changes nothing: design, notes and their order, errors. */
    @Property(tries = 200)
    void severalThreadsImportWhatOneThreadDoes(@ForAll("inputs") int input, @ForAll("mutations") List<Tuple.Tuple3<Op, Integer, String>> mutations) throws Exception {
        JsonNode tree = TREES.get(input).deepCopy();
        for (Tuple.Tuple3<Op, Integer, String> m : mutations) tree = mutate(tree, m.get1(), m.get2(), m.get3());
        byte[] bytes = MAPPER.writeValueAsBytes(tree);
        assertThat(outcome(bytes, 1)).isEqualTo(outcome(bytes, Integer.MAX_VALUE));
    }

    /** The design imported (with its notes), or the error's message. */
    static Object outcome(byte[] bytes, int parallelFrom) {
        try {
            return ArmImporter.load(List.of(JsonSource.parse("mutated.json", bytes)), ImportOptions.NONE, parallelFrom);
        } catch (InputException e) {
            return e.getMessage();
        }
    }

    @Property(tries = 150)
    void truncatedTemplatesRaiseInputException(@ForAll("inputs") int input, @ForAll("fractions") double fraction) throws Exception {
        byte[] all = Files.readAllBytes(INPUTS.get(input));
        byte[] cut = java.util.Arrays.copyOf(all, (int) (all.length * fraction));
        importsOrRefuses(cut);
    }

    @Property(tries = 300)
    void randomExpressionsEvaluateOrRaiseInputException(@ForAll("expressions") String expression) {
        importsOrRefuses(expressionTemplate(expression).getBytes(StandardCharsets.UTF_8));
    }

    static final String VARS = "\"list\": [1, 2, 3], \"obj\": {\"a\": {\"b\": \"c\"}}, \"text\": \"10.0.0.0/24\", \"self\": \"[variables('self')]\"";
    static final String PARAMS = "\"p\": {\"type\": \"string\", \"defaultValue\": \"x\"}, \"missing\": {\"type\": \"array\"}, "
            + "\"unknownText\": {\"type\": \"string\"}, \"nullable\": {\"type\": \"object\", \"nullable\": true}";
    static final String FUNCTIONS_SECTION = "\"functions\": [{\"namespace\": \"__bicep\", \"members\": {\"f\": {\"parameters\": [{\"name\": \"a\", \"type\": \"string\"}], "
            + "\"output\": {\"type\": \"string\", \"value\": \"[concat('f-', string(parameters('a')))]\"}}}}], ";

    /**
     * A template whose route, rule and subnet take the expression as their prefix; it declares a VNet (for
     * reference()), a user-defined function, a nullable parameter and parameters without value.
     */
    static String expressionTemplate(String expression) {
        String e = MAPPER.valueToTree("[" + expression + "]").toString();
        String resources = "{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"rt\", \"properties\": {\"routes\": "
                + "[{\"name\": \"r\", \"properties\": {\"addressPrefix\": " + e + ", \"nextHopType\": \"Internet\"}}]}}, "
                + "{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"name\": \"nsg\", \"properties\": {\"securityRules\": [{\"name\": \"rule\", "
                + "\"properties\": {\"priority\": 100, \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"*\", \"sourcePortRange\": \"*\", "
                + "\"destinationPortRange\": \"*\", \"sourceAddressPrefix\": \"*\", \"destinationAddressPrefix\": " + e + "}}]}}, "
                + "{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"vnet\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}, "
                + "\"subnets\": [{\"name\": \"mi\", \"properties\": {\"addressPrefix\": " + e + ", \"delegations\": [{\"name\": \"d\", \"properties\": "
                + "{\"serviceName\": \"Microsoft.Sql/managedInstances\"}}]}}]}}";
        return "{" + Arm.HEADER + ", " + FUNCTIONS_SECTION + "\"parameters\": {" + PARAMS + "}, \"variables\": {" + VARS + "}, \"resources\": [" + resources + "]}";
    }

    /**
     * Unknown is said, never hidden, never called invalid: whatever a random expression makes of a route's, a
     * rule's and a subnet's prefix, a value holding an unknown draws no NSG-RULE or NET-ADDRESS error, and an import
     * note or a finding names it.
     */
    @Property(tries = 300)
    void unknownValuesAreNeverInvalidAndAlwaysSaid(@ForAll("expressions") String expression) throws Exception {
        Design d;
        try {
            d = ArmImporter.load(List.of(JsonSource.parse("t.json", expressionTemplate(expression).getBytes(StandardCharsets.UTF_8))), ImportOptions.NONE);
        } catch (InputException refused) {
            return;
        }
        List<Finding> findings = Validator.validate(d, "azure-2019-04").findings();
        List<String> values = new ArrayList<>();
        d.routeTables().forEach(t -> t.routes().forEach(r -> values.add(r.addressPrefix())));
        d.securityGroups().forEach(g -> g.rules().forEach(r -> values.add(r.destinationAddressPrefix())));
        d.subnets().forEach(sn -> values.addAll(sn.addressPrefixes()));
        for (String v : values) {
            if (!Unknowns.has(v)) continue;
            assertThat(findings).as(v).noneMatch(f -> f.severity() == Severity.ERROR && f.message().contains("'" + v + "'")
                    && (f.ruleId().equals("NSG-RULE") || f.ruleId().equals("NET-ADDRESS")));
            List<String> said = new ArrayList<>();
            findings.forEach(f -> said.add(f.message()));
            List<String> roots = unknownRoots(v);
            if (roots.isEmpty()) roots = List.of("'" + v + "'"); // braces that do not pair up ("{{}"): the value itself is quoted
            assertThat(roots).as(v + " is named by a note or a finding").anyMatch(root -> said.stream().anyMatch(m -> m.contains(root)));
        }
    }

    /** What a note or finding names of an unknown: "{reference(x)" of {reference(x).outputs.y}, "{p" of {p}; nested ones too. */
    static List<String> unknownRoots(String text) {
        List<String> out = new ArrayList<>();
        for (String u : Unknowns.in(text)) {
            int cut = u.length() - 1;
            int depth = 0;
            for (int i = 1; i < u.length() - 1; i++) {
                char c = u.charAt(i);
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) { cut = i + 1; break; }
                else if (depth == 0 && (c == '.' || c == '[')) { cut = i; break; }
            }
            out.add(u.substring(0, cut));
            out.addAll(unknownRoots(u.substring(1, u.length() - 1)));
        }
        return out;
    }

    @net.jqwik.api.Example
    void longVariableChainIsRefusedNotOverflowed() {
        StringBuilder vars = new StringBuilder("\"v0\": \"end\"");
        for (int i = 1; i <= 20_000; i++) vars.append(", \"v").append(i).append("\": \"[variables('v").append(i - 1).append("')]\"");
        String resource = "{\"type\": \"Microsoft.Network/routeTables\", \"name\": \"[variables('v20000')]\"}";
        importsOrRefuses(Arm.template("", vars.toString(), resource).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Integer> inputs() {
        return Arbitraries.integers().between(0, INPUTS.size() - 1);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 0.999).ofScale(3);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple3<Op, Integer, String>>> mutations() {
        Arbitrary<Tuple.Tuple3<Op, Integer, String>> one = Combinators.combine(
                Arbitraries.of(Op.class), Arbitraries.integers().between(0, Integer.MAX_VALUE), expressions())
                .as(Tuple::of);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    static final List<String> FUNCTIONS = List.of("concat", "format", "parameters", "variables", "resourceId", "if", "equals",
            "not", "and", "or", "replace", "toLower", "length", "copyIndex", "string", "int", "bool", "split", "first", "last",
            "contains", "union", "createArray", "createObject", "empty", "coalesce", "uniqueString", "guid", "substring",
            "indexOf", "take", "skip", "range", "min", "max", "add", "sub", "mul", "div", "mod", "less", "json", "base64",
            "reference", "resourceGroup", "subscription", "deployment", "listKeys", "padLeft", "nosuchfunction",
            // today's language: CIDR, lambdas, objects, dates, deployed state, user-defined functions
            "parseCidr", "cidrSubnet", "cidrHost", "sys.cidrSubnet", "filter", "map", "reduce", "sort", "toObject", "mapValues",
            "groupBy", "lambda", "lambdaVariables", "items", "objectKeys", "tryGet", "tryIndexFromEnd", "indexFromEnd",
            "shallowMerge", "flatten", "join", "lastIndexOf", "dateTimeAdd", "dateTimeFromEpoch", "dateTimeToEpoch", "utcNow",
            "newGuid", "resourceInfo", "references", "pickZones", "environment", "deployer", "managementGroup", "uriComponent",
            "dataUri", "base64ToJson", "float", "__bicep.f", "__bicep.nope");

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.oneOf(expression(4), Arbitraries.strings().ofMaxLength(40)
                .withChars("[]()',.0123456789abcxyz -_{}\\\"").map(s -> s));
    }

    private Arbitrary<String> expression(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 1000).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(6).withChars("ab/.'[]{}01").map(s -> "'" + s.replace("'", "''") + "'"),
                Arbitraries.of("parameters('p')", "parameters('missing')", "variables('list')", "variables('obj')",
                        "variables('text')", "variables('self')", "variables('nope')", "copyIndex()", "resourceGroup()",
                        "parameters('unknownText')", "parameters('nullable')", "'10.0.0.0/16'", "'Storage'", "lambdaVariables('x')",
                        "lambda('x', lambdaVariables('x'))", "lambda('a', 'b', lambdaVariables('a'))", "reference('vnet')",
                        "reference(resourceId('Microsoft.Resources/deploymentScripts', 'ds')).outputs.region", "deployment().location",
                        "resourceId('Microsoft.Network/virtualNetworks', 'vnet')"));
        if (depth == 0) return leaf;
        Arbitrary<String> call = Combinators.combine(Arbitraries.of(FUNCTIONS), expression(depth - 1).list().ofMaxSize(3))
                .as((f, args) -> f + "(" + String.join(", ", args) + ")");
        Arbitrary<String> access = Combinators.combine(expression(depth - 1), Arbitraries.of(".a", ".b", "[0]", "[5]", "['a']", ".properties"))
                .as((e, a) -> e + a);
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(4, call), Tuple.of(1, access));
    }

    // ---- mutations ----

    static JsonNode mutate(JsonNode root, Op op, int seed, String expression) {
        List<JsonNode[]> slots = new ArrayList<>(); // {parent, node}
        collect(null, root, slots);
        JsonNode[] slot = slots.get(Math.floorMod(seed, slots.size()));
        JsonNode parent = slot[0];
        JsonNode node = slot[1];
        JsonNode replacement;
        switch (op) {
            case DELETE:
                if (parent == null) return F.objectNode();
                replace(parent, node, null);
                return root;
            case WRONG_TYPE:
                replacement = node.isTextual() ? F.numberNode(seed % 1000) : node.isNumber() ? F.booleanNode(true)
                        : node.isContainerNode() ? F.textNode("[" + expression + "]") : F.arrayNode().add(seed);
                break;
            case EXPRESSION:
                replacement = F.textNode("[" + expression + "]");
                break;
            case HUGE_STRING:
                replacement = F.textNode("[concat('" + "x".repeat(1 << 20) + "', '" + expression.replace("'", "''") + "')]");
                break;
            case DEEP_NESTING: {
                JsonNode n = node;
                int levels = 50 + seed % 700;
                for (int i = 0; i < levels; i++) n = (i % 2 == 0) ? F.arrayNode().add(n) : F.objectNode().set("copy", n);
                replacement = n;
                break;
            }
            default: // DUPLICATE: a sibling appears twice (e.g. a resource or a rule)
                if (parent instanceof ArrayNode a) {
                    a.add(node.deepCopy());
                    return root;
                }
                replacement = node.deepCopy();
        }
        if (parent == null) return replacement;
        replace(parent, node, replacement);
        return root;
    }

    private static void collect(JsonNode parent, JsonNode node, List<JsonNode[]> out) {
        out.add(new JsonNode[] {parent, node});
        for (JsonNode child : node) collect(node, child, out);
    }

    private static void replace(JsonNode parent, JsonNode child, JsonNode with) {
        if (parent instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() == child) {
                    if (with == null) it.remove();
                    else e.setValue(with);
                    return;
                }
            }
        } else if (parent instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) == child) {
                    if (with == null) a.remove(i);
                    else a.set(i, with);
                    return;
                }
            }
        }
    }
}
