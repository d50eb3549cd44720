package minet.io.terraform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform values as plain Java: null, String, BigDecimal, Boolean, List (tuple, list, set), a sorted Map (object,
 * map: Terraform iterates their keys in lexical order), {@link Unknown} for what only Azure or a plan knows, and
 * {@link Resource} for a resource instance (its configured attributes; any other attribute is unknown).
 */
final class Values {
    private Values() {}

    /** A value not known offline; {@code what} names it as written ({@code data.azurerm_subnet.mi.id}). */
    record Unknown(String what) {
        /** How the model carries it: text holding {what} (see minet.model.Unknowns). */
        String text() { return "{" + what + "}"; }
    }

    /** A resource (or data source, or remote module) instance: its attributes; others are known only after apply. */
    static final class Resource extends TreeMap<String, Object> {
        private static final long serialVersionUID = 1L;
        final String address;

        Resource(String address, Map<String, Object> attributes) {
            super(attributes);
            this.address = address;
        }

        Object attribute(String name) {
            return containsKey(name) ? get(name) : new Unknown(address + "." + name);
        }
    }

    static boolean isUnknown(Object v) { return v instanceof Unknown; }

    static List<Object> list(List<?> items) { return Collections.unmodifiableList(new ArrayList<>(items)); }

    static Map<String, Object> map(Map<String, ?> entries) { return Collections.unmodifiableMap(new TreeMap<>(entries)); }

    static String typeName(Object v) {
        if (v == null) return "null";
        if (v instanceof String) return "a string";
        if (v instanceof BigDecimal) return "a number";
        if (v instanceof Boolean) return "a bool";
        if (v instanceof List) return "a list";
        if (v instanceof Map) return "an object";
        return "an unknown value";
    }

    /** Text as a template shows it: numbers without trailing zeros, bools as true/false; an unknown as {what}. */
    static String display(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof BigDecimal n) return number(n);
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof Unknown u) return u.text();
        return null;
    }

    static String number(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    /** Structural equality as Terraform's == (numbers by value). */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) return a == b;
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!same(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) return false;
            for (Object k : x.keySet()) if (!same(x.get(k), y.get(k))) return false;
            return true;
        }
        return a.equals(b);
    }

    /** True when the value holds an unknown anywhere inside. */
    static boolean holdsUnknown(Object v) {
        if (v instanceof Unknown) return true;
        if (v instanceof List<?> l) for (Object o : l) if (holdsUnknown(o)) return true;
        if (v instanceof Map<?, ?> m && !(v instanceof Resource)) for (Object o : m.values()) if (holdsUnknown(o)) return true;
        return false;
    }
}
