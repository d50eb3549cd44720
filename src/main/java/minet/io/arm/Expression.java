package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The template expression language: {@code [concat('a', parameters('b'))[0].c]}. A syntax tree, parsed once per
 * distinct string. {@link #at} is the offset of a node in the expression text, for messages.
 */
sealed interface Expression {
    int at();

    record Literal(JsonNode value, int at) implements Expression {}
    record Call(String name, List<Expression> args, int at) implements Expression {}
    record Index(Expression target, Expression index, int at) implements Expression {}
    record Property(Expression target, String name, int at) implements Expression {}

    /** Functions whose result depends only on their arguments and the template's scope, and that add no note. */
    java.util.Set<String> SCOPE_CONSTANT = java.util.Set.of("parameters", "variables", "concat", "format", "string", "tolower",
            "toupper", "replace", "add", "sub", "mul", "equals", "not", "if", "and", "or", "resourceid");

    /**
     * Whether the expression gives the same value wherever it stands in one template scope: no copyIndex(), no
     * function that needs Azure (and notes so), only {@link #SCOPE_CONSTANT} calls. Such values need evaluating
     * once per scope (templates repeat "[parameters('location')]" on every resource).
     */
    static boolean scopeConstant(Expression e) {
        if (e instanceof Literal) return true;
        if (e instanceof Index ix) return scopeConstant(ix.target()) && scopeConstant(ix.index());
        if (e instanceof Property p) return scopeConstant(p.target());
        Call c = (Call) e;
        if (!SCOPE_CONSTANT.contains(c.name().toLowerCase(java.util.Locale.ROOT))) return false;
        for (Expression a : c.args()) if (!scopeConstant(a)) return false;
        return true;
    }

    /** Deeper expressions are refused: they are not written by people and would exhaust the stack. */
    int MAX_NESTING = 100;

    /** A problem at character {@code at} of the expression text. */
    final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int at;

        SyntaxError(int at, String problem) {
            super(problem);
            this.at = at;
        }
    }

    /** Parses the text between the outer brackets of {@code [ … ]}. */
    static Expression parse(String text) throws SyntaxError {
        Parser p = new Parser(text);
        p.skipSpace();
        Expression e = p.expression(0);
        p.skipSpace();
        if (p.pos < text.length()) throw new SyntaxError(p.pos, "unexpected '" + text.charAt(p.pos) + "' after the expression");
        return e;
    }

    final class Parser {
        private final String s;
        private int pos;

        private Parser(String s) {
            this.s = s;
        }

        private Expression expression(int depth) throws SyntaxError {
            if (depth > MAX_NESTING) throw new SyntaxError(pos, "expression nested more than " + MAX_NESTING + " levels deep");
            Expression e = primary(depth);
            while (true) {
                skipSpace();
                if (peek('[')) {
                    int at = pos++;
                    skipSpace();
                    Expression index = expression(depth + 1);
                    skipSpace();
                    expect(']');
                    e = new Index(e, index, at);
                } else if (peek('.')) {
                    int at = pos++;
                    skipSpace();
                    String name = identifier();
                    if (name.isEmpty()) throw new SyntaxError(pos, "expected a property name after '.'");
                    e = new Property(e, name, at);
                } else {
                    return e;
                }
            }
        }

        private Expression primary(int depth) throws SyntaxError {
            if (pos >= s.length()) throw new SyntaxError(pos, "expected a value but the expression ends");
            char c = s.charAt(pos);
            int at = pos;
            if (c == '\'') return new Literal(JsonNodeFactory.instance.textNode(string()), at);
            if (c == '-' || (c >= '0' && c <= '9')) return new Literal(number(), at);
            String name = identifier();
            if (name.isEmpty()) throw new SyntaxError(pos, "unexpected '" + c + "'");
            skipSpace();
            // user-defined functions are named namespace.function
            if (peek('.')) {
                int save = pos;
                pos++;
                String member = identifier();
                skipSpace();
                if (!member.isEmpty() && peek('(')) name = name + "." + member;
                else pos = save;
            }
            if (!peek('(')) throw new SyntaxError(at, "'" + name + "' is not a function call: expected '(' after it");
            pos++;
            List<Expression> args = new ArrayList<>();
            skipSpace();
            if (peek(')')) {
                pos++;
                return new Call(name, args, at);
            }
            while (true) {
                skipSpace();
                args.add(expression(depth + 1));
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else if (peek(')')) {
                    pos++;
                    return new Call(name, args, at);
                } else {
                    throw new SyntaxError(pos, pos < s.length() ? "expected ',' or ')' but found '" + s.charAt(pos) + "'"
                            : "expected ')' but the expression ends");
                }
            }
        }

        private String string() throws SyntaxError {
            int start = pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\'') {
                    if (peek('\'')) {
                        sb.append('\'');
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(c);
                }
            }
            throw new SyntaxError(start, "string literal is not closed with '");
        }

        private JsonNode number() throws SyntaxError {
            int start = pos;
            if (peek('-')) pos++;
            int digits = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (pos == digits) throw new SyntaxError(start, "expected a number after '-'");
            try {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(s.substring(start, pos)));
            } catch (NumberFormatException e) {
                throw new SyntaxError(start, "number out of range: " + s.substring(start, pos));
            }
        }

        private String identifier() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            if (start < pos && Character.isDigit(s.charAt(start))) {
                pos = start;
                return "";
            }
            return s.substring(start, pos);
        }

        private void expect(char c) throws SyntaxError {
            if (!peek(c)) {
                throw new SyntaxError(pos, pos < s.length() ? "expected '" + c + "' but found '" + s.charAt(pos) + "'"
                        : "expected '" + c + "' but the expression ends");
            }
            pos++;
        }

        private boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }
    }
}
