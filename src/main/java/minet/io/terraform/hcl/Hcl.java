package minet.io.terraform.hcl;

import java.util.List;
import minet.io.InputException;
import minet.model.Source;

/**
 * The syntax of a Terraform file (HCL native syntax) as the importer evaluates it: bodies of attributes and
 * blocks, and expressions. Every element knows where it was written.
 */
public final class Hcl {
    private Hcl() {}

    /** A place in a file: 1-based line and column. */
    public record Pos(String file, int line, int column) {
        public Source source() { return new Source(file, null, line, column); }
        public InputException error(String problem) { return new InputException(file, line, column, problem); }
    }

    public record Body(List<Attribute> attributes, List<Block> blocks) {
        public Attribute attribute(String name) {
            for (Attribute a : attributes) if (a.name.equals(name)) return a;
            return null;
        }

        public List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type.equals(type)).toList();
        }
    }

    public record Attribute(String name, Expr expr, Pos pos) {}

    public record Block(String type, List<String> labels, Body body, Pos pos) {
        public String label(int i) { return i < labels.size() ? labels.get(i) : null; }
    }

    /** An expression; {@link #text()} is how it was written (it names what an unknown value stands for). */
    public interface Expr {
        Pos pos();
        String text();
    }

    public record Literal(Object value, Pos pos, String text) implements Expr {}

    /** A string template: literal text (String) and interpolations (Expr). */
    public record Template(List<Object> parts, Pos pos, String text) implements Expr {}

    public record Variable(String name, Pos pos, String text) implements Expr {}

    public record GetAttr(Expr target, String name, Pos pos, String text) implements Expr {}

    public record Index(Expr target, Expr key, Pos pos, String text) implements Expr {}

    /** {@code target[*].a.b} or {@code target.*.a}: the steps (a String name or an Expr index) applied to each element. */
    public record Splat(Expr target, List<Object> steps, Pos pos, String text) implements Expr {}

    /** {@code name(args)}; {@code expand}: the last argument is written {@code list...}. */
    public record Call(String name, List<Expr> args, boolean expand, Pos pos, String text) implements Expr {}

    public record Tuple(List<Expr> items, Pos pos, String text) implements Expr {}

    /** An object constructor; a bare identifier key is a Literal string. */
    public record ObjectCons(List<Expr> keys, List<Expr> values, Pos pos, String text) implements Expr {}

    /** {@code [for k, v in coll : value if cond]} (key null) or {@code {for k, v in coll : key => value... if cond}}. */
    public record For(String keyVar, String valueVar, Expr collection, Expr key, Expr value, Expr condition, boolean grouping,
                      Pos pos, String text) implements Expr {}

    public record Conditional(Expr condition, Expr then, Expr otherwise, Pos pos, String text) implements Expr {}

    public record Binary(String op, Expr left, Expr right, Pos pos, String text) implements Expr {}

    public record Unary(String op, Expr operand, Pos pos, String text) implements Expr {}
}
