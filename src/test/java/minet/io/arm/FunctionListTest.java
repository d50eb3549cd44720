package minet.io.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import minet.io.JsonSource;
import minet.model.ImportNote;
import minet.model.Unknowns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every function of Microsoft's ARM template function list (learn.microsoft.com, "ARM template functions" and its
 * pages per group, as of 2025: array, CIDR, comparison, date, deployment, lambda, logical, numeric, object,
 * resource, scope, string) with what the import does with it:
 * <ul>
 * <li>{@link Status#EVALUATED}: the value Azure would compute;</li>
 * <li>{@link Status#STAND_IN}: a deployment-time value with a fixed, repeatable stand-in (the subscription is
 *     {@code {subscriptionId}}, utcNow() a fixed instant, uniqueString() not Azure's hash);</li>
 * <li>{@link Status#UNKNOWN_BY_DESIGN}: deployed state no offline import can read; an unknown that says what it
 *     stands for, and an IMPORT-FUNCTION note;</li>
 * <li>{@link Status#BICEP_ONLY}: in the list but never in a compiled template.</li>
 * </ul>
 */
class FunctionListTest {
    enum Status { EVALUATED, STAND_IN, UNKNOWN_BY_DESIGN, BICEP_ONLY }

    record Fn(String name, String group, Status status, String sample) {}

    static final List<Fn> FUNCTIONS = List.of(
            new Fn("any", "any", Status.BICEP_ONLY, null),
            // array
            new Fn("array", "array", Status.EVALUATED, "array('a')"),
            new Fn("concat", "array", Status.EVALUATED, "concat(createArray(1), createArray(2))"),
            new Fn("contains", "array", Status.EVALUATED, "contains(createArray(1, 2), 2)"),
            new Fn("createArray", "array", Status.EVALUATED, "createArray(1, 'a')"),
            new Fn("empty", "array", Status.EVALUATED, "empty(createArray())"),
            new Fn("first", "array", Status.EVALUATED, "first(createArray(1, 2))"),
            new Fn("indexFromEnd", "array", Status.EVALUATED, "indexFromEnd(createArray(1, 2), 1)"),
            new Fn("indexOf", "array", Status.EVALUATED, "indexOf(createArray('a', 'b'), 'b')"),
            new Fn("intersection", "array", Status.EVALUATED, "intersection(createArray(1, 2), createArray(2))"),
            new Fn("last", "array", Status.EVALUATED, "last(createArray(1, 2))"),
            new Fn("lastIndexOf", "array", Status.EVALUATED, "lastIndexOf(createArray(1, 1), 1)"),
            new Fn("length", "array", Status.EVALUATED, "length(createArray(1, 2))"),
            new Fn("max", "array", Status.EVALUATED, "max(createArray(1, 5))"),
            new Fn("min", "array", Status.EVALUATED, "min(createArray(1, 5))"),
            new Fn("range", "array", Status.EVALUATED, "range(1, 3)"),
            new Fn("skip", "array", Status.EVALUATED, "skip(createArray(1, 2), 1)"),
            new Fn("take", "array", Status.EVALUATED, "take(createArray(1, 2), 1)"),
            new Fn("tryGet", "array", Status.EVALUATED, "tryGet(createArray(1, 2), 7)"),
            new Fn("tryIndexFromEnd", "array", Status.EVALUATED, "tryIndexFromEnd(createArray(1, 2), 9)"),
            new Fn("union", "array", Status.EVALUATED, "union(createArray(1), createArray(2))"),
            // CIDR
            new Fn("parseCidr", "cidr", Status.EVALUATED, "parseCidr('10.0.0.0/24')"),
            new Fn("cidrSubnet", "cidr", Status.EVALUATED, "cidrSubnet('10.0.0.0/16', 24, 3)"),
            new Fn("cidrHost", "cidr", Status.EVALUATED, "cidrHost('10.0.0.0/24', 3)"),
            // comparison
            new Fn("coalesce", "comparison", Status.EVALUATED, "coalesce(null(), 'a')"),
            new Fn("equals", "comparison", Status.EVALUATED, "equals(1, 1)"),
            new Fn("greater", "comparison", Status.EVALUATED, "greater(2, 1)"),
            new Fn("greaterOrEquals", "comparison", Status.EVALUATED, "greaterOrEquals(2, 1)"),
            new Fn("less", "comparison", Status.EVALUATED, "less(2, 1)"),
            new Fn("lessOrEquals", "comparison", Status.EVALUATED, "lessOrEquals(2, 1)"),
            // date
            new Fn("dateTimeAdd", "date", Status.EVALUATED, "dateTimeAdd('2024-01-01T00:00:00Z', 'P1D')"),
            new Fn("dateTimeFromEpoch", "date", Status.EVALUATED, "dateTimeFromEpoch(0)"),
            new Fn("dateTimeToEpoch", "date", Status.EVALUATED, "dateTimeToEpoch('1970-01-02T00:00:00Z')"),
            new Fn("utcNow", "date", Status.STAND_IN, "utcNow()"),
            // deployment
            new Fn("deployer", "deployment", Status.UNKNOWN_BY_DESIGN, "deployer().objectId"),
            new Fn("deployment", "deployment", Status.STAND_IN, "deployment().name"),
            new Fn("environment", "deployment", Status.STAND_IN, "environment().name"),
            new Fn("parameters", "deployment", Status.EVALUATED, "parameters('p')"),
            new Fn("variables", "deployment", Status.EVALUATED, "variables('v')"),
            // lambda
            new Fn("filter", "lambda", Status.EVALUATED, "filter(createArray(1, 2), lambda('x', equals(lambdaVariables('x'), 2)))"),
            new Fn("groupBy", "lambda", Status.EVALUATED, "groupBy(createArray('a1', 'b1'), lambda('x', first(lambdaVariables('x'))))"),
            new Fn("map", "lambda", Status.EVALUATED, "map(createArray(1, 2), lambda('x', add(lambdaVariables('x'), 1)))"),
            new Fn("mapValues", "lambda", Status.EVALUATED, "mapValues(createObject('a', 1), lambda('x', string(lambdaVariables('x'))))"),
            new Fn("reduce", "lambda", Status.EVALUATED, "reduce(createArray(1, 2), 0, lambda('a', 'b', add(lambdaVariables('a'), lambdaVariables('b'))))"),
            new Fn("sort", "lambda", Status.EVALUATED, "sort(createArray(2, 1), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))"),
            new Fn("toObject", "lambda", Status.EVALUATED, "toObject(createArray('a'), lambda('x', lambdaVariables('x')))"),
            // logical
            new Fn("and", "logical", Status.EVALUATED, "and(true(), false())"),
            new Fn("bool", "logical", Status.EVALUATED, "bool('true')"),
            new Fn("false", "logical", Status.EVALUATED, "false()"),
            new Fn("if", "logical", Status.EVALUATED, "if(true(), 'a', 'b')"),
            new Fn("not", "logical", Status.EVALUATED, "not(true())"),
            new Fn("or", "logical", Status.EVALUATED, "or(true(), false())"),
            new Fn("true", "logical", Status.EVALUATED, "true()"),
            // numeric
            new Fn("add", "numeric", Status.EVALUATED, "add(1, 2)"),
            new Fn("copyIndex", "numeric", Status.EVALUATED, "variables('indexes')"),
            new Fn("div", "numeric", Status.EVALUATED, "div(7, 2)"),
            new Fn("float", "numeric", Status.EVALUATED, "float('0.5')"),
            new Fn("int", "numeric", Status.EVALUATED, "int('4')"),
            new Fn("mod", "numeric", Status.EVALUATED, "mod(7, 2)"),
            new Fn("mul", "numeric", Status.EVALUATED, "mul(7, 2)"),
            new Fn("sub", "numeric", Status.EVALUATED, "sub(7, 2)"),
            // object
            new Fn("createObject", "object", Status.EVALUATED, "createObject('a', 1)"),
            new Fn("items", "object", Status.EVALUATED, "items(createObject('b', 1, 'a', 2))"),
            new Fn("json", "object", Status.EVALUATED, "json('{\"a\": [1]}')"),
            new Fn("null", "object", Status.EVALUATED, "null()"),
            new Fn("objectKeys", "object", Status.EVALUATED, "objectKeys(createObject('a', 1))"),
            new Fn("shallowMerge", "object", Status.EVALUATED, "shallowMerge(createArray(createObject('a', 1), createObject('b', 2)))"),
            // resource
            new Fn("extensionResourceId", "resource", Status.EVALUATED, "extensionResourceId(resourceId('Microsoft.Network/virtualNetworks', 'vnet'), 'Microsoft.Authorization/locks', 'lock')"),
            new Fn("listAccountSas", "resource", Status.UNKNOWN_BY_DESIGN, "listAccountSas('sa', '2023-01-01', createObject()).accountSasToken"),
            new Fn("listKeys", "resource", Status.UNKNOWN_BY_DESIGN, "listKeys('sa', '2023-01-01').keys[0].value"),
            new Fn("listSecrets", "resource", Status.UNKNOWN_BY_DESIGN, "listSecrets('fn', '2023-01-01').key"),
            new Fn("list*", "resource", Status.UNKNOWN_BY_DESIGN, "listConnectionStrings('db', '2023-01-01')"),
            new Fn("managementGroupResourceId", "resource", Status.EVALUATED, "managementGroupResourceId('mg1', 'Microsoft.Authorization/policyDefinitions', 'p')"),
            new Fn("pickZones", "resource", Status.UNKNOWN_BY_DESIGN, "pickZones('Microsoft.Compute', 'virtualMachines', 'westeurope')"),
            new Fn("providers", "resource", Status.UNKNOWN_BY_DESIGN, "providers('Microsoft.Network', 'virtualNetworks')"),
            new Fn("reference", "resource", Status.EVALUATED, "reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet')).subnets[0].id"),
            new Fn("reference", "resource", Status.UNKNOWN_BY_DESIGN, "reference(resourceId('Microsoft.Network/publicIPAddresses', 'pip')).ipAddress"),
            new Fn("references", "resource", Status.UNKNOWN_BY_DESIGN, "references('vnets')"),
            new Fn("resourceId", "resource", Status.EVALUATED, "resourceId('rg', 'Microsoft.Network/virtualNetworks', 'vnet')"),
            new Fn("subscriptionResourceId", "resource", Status.EVALUATED, "subscriptionResourceId('s1', 'Microsoft.Resources/resourceGroups', 'rg')"),
            new Fn("tenantResourceId", "resource", Status.EVALUATED, "tenantResourceId('Microsoft.Management/managementGroups', 'mg')"),
            // scope
            new Fn("managementGroup", "scope", Status.STAND_IN, "managementGroup().name"),
            new Fn("resourceGroup", "scope", Status.STAND_IN, "resourceGroup().name"),
            new Fn("subscription", "scope", Status.STAND_IN, "subscription().subscriptionId"),
            new Fn("tenant", "scope", Status.STAND_IN, "tenant().tenantId"),
            // string
            new Fn("base64", "string", Status.EVALUATED, "base64('a')"),
            new Fn("base64ToJson", "string", Status.EVALUATED, "base64ToJson('e30=')"),
            new Fn("base64ToString", "string", Status.EVALUATED, "base64ToString('YQ==')"),
            new Fn("dataUri", "string", Status.EVALUATED, "dataUri('a')"),
            new Fn("dataUriToString", "string", Status.EVALUATED, "dataUriToString('data:text/plain;charset=utf8;base64,YQ==')"),
            new Fn("endsWith", "string", Status.EVALUATED, "endsWith('abc', 'c')"),
            new Fn("format", "string", Status.EVALUATED, "format('{0}-{1}', 'a', 1)"),
            new Fn("guid", "string", Status.STAND_IN, "guid('a')"),
            new Fn("join", "string", Status.EVALUATED, "join(createArray('a', 'b'), ',')"),
            new Fn("newGuid", "string", Status.STAND_IN, "newGuid()"),
            new Fn("padLeft", "string", Status.EVALUATED, "padLeft('1', 3, '0')"),
            new Fn("replace", "string", Status.EVALUATED, "replace('a.b', '.', '-')"),
            new Fn("split", "string", Status.EVALUATED, "split('a,b', ',')"),
            new Fn("startsWith", "string", Status.EVALUATED, "startsWith('abc', 'a')"),
            new Fn("string", "string", Status.EVALUATED, "string(1)"),
            new Fn("substring", "string", Status.EVALUATED, "substring('abc', 1)"),
            new Fn("toLower", "string", Status.EVALUATED, "toLower('A')"),
            new Fn("toUpper", "string", Status.EVALUATED, "toUpper('a')"),
            new Fn("trim", "string", Status.EVALUATED, "trim(' a ')"),
            new Fn("uniqueString", "string", Status.STAND_IN, "uniqueString('a')"),
            new Fn("uri", "string", Status.EVALUATED, "uri('https://a/b/c', 'd')"),
            new Fn("uriComponent", "string", Status.EVALUATED, "uriComponent('a b')"),
            new Fn("uriComponentToString", "string", Status.EVALUATED, "uriComponentToString('a%20b')"),
            // languageVersion 2.0 (template syntax): resources by symbolic name
            new Fn("resourceInfo", "resource", Status.EVALUATED, "resourceInfo('vnet').id"));

    /** A template that declares a parameter, variables (one a copy loop) and a VNet with a subnet. */
    static final String TEMPLATE = "{" + Arm.HEADER + ", \"languageVersion\": \"2.0\", \"parameters\": {\"p\": {\"type\": \"string\", \"defaultValue\": \"x\"}},"
            + " \"variables\": {\"v\": 1, \"copy\": [{\"name\": \"indexes\", \"count\": 2, \"input\": \"[copyIndex('indexes')]\"}]},"
            + " \"resources\": {\"vnet\": {\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2023-09-01\", \"name\": \"vnet\","
            + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}, \"subnets\": [{\"name\": \"mi\", \"properties\": {\"addressPrefix\": \"10.0.0.0/24\"}}]}}}}";

    record Outcome(JsonNode value, List<ImportNote> notes) {}

    static Outcome evaluate(String expression) throws Exception {
        JsonSource src = Arm.source("t.json", TEMPLATE);
        Context cx = new Context(List.of());
        Scope s = new Scope(cx, src, "", new Placeholder("subscriptionId"), new Placeholder("resourceGroup"), "westeurope", "t", Map.of());
        new Deployments(cx).deploy(s, "", null, 0);
        JsonNode v = s.eval(TextNode.valueOf("[" + expression + "]"), "/outputs/x/value", null);
        return new Outcome(v, cx.notes());
    }

    /** The strings in a value, one per line. */
    static String texts(JsonNode v) {
        if (v.isTextual()) return v.textValue();
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : v) sb.append(texts(e)).append('\n');
        return sb.toString();
    }

    static Stream<Arguments> functions() {
        return FUNCTIONS.stream().filter(f -> f.status() != Status.BICEP_ONLY).map(f -> Arguments.of(f.name(), f.status(), f.sample()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("functions")
    void everyDocumentedFunctionDoesWhatItsStatusSays(String name, Status status, String sample) throws Exception {
        Outcome o = evaluate(sample);
        // the deployment's own stand-ins ({subscriptionId}, {resourceGroup}) are not what a function leaves unknown
        String text = texts(o.value()).replace("{subscriptionId}", "").replace("{resourceGroup}", "");
        List<ImportNote> functionNotes = o.notes().stream().filter(n -> n.ruleId().equals("IMPORT-FUNCTION")).toList();
        switch (status) {
            case EVALUATED -> {
                assertThat(Unknowns.has(text)).as(sample + " = " + text).isFalse();
                assertThat(functionNotes).as(sample).isEmpty();
            }
            case STAND_IN -> {
                assertThat(evaluate(sample).value()).as("repeatable").isEqualTo(o.value());
                assertThat(functionNotes).noneMatch(n -> n.severity().equals("warning"));
            }
            case UNKNOWN_BY_DESIGN -> {
                assertThat(Unknowns.has(text)).as(sample + " = " + text).isTrue();
                assertThat(functionNotes).as(sample).isNotEmpty();
                assertThat(functionNotes.get(0).message()).contains(Unknowns.in(text).get(0).replaceAll("[.\\[].*", ""));
            }
            default -> throw new AssertionError();
        }
    }

    @Test
    void theListHasEveryGroupOfTheDocumentation() {
        Set<String> groups = new TreeSet<>();
        FUNCTIONS.forEach(f -> groups.add(f.group()));
        assertThat(groups).containsExactly("any", "array", "cidr", "comparison", "date", "deployment", "lambda", "logical",
                "numeric", "object", "resource", "scope", "string");
        assertThat(FUNCTIONS).hasSizeGreaterThanOrEqualTo(100);
    }
}
