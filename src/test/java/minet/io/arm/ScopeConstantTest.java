package minet.io.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which expressions an import may evaluate once per template scope and reuse. */
class ScopeConstantTest {
    static boolean constant(String text) throws Expression.SyntaxError {
        return Expression.scopeConstant(Expression.parse(text));
    }

    @Test
    void parametersVariablesAndPureFunctionsOfThemAreConstant() throws Exception {
        assertThat(constant("parameters('location')")).isTrue();
        assertThat(constant("variables('ports')[3]")).isTrue();
        assertThat(constant("concat(variables('nsgPrefix'), '-', toLower(parameters('Name')))")).isTrue();
        assertThat(constant("resourceId('Microsoft.Network/routeTables', 'rt-1')")).isTrue();
        assertThat(constant("if(equals(parameters('a'), 1), 'x', 'y')")).isTrue();
    }

    @Test
    void loopsAndDeploymentTimeFunctionsAreNot() throws Exception {
        assertThat(constant("copyIndex()")).isFalse();
        assertThat(constant("concat('r-', string(copyIndex('rules')))")).isFalse();
        assertThat(constant("variables('ports')[copyIndex()]")).isFalse();
        assertThat(constant("reference(parameters('id')).ipAddress")).isFalse(); // notes its place
        assertThat(constant("utcNow()")).isFalse();
        assertThat(constant("newGuid()")).isFalse();
    }
}
