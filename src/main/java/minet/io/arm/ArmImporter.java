package minet.io.arm;

import static minet.io.arm.Scope.F;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.Design;

/**
 * Reads ARM templates as Azure evaluates them: parameters (a parameters file, {@code --param} overrides,
 * defaults), variables, the expression language, {@code copy} loops, conditions, child resources and nested
 * deployments; then maps the network resources onto the design model.
 *
 * <p>Deployment facts an offline import cannot know are deterministic stand-ins: the subscription is
 * {@code {subscriptionId}}, the resource group {@code {resourceGroup}} (both placeholders), the resource group's
 * location is the value given for a parameter named {@code location} (parameters file or {@code --param}) and
 * otherwise {@code westeurope}, and the deployment's name is the template's file name without {@code .json}.
 *
 * <p>The first source is the template; the others are linked templates, used when a {@code templateLink}'s
 * last path segment names their file (a file no link names is imported as a template of its own).
 */
public final class ArmImporter {
    static final String DEFAULT_LOCATION = "westeurope";
    /** The template metadata minet's exports write: {@code "minet": {"managedInstanceSubnets": ["vnet/subnet"]}}. */
    public static final String METADATA_KEY = "minet";
    public static final String MI_SUBNETS = "managedInstanceSubnets";

    private ArmImporter() {}

    public static Design load(List<JsonSource> sources, ImportOptions options) throws InputException {
        return load(sources, options, Runtime.getRuntime().availableProcessors() > 1 ? Parallel.FROM : Integer.MAX_VALUE);
    }

    /**
     * @param parallelFrom from how many security groups and route tables they are built on several threads
     *                     ({@code Integer.MAX_VALUE}: never); the result does not depend on it
     */
    public static Design load(List<JsonSource> sources, ImportOptions options, int parallelFrom) throws InputException {
        if (sources.isEmpty()) throw new InputException(null, "no ARM template given");
        if (options == null) options = ImportOptions.NONE;
        try {
            try {
                return run(sources, options, parallelFrom);
            } catch (Parallel.Abandoned e) {
                return run(sources, options, Integer.MAX_VALUE);
            }
        } catch (StackOverflowError e) {
            throw new InputException(sources.get(0).file(), "the template nests too deeply to evaluate");
        }
    }

    private static Design run(List<JsonSource> sources, ImportOptions options, int parallelFrom) throws InputException {
        JsonSource main = sources.get(0);
        Context cx = new Context(sources.subList(1, sources.size()));
        Map<String, JsonNode> given = new LinkedHashMap<>();
        if (options.parametersFile() != null) given.putAll(parametersFile(main, options.parametersFile(), cx));
        given.putAll(overrides(main, options.parameters()));
        JsonNode loc = given.get("location");
        String location = loc != null && loc.isTextual() && !(loc instanceof Placeholder) ? loc.textValue() : DEFAULT_LOCATION;

        Deployments deployments = new Deployments(cx);
        Scope scope = new Scope(cx, main, "", new Placeholder("subscriptionId"), new Placeholder("resourceGroup"),
                location, stem(main.file()), given);
        deployments.deploy(scope, "", null, 0);
        for (JsonSource extra : cx.linkable) {
            if (cx.used.contains(extra)) continue;
            Scope s = new Scope(cx, extra, "", scope.subscriptionId, scope.resourceGroupName, location, stem(extra.file()), Map.of());
            deployments.deploy(s, "", null, 0);
        }
        Design d = new DesignBuilder(cx).build(stem(main.file()), deployments.resources(), parallelFrom);
        return marked(d, main.root()).withImportNotes(cx.notes());
    }

    /**
     * Subnets a minet export names as MI subnets in the template's metadata (2019-style: no delegation, and the
     * instance is not in the export) are marked so, as they were in the exported design. A name is
     * {@code vnet/subnet}; when no VNet has that name (its name parameter was given another value), the one subnet
     * of that name.
     */
    private static Design marked(Design d, JsonNode root) {
        JsonNode list = root.path("metadata").path(METADATA_KEY).path(MI_SUBNETS);
        if (!list.isArray()) return d;
        for (JsonNode n : list) {
            if (!n.isTextual()) continue;
            String t = n.textValue();
            int cut = t.lastIndexOf('/');
            String vnet = cut < 0 ? "" : t.substring(0, cut);
            String subnet = t.substring(cut + 1);
            List<minet.model.Subnet> exact = new ArrayList<>();
            List<minet.model.Subnet> byName = new ArrayList<>();
            for (minet.model.VirtualNetwork v : d.virtualNetworks()) {
                for (minet.model.Subnet s : v.subnets()) {
                    if (!s.name().equalsIgnoreCase(subnet)) continue;
                    byName.add(s);
                    if (v.name().equalsIgnoreCase(vnet)) exact.add(s);
                }
            }
            List<minet.model.Subnet> hit = !exact.isEmpty() ? exact : byName.size() == 1 ? byName : List.of();
            for (minet.model.Subnet s : hit) d = d.mapSubnet(s.id(), x -> x.withMarkedMi(true));
        }
        return d;
    }

