package minet.io.terraform.hcl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import minet.io.terraform.hcl.Evaluator.Env;
import minet.io.terraform.hcl.Hcl.Call;
import minet.io.terraform.hcl.Hcl.Expr;
import minet.io.terraform.hcl.Values.Unknown;

/**
 * Terraform's built-in functions that MI modules use (CIDR arithmetic, strings, collections, type conversion,
 * {@code try}/{@code can}). Terraform's other functions (files, time, hashes, crypto …) are not evaluated offline:
 * their value is unknown and a note names them. A name Terraform does not know is an error at its place.
 */
final class Functions {
    /** Functions Terraform has that are not evaluated here (they read files, the clock, randomness, or hash). */
    private static final Set<String> NOT_EVALUATED = Set.of("file", "fileexists", "fileset", "filebase64", "templatefile",
            "filemd5", "filesha1", "filesha256", "filesha512", "filebase64sha256", "filebase64sha512", "timestamp",
            "plantimestamp", "timeadd", "timecmp", "formatdate", "uuid", "uuidv5", "bcrypt", "md5", "sha1", "sha256", "sha512",
            "base64sha256", "base64sha512", "rsadecrypt", "base64gzip", "textencodebase64", "textdecodebase64", "abspath",
            "dirname", "basename", "pathexpand", "sensitive", "nonsensitive", "issensitive", "ephemeralasnull", "yamlencode",
            "yamldecode", "csvdecode", "urlencode", "base64encode", "base64decode", "templatestring", "parseint", "log", "pow",
            "signum", "setproduct", "transpose", "matchkeys", "chunklist", "indent", "strcontains", "title", "regexall");

    private final Consumer<Call> notEvaluated;

    /** @param notEvaluated told of each call whose function is not evaluated offline (for an import note) */
    Functions(Consumer<Call> notEvaluated) {
        this.notEvaluated = notEvaluated;
    }

    Object call(Call c, Env env, Evaluator ev) {
        String name = c.name();
        // try and can evaluate their arguments themselves: an error there is their answer
        if (name.equals("try")) {
            for (Expr a : c.args()) {
                try {
                    return ev.eval(a, env);
                } catch (EvalException e) {
                    // next alternative
                }
            }
            throw new EvalException(c.pos(), "no argument of try() could be evaluated");
        }
        if (name.equals("can")) {
            arity(c, 1, 1);
            try {
                Object v = ev.eval(c.args().get(0), env);
                return v instanceof Unknown ? new Unknown(c.text()) : Boolean.TRUE;
            } catch (EvalException e) {
                return Boolean.FALSE;
            }
        }
        List<Object> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(ev.eval(a, env));
        if (c.expand() && !args.isEmpty()) {
            Object last = args.remove(args.size() - 1);
            if (last instanceof Unknown) return new Unknown(c.text());
            if (!(last instanceof List<?> l)) throw new EvalException(c.args().get(c.args().size() - 1).pos(), "only a list can be expanded with ...");
            args.addAll(l);
        }
        if (NOT_EVALUATED.contains(name) || name.startsWith("provider::")) {
            notEvaluated.accept(c);
            return new Unknown(c.text());
        }
        try {
            return apply(c, name, args);
        } catch (ArithmeticException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new EvalException(c.pos(), name + "(): " + (e.getMessage() == null ? "invalid arguments" : e.getMessage()));
        }
    }

