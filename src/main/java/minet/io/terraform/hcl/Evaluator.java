package minet.io.terraform.hcl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import minet.io.terraform.hcl.Hcl.Expr;
import minet.io.terraform.hcl.Hcl.Pos;
import minet.io.terraform.hcl.Values.Resource;
import minet.io.terraform.hcl.Values.Unknown;

/**
 * Evaluates HCL expressions as Terraform does, over known values; what depends on a value not known offline is an
 * {@link Unknown} that names it (or, inside a string, text holding {what}). Errors Terraform would report are
 * {@link EvalException}s at their place.
 */
final class Evaluator {
    /** Collections larger than this are refused: no MI network needs them, and they would only exhaust memory. */
    static final int MAX_ITEMS = 100_000;

    /** What a root name means: a value, or a namespace whose attributes are looked up one by one (var, local, resource types). */
    interface Names {
        /** The value of a root name, or a {@link Lazy}; null when the name is not declared. */
        Object root(String name, Pos pos);
    }

    /** A namespace resolved attribute by attribute, so that local.a need not evaluate every local. */
    interface Lazy {
        Object attr(String name, Pos pos);
    }

    /** Local names (for expressions, each, count, a dynamic block's iterator) over the module's names. */
    static final class Env {
        final Names names;
        final Env parent;
        final String name;
        final Object value;

        private Env(Names names, Env parent, String name, Object value) {
            this.names = names;
            this.parent = parent;
            this.name = name;
            this.value = value;
        }

        static Env of(Names names) { return new Env(names, null, null, null); }

        Env with(String name, Object value) { return new Env(names, this, name, value); }

        Object lookup(String n, Pos pos) {
            for (Env e = this; e != null; e = e.parent) if (e.name != null && e.name.equals(n)) return e.value;
            return names.root(n, pos);
        }
    }

    /** Expressions evaluated per import at most: nested for expressions over large ranges would otherwise run for hours. */
    static final long MAX_STEPS = 20_000_000L;

    private final Functions functions;
    private long steps;

    Evaluator(Functions functions) {
        this.functions = functions;
    }

    Object eval(Expr e, Env env) {
        if (++steps > MAX_STEPS) throw new EvalException(e.pos(), "the module takes too long to evaluate (more than " + MAX_STEPS + " steps)");
        if (e instanceof Hcl.Literal l) return l.value();
        if (e instanceof Hcl.Template t) return template(t, env);
        if (e instanceof Hcl.Variable v) {
            Object o = env.lookup(v.name(), v.pos());
            if (o == null && !declared(env, v.name())) throw new EvalException(v.pos(), "'" + v.name() + "' is not declared here");
            if (o instanceof Lazy) throw new EvalException(v.pos(), "'" + v.name() + "' needs an attribute, as in " + v.name() + ".name");
            return o;
        }
        if (e instanceof Hcl.GetAttr g) return getAttr(g, env);
        if (e instanceof Hcl.Index i) {
            Object target = eval(i.target(), env);
            Object key = eval(i.key(), env);
            if (target instanceof Unknown || key instanceof Unknown) return new Unknown(i.text());
            return index(target, key, i.pos(), i.key().text());
        }
        if (e instanceof Hcl.Splat s) return splat(s, env);
        if (e instanceof Hcl.Call c) return functions.call(c, env, this);
        if (e instanceof Hcl.Tuple t) {
            List<Object> items = new ArrayList<>();
            for (Expr x : t.items()) items.add(eval(x, env));
            return Values.list(items);
        }
        if (e instanceof Hcl.ObjectCons o) {
            Map<String, Object> m = new TreeMap<>();
            for (int k = 0; k < o.keys().size(); k++) {
                Object key = eval(o.keys().get(k), env);
                if (key instanceof Unknown) return new Unknown(o.text());
                String ks = Values.display(key);
                if (ks == null) throw new EvalException(o.keys().get(k).pos(), "an object key must be a string, not " + Values.typeName(key));
                m.put(ks, eval(o.values().get(k), env));
            }
            return Values.map(m);
        }
        if (e instanceof Hcl.For f) return forExpr(f, env);
        if (e instanceof Hcl.Conditional c) {
            Object cond = eval(c.condition(), env);
            if (cond instanceof Unknown) return new Unknown(c.text());
            return bool(cond, c.condition()) ? eval(c.then(), env) : eval(c.otherwise(), env);
        }
        if (e instanceof Hcl.Unary u) {
            Object v = eval(u.operand(), env);
            if (v instanceof Unknown) return new Unknown(u.text());
            return u.op().equals("!") ? !bool(v, u.operand()) : number(v, u.operand()).negate();
        }
        return binary((Hcl.Binary) e, env);
    }