    /** The deployment's name: the file's name without .json (or .bicep, for a compiled Bicep file). */
    static String stem(String file) {
        String f = file == null ? "template" : Path.of(file).getFileName().toString();
        String lower = f.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") ? f.substring(0, f.length() - 5) : lower.endsWith(".bicep") ? f.substring(0, f.length() - 6) : f;
    }

    /** deploymentParameters: {@code { "parameters": { "name": { "value": … } } }}; Key Vault references become placeholders. */
    private static Map<String, JsonNode> parametersFile(JsonSource template, Path path, Context cx) throws InputException {
        JsonSource pf = JsonSource.read(path);
        JsonNode root = pf.root();
        if (!root.isObject() || !root.path("parameters").isObject()) {
            throw pf.error("", "not a parameters file: expected { \"parameters\": { \"name\": { \"value\": … } } }");
        }
        JsonNode declared = template.root().path("parameters");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String ptr = "/parameters/" + JsonSource.escape(e.getKey());
            JsonNode v = e.getValue();
            Context.Origin where = new Context.Origin(pf, ptr);
            if (v.isObject() && v.has("value")) {
                out.put(Scope.key(e.getKey()), v.get("value"));
            } else if (v.isObject() && v.has("reference")) {
                out.put(Scope.key(e.getKey()), new Placeholder(e.getKey()));
                cx.note("IMPORT-PARAMETER", "info", "parameters/" + e.getKey(),
                        "parameter '" + e.getKey() + "' comes from Key Vault: shown as {" + e.getKey() + "}", where);
            } else {
                throw pf.error(ptr, "parameter '" + e.getKey() + "' needs a \"value\" (or a Key Vault \"reference\")");
            }
            if (declared.isObject() && field(declared, e.getKey()) == null) {
                cx.note("IMPORT-PARAMETER", "warning", "parameters/" + e.getKey(),
                        "the parameters file sets '" + e.getKey() + "', which the template does not declare (Azure refuses this)", where);
            }
        }
        return out;
    }

    /** {@code --param name=value}: the text converted to the parameter's declared type. */
    private static Map<String, JsonNode> overrides(JsonSource template, Map<String, String> params) throws InputException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode declared = template.root().path("parameters");
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            String text = e.getValue() == null ? "" : e.getValue();
            JsonNode decl = declared.isObject() ? field(declared, name) : null;
            if (decl == null) {
                List<String> names = new ArrayList<>();
                declared.fieldNames().forEachRemaining(names::add);
                throw new InputException("--param " + name, "the template " + template.file() + " declares no parameter '" + name + "'"
                        + (names.isEmpty() ? "" : " (it declares " + String.join(", ", names) + ")"));
            }
            String type = decl.path("type").asText("string").toLowerCase(Locale.ROOT);
            String what = "--param " + name + "=" + text;
            switch (type) {
                case "int":
                    try {
                        out.put(Scope.key(name), F.numberNode(Long.parseLong(text.strip())));
                    } catch (NumberFormatException x) {
                        throw new InputException(what, "'" + name + "' is an int parameter; give a whole number");
                    }
                    break;
                case "bool":
                    if (!text.strip().equalsIgnoreCase("true") && !text.strip().equalsIgnoreCase("false")) {
                        throw new InputException(what, "'" + name + "' is a bool parameter; give true or false");
                    }
                    out.put(Scope.key(name), F.booleanNode(text.strip().equalsIgnoreCase("true")));
                    break;
                case "array":
                case "object":
                case "secureobject": {
                    JsonNode v;
                    try {
                        v = JsonSource.parse("--param " + name, text.getBytes(StandardCharsets.UTF_8)).root();
                    } catch (InputException x) {
                        throw new InputException(what, "'" + name + "' is an " + type + " parameter; give it as JSON (" + x.problem() + ")");
                    }
                    if (type.equals("array") != v.isArray() || (!type.equals("array") && !v.isObject())) {
                        throw new InputException(what, "'" + name + "' is an " + type + " parameter; the JSON given is " + Functions.describe(v));
                    }
                    out.put(Scope.key(name), v);
                    break;
                }
                default:
                    out.put(Scope.key(name), F.textNode(text));
            }
        }
        return out;
    }

    static JsonNode field(JsonNode object, String name) {
        return Functions.get(object, name);
    }
}