    private Object apply(Call c, String name, List<Object> a) {
        switch (name) {
            // ---- strings ----
            case "format": return unknownIn(a, 1) ? new Unknown(c.text()) : format(c, a);
            case "formatlist": return formatlist(c, a);
            case "join": {
                arity(c, 2, Integer.MAX_VALUE);
                if (a.get(0) instanceof Unknown) return new Unknown(c.text());
                List<String> parts = new ArrayList<>();
                for (int i = 1; i < a.size(); i++) {
                    if (a.get(i) instanceof Unknown) return new Unknown(c.text());
                    for (Object o : list(c, a.get(i), i)) parts.add(str(c, o, i));
                }
                return String.join(str(c, a.get(0), 0), parts);
            }
            case "split": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                String sep = str(c, a.get(0), 0), s = str(c, a.get(1), 1);
                List<Object> out = new ArrayList<>();
                if (sep.isEmpty()) {
                    s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
                } else {
                    int from = 0;
                    for (int at; (at = s.indexOf(sep, from)) >= 0; from = at + sep.length()) out.add(s.substring(from, at));
                    out.add(s.substring(from));
                }
                return Values.list(out);
            }
            case "replace": {
                arity(c, 3, 3);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                String s = str(c, a.get(0), 0), find = str(c, a.get(1), 1), with = str(c, a.get(2), 2);
                if (find.length() > 1 && find.startsWith("/") && find.endsWith("/")) {
                    Matcher m = pattern(c, find.substring(1, find.length() - 1)).matcher(new Bounded(s));
                    return m.replaceAll(with.replaceAll("\\$\\{(\\w+)\\}", "\\${$1}"));
                }
                return find.isEmpty() ? s : s.replace(find, with);
            }
            case "lower": return string(c, a, s -> s.toLowerCase(Locale.ROOT));
            case "upper": return string(c, a, s -> s.toUpperCase(Locale.ROOT));
            case "trimspace": return string(c, a, String::strip);
            case "chomp": return string(c, a, s -> s.replaceAll("[\\r\\n]+$", ""));
            case "strrev": return string(c, a, s -> new StringBuilder(s).reverse().toString());
            case "trim": case "trimprefix": case "trimsuffix": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                String s = str(c, a.get(0), 0), t = str(c, a.get(1), 1);
                if (name.equals("trimprefix")) return s.startsWith(t) ? s.substring(t.length()) : s;
                if (name.equals("trimsuffix")) return !t.isEmpty() && s.endsWith(t) ? s.substring(0, s.length() - t.length()) : s;
                int from = 0, to = s.length();
                while (from < to && t.indexOf(s.charAt(from)) >= 0) from++;
                while (to > from && t.indexOf(s.charAt(to - 1)) >= 0) to--;
                return s.substring(from, to);
            }
            case "startswith": case "endswith": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                String s = str(c, a.get(0), 0), t = str(c, a.get(1), 1);
                return name.equals("startswith") ? s.startsWith(t) : s.endsWith(t);
            }
            case "substr": {
                arity(c, 3, 3);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                String s = str(c, a.get(0), 0);
                int off = integer(c, a.get(1), 1), len = integer(c, a.get(2), 2);
                int n = s.length();
                if (off < 0) off = Math.max(0, n + off);
                if (off > n) throw new IllegalArgumentException("offset " + off + " is past the end of the string");
                int end = len < 0 ? n : Math.min(n, off + len);
                return s.substring(off, end);
            }
            case "regex": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                Matcher m = pattern(c, str(c, a.get(0), 0)).matcher(new Bounded(str(c, a.get(1), 1)));
                if (!m.find()) throw new IllegalArgumentException("the pattern does not match");
                if (m.groupCount() == 0) return m.group();
                List<Object> groups = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) groups.add(m.group(i));
                return Values.list(groups);
            }
            case "tostring": {
                arity(c, 1, 1);
                Object v = a.get(0);
                if (v == null || v instanceof Unknown || v instanceof String) return v;
                String s = Values.display(v);
                if (s == null) throw new IllegalArgumentException("cannot convert " + Values.typeName(v) + " to a string");
                return s;
            }
            case "tonumber": {
                arity(c, 1, 1);
                Object v = a.get(0);
                if (v == null || v instanceof Unknown) return v;
                return number(c, v, 0);
            }
            case "tobool": {
                arity(c, 1, 1);
                Object v = a.get(0);
                if (v == null || v instanceof Unknown || v instanceof Boolean) return v;
                if ("true".equals(v) || "false".equals(v)) return Boolean.valueOf((String) v);
                throw new IllegalArgumentException("cannot convert " + Values.typeName(v) + " to a bool");
            }
            case "jsonencode": {
                arity(c, 1, 1);
                if (Values.holdsUnknown(a.get(0))) return new Unknown(c.text());
                try {
                    return new ObjectMapper().writeValueAsString(json(a.get(0)));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("cannot encode the value");
                }
            }
            case "jsondecode": {
                arity(c, 1, 1);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                try {
                    return fromJson(new ObjectMapper().readTree(str(c, a.get(0), 0)));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("the text is not JSON");
                }
            }

            // ---- CIDR ----
            case "cidrsubnet": {
                arity(c, 3, 3);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                long[] p = Cidrs.parse(str(c, a.get(0), 0));
                return Cidrs.subnet(p, integer(c, a.get(1), 1), number(c, a.get(2), 2).longValueExact());
            }
            case "cidrsubnets": {
                arity(c, 1, Integer.MAX_VALUE);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                long[] p = Cidrs.parse(str(c, a.get(0), 0));
                List<Integer> bits = new ArrayList<>();
                for (int i = 1; i < a.size(); i++) bits.add(integer(c, a.get(i), i));
                return Values.list(Cidrs.subnets(p, bits));
            }
            case "cidrhost": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                return Cidrs.host(Cidrs.parse(str(c, a.get(0), 0)), number(c, a.get(1), 1).longValueExact());
            }
            case "cidrnetmask": {
                arity(c, 1, 1);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                return Cidrs.netmask(Cidrs.parse(str(c, a.get(0), 0)));
            }

            // ---- numbers ----
            case "min": case "max": {
                arity(c, 1, Integer.MAX_VALUE);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                BigDecimal best = null;
                for (int i = 0; i < a.size(); i++) {
                    BigDecimal n = number(c, a.get(i), i);
                    if (best == null || (name.equals("min") ? n.compareTo(best) < 0 : n.compareTo(best) > 0)) best = n;
                }
                return best;
            }
            case "abs": return numeric(c, a, BigDecimal::abs);
            case "ceil": return numeric(c, a, n -> n.setScale(0, RoundingMode.CEILING));
            case "floor": return numeric(c, a, n -> n.setScale(0, RoundingMode.FLOOR));
            case "sum": {
                arity(c, 1, 1);
                if (Values.holdsUnknown(a.get(0))) return new Unknown(c.text());
                BigDecimal s = BigDecimal.ZERO;
                List<?> l = list(c, a.get(0), 0);
                if (l.isEmpty()) throw new IllegalArgumentException("cannot sum an empty list");
                for (Object o : l) s = s.add(number(c, o, 0));
                return s;
            }
            case "range": {
                arity(c, 1, 3);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : number(c, a.get(0), 0);
                BigDecimal end = number(c, a.get(a.size() == 1 ? 0 : 1), a.size() == 1 ? 0 : 1);
                BigDecimal step = a.size() == 3 ? number(c, a.get(2), 2) : start.compareTo(end) <= 0 ? BigDecimal.ONE : BigDecimal.ONE.negate();
                if (step.signum() == 0) throw new IllegalArgumentException("the step must not be zero");
                List<Object> out = new ArrayList<>();
                for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(end) < 0 : v.compareTo(end) > 0; v = v.add(step)) {
                    if (out.size() >= Evaluator.MAX_ITEMS) throw new IllegalArgumentException("more than " + Evaluator.MAX_ITEMS + " elements");
                    out.add(v);
                }
                return Values.list(out);
            }

            // ---- collections ----
            case "length": {
                arity(c, 1, 1);
                Object v = a.get(0);
                if (v instanceof Unknown) return new Unknown(c.text());
                if (v instanceof String s) return BigDecimal.valueOf(s.codePointCount(0, s.length()));
                if (v instanceof List<?> l) return BigDecimal.valueOf(l.size());
                if (v instanceof Map<?, ?> m) return BigDecimal.valueOf(m.size());
                throw new IllegalArgumentException("cannot take the length of " + Values.typeName(v));
            }
            case "concat": {
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < a.size(); i++) out.addAll(list(c, a.get(i), i));
                return Values.list(out);
            }
            case "merge": {
                if (unknownIn(a, 0)) return new Unknown(c.text());
                Map<String, Object> out = new TreeMap<>();
                for (int i = 0; i < a.size(); i++) if (a.get(i) != null) out.putAll(map(c, a.get(i), i));
                return Values.map(out);
            }
            case "lookup": {
                arity(c, 2, 3);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                Map<String, Object> m = map(c, a.get(0), 0);
                String k = str(c, a.get(1), 1);
                if (m.containsKey(k)) return m.get(k);
                if (a.size() == 3) return a.get(2);
                throw new IllegalArgumentException("there is no key \"" + k + "\" and no default");
            }
            case "element": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<?> l = list(c, a.get(0), 0);
                if (l.isEmpty()) throw new IllegalArgumentException("the list is empty");
                int i = integer(c, a.get(1), 1);
                return l.get(Math.floorMod(i, l.size()));
            }
            case "index": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<?> l = list(c, a.get(0), 0);
                for (int i = 0; i < l.size(); i++) if (Values.same(l.get(i), a.get(1))) return BigDecimal.valueOf(i);
                throw new IllegalArgumentException("the value is not in the list");
            }
            case "contains": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                for (Object o : list(c, a.get(0), 0)) if (Values.same(o, a.get(1))) return true;
                return false;
            }
            case "keys": case "values": {
                arity(c, 1, 1);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                Map<String, Object> m = map(c, a.get(0), 0);
                return Values.list(name.equals("keys") ? new ArrayList<>(m.keySet()) : new ArrayList<>(m.values()));
            }
            case "zipmap": {
                arity(c, 2, 2);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<?> k = list(c, a.get(0), 0), v = list(c, a.get(1), 1);
                if (k.size() != v.size()) throw new IllegalArgumentException("the lists have different lengths");
                Map<String, Object> out = new TreeMap<>();
                for (int i = 0; i < k.size(); i++) out.put(str(c, k.get(i), 0), v.get(i));
                return Values.map(out);
            }
            case "flatten": {
                arity(c, 1, 1);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<Object> out = new ArrayList<>();
                flatten(list(c, a.get(0), 0), out);
                return Values.list(out);
            }
            case "distinct": case "toset": {
                arity(c, 1, 1);
                if (unknownIn(a, 0) || a.get(0) == null) return a.get(0) == null ? null : new Unknown(c.text());
                List<Object> out = new ArrayList<>();
                for (Object o : list(c, a.get(0), 0)) if (out.stream().noneMatch(x -> Values.same(x, o))) out.add(o);
                if (name.equals("toset") && out.stream().allMatch(o -> o instanceof String)) out.sort((x, y) -> ((String) x).compareTo((String) y));
                return Values.list(out);
            }
            case "compact": {
                arity(c, 1, 1);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<Object> out = new ArrayList<>();
                for (Object o : list(c, a.get(0), 0)) if (o != null && !"".equals(o)) out.add(o);
                return Values.list(out);
            }
            case "reverse": {
                arity(c, 1, 1);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<Object> out = new ArrayList<>(list(c, a.get(0), 0));
                java.util.Collections.reverse(out);
                return Values.list(out);
            }
            case "sort": {
                arity(c, 1, 1);
                if (Values.holdsUnknown(a.get(0))) return new Unknown(c.text());
                List<String> out = new ArrayList<>();
                for (Object o : list(c, a.get(0), 0)) out.add(str(c, o, 0));
                out.sort(null);
                return Values.list(out);
            }
            case "slice": {
                arity(c, 3, 3);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<?> l = list(c, a.get(0), 0);
                int from = integer(c, a.get(1), 1), to = integer(c, a.get(2), 2);
                if (from < 0 || to > l.size() || from > to) throw new IllegalArgumentException("indexes " + from + " to " + to + " are out of range");
                return Values.list(l.subList(from, to));
            }
            case "one": {
                arity(c, 1, 1);
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<?> l = list(c, a.get(0), 0);
                if (l.size() > 1) throw new IllegalArgumentException("the list has more than one element");
                return l.isEmpty() ? null : l.get(0);
            }
            case "alltrue": case "anytrue": {
                arity(c, 1, 1);
                if (Values.holdsUnknown(a.get(0))) return new Unknown(c.text());
                boolean all = name.equals("alltrue");
                for (Object o : list(c, a.get(0), 0)) {
                    boolean b = Evaluator.bool(o, c.args().get(0));
                    if (all && !b) return false;
                    if (!all && b) return true;
                }
                return all;
            }
            case "setunion": case "setintersection": case "setsubtract": {
                if (unknownIn(a, 0)) return new Unknown(c.text());
                List<Object> out = new ArrayList<>(list(c, a.get(0), 0));
                for (int i = 1; i < a.size(); i++) {
                    List<?> other = list(c, a.get(i), i);
                    if (name.equals("setunion")) for (Object o : other) { if (out.stream().noneMatch(x -> Values.same(x, o))) out.add(o); }
                    else if (name.equals("setintersection")) out.removeIf(x -> other.stream().noneMatch(o -> Values.same(x, o)));
                    else out.removeIf(x -> other.stream().anyMatch(o -> Values.same(x, o)));
                }
                return Values.list(out);
            }
            case "coalesce": {
                if (unknownIn(a, 0)) return new Unknown(c.text());
                for (Object o : a) if (o != null && !"".equals(o)) return o;
                throw new IllegalArgumentException("every argument is null or empty");
            }
            case "coalescelist": {
                if (unknownIn(a, 0)) return new Unknown(c.text());
                for (int i = 0; i < a.size(); i++) if (!list(c, a.get(i), i).isEmpty()) return a.get(i);
                throw new IllegalArgumentException("every list is empty");
            }
            case "tolist": case "tomap": {
                arity(c, 1, 1);
                Object v = a.get(0);
                if (v == null || v instanceof Unknown) return v;
                if (name.equals("tomap")) return Values.map(map(c, v, 0));
                return Values.list(list(c, v, 0));
            }
            default:
                throw new EvalException(c.pos(), "there is no function '" + name + "' in Terraform");
        }
    }

    // ---- helpers ----

    private static void arity(Call c, int min, int max) {
        int n = c.args().size();
        if (n < min || n > max && !c.expand()) {
            throw new EvalException(c.pos(), c.name() + "() takes " + (min == max ? min + "" : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max)
                    + " argument" + (max == 1 ? "" : "s") + ", not " + n);
        }
    }

    /** True when an argument from {@code from} on is unknown (at the top: an unknown inside a list passes through). */
    private static boolean unknownIn(List<Object> a, int from) {
        for (int i = from; i < a.size(); i++) if (a.get(i) instanceof Unknown) return true;
        return false;
    }

    private static Object string(Call c, List<Object> a, java.util.function.UnaryOperator<String> f) {
        arity(c, 1, 1);
        if (a.get(0) instanceof Unknown) return new Unknown(c.text());
        return f.apply(str(c, a.get(0), 0));
    }

    private static Object numeric(Call c, List<Object> a, java.util.function.UnaryOperator<BigDecimal> f) {
        arity(c, 1, 1);
        if (a.get(0) instanceof Unknown) return new Unknown(c.text());
        return f.apply(number(c, a.get(0), 0));
    }

    static String str(Call c, Object v, int i) {
        String s = v instanceof Unknown ? null : Values.display(v);
        if (s == null) throw new EvalException(argPos(c, i), c.name() + "() needs a string here, not " + Values.typeName(v));
        return s;
    }

    private static BigDecimal number(Call c, Object v, int i) {
        if (v instanceof BigDecimal n) return n;
        BigDecimal n = v instanceof String s ? Evaluator.parseNumber(s) : null;
        if (n == null) throw new EvalException(argPos(c, i), c.name() + "() needs a number here, not " + Values.typeName(v));
        return n;
    }

    private static int integer(Call c, Object v, int i) {
        BigDecimal n = number(c, v, i);
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new EvalException(argPos(c, i), c.name() + "() needs a whole number here, not " + Values.number(n));
        }
    }

    private static List<?> list(Call c, Object v, int i) {
        if (v instanceof List<?> l) return l;
        throw new EvalException(argPos(c, i), c.name() + "() needs a list here, not " + Values.typeName(v));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Call c, Object v, int i) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new EvalException(argPos(c, i), c.name() + "() needs a map or object here, not " + Values.typeName(v));
    }

    private static Hcl.Pos argPos(Call c, int i) {
        return i < c.args().size() ? c.args().get(i).pos() : c.pos();
    }

    private static void flatten(List<?> in, List<Object> out) {
        for (Object o : in) {
            if (o instanceof List<?> l) flatten(l, out);
            else out.add(o);
        }
    }

    private static Pattern pattern(Call c, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new EvalException(argPos(c, 0), c.name() + "(): the regular expression is not valid: " + e.getDescription());
        }
    }

    /** A string that a regular expression may read only so many times: Java's backtracking could otherwise run for ever. */
    private static final class Bounded implements CharSequence {
        private final String s;
        private final long[] budget;

        Bounded(String s) {
            this(s, new long[] {10_000_000L});
        }

        private Bounded(String s, long[] budget) {
            this.s = s;
            this.budget = budget;
        }

        @Override public int length() { return s.length(); }
        @Override public char charAt(int i) {
            if (--budget[0] < 0) throw new IllegalArgumentException("the regular expression takes too long on this text");
            return s.charAt(i);
        }
        @Override public CharSequence subSequence(int a, int b) { return new Bounded(s.substring(a, b), budget); }
        @Override public String toString() { return s; }
    }

    // ---- format ----

    private static final Pattern VERB = Pattern.compile("%(-)?(0)?(\\d+)?(?:\\.(\\d+))?([sdqvft%])");

    private static String format(Call c, List<Object> a) {
        arity(c, 1, Integer.MAX_VALUE);
        String spec = str(c, a.get(0), 0);
        Matcher m = VERB.matcher(spec);
        StringBuilder out = new StringBuilder();
        int last = 0, next = 1;
        while (m.find()) {
            out.append(spec, last, m.start());
            last = m.end();
            char verb = m.group(5).charAt(0);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= a.size()) throw new EvalException(c.pos(), "format(): not enough arguments for \"" + spec + "\"");
            Object v = a.get(next++);
            int width = m.group(3) == null ? 0 : Math.min(Integer.parseInt(m.group(3)), 1000);
            String s;
            switch (verb) {
                case 'd': s = number(c, v, next - 1).setScale(0, RoundingMode.DOWN).toPlainString(); break;
                case 'f': s = number(c, v, next - 1).setScale(m.group(4) == null ? 6 : Math.min(Integer.parseInt(m.group(4)), 100), RoundingMode.HALF_EVEN).toPlainString(); break;
                case 'q': s = "\"" + str(c, v, next - 1).replace("\\", "\\\\").replace("\"", "\\\"") + "\""; break;
                case 't': s = String.valueOf(Evaluator.bool(v, c.args().get(Math.min(next - 1, c.args().size() - 1)))); break;
                case 'v': s = v == null ? "null" : Values.display(v) != null ? Values.display(v) : jsonText(v); break;
                default: s = str(c, v, next - 1);
            }
            if (s.length() < width) {
                String pad = (m.group(2) != null && m.group(1) == null && verb != 's' ? "0" : " ").repeat(width - s.length());
                s = m.group(1) != null ? s + pad : s.startsWith("-") && pad.startsWith("0") ? "-" + pad + s.substring(1) : pad + s;
            }
            out.append(s);
        }
        out.append(spec.substring(last));
        return out.toString();
    }

    private static Object formatlist(Call c, List<Object> a) {
        arity(c, 1, Integer.MAX_VALUE);
        if (unknownIn(a, 0)) return new Unknown(c.text());
        int n = -1;
        for (int i = 1; i < a.size(); i++) {
            if (a.get(i) instanceof List<?> l) {
                if (n >= 0 && n != l.size()) throw new EvalException(c.pos(), "formatlist(): the lists have different lengths");
                n = l.size();
            }
        }
        if (n < 0) n = 1;
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Object> args = new ArrayList<>();
            args.add(a.get(0));
            for (int i = 1; i < a.size(); i++) args.add(a.get(i) instanceof List<?> l ? l.get(k) : a.get(i));
            out.add(format(c, args));
        }
        return Values.list(out);
    }

    private static String jsonText(Object v) {
        try {
            return new ObjectMapper().writeValueAsString(json(v));
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    /** A value as JSON (jsonencode). */
    static JsonNode json(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) return f.nullNode();
        if (v instanceof String s) return f.textNode(s);
        if (v instanceof BigDecimal n) return n.stripTrailingZeros().scale() <= 0 ? f.numberNode(n.toBigInteger()) : f.numberNode(n);
        if (v instanceof Boolean b) return f.booleanNode(b);
        if (v instanceof List<?> l) {
            ArrayNode arr = f.arrayNode();
            for (Object o : l) arr.add(json(o));
            return arr;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) o.set(String.valueOf(e.getKey()), json(e.getValue()));
            return o;
        }
        return f.textNode(((Unknown) v).text());
    }

    /** JSON as a value (jsondecode, .tfvars.json). */
    static Object fromJson(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.asText();
        if (n.isNumber()) return n.decimalValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode x : n) out.add(fromJson(x));
            return Values.list(out);
        }
        Map<String, Object> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), fromJson(e.getValue()));
        }
        return Values.map(out);
    }

}
