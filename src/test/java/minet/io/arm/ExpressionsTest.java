package minet.io.arm;

import static minet.io.arm.Arm.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import minet.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionsTest {
    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @ParameterizedTest(name = "[{0}] = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // strings, escaping, nesting
            "concat('a', 'b', 'c')                         | \"abc\"",
            "concat('it''s', ' ', string(1))               | \"it's 1\"",
            "format('{0}-{1}-{0}', 'x', 7)                  | \"x-7-x\"",
            "format('{{literal}} {0:D3}', 5)                | \"{literal} 005\"",
            "replace('10.0.0.0/24', '/', '-')               | \"10.0.0.0-24\"",
            "toLower('ABC')                                 | \"abc\"",
            "toUpper('abc')                                 | \"ABC\"",
            "trim('  x  ')                                  | \"x\"",
            "substring('abcdef', 2, 3)                      | \"cde\"",
            "substring('abcdef', 2)                         | \"cdef\"",
            "indexOf('abcABC', 'C')                         | 2",
            "lastIndexOf('abcABC', 'c')                     | 5",
            "startsWith('Microsoft.Sql', 'microsoft')       | true",
            "endsWith('abc', 'BC')                          | true",
            "split('a,b;c', createArray(',', ';'))          | [\"a\",\"b\",\"c\"]",
            "split('a,,b', ',')                             | [\"a\",\"\",\"b\"]",
            "first('abc')                                   | \"a\"",
            "last(createArray(1, 2, 3))                     | 3",
            "take('abcdef', 2)                              | \"ab\"",
            "skip(createArray(1, 2, 3), 1)                  | [2,3]",
            "length('abcd')                                 | 4",
            "length(createArray(1, 2))                      | 2",
            "length(createObject('a', 1))                   | 1",
            "base64('one, two')                             | \"b25lLCB0d28=\"",
            "base64ToString('b25lLCB0d28=')                 | \"one, two\"",
            "padLeft('7', 3, '0')                           | \"007\"",
            "join(createArray('a', 'b'), '/')               | \"a/b\"",
            // logic and comparison
            "if(equals(1, 1), 'yes', 'no')                  | \"yes\"",
            "if(equals('a', 'A'), 'yes', 'no')              | \"no\"",
            "and(true(), not(false()))                      | true",
            "or(false(), false())                           | false",
            "less(1, 2)                                     | true",
            "greater('b', 'a')                              | true",
            "lessOrEquals(2, 2)                             | true",
            "greaterOrEquals(1, 2)                          | false",
            "contains('abc', 'b')                           | true",
            "contains(createArray('a', 'b'), 'c')           | false",
            "contains(createObject('Key', 1), 'key')        | true",
            "empty('')                                      | true",
            "empty(createArray(1))                          | false",
            "coalesce(null(), null(), 'x')                  | \"x\"",
            "bool('True')                                   | true",
            // numbers
            "add(2, 3)                                      | 5",
            "sub(2, 3)                                      | -1",
            "mul(4, 5)                                      | 20",
            "div(7, 2)                                      | 3",
            "mod(7, 2)                                      | 1",
            "min(3, 1, 2)                                   | 1",
            "max(createArray(3, 9, 2))                      | 9",
            "int('42')                                      | 42",
            "range(5, 3)                                    | [5,6,7]",
            // arrays, objects, access
            "concat(createArray(1), createArray(2, 3))      | [1,2,3]",
            "union(createArray(1, 2), createArray(2, 3))    | [1,2,3]",
            "union(createObject('a', 1), createObject('b', 2)) | {\"a\":1,\"b\":2}",
            "intersection(createArray(1, 2), createArray(2, 3)) | [2]",
            "createObject('a', createArray(1, 2)).a[1]      | 2",
            "json('{\"x\": {\"y\": [true]}}').x.y[0]          | true",
            "json('{\"x\": 1}')['x']                          | 1",
            "items(createObject('k', 'v'))[0].value         | \"v\"",
            "string(createObject('a', 1))                   | \"{\\\"a\\\":1}\"",
            // deployment functions
            "resourceGroup().location                       | \"westeurope\"",
            "resourceGroup().name                           | \"{resourceGroup}\"",
            "subscription().subscriptionId                  | \"{subscriptionId}\"",
            "resourceId('Microsoft.Network/networkSecurityGroups', 'nsg') | \"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/networkSecurityGroups/nsg\"",
            "resourceId('rg2', 'Microsoft.Network/virtualNetworks/subnets', 'v', 's') | \"/subscriptions/{subscriptionId}/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/v/subnets/s\"",
            "resourceId('sub1', 'rg2', 'Microsoft.Network/virtualNetworks', 'v') | \"/subscriptions/sub1/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/v\"",
            "subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg') | \"/subscriptions/{subscriptionId}/providers/Microsoft.Resources/resourceGroups/rg\"",
            "deployment().name                              | \"t\"",
            "uri('https://x/a/main.json', 'nested/vnet.json') | \"https://x/a/nested/vnet.json\"",
    })
    void functionsEvaluateAsAzureDoes(String expression, String expected) throws Exception {
        assertThat(eval(expression).toString()).isEqualTo(json(expected).toString());
    }

    @Test
    void functionNamesIgnoreCase() throws Exception {
        assertThat(eval("CONCAT('a', ToLower('B'))").asText()).isEqualTo("ab");
    }

    @Test
    void parametersAndVariablesIgnoreCaseAndVariablesNest() throws Exception {
        String params = "\"Prefix\": {\"type\": \"string\", \"defaultValue\": \"10.0.0.0/24\"}";
        String vars = "\"net\": {\"subnets\": [{\"name\": \"mi\", \"prefix\": \"[parameters('prefix')]\"}]}, \"alias\": \"[variables('NET')]\"";
        assertThat(eval(params, vars, "variables('alias').subnets[0].prefix").asText()).isEqualTo("10.0.0.0/24");
    }

    @Test
    void variableCopyMakesAnArrayWithCopyIndex() throws Exception {
        String vars = "\"copy\": [{\"name\": \"names\", \"count\": 3, \"input\": \"[concat('n', copyIndex('names', 1))]\"}]";
        assertThat(eval("", vars, "variables('names')").toString()).isEqualTo("[\"n1\",\"n2\",\"n3\"]");
    }

    @Test
    void propertyCopyInsideAVariableObject() throws Exception {
        String vars = "\"o\": {\"copy\": [{\"name\": \"items\", \"count\": 2, \"input\": {\"i\": \"[copyIndex('items')]\"}}]}";
        assertThat(eval("", vars, "variables('o')").toString()).isEqualTo("{\"items\":[{\"i\":0},{\"i\":1}]}");
    }

    @Test
    void parameterDefaultsMayUseOtherParameters() throws Exception {
        String params = "\"a\": {\"type\": \"string\", \"defaultValue\": \"[concat(parameters('b'), '!')]\"}, \"b\": {\"type\": \"string\", \"defaultValue\": \"hi\"}";
        assertThat(eval(params, "", "parameters('a')").asText()).isEqualTo("hi!");
    }

    @Test
    void uniqueStringAndGuidAreDeterministic() throws Exception {
        JsonNode u = eval("uniqueString(resourceGroup().id, 'x')");
        assertThat(u.asText()).matches("[a-z2-7]{13}").isEqualTo(eval("uniqueString(resourceGroup().id, 'x')").asText());
        assertThat(u.asText()).isNotEqualTo(eval("uniqueString(resourceGroup().id, 'y')").asText());
        assertThat(eval("guid('a', 'b')").asText()).matches("[0-9a-f-]{36}").isEqualTo(eval("guid('a', 'b')").asText());
    }

    @Test
    void onlyTheBranchTakenIsEvaluated() throws Exception {
        // the other branch would fail: index out of range
        assertThat(eval("if(true(), 'ok', createArray()[3])").asText()).isEqualTo("ok");
    }

    @Test
    void doubledBracketIsALiteral() throws Exception {
        Scope s = new Scope(new Context(java.util.List.of()), Arm.source("t.json", Arm.template("", "", "")), "",
                new Placeholder("s"), new Placeholder("r"), "westeurope", "t", java.util.Map.of());
        assertThat(s.eval(com.fasterxml.jackson.databind.node.TextNode.valueOf("[[not an expression]"), "", null).asText())
                .isEqualTo("[not an expression]");
        assertThat(s.eval(com.fasterxml.jackson.databind.node.TextNode.valueOf("[half"), "", null).asText()).isEqualTo("[half");
    }

    @Test
    void deployedStateIsAPlaceholderThatSaysWhatIsReadFromIt() throws Exception {
        JsonNode v = eval("concat(reference('x').properties.ip, '/32')");
        assertThat(v.asText()).isEqualTo("{reference(x).properties.ip}/32");
        assertThat(eval("reference(resourceId('Microsoft.Resources/deploymentScripts', 'ds'), '2023-08-01').outputs.pairedRegionName").asText())
                .isEqualTo("{reference(deploymentScripts/ds).outputs.pairedRegionName}");
        assertThat(eval("format('Storage.{0}', listKeys('sa', '2023-01-01').keys[0].value)").asText())
                .isEqualTo("Storage.{listKeys(sa).keys[0].value}");
    }

    @Test
    void missingParameterIsAPlaceholderThatFunctionsPassOn() throws Exception {
        String params = "\"ips\": {\"type\": \"array\"}, \"n\": {\"type\": \"int\"}";
        assertThat(eval(params, "", "length(parameters('ips'))").asText()).isEqualTo("{ips}");
        assertThat(eval(params, "", "add(parameters('n'), 1)").asText()).isEqualTo("{n}");
        assertThat(eval(params, "", "concat('x-', parameters('n'))").asText()).isEqualTo("x-{n}");
    }

    @Test
    void syntaxErrorNamesTheCharacter() {
        assertThatThrownBy(() -> eval("concat('a' 'b')"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("t.json:1:")
                .hasMessageContaining("at character 12")
                .hasMessageContaining("expected ',' or ')'");
        assertThatThrownBy(() -> eval("concat('a")).hasMessageContaining("not closed");
    }

    @Test
    void variableCycleIsRefusedNotOverflowed() {
        String vars = "\"a\": \"[variables('b')]\", \"b\": \"[concat(variables('a'), 'x')]\"";
        assertThatThrownBy(() -> eval("", vars, "variables('a')"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("depends on itself");
    }

    @Test
    void unknownVariableOrParameterIsAnError() {
        assertThatThrownBy(() -> eval("variables('nope')")).hasMessageContaining("declares no variable 'nope'");
        assertThatThrownBy(() -> eval("parameters('nope')")).hasMessageContaining("declares no parameter 'nope'");
    }

    @Test
    void wrongTypesAreErrorsNotCrashes() {
        assertThatThrownBy(() -> eval("add('a', 1)")).isInstanceOf(InputException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> eval("createArray(1)[5]")).hasMessageContaining("outside the array");
        assertThatThrownBy(() -> eval("div(1, 0)")).hasMessageContaining("divides by zero");
        assertThatThrownBy(() -> eval("copyIndex()")).hasMessageContaining("outside a copy loop");
        assertThatThrownBy(() -> eval("concat('a').b")).hasMessageContaining("cannot read property 'b' of a string");
    }

    @Test
    void exponentialStringGrowthIsStopped() {
        StringBuilder vars = new StringBuilder("\"v0\": \"xxxxxxxxxxxxxxxx\"");
        for (int i = 1; i <= 40; i++) vars.append(", \"v").append(i).append("\": \"[concat(variables('v").append(i - 1).append("'), variables('v").append(i - 1).append("'))]\"");
        assertThatThrownBy(() -> eval("", vars.toString(), "variables('v40')")).isInstanceOf(InputException.class).hasMessageContaining("longer than");
    }

    @Test
    void deepExpressionIsRefused() {
        String deep = "concat(".repeat(300) + "'x'" + ")".repeat(300);
        assertThatThrownBy(() -> eval(deep)).isInstanceOf(InputException.class).hasMessageContaining("nested more than");
    }
}
