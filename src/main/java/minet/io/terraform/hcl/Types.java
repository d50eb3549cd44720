package minet.io.terraform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import minet.io.terraform.hcl.Hcl.Expr;
import minet.io.terraform.hcl.Hcl.Pos;
import minet.io.terraform.hcl.Values.Unknown;

/**
 * A variable's {@code type} applied to a value as Terraform converts it: "8" becomes a number, a list a set, an
 * object keeps its declared attributes and gets {@code optional(…)} defaults for missing ones.
 */
final class Types {
    private Types() {}

    /** True when a {@code --var} value for this type is taken as it is written (a primitive) rather than as HCL. */
    static boolean primitive(Expr type) {
        return type == null || type instanceof Hcl.Variable v && !v.name().equals("any");
    }

    /** {@code value} converted to {@code type} (null: any); {@code at} is where the value came from, for errors. */
    static Object convert(Object value, Expr type, Pos at, String what) {
        if (type == null || value == null || value instanceof Unknown) return value;
        if (type instanceof Hcl.Variable v) {
            switch (v.name()) {
                case "any": return value;
                case "string": {
                    String s = Values.display(value);
                    if (s == null) throw mismatch(at, what, "a string", value);
                    return s;
                }
                case "number": {
                    if (value instanceof BigDecimal) return value;
                    BigDecimal n = value instanceof String s ? Evaluator.parseNumber(s) : null;
                    if (n == null) throw mismatch(at, what, "a number", value);
                    return n;
                }
                case "bool": {
                    if (value instanceof Boolean) return value;
                    if ("true".equals(value) || "false".equals(value)) return Boolean.valueOf((String) value);
                    throw mismatch(at, what, "true or false", value);
                }
                default: throw new EvalException(type.pos(), "unknown type '" + v.name() + "'");
            }
        }
        if (!(type instanceof Hcl.Call c)) throw new EvalException(type.pos(), "not a type: " + type.text());
        List<Expr> args = c.args();
        switch (c.name()) {
            case "list": case "set": {
                if (!(value instanceof List<?> l)) throw mismatch(at, what, "a list", value);
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    Object x = convert(l.get(i), arg(c, 0), at, what + "[" + i + "]");
                    if (c.name().equals("list") || out.stream().noneMatch(o -> Values.same(o, x))) out.add(x);
                }
                return Values.list(out);
            }
            case "map": {
                if (!(value instanceof Map<?, ?> m)) throw mismatch(at, what, "a map", value);
                Map<String, Object> out = new TreeMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) out.put((String) e.getKey(), convert(e.getValue(), arg(c, 0), at, what + "[\"" + e.getKey() + "\"]"));
                return Values.map(out);
            }
            case "tuple": {
                if (!(value instanceof List<?> l)) throw mismatch(at, what, "a list", value);
                List<Expr> types = arg(c, 0) instanceof Hcl.Tuple t ? t.items() : List.of();
                if (types.size() != l.size()) throw new EvalException(at, what + ": expected " + types.size() + " elements, not " + l.size());
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) out.add(convert(l.get(i), types.get(i), at, what + "[" + i + "]"));
                return Values.list(out);
            }
            case "object": {
                if (!(value instanceof Map<?, ?> m)) throw mismatch(at, what, "an object", value);
                if (!(arg(c, 0) instanceof Hcl.ObjectCons spec)) throw new EvalException(c.pos(), "object() needs {attribute = type, …}");
                Map<String, Object> out = new TreeMap<>();
                for (int i = 0; i < spec.keys().size(); i++) {
                    String name = spec.keys().get(i) instanceof Hcl.Literal l ? String.valueOf(l.value()) : spec.keys().get(i).text();
                    Expr t = spec.values().get(i);
                    boolean optional = t instanceof Hcl.Call o && o.name().equals("optional");
                    if (m.containsKey(name) && m.get(name) != null) {
                        out.put(name, convert(m.get(name), optional ? arg((Hcl.Call) t, 0) : t, at, what + "." + name));
                    } else if (optional) {
                        Hcl.Call o = (Hcl.Call) t;
                        Object dflt = o.args().size() > 1 ? constant(o.args().get(1)) : null;
                        out.put(name, convert(dflt, arg(o, 0), at, what + "." + name));
                    } else if (m.containsKey(name)) {
                        out.put(name, null);
                    } else {
                        throw new EvalException(at, what + ": attribute '" + name + "' is required");
                    }
                }
                return Values.map(out);
            }
            case "optional": return convert(value, arg(c, 0), at, what);
            default: throw new EvalException(c.pos(), "unknown type '" + c.name() + "'");
        }
    }

    private static Expr arg(Hcl.Call c, int i) {
        if (i >= c.args().size()) throw new EvalException(c.pos(), c.name() + "(…) needs a type");
        return c.args().get(i);
    }

    /** An optional attribute's default: a constant. */
    private static Object constant(Expr e) {
        return new Evaluator(new Functions(x -> {})).eval(e, Evaluator.Env.of((n, p) -> null));
    }

    private static EvalException mismatch(Pos at, String what, String expected, Object value) {
        return new EvalException(at, what + ": expected " + expected + ", not " + Values.typeName(value));
    }
}
