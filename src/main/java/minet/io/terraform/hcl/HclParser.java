package minet.io.terraform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import minet.io.InputException;
import minet.io.terraform.hcl.Hcl.Attribute;
import minet.io.terraform.hcl.Hcl.Block;
import minet.io.terraform.hcl.Hcl.Body;
import minet.io.terraform.hcl.Hcl.Expr;
import minet.io.terraform.hcl.Hcl.Pos;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.openrewrite.hcl.internal.grammar.HCLLexer;
import org.openrewrite.hcl.internal.grammar.HCLParser;
import org.openrewrite.hcl.internal.grammar.HCLParser.ExprTermContext;

/**
 * Reads the HCL native syntax with OpenRewrite's HCL2 grammar (an ANTLR parser) into {@link Hcl}'s syntax tree.
 * The grammar leaves binary operators without precedence (a right-leaning chain); they are regrouped here as HCL
 * specifies ({@code * / %} before {@code + -} before comparisons before {@code &&} before {@code ||}). Syntax errors
 * become {@code file:line:column: problem} in our words.
 */
public final class HclParser {
    private final String file;
    private final String content;
    private final Origin origin;
    /** What the text is, for the message at its early end: "the file", "the value". */
    private final String whole;

    /**
     * Where the parsed text stands in its file, for text that is part of something else (a {@code --var} value, a
     * string of a {@code .tf.json} file): maps a 1-based line and column of the text to the place to report.
     */
    interface Origin {
        Pos at(int line, int column);
    }

    private HclParser(String file, String content, Origin origin, String whole) {
        this.file = file;
        this.content = content;
        this.origin = origin;
        this.whole = whole;
    }

    /** Thrown by the error listeners at the first syntax error, to stop ANTLR's recovery. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient InputException error;

        SyntaxError(InputException error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    public static Body parse(String file, String content) throws InputException {
        return parse(file, content, (line, column) -> new Pos(file, line, column), "the file");
    }

    /**
     * One expression given as text ({@code --var name=VALUE}, {@code TF_VAR_name}), its places counted within the
     * text: it is parsed as the argument {@code v = VALUE}, whose first four columns are taken off again.
     */
    static Expr value(String file, String text) throws InputException {
        return value(file, text, (line, column) -> new Pos(file, line, column));
    }

    /** @param inText where a line and column of the text stand (the text may be a string inside another file) */
    static Expr value(String file, String text, Origin inText) throws InputException {
        String prefix = "v = ";
        Origin origin = (line, column) -> inText.at(line, line == 1 ? Math.max(1, column - prefix.length()) : column);
        Body b = parse(file, prefix + text, origin, "the value");
        if (b.attributes().size() != 1 || !b.blocks().isEmpty()) {
            Pos extra = b.attributes().size() > 1 ? b.attributes().get(1).pos() : !b.blocks().isEmpty() ? b.blocks().get(0).pos() : origin.at(1, 1);
            throw extra.error("one value is expected here, but more follows it");
        }
        return b.attributes().get(0).expr();
    }

