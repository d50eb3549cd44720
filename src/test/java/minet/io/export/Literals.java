package minet.io.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Reference tokenizers, written from each language's rules for the constructs the exporters emit, that split
 * a script into code and string literals. {@link #skeleton} is the code with every literal replaced by
 * {@code <>} and comments dropped: if hostile text changes the skeleton, it escaped its quotes.
 */
final class Literals {
    final String skeleton;
    final List<String> values;

    private Literals(String skeleton, List<String> values) {
        this.skeleton = skeleton;
        this.values = values;
    }

    private static boolean atTokenStart(String s, int i) {
        return i == 0 || Character.isWhitespace(s.charAt(i - 1));
    }

    /** bash: '…' (no escapes inside), \' outside quotes, adjacent pieces form one word; "…" is code; # comments. */
    static Literals bash(String s) {
        StringBuilder code = new StringBuilder();
        List<String> values = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\'')) {
                if (word == null) word = new StringBuilder();
                if (c == '\\') { word.append('\''); i += 2; continue; }
                int end = s.indexOf('\'', i + 1);
                if (end < 0) throw new AssertionError("unterminated single quote at " + i);
                word.append(s, i + 1, end);
                i = end + 1;
                continue;
            }
            if (word != null) { values.add(word.toString()); code.append("<>"); word = null; }
            if (c == '#' && atTokenStart(s, i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                while (s.charAt(j) != '"') j += s.charAt(j) == '\\' ? 2 : 1;
                code.append(s, i, j + 1);
                i = j + 1;
                continue;
            }
            code.append(c);
            i++;
        }
        if (word != null) { values.add(word.toString()); code.append("<>"); }
        return new Literals(code.toString(), values);
    }

    /** PowerShell: '…' where any of ' ‘ ’ ‚ ‛ ends the string unless doubled; # comments at a token start. */
    static Literals powershell(String s) {
        StringBuilder code = new StringBuilder();
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (PowerShellExporter.isSingleQuote(c)) {
                StringBuilder v = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) throw new AssertionError("unterminated string");
                    char d = s.charAt(i);
                    if (PowerShellExporter.isSingleQuote(d)) {
                        if (i + 1 < s.length() && PowerShellExporter.isSingleQuote(s.charAt(i + 1))) {
                            v.append(s.charAt(i + 1));
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    v.append(d);
                    i++;
                }
                values.add(v.toString());
                code.append("<>");
                continue;
            }
            if (c == '"') throw new AssertionError("expandable string at " + i + ": the exporter should write none");
            if (c == '#' && atTokenStart(s, i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
                continue;
            }
            code.append(c);
            i++;
        }
        return new Literals(code.toString(), values);
    }

    /** Bicep: '…' with \' \\ \n \r \t \$ and unicode escapes; an unescaped ${ inside would interpolate; // comments. */
    static Literals bicep(String s) {
        StringBuilder code = new StringBuilder();
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                StringBuilder v = new StringBuilder();
                i++;
                while (s.charAt(i) != '\'') {
                    char d = s.charAt(i);
                    if (d == '\n') throw new AssertionError("line break inside a Bicep string");
                    if (d == '$' && s.charAt(i + 1) == '{') throw new AssertionError("interpolation in a Bicep string at " + i);
                    if (d == '\\') {
                        char e = s.charAt(i + 1);
                        i += 2;
                        switch (e) {
                            case '\'': case '\\': case '$': v.append(e); break;
                            case 'n': v.append('\n'); break;
                            case 'r': v.append('\r'); break;
                            case 't': v.append('\t'); break;
                            case 'u': {
                                int close = s.indexOf('}', i);
                                v.appendCodePoint(Integer.parseInt(s.substring(i + 1, close), 16));
                                i = close + 1;
                                break;
                            }
                            default: throw new AssertionError("unknown escape \\" + e);
                        }
                        continue;
                    }
                    v.append(d);
                    i++;
                }
                i++;
                values.add(v.toString());
                code.append("<>");
                continue;
            }
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
                continue;
            }
            code.append(c);
            i++;
        }
        return new Literals(normaliseSymbols(code.toString()), values);
    }

    /** HCL: "…" with \" \\ \n \r \t and unicode escapes, $${ and %%{ for literal ${ and %{ (a bare one is a template); # comments. */
    static Literals hcl(String s) {
        StringBuilder code = new StringBuilder();
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\n') throw new AssertionError("line break inside an HCL string");
                    if ((d == '$' || d == '%') && s.charAt(i + 1) == d && s.charAt(i + 2) == '{') {
                        v.append(d).append('{');
                        i += 3;
                        continue;
                    }
                    if ((d == '$' || d == '%') && s.charAt(i + 1) == '{') throw new AssertionError("template sequence in an HCL string at " + i);
                    if (d == '\\') {
                        char e = s.charAt(i + 1);
                        i += 2;
                        switch (e) {
                            case '"': case '\\': v.append(e); break;
                            case 'n': v.append('\n'); break;
                            case 'r': v.append('\r'); break;
                            case 't': v.append('\t'); break;
                            case 'u': v.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                            default: throw new AssertionError("unknown escape \\" + e);
                        }
                        continue;
                    }
                    v.append(d);
                    i++;
                }
                i++;
                values.add(v.toString());
                code.append("<>");
                continue;
            }
            if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
                continue;
            }
            code.append(c);
            i++;
        }
        return new Literals(normaliseSymbols(code.toString()), values);
    }

    /** Symbols derived from names differ between designs; their shape (prefix_word) is what must not change. */
    private static String normaliseSymbols(String code) {
        return code.replaceAll("\\b(nsgName|routeTableName|vnetName|nsg|rule|rt|route|subnet|vnet)_[A-Za-z0-9_]+", "$1_ID");
    }
}