    private static boolean declared(Env env, String n) {
        for (Env e = env; e != null; e = e.parent) if (n.equals(e.name)) return true;
        return false;
    }

    private Object getAttr(Hcl.GetAttr g, Env env) {
        Object target = g.target() instanceof Hcl.Variable v ? env.lookup(v.name(), v.pos()) : eval(g.target(), env);
        if (target == null && g.target() instanceof Hcl.Variable v && !declared(env, v.name())) {
            throw new EvalException(v.pos(), "'" + v.name() + "' is not declared: no variable, local value, resource, data source or module has this name");
        }
        if (target instanceof Lazy lazy) return lazy.attr(g.name(), g.pos());
        return attribute(target, g.name(), g.pos(), g.text());
    }

    static Object attribute(Object target, String name, Pos pos, String text) {
        if (target instanceof Unknown) return new Unknown(text);
        if (target instanceof Resource r) return r.attribute(name);
        if (target instanceof Map<?, ?> m) {
            if (!m.containsKey(name)) throw new EvalException(pos, "this object has no attribute '" + name + "'");
            return m.get(name);
        }
        if (target instanceof List<?>) {
            throw new EvalException(pos, "a list has no attribute '" + name + "': pick an element first ([0]) or use a splat ([*]." + name + ")");
        }
        throw new EvalException(pos, Values.typeName(target) + " has no attribute '" + name + "'");
    }

