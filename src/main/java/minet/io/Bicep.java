package minet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minet.model.Design;

/**
 * A {@code .bicep} file, compiled to an ARM template by the Bicep CLI ({@code bicep build FILE --stdout}, or
 * {@code az bicep build --file FILE --stdout}): the executable {@code MINET_BICEP} names, else {@code bicep}, else
 * {@code az} on the PATH. The compiler's own errors come back at their place in the {@code .bicep} file.
 *
 * <p>The CLI gives no source map. Positions in the compiled template are mapped back to the {@code .bicep} file
 * where the template shows where they came from: a resource's or module's symbolic name (languageVersion 2.0), or a
 * literal name or value found once in the file; elsewhere the file is named without a line.
 */
public final class Bicep {
    /** How long a build may take (a first build restores registry modules). */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Tests point at a stand-in executable and shorten the time-out with these system properties. */
    static final String EXECUTABLE_PROPERTY = "minet.bicep", TIMEOUT_PROPERTY = "minet.bicep.timeoutSeconds";
    static final String INSTALL = "install the Bicep CLI (https://aka.ms/bicep-install, or 'az bicep install' with the Azure CLI),"
            + " or set MINET_BICEP to the bicep executable";

    private final Path file;
    private final List<String> lines;
    private final JsonSource compiled;
    private final String label;

    private Bicep(Path file, List<String> lines, JsonSource compiled, String label) {
        this.file = file;
        this.lines = lines;
        this.compiled = compiled;
        this.label = label;
    }

    public static boolean is(Path f) {
        return f.getFileName() != null && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bicep");
    }

    /** The template compiled from {@code file}; its positions are those of the compiled template until {@link #remap}. */
    public JsonSource template() {
        return compiled;
    }

    /** Compiles {@code file} with the Bicep CLI found in this process's environment. */
    public static Bicep compile(Path file) throws InputException {
        String timeout = System.getProperty(TIMEOUT_PROPERTY);
        return compile(file, executable(System.getenv()), timeout == null ? TIMEOUT : Duration.ofSeconds(Long.parseLong(timeout)));
    }

