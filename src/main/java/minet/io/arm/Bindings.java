package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names bound while an expression is evaluated: the variables of the lambdas around it
 * ({@code lambdaVariables('x')}) and, in a user-defined function's body, the function's parameters
 * ({@code parameters('x')}). Names ignore case, as in ARM.
 */
record Bindings(Map<String, JsonNode> lambdas, Map<String, JsonNode> params) {
    /** {@code outer} with {@code names} bound to {@code values} for a lambda's body. */
    static Bindings lambda(Bindings outer, List<String> names, List<JsonNode> values) {
        Map<String, JsonNode> m = new HashMap<>(outer == null ? Map.of() : outer.lambdas);
        for (int i = 0; i < names.size(); i++) m.put(Scope.key(names.get(i)), values.get(i));
        return new Bindings(m, outer == null ? null : outer.params);
    }

    /** A function body sees its parameters and no lambda variable of its caller. */
    static Bindings function(List<String> names, List<JsonNode> values) {
        Map<String, JsonNode> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(Scope.key(names.get(i)), values.get(i));
        return new Bindings(Map.of(), m);
    }
}
