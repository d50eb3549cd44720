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

/**
 * The functions of today's template language (CIDR, lambdas, objects, dates …); expected values from Microsoft's
 * documentation where it gives them.
 */
class TemplateFunctionsTest {
    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @ParameterizedTest(name = "[{0}] = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // CIDR (the documentation's examples)
            "parseCidr('10.144.0.0/20')                      | {\"network\":\"10.144.0.0\",\"netmask\":\"255.255.240.0\",\"broadcast\":\"10.144.15.255\",\"firstUsable\":\"10.144.0.1\",\"lastUsable\":\"10.144.15.254\",\"cidr\":20}",
            "parseCidr('fdad:3236:5555::/48')                | {\"network\":\"fdad:3236:5555::\",\"netmask\":\"ffff:ffff:ffff::\",\"firstUsable\":\"fdad:3236:5555::\",\"lastUsable\":\"fdad:3236:5555:ffff:ffff:ffff:ffff:ffff\",\"cidr\":48}",
            "cidrSubnet('10.144.0.0/20', 24, 4)              | \"10.144.4.0/24\"",
            "cidrSubnet('fdad:3236:5555::/48', 52, 1)        | \"fdad:3236:5555:1000::/52\"",
            "cidrSubnet('10.0.0.0/16', 16, 0)                | \"10.0.0.0/16\"",
            "sys.cidrSubnet('10.0.0.0/16', 27, 3)            | \"10.0.0.96/27\"",
            "cidrHost('10.144.3.0/24', 0)                    | \"10.144.3.1\"",
            "cidrHost('fdad:3236:5555:3000::/52', 4)         | \"fdad:3236:5555:3000::5\"",
            "parseCidr(cidrSubnet('10.0.0.0/16', 24, 1)).lastUsable | \"10.0.1.254\"",
            // lambdas
            "filter(createArray(1, 2, 3, 4), lambda('x', greater(lambdaVariables('x'), 2))) | [3,4]",
            "filter(createArray('a', 'b', 'c'), lambda('v', 'i', less(lambdaVariables('i'), 2))) | [\"a\",\"b\"]",
            "map(range(0, 3), lambda('i', cidrSubnet('10.0.0.0/16', 24, lambdaVariables('i')))) | [\"10.0.0.0/24\",\"10.0.1.0/24\",\"10.0.2.0/24\"]",
            "map(createArray('a', 'b'), lambda('v', 'i', concat(lambdaVariables('v'), string(lambdaVariables('i'))))) | [\"a0\",\"b1\"]",
            "map(createArray(1, 2), lambda('x', map(createArray(10, 20), lambda('y', add(lambdaVariables('x'), lambdaVariables('y')))))) | [[11,21],[12,22]]",
            "reduce(createArray(1, 2, 3), 10, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next')))) | 16",
            "sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b')))) | [1,2,3]",
            "sort(createArray('b', 'a', 'c'), lambda('a', 'b', greater(lambdaVariables('a'), lambdaVariables('b')))) | [\"c\",\"b\",\"a\"]",
            "toObject(createArray('a', 'b'), lambda('x', lambdaVariables('x')), lambda('x', toUpper(lambdaVariables('x')))) | {\"a\":\"A\",\"b\":\"B\"}",
            "mapValues(createObject('a', 1, 'b', 2), lambda('v', mul(lambdaVariables('v'), 10))) | {\"a\":10,\"b\":20}",
            "groupBy(createArray('ab', 'ac', 'bd'), lambda('x', substring(lambdaVariables('x'), 0, 1))) | {\"a\":[\"ab\",\"ac\"],\"b\":[\"bd\"]}",
            // objects and arrays
            "items(createObject('b', 2, 'a', 1))[0].key      | \"a\"",
            "objectKeys(createObject('b', 2, 'a', 1))        | [\"a\",\"b\"]",
            "tryGet(createObject('a', createObject('b', 1)), 'a', 'b') | 1",
            "tryGet(createObject('a', 1), 'z')               | null",
            "tryGet(createArray(1, 2), 5)                    | null",
            "tryGet(null(), 'a')                             | null",
            "shallowMerge(createArray(createObject('a', 1), createObject('b', 2, 'a', 3))) | {\"a\":3,\"b\":2}",
            "flatten(createArray(createArray(1, 2), createArray(3))) | [1,2,3]",
            "indexFromEnd(createArray(1, 2, 3), 1)           | 3",
            "tryIndexFromEnd(createArray(1, 2, 3), 4)        | null",
            "lastIndexOf(createArray('a', 'b', 'a'), 'a')    | 2",
            "indexOf(createArray(1, 2), 3)                   | -1",
            "union(createObject('p', createObject('a', 1)), createObject('p', createObject('b', 2))) | {\"p\":{\"a\":1,\"b\":2}}",
            "join(createArray('10.0.0.0/24', '10.0.1.0/24'), ',') | \"10.0.0.0/24,10.0.1.0/24\"",
            // strings
            "uriComponent('a b/c')                           | \"a%20b%2Fc\"",
            "uriComponentToString('a%20b%2Fc')               | \"a b/c\"",
            "dataUri('Hello')                                | \"data:text/plain;charset=utf8;base64,SGVsbG8=\"",
            "dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==') | \"Hello, World!\"",
            "base64ToJson('eyJhIjogMX0=')                    | {\"a\":1}",
            "float('1.5')                                    | 1.5",
            // dates: the documentation's examples; utcNow() is a fixed stand-in
            "dateTimeAdd('2023-01-01 00:00:00Z', 'P1Y')      | \"2024-01-01T00:00:00Z\"",
            "dateTimeAdd('2024-02-01 00:00:00Z', 'P1M')      | \"2024-03-02T00:00:00Z\"",
            "dateTimeAdd('2020-04-07 14:53:14Z', 'PT3H', 'yyyy-MM-dd HH:mm') | \"2020-04-07 17:53\"",
            "dateTimeFromEpoch(1683040573)                   | \"2023-05-02T15:16:13Z\"",
            "dateTimeToEpoch('2023-05-02T15:16:13Z')         | 1683040573",
            "utcNow()                                        | \"20000101T000000Z\"",
            "utcNow('u')                                     | \"2000-01-01 00:00:00Z\"",
            "dateTimeAdd(utcNow(), 'PT1H')                   | \"20000101T010000Z\"",
            // deployment and scope
            "deployment().location                           | \"westeurope\"",
            "deployment().name                               | \"t\"",
            "deployment().properties.templateLink.uri        | \"{deployment().properties.templateLink.uri}\"",
            "environment().suffixes.storage                  | \"core.windows.net\"",
            "managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p') | \"/providers/Microsoft.Management/managementGroups/{managementGroup}/providers/Microsoft.Authorization/policyDefinitions/p\"",
    })
    void functionsEvaluateAsAzureDoes(String expression, String expected) throws Exception {
        assertThat(eval(expression).toString()).isEqualTo(json(expected).toString());
    }

    @Test
    void cidrFunctionsRefuseWhatAzureRefuses() {
        assertThatThrownBy(() -> eval("cidrSubnet('10.0.0.0/16', 8, 0)")).isInstanceOf(InputException.class)
                .hasMessageContaining("new prefix length from 16 to 32, not 8");
        assertThatThrownBy(() -> eval("cidrSubnet('10.0.0.0/24', 26, 4)")).hasMessageContaining("index 4 is outside the 4 subnets /26 of 10.0.0.0/24");
        assertThatThrownBy(() -> eval("cidrSubnet('nope', 24, 0)")).hasMessageContaining("CIDR notation");
        assertThatThrownBy(() -> eval("cidrHost('10.0.0.0/30', 2)")).hasMessageContaining("outside the 2 usable hosts");
        assertThatThrownBy(() -> eval("cidrSubnet('10.0.0.0/16', 24)")).hasMessageContaining("cidrSubnet() takes 3 arguments, not 2");
    }

    @Test
    void anUnknownNetworkGivesAnUnknownThatSaysHowTheSubnetIsMade() throws Exception {
        String params = "\"vnetPrefix\": {\"type\": \"string\"}";
        assertThat(eval(params, "", "cidrSubnet(parameters('vnetPrefix'), 24, 0)").asText()).isEqualTo("{cidrSubnet({vnetPrefix}, 24, 0)}");
        assertThat(eval(params, "", "parseCidr(parameters('vnetPrefix')).firstUsable").asText()).isEqualTo("{parseCidr({vnetPrefix}).firstUsable}");
    }

    @Test
    void lambdaVariablesOutsideTheirLambdaAndLambdasOutsideTheirFunctionsAreErrors() {
        assertThatThrownBy(() -> eval("lambdaVariables('x')")).isInstanceOf(InputException.class).hasMessageContaining("not a variable of a lambda");
        assertThatThrownBy(() -> eval("lambda('x', 1)")).hasMessageContaining("only an argument of filter");
        assertThatThrownBy(() -> eval("map(createArray(1), 'x')")).hasMessageContaining("expected a lambda");
        assertThatThrownBy(() -> eval("map(createArray(1), lambda('a', 'b', 'c', 1))")).hasMessageContaining("takes 1 or 2 variables, not 3");
    }

    @Test
    void anUnknownConditionMakesTheFilteredArrayUnknown() throws Exception {
        String params = "\"p\": {\"type\": \"string\"}";
        assertThat(eval(params, "", "filter(createArray(1, 2), lambda('x', equals(parameters('p'), 'a')))").asText()).isEqualTo("{p}");
        assertThat(eval(params, "", "map(createArray(1, 2), lambda('x', parameters('p')))").toString()).isEqualTo("[\"{p}\",\"{p}\"]");
    }
}