    static Object index(Object target, Object key, Pos pos, String keyText) {
        if (target instanceof List<?> l) {
            BigDecimal n = key instanceof BigDecimal b ? b : key instanceof String s ? parseNumber(s) : null;
            if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0) throw new EvalException(pos, "a list index must be a whole number, not " + keyText);
            if (n.compareTo(BigDecimal.valueOf(l.size())) >= 0) throw new EvalException(pos, "index " + Values.number(n) + " is out of range: the list has " + l.size() + " elements");
            return l.get(n.intValue());
        }
        if (target instanceof Map<?, ?> m) {
            String k = Values.display(key);
            if (k == null) throw new EvalException(pos, "a map key must be a string, not " + Values.typeName(key));
            if (target instanceof Resource r) return r.attribute(k);
            if (!m.containsKey(k)) throw new EvalException(pos, "there is no element \"" + k + "\" in this map");
            return m.get(k);
        }
        throw new EvalException(pos, "cannot index " + Values.typeName(target));
    }

    private Object splat(Hcl.Splat s, Env env) {
        Object target = eval(s.target(), env);
        if (target instanceof Unknown) return new Unknown(s.text());
        List<?> items = target == null ? List.of() : target instanceof List<?> l ? l : List.of(target);
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object v = item;
            for (Object step : s.steps()) {
                if (v instanceof Unknown) break;
                if (step instanceof String name) v = attribute(v, name, s.pos(), s.text());
                else {
                    Object key = eval((Expr) step, env);
                    v = key instanceof Unknown ? new Unknown(s.text()) : index(v, key, s.pos(), ((Expr) step).text());
                }
            }
            out.add(v);
        }
        return Values.list(out);
    }

    private Object template(Hcl.Template t, Env env) {
        if (t.parts().size() == 1 && t.parts().get(0) instanceof Expr only) {
            return eval(only, env); // "${x}" is x itself, whatever its type
        }
        StringBuilder sb = new StringBuilder();
        for (Object p : t.parts()) {
            if (p instanceof String s) {
                sb.append(s);
                continue;
            }
            Expr x = (Expr) p;
            Object v = eval(x, env);
            if (v == null) throw new EvalException(x.pos(), "a null value cannot be part of a string (" + x.text() + ")");
            String s = Values.display(v);
            if (s == null) throw new EvalException(x.pos(), Values.typeName(v) + " cannot be part of a string (" + x.text() + "): convert it first, e.g. with join() or jsonencode()");
            sb.append(s);
        }
        return sb.toString();
    }

    private Object forExpr(Hcl.For f, Env env) {
        Object coll = eval(f.collection(), env);
        if (coll instanceof Unknown) return new Unknown(f.text());
        if (coll == null) throw new EvalException(f.collection().pos(), "a for expression needs a list, set, map or object, not null");
        List<Object[]> pairs = entries(coll, f.collection().pos());
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = new TreeMap<>();
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (Object[] kv : pairs) {
            Env inner = env;
            if (f.keyVar() != null) inner = inner.with(f.keyVar(), kv[0]);
            inner = inner.with(f.valueVar(), kv[1]);
            if (f.condition() != null) {
                Object c = eval(f.condition(), inner);
                if (c instanceof Unknown) return new Unknown(f.text());
                if (!bool(c, f.condition())) continue;
            }
            if (f.key() == null) {
                list.add(eval(f.value(), inner));
                continue;
            }
            Object k = eval(f.key(), inner);
            if (k instanceof Unknown) return new Unknown(f.text());
            String ks = Values.display(k);
            if (ks == null) throw new EvalException(f.key().pos(), "a key must be a string, not " + Values.typeName(k));
            Object v = eval(f.value(), inner);
            if (f.grouping()) {
                groups.computeIfAbsent(ks, x -> new ArrayList<>()).add(v);
            } else {
                if (map.containsKey(ks)) throw new EvalException(f.key().pos(), "two elements have the key \"" + ks + "\": add ... after the value to group them");
                map.put(ks, v);
            }
        }
        if (f.key() == null) return Values.list(list);
        if (f.grouping()) for (Map.Entry<String, List<Object>> g : groups.entrySet()) map.put(g.getKey(), Values.list(g.getValue()));
        return Values.map(map);
    }

    /** (key, value) pairs of a collection: a list's index, a map's key (in lexical order). */
    static List<Object[]> entries(Object coll, Pos pos) {
        List<Object[]> out = new ArrayList<>();
        if (coll instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) out.add(new Object[] {BigDecimal.valueOf(i), l.get(i)});
        } else if (coll instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) out.add(new Object[] {e.getKey(), e.getValue()});
        } else {
            throw new EvalException(pos, "expected a list, set, map or object, not " + Values.typeName(coll));
        }
        return out;
    }

    private Object binary(Hcl.Binary b, Env env) {
        String op = b.op();
        Object l = eval(b.left(), env);
        // && and || need their right side only when the left does not decide
        if (op.equals("&&") && l instanceof Boolean x && !x) return false;
        if (op.equals("||") && l instanceof Boolean x && x) return true;
        Object r = eval(b.right(), env);
        if (l instanceof Unknown || r instanceof Unknown) return new Unknown(b.text());
        switch (op) {
            case "==": return Values.same(l, r);
            case "!=": return !Values.same(l, r);
            case "&&": return bool(l, b.left()) && bool(r, b.right());
            case "||": return bool(l, b.left()) || bool(r, b.right());
            default: break;
        }
        BigDecimal x = number(l, b.left()), y = number(r, b.right());
        switch (op) {
            case "+": return x.add(y);
            case "-": return x.subtract(y);
            case "*": return x.multiply(y);
            case "/":
                if (y.signum() == 0) throw new EvalException(b.pos(), "division by zero in " + b.text());
                return x.divide(y, MathContext.DECIMAL64);
            case "%":
                if (y.signum() == 0) throw new EvalException(b.pos(), "modulo by zero in " + b.text());
                return x.remainder(y);
            case "<": return x.compareTo(y) < 0;
            case ">": return x.compareTo(y) > 0;
            case "<=": return x.compareTo(y) <= 0;
            default: return x.compareTo(y) >= 0;
        }
    }

    static boolean bool(Object v, Expr where) {
        if (v instanceof Boolean b) return b;
        if ("true".equals(v)) return true;
        if ("false".equals(v)) return false;
        throw new EvalException(where.pos(), "expected true or false, not " + Values.typeName(v) + " (" + where.text() + ")");
    }

    static BigDecimal number(Object v, Expr where) {
        if (v instanceof BigDecimal n) return n;
        if (v instanceof String s) {
            BigDecimal n = parseNumber(s);
            if (n != null) return n;
        }
        throw new EvalException(where.pos(), "expected a number, not " + Values.typeName(v) + " (" + where.text() + ")");
    }

    static BigDecimal parseNumber(String s) {
        try {
            return s.length() > 60 ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