    /** The command before the file's arguments: MINET_BICEP, else bicep, else az on the PATH; null if none. */
    static List<String> executable(Map<String, String> env) {
        String named = System.getProperty(EXECUTABLE_PROPERTY, env.get("MINET_BICEP"));
        if (named != null && !named.isBlank()) return List.of(named);
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String name : windows ? List.of("bicep.exe", "bicep", "az.cmd", "az.exe") : List.of("bicep", "az")) {
            for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir).resolve(name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return List.of(p.toString());
            }
        }
        return null;
    }

    static Bicep compile(Path file, List<String> executable, Duration timeout) throws InputException {
        String shown = file.toString();
        if (!Files.isRegularFile(file)) throw new InputException(shown, "no such file");
        if (executable == null) throw new InputException(shown, "is a Bicep file, which needs the Bicep CLI to compile: " + INSTALL);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(shown, "cannot be read: " + e.getMessage());
        }
        String exe = executable.get(0);
        String name = Path.of(exe).getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> cmd = new ArrayList<>(executable);
        // az passes the build to its own bicep: az bicep build --file F --stdout
        if (name.equals("az") || name.startsWith("az.")) cmd.addAll(List.of("bicep", "build", "--file", file.toString(), "--stdout"));
        else cmd.addAll(List.of("build", file.toString(), "--stdout"));

        Path out = null, err = null;
        try {
            out = Files.createTempFile("minet-bicep", ".json");
            err = Files.createTempFile("minet-bicep", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new InputException(shown, "is a Bicep file, and " + exe + " could not be run (" + e.getMessage() + "): " + INSTALL);
            }
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new InputException(shown, "bicep build did not finish within " + timeout.toSeconds() + " s; nothing was imported");
            }
            String diagnostics = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw failed(file, diagnostics, p.exitValue());
            if (Files.size(out) > JsonSource.MAX_BYTES) throw new InputException(shown, "bicep build gave a template larger than " + JsonSource.MAX_BYTES + " bytes");
            byte[] json = Files.readAllBytes(out);
            String label = shown; // until remapped, its positions are the compiled template's
            JsonSource compiled;
            try {
                compiled = JsonSource.parse(label, json);
            } catch (InputException e) {
                throw new InputException(shown, "bicep build did not give an ARM template: " + e.problem());
            }
            return new Bicep(file, lines, compiled, label);
        } catch (IOException e) {
            throw new InputException(shown, "bicep build could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(shown, "bicep build was interrupted");
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file: the system cleans it up
        }
    }

    /** {@code C:\x\main.bicep(12,5) : Error BCP018: Expected …} */
    private static final Pattern DIAGNOSTIC = Pattern.compile("^(.*)\\((\\d+),(\\d+)\\)\\s*:\\s*Error\\s+(\\S+?):\\s*(.*?)(?:\\s*\\[https?://\\S+])?$");

    /** The compiler's first error, at its place; the count of the others. */
    private static InputException failed(Path file, String diagnostics, int exit) {
        List<Matcher> errors = new ArrayList<>();
        for (String l : diagnostics.split("\\R")) {
            Matcher m = DIAGNOSTIC.matcher(l.strip());
            if (m.matches()) errors.add(m);
        }
        if (errors.isEmpty()) {
            String said = diagnostics.strip();
            if (said.length() > 300) said = said.substring(0, 300) + "…";
            return new InputException(file.toString(), "bicep build failed (exit " + exit + ")" + (said.isEmpty() ? "" : ": " + said.replaceAll("\\s*\\R\\s*", " ")));
        }
        Matcher m = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")" : "";
        // the compiler writes the file's full path: the one given reads better; a module's error keeps its own file
        String where = m.group(1).strip();
        try {
            if (Path.of(where).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) where = file.toString();
        } catch (RuntimeException notAPath) {
            // keep what the compiler said
        }
        return new InputException(where, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                "bicep build: " + m.group(5) + " (" + m.group(4) + ")" + more);
    }

    // ---- positions back in the .bicep file ----

    /** The design with every place in the compiled template moved to the {@code .bicep} file. */
    public Design remap(Design d) {
        ObjectNode tree = DesignFile.MAPPER.valueToTree(d);
        remapSources(tree);
        try {
            return DesignFile.MAPPER.treeToValue(tree, Design.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void remapSources(JsonNode n) {
        if (n instanceof ObjectNode o) {
            if (label.equals(o.path("file").asText(null)) && o.has("pointer")) {
                String pointer = o.get("pointer").asText("");
                int[] at = place(pointer);
                o.put("file", file.toString());
                o.put("line", at[0]);
                o.put("column", at[1]);
                return;
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) remapSources(it.next());
        } else if (n.isArray()) {
            for (JsonNode e : n) remapSources(e);
        }
    }

    /** An error in the compiled template, at its place in the {@code .bicep} file where that can be told. */
    public InputException remap(InputException e) {
        if (!label.equals(e.file())) return e;
        String pointer = e.line() > 0 ? pointerAt(compiled.root(), "", e.line(), null) : null;
        int[] at = pointer == null ? new int[] {0, 0} : place(pointer);
        return new InputException(file.toString(), at[0], at[1], e.problem() + " (in the template bicep build made of it, line " + e.line() + ")");
    }

    /** The deepest value of the compiled template that starts on {@code line}, or {@code found}. */
    private String pointerAt(JsonNode n, String pointer, int line, String found) {
        if (compiled.source(pointer).line() == line) found = pointer;
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                found = pointerAt(c.getValue(), pointer + "/" + JsonSource.escape(c.getKey()), line, found);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) found = pointerAt(n.get(i), pointer + "/" + i, line, found);
        }
        return found;
    }

    /**
     * {line, column} in the {@code .bicep} file of the compiled value at {@code pointer}, or of the nearest value
     * around it that the file shows: {0, 0} when none does.
     */
    int[] place(String pointer) {
        JsonNode root = compiled.root();
        for (String p = pointer; ; p = p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
            int[] at = placeOf(p, root.at(p));
            if (at != null) return at;
            if (p.isEmpty()) return new int[] {0, 0};
        }
    }

    private static final Pattern SYMBOL = Pattern.compile("/resources/([^/]+)");

    private int[] placeOf(String pointer, JsonNode n) {
        Matcher m = SYMBOL.matcher(pointer);
        if (m.matches() && compiled.root().path("resources").isObject()) { // languageVersion 2.0: by symbolic name
            String sym = m.group(1).replace("~1", "/").replace("~0", "~");
            int[] at = unique(Pattern.compile("^\\s*(?:@[^\\n]*\\s+)?(?:resource|module)\\s+" + Pattern.quote(sym) + "\\b"));
            if (at != null) return at;
        }
        JsonNode name = n.isObject() ? n.get("name") : null;
        if (name != null && name.isTextual() && literal(name.textValue())) {
            int[] at = unique(Pattern.compile(Pattern.quote(quoted(name.textValue()))));
            if (at != null) return at;
        }
        if (n.isTextual() && literal(n.textValue()) && n.textValue().length() >= 3) return unique(Pattern.compile(Pattern.quote(quoted(n.textValue()))));
        return null;
    }

    private static boolean literal(String s) {
        return !s.isEmpty() && !(s.startsWith("[") && s.endsWith("]"));
    }

    /** A Bicep string literal as the file would write it. */
    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** {line, column} (1-based, the column where the line's text starts) of the one line that matches; null when none or several do. */
    private int[] unique(Pattern p) {
        int[] found = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = p.matcher(lines.get(i));
            if (!m.find()) continue;
            if (found != null) return null;
            int col = 0; // where the line's statement starts: name: 'x', resource x '…'
            while (col < lines.get(i).length() && Character.isWhitespace(lines.get(i).charAt(col))) col++;
            found = new int[] {i + 1, col + 1};
        }
        return found;
    }
}
