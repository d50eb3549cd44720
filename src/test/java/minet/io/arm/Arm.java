package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;

/** Test helpers: import a template given as text, evaluate one expression against a template's scope. */
final class Arm {
    private Arm() {}

    static final String HEADER = "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\"";

    static JsonSource source(String name, String json) throws InputException {
        return JsonSource.parse(name, json.getBytes(StandardCharsets.UTF_8));
    }

    static Design design(String json) throws InputException {
        return ArmImporter.load(List.of(source("t.json", json)), ImportOptions.NONE);
    }

    static Design design(String json, Map<String, String> params) throws InputException {
        return ArmImporter.load(List.of(source("t.json", json)), new ImportOptions(null, params));
    }

    /** A template with these parameters/variables sections (JSON object bodies) and these resources. */
    static String template(String parameters, String variables, String resources) {
        return "{" + HEADER + ", \"parameters\": {" + parameters + "}, \"variables\": {" + variables + "}, \"resources\": [" + resources + "]}";
    }

    /** Evaluates {@code [expression]} in a template with the given parameters and variables sections. */
    static JsonNode eval(String parameters, String variables, String expression) throws InputException {
        JsonSource src = source("t.json", template(parameters, variables, ""));
        Context cx = new Context(List.of());
        Scope scope = new Scope(cx, src, "", new Placeholder("subscriptionId"), new Placeholder("resourceGroup"),
                ArmImporter.DEFAULT_LOCATION, "t", Map.of());
        return scope.eval(TextNode.valueOf("[" + expression + "]"), "", null);
    }

    static JsonNode eval(String expression) throws InputException {
        return eval("", "", expression);
    }
}