    /**
     * A string template given as its text, escapes already resolved (a string of a {@code .tf.json} file): parsed
     * as a heredoc, which takes text as it stands, without the newline a heredoc ends with.
     *
     * @param inText where a line and column of the text stand in its file
     * @param pos the place of the whole string
     */
    static Expr template(String text, Origin inText, Pos pos) throws InputException {
        String marker = "MINET_TEMPLATE";
        while (text.contains(marker)) marker += "_";
        Origin origin = (line, column) -> line == 1 ? inText.at(1, 1) : inText.at(line - 1, column);
        Body b;
        try {
            b = parse(pos.file(), "v = <<" + marker + "\n" + text + "\n" + marker + "\n", origin, "the string");
        } catch (InputException e) {
            // the parser met the heredoc's own end: an interpolation the string leaves open
            if (!e.problem().contains(marker) && !e.problem().equals("unexpected end of line")) throw e;
            throw new InputException(e.file(), e.line(), e.column(), "the string ends inside ${ … }: a closing brace is missing");
        }
        List<Object> parts = new ArrayList<>(((Hcl.Template) b.attributes().get(0).expr()).parts());
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last) instanceof String s && s.endsWith("\n")) {
            if (s.length() == 1) parts.remove(last);
            else parts.set(last, s.substring(0, s.length() - 1));
        }
        return new Hcl.Template(parts, pos, "\"" + text + "\"");
    }

    static Body parse(String file, String content, Origin origin, String whole) throws InputException {
        HclParser p = new HclParser(file, content, origin, whole);
        try {
            HCLLexer lexer = new HCLLexer(CharStreams.fromString(content, file));
            lexer.removeErrorListeners();
            lexer.addErrorListener(p.listener(true));
            HCLParser parser = new HCLParser(new CommonTokenStream(lexer));
            parser.removeErrorListeners();
            parser.addErrorListener(p.listener(false));
            HCLParser.ConfigFileContext tree = parser.configFile();
            if (tree.exception != null || parser.getCurrentToken().getType() != Token.EOF) {
                Token t = parser.getCurrentToken();
                throw p.at(t).error(p.unexpected(t));
            }
            return p.body(tree.body());
        } catch (SyntaxError e) {
            throw e.error;
        } catch (StackOverflowError e) {
            throw new InputException(file, "expressions are nested too deeply to read");
        }
    }

    private BaseErrorListener listener(boolean lexer) {
        return new BaseErrorListener() {
            @Override public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int column, String msg, RecognitionException e) {
                String problem;
                if (lexer) {
                    int at = msg.indexOf("at: '");
                    String what = at >= 0 ? msg.substring(at + 5, Math.max(at + 5, msg.length() - 1)) : "";
                    problem = what.startsWith("%{") ? "template directives (%{ … }) are not supported; use a conditional or a for expression"
                            : what.isEmpty() ? "a string or heredoc is not closed" : "unexpected character '" + what.codePoints().limit(1)
                                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "'";
                } else {
                    problem = offending instanceof Token t ? unexpected(t) : "syntax error";
                }
                throw new SyntaxError(origin.at(line, column + 1).error(problem));
            }
        };
    }

    private String unexpected(Token t) {
        if (t.getType() == Token.EOF) return whole + " ends too early: a closing brace, bracket, parenthesis or quote is missing";
        String text = t.getText().replace("\n", "\\n");
        if (t.getType() == HCLLexer.NEWLINE) return "unexpected end of line";
        return "unexpected '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    // ---- structure ----

    private Pos at(Token t) {
        return origin.at(t.getLine(), t.getCharPositionInLine() + 1);
    }

    private Pos at(ParserRuleContext c) { return at(c.start); }

    private String text(ParserRuleContext c) {
        if (c.stop == null || c.stop.getStopIndex() < c.start.getStartIndex()) return "";
        return content.substring(c.start.getStartIndex(), c.stop.getStopIndex() + 1);
    }

    private Body body(HCLParser.BodyContext c) {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (HCLParser.BodyContentContext bc : c.bodyContent()) {
            if (bc.attribute() != null) {
                HCLParser.AttributeContext a = bc.attribute();
                String name = a.Identifier() != null ? a.Identifier().getText() : a.NULL().getText();
                attributes.add(new Attribute(name, expr(a.expression()), at(a)));
            } else {
                HCLParser.BlockContext b = bc.block();
                List<String> labels = new ArrayList<>();
                for (HCLParser.BlockLabelContext l : b.blockLabel()) {
                    labels.add(l.Identifier() != null ? l.Identifier().getText() : unescape(l.stringLiteral() == null ? "" : l.stringLiteral().getText()));
                }
                blocks.add(new Block(b.Identifier().getText(), labels, body(b.blockExpr().body()), at(b)));
            }
        }
        return new Body(attributes, blocks);
    }

    // ---- expressions ----

    private Expr expr(HCLParser.ExpressionContext c) {
        if (c instanceof HCLParser.ExpressionTermContext t) return term(t.exprTerm());
        if (c instanceof HCLParser.OperationExpressionContext o) return operation(o.operation());
        HCLParser.ConditionalExpressionContext k = (HCLParser.ConditionalExpressionContext) c;
        return new Hcl.Conditional(expr(k.expression(0)), expr(k.expression(1)), expr(k.expression(2)), at(c), text(c));
    }

    /** An operand of a chain of binary operators, with where it starts and ends in the file. */
    private record Operand(Expr expr, int start, int stop) {}

    private Expr operation(HCLParser.OperationContext c) {
        List<Operand> operands = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        flatten(c, operands, ops);
        return regroup(operands, ops);
    }

    private void flatten(HCLParser.OperationContext c, List<Operand> operands, List<String> ops) {
        if (c.unaryOp() != null) {
            operands.add(operand(c.unaryOp()));
            return;
        }
        HCLParser.BinaryOpContext b = c.binaryOp();
        // (exprTerm | unaryOp) binaryOperator (exprTerm | operation)
        ParseTree first = b.getChild(0);
        operands.add(first instanceof HCLParser.UnaryOpContext u ? operand(u) : operand((ExprTermContext) first));
        ops.add(b.binaryOperator().getText());
        ParseTree last = b.getChild(b.getChildCount() - 1);
        if (last instanceof HCLParser.OperationContext o) flatten(o, operands, ops);
        else operands.add(operand((ExprTermContext) last));
    }

    private Operand operand(ExprTermContext t) {
        return new Operand(term(t), t.start.getStartIndex(), t.stop.getStopIndex());
    }

    private Operand operand(HCLParser.UnaryOpContext u) {
        Expr e = new Hcl.Unary(u.MINUS() != null ? "-" : "!", term(u.exprTerm()), at(u), text(u));
        return new Operand(e, u.start.getStartIndex(), u.stop.getStopIndex());
    }

    private static int precedence(String op) {
        switch (op) {
            case "||": return 1;
            case "&&": return 2;
            case "==": case "!=": return 3;
            case "<": case ">": case "<=": case ">=": return 4;
            case "+": case "-": return 5;
            default: return 6; // * / %
        }
    }

    /** Operator precedence over the flat chain, left-associative at each level. */
    private Expr regroup(List<Operand> operands, List<String> ops) {
        List<Operand> values = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        values.add(operands.get(0));
        for (int i = 0; i < ops.size(); i++) {
            String op = ops.get(i);
            while (!pending.isEmpty() && precedence(pending.get(pending.size() - 1)) >= precedence(op)) reduce(values, pending);
            pending.add(op);
            values.add(operands.get(i + 1));
        }
        while (!pending.isEmpty()) reduce(values, pending);
        return values.get(0).expr;
    }

    private void reduce(List<Operand> values, List<String> pending) {
        String op = pending.remove(pending.size() - 1);
        Operand r = values.remove(values.size() - 1);
        Operand l = values.remove(values.size() - 1);
        values.add(new Operand(new Hcl.Binary(op, l.expr, r.expr, l.expr.pos(), content.substring(l.start, r.stop + 1)), l.start, r.stop));
    }

    private Expr term(ExprTermContext c) {
        Pos pos = at(c);
        String text = text(c);
        if (c instanceof HCLParser.TemplateExpressionContext t) return template(t.templateExpr(), pos, text);
        if (c instanceof HCLParser.LiteralExpressionContext l) return literal(l.literalValue(), pos, text);
        if (c instanceof HCLParser.ForExpressionContext f) return forExpr(f.forExpr(), pos, text);
        if (c instanceof HCLParser.CollectionValueExpressionContext v) return collection(v.collectionValue(), pos, text);
        if (c instanceof HCLParser.VariableExpressionContext v) return new Hcl.Variable(v.variableExpr().getText(), pos, text);
        if (c instanceof HCLParser.FunctionCallExpressionContext f) {
            HCLParser.FunctionCallContext call = f.functionCall();
            List<Expr> args = new ArrayList<>();
            boolean expand = false;
            if (call.arguments() != null) {
                for (HCLParser.ExpressionContext a : call.arguments().expression()) args.add(expr(a));
                expand = call.arguments().ELLIPSIS() != null;
            }
            return new Hcl.Call(call.functionName().getText(), args, expand, pos, text);
        }
        if (c instanceof HCLParser.IndexAccessExpressionContext i) {
            return new Hcl.Index(term(i.exprTerm()), expr(i.index().expression()), pos, text);
        }
        if (c instanceof HCLParser.AttributeAccessExpressionContext a) {
            return new Hcl.GetAttr(term(a.exprTerm()), a.getAttr().Identifier().getText(), pos, text);
        }
        if (c instanceof HCLParser.LegacyIndexAttributeExpressionContext l) {
            TerminalNode n = l.legacyIndexAttr().NumericLiteral();
            return new Hcl.Index(term(l.exprTerm()), new Hcl.Literal(new BigDecimal(n.getText()), at(n.getSymbol()), n.getText()), pos, text);
        }
        if (c instanceof HCLParser.SplatExpressionContext s) {
            List<Object> steps = new ArrayList<>();
            HCLParser.SplatContext sp = s.splat();
            if (sp.attrSplat() != null) {
                for (HCLParser.GetAttrContext g : sp.attrSplat().getAttr()) steps.add(g.Identifier().getText());
            } else {
                for (ParseTree child : sp.fullSplat().children) {
                    if (child instanceof HCLParser.GetAttrContext g) steps.add(g.Identifier().getText());
                    else if (child instanceof HCLParser.IndexContext ix) steps.add(expr(ix.expression()));
                }
            }
            return new Hcl.Splat(term(s.exprTerm()), steps, pos, text);
        }
        return expr(((HCLParser.ParentheticalExpressionContext) c).expression());
    }

    private Expr literal(HCLParser.LiteralValueContext l, Pos pos, String text) {
        if (l.NumericLiteral() != null) return new Hcl.Literal(new BigDecimal(l.NumericLiteral().getText()), pos, text);
        if (l.BooleanLiteral() != null) return new Hcl.Literal(Boolean.valueOf(l.BooleanLiteral().getText()), pos, text);
        return new Hcl.Literal(null, pos, text);
    }

    private Expr collection(HCLParser.CollectionValueContext c, Pos pos, String text) {
        if (c.tuple() != null) {
            List<Expr> items = new ArrayList<>();
            for (HCLParser.ExpressionContext e : c.tuple().expression()) items.add(expr(e));
            return new Hcl.Tuple(items, pos, text);
        }
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (HCLParser.ObjectelemContext e : c.object().objectelem()) {
            List<HCLParser.ExpressionContext> exprs = e.expression();
            Expr key;
            if (e.qualifiedIdentifier() != null && e.LPAREN() == null && e.qualifiedIdentifier().Identifier().size() == 1) {
                key = new Hcl.Literal(e.qualifiedIdentifier().getText(), at(e), e.qualifiedIdentifier().getText());
            } else if (e.qualifiedIdentifier() != null) {
                key = traversal(e.qualifiedIdentifier());
            } else if (e.NULL() != null) {
                key = new Hcl.Literal("null", at(e), "null");
            } else if (!e.QUOTE().isEmpty()) {
                key = quoted(e.quotedTemplatePart(), at(e), "\"" + e.quotedTemplatePart().stream().map(ParseTree::getText).reduce("", String::concat) + "\"");
            } else {
                key = expr(exprs.get(0));
            }
            keys.add(key);
            values.add(expr(exprs.get(exprs.size() - 1)));
        }
        return new Hcl.ObjectCons(keys, values, pos, text);
    }

    /** {@code (a.b.c)} as an object key: the traversal it spells. */
    private Expr traversal(HCLParser.QualifiedIdentifierContext q) {
        List<TerminalNode> ids = q.Identifier();
        Expr e = new Hcl.Variable(ids.get(0).getText(), at(ids.get(0).getSymbol()), ids.get(0).getText());
        StringBuilder text = new StringBuilder(ids.get(0).getText());
        for (int i = 1; i < ids.size(); i++) {
            text.append('.').append(ids.get(i).getText());
            e = new Hcl.GetAttr(e, ids.get(i).getText(), e.pos(), text.toString());
        }
        return e;
    }

    private Expr forExpr(HCLParser.ForExprContext f, Pos pos, String text) {
        if (f.forTupleExpr() != null) {
            HCLParser.ForTupleExprContext t = f.forTupleExpr();
            String[] vars = forVars(t.forIntro());
            return new Hcl.For(vars[0], vars[1], expr(t.forIntro().expression()), null, expr(t.expression()),
                    t.forCond() == null ? null : expr(t.forCond().expression()), false, pos, text);
        }
        HCLParser.ForObjectExprContext o = f.forObjectExpr();
        String[] vars = forVars(o.forIntro());
        return new Hcl.For(vars[0], vars[1], expr(o.forIntro().expression()), expr(o.expression(0)), expr(o.expression(1)),
                o.forCond() == null ? null : expr(o.forCond().expression()), o.ELLIPSIS() != null, pos, text);
    }

    /** {key, value} variable names: {@code for v in} has no key variable. */
    private static String[] forVars(HCLParser.ForIntroContext i) {
        List<TerminalNode> ids = i.Identifier();
        return ids.size() == 2 ? new String[] {ids.get(0).getText(), ids.get(1).getText()} : new String[] {null, ids.get(0).getText()};
    }

    private Expr template(HCLParser.TemplateExprContext t, Pos pos, String text) {
        if (t instanceof HCLParser.QuotedTemplateContext q) return quoted(q.quotedTemplatePart(), pos, text);
        HCLParser.HeredocContext h = (HCLParser.HeredocContext) t;
        boolean indented = h.HEREDOC_START().getText().endsWith("-");
        // Lines between the opening line and the closing marker, each with its newline.
        List<List<Object>> lines = new ArrayList<>();
        List<Object> line = null;
        for (ParseTree child : h.children) {
            if (child instanceof TerminalNode n && n.getSymbol().getType() == HCLLexer.NEWLINE) {
                if (line != null) lines.add(line);
                line = new ArrayList<>();
            } else if (line != null && child instanceof HCLParser.HeredocTemplatePartContext p) {
                if (p.templateInterpolation() != null) line.add(expr(p.templateInterpolation().expression()));
                else line.add(p.heredocLiteral().getText().replace("$${", "${").replace("%%{", "%{"));
            }
        }
        int strip = indented ? indent(lines) : 0;
        List<Object> parts = new ArrayList<>();
        for (List<Object> l : lines) {
            for (int i = 0; i < l.size(); i++) {
                Object part = l.get(i);
                if (i == 0 && strip > 0 && part instanceof String s) part = s.substring(Math.min(strip, leadingSpaces(s)));
                parts.add(part);
            }
            parts.add("\n");
        }
        return new Hcl.Template(merge(parts), pos, text);
    }

    /** The smallest indentation of the lines of a {@code <<-} heredoc. */
    private static int indent(List<List<Object>> lines) {
        int min = Integer.MAX_VALUE;
        for (List<Object> l : lines) {
            if (l.isEmpty()) continue;
            Object first = l.get(0);
            int n = first instanceof String s ? leadingSpaces(s) : 0;
            if (first instanceof String s && n == s.length() && l.size() == 1) continue; // a blank line
            min = Math.min(min, n);
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    private static int leadingSpaces(String s) {
        int n = 0;
        while (n < s.length() && (s.charAt(n) == ' ' || s.charAt(n) == '\t')) n++;
        return n;
    }

    private Expr quoted(List<HCLParser.QuotedTemplatePartContext> ps, Pos pos, String text) {
        List<Object> parts = new ArrayList<>();
        for (HCLParser.QuotedTemplatePartContext p : ps) {
            if (p.templateInterpolation() != null) parts.add(expr(p.templateInterpolation().expression()));
            else parts.add(unescape(p.stringLiteral().getText()));
        }
        return new Hcl.Template(merge(parts), pos, text);
    }

    /** Adjacent literal parts joined. */
    private static List<Object> merge(List<Object> parts) {
        List<Object> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s && !out.isEmpty() && out.get(out.size() - 1) instanceof String prev) out.set(out.size() - 1, prev + s);
            else if (!(p instanceof String s && s.isEmpty())) out.add(p);
        }
        return out;
    }

    /** A quoted string's escapes: \n \r \t \" \\ \\uNNNN \\UNNNNNNNN, and $${ and %%{ for a literal ${ and %{. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0 && !s.contains("$${") && !s.contains("%%{")) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n': out.append('\n'); break;
                    case 'r': out.append('\r'); break;
                    case 't': out.append('\t'); break;
                    case 'u': case 'U':
                        int len = n == 'u' ? 4 : 8;
                        if (i + len < s.length()) {
                            try {
                                out.appendCodePoint(Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
                                i += len;
                                break;
                            } catch (RuntimeException e) {
                                // not a code point: keep the text as written
                            }
                        }
                        out.append('\\').append(n);
                        break;
                    default: out.append(n);
                }
            } else if ((c == '$' || c == '%') && s.startsWith(c == '$' ? "$${" : "%%{", i)) {
                out.append(c).append('{');
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
