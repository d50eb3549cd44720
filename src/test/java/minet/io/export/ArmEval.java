package minet.io.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough of ARM's template language to read back what ArmExporter writes, implemented from the
 * documentation (not from the exporter): "[[" escapes, string literals with '' and the functions parameters,
 * concat, resourceId and resourceGroup. Anything else fails the test.
 */
final class ArmEval {
    private final Map<String, String> parameters = new HashMap<>();

    ArmEval(JsonNode template) {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode dv = p.getValue().get("defaultValue");
            if (dv != null) parameters.put(p.getKey().toLowerCase(Locale.ROOT), string(dv.textValue()));
        }
    }

    /** The evaluator of a nested deployment's inline template ("inner" scope): its parameters come from the outer one. */
    ArmEval inner(JsonNode deployment) {
        assert "inner".equals(deployment.at("/properties/expressionEvaluationOptions/scope").asText());
        ArmEval e = new ArmEval(deployment.at("/properties/template"));
        deployment.at("/properties/parameters").fields().forEachRemaining(p ->
                e.parameters.put(p.getKey().toLowerCase(Locale.ROOT), string(p.getValue().get("value").textValue())));
        return e;
    }

    /** A template string's value: literal, "[["-escaped literal, or expression. */
    String string(String s) {
        if (s.startsWith("[[")) return s.substring(1);
        if (s.startsWith("[") && s.endsWith("]")) return new Parser(s.substring(1, s.length() - 1)).expression();
        return s;
    }

    /** Evaluates every string in a tree (properties of a resource). */
    JsonNode tree(JsonNode n) {
        if (n.isTextual()) return JsonNodeFactory.instance.textNode(string(n.textValue()));
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.fields().forEachRemaining(e -> o.set(e.getKey(), tree(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(tree(x)));
            return a;
        }
        return n;
    }

    private final class Parser {
        private final String s;
        private int i;

        Parser(String s) { this.s = s; }

        String expression() {
            String v = value();
            skip();
            if (i != s.length()) throw new IllegalArgumentException("trailing text in expression: " + s);
            return v;
        }

        private String value() {
            skip();
            if (s.charAt(i) == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    char c = s.charAt(i++);
                    if (c == '\'') {
                        if (i < s.length() && s.charAt(i) == '\'') { sb.append('\''); i++; }
                        else return sb.toString();
                    } else {
                        sb.append(c);
                    }
                }
            }
            int start = i;
            while (Character.isLetterOrDigit(s.charAt(i))) i++;
            String fn = s.substring(start, i);
            skip();
            expect('(');
            List<String> args = new ArrayList<>();
            skip();
            if (s.charAt(i) != ')') {
                args.add(value());
                skip();
                while (s.charAt(i) == ',') { i++; args.add(value()); skip(); }
            }
            expect(')');
            String suffix = "";
            if (i < s.length() && s.charAt(i) == '.') { // resourceGroup().location
                int st = ++i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
                suffix = s.substring(st, i);
            }
            switch (fn) {
                case "parameters": {
                    String v = parameters.get(args.get(0).toLowerCase(Locale.ROOT));
                    if (v == null) throw new IllegalArgumentException("undeclared parameter " + args.get(0));
                    return v;
                }
                case "concat": return String.join("", args);
                case "resourceId": return String.join("|", args);
                case "resourceGroup": return "resourceGroup()." + suffix;
                default: throw new IllegalArgumentException("function not expected in the export: " + fn);
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
            i++;
        }

        private void skip() {
            while (i < s.length() && s.charAt(i) == ' ') i++;
        }
    }
}
