package minet.io.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.model.ImportNote;
import minet.model.Source;

/**
 * What one import shares across its templates: the notes, where each evaluated object came from, the parsed
 * expressions and the limits that keep a hostile template from exhausting memory, stack or time.
 *
 * <p>Safe to share between the threads that build a large template's security groups and route tables at once
 * ({@link DesignBuilder}): the nesting depth is counted per thread, and a note made meanwhile is recorded so
 * that the import can be run again on one thread, where notes come in the order the template gives them.
 */
final class Context {
    /** Azure's own limit on a copy loop's count. */
    static final int MAX_COPY_COUNT = 800;
    /** Elements all copy loops together may produce (nested loops multiply). */
    static final int MAX_COPIES = 2_000_000;
    /** Nested evaluations (JSON levels, calls, variable look-ups) before we refuse; keeps us off the stack's end. */
    static final int MAX_DEPTH = 1_200;
    /** Longest string or array an expression may produce; doubling through variables would otherwise explode. */
    static final int MAX_VALUE_SIZE = 8 * 1024 * 1024;
    static final int MAX_DEPLOYMENT_NESTING = 16;

    record Origin(JsonSource src, String pointer) {
        Source source() { return src.source(pointer); }
    }

    final List<JsonSource> linkable;
    /** The resources the templates declare, by lower-case resource ID (the last declaration of an ID wins). */
    private final Map<String, Deployments.Resource> declared = new java.util.HashMap<>();
    /** A nested deployment's template: where its outputs are and the scope they are evaluated in. */
    record Deployed(Scope scope, String template, Loops loops) {}
    private final Map<Deployments.Resource, Deployed> deployed = new IdentityHashMap<>();
    private final List<ImportNote> notes = new ArrayList<>();
    private final Set<String> noted = new HashSet<>();
    private final IdentityHashMap<JsonNode, Origin> origins = new IdentityHashMap<>();
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    final Set<JsonSource> used = new HashSet<>();
    private int copies;
    /** Nesting depth on one thread; while several threads evaluate, each counts its own. */
    private final int[] depth = new int[1];
    private final ThreadLocal<int[]> threadDepth = ThreadLocal.withInitial(() -> new int[1]);
    /** Set while several threads evaluate; {@link #notedInParallel} then tells whether any made a note. */
    private volatile boolean parallel;
    private volatile boolean notedInParallel;

    Context(List<JsonSource> linkable) {
        this.linkable = linkable;
    }

    synchronized List<ImportNote> notes() { return List.copyOf(notes); }

    // Filled while resources are expanded (one thread); read afterwards, also from several threads.
    void declare(Deployments.Resource r) {
        declared.put(r.id().toLowerCase(java.util.Locale.ROOT), r);
    }

    Deployments.Resource declared(String id) {
        return declared.get(id.toLowerCase(java.util.Locale.ROOT));
    }

    /** The one resource of {@code scope}'s template named {@code name}, or null (none, or several). */
    Deployments.Resource declaredByName(Scope scope, String name) {
        Deployments.Resource found = null;
        for (Deployments.Resource r : declared.values()) {
            if (r.scope() != scope || !r.name().equalsIgnoreCase(name)) continue;
            if (found != null) return null;
            found = r;
        }
        return found;
    }

    void deployed(Deployments.Resource r, Scope scope, String template, Loops loops) {
        deployed.put(r, new Deployed(scope, template, loops));
    }

    Deployed deployed(Deployments.Resource r) {
        return deployed.get(r);
    }

    void parallel(boolean on) {
        parallel = on;
        if (on) notedInParallel = false;
    }

    boolean notedInParallel() { return notedInParallel; }

    /** Adds a note once per rule, place and message (copy loops would repeat it). */
    void note(String ruleId, String severity, String resource, String message, Origin where) {
        note(ruleId, severity, resource, message, where == null ? null : where.source());
    }

    synchronized void note(String ruleId, String severity, String resource, String message, Source s) {
        if (parallel) notedInParallel = true;
        String key = ruleId + '\u0000' + (s == null ? "" : s.file() + s.pointer()) + '\u0000' + message;
        if (noted.add(key)) notes.add(new ImportNote(ruleId, severity, resource, message, s));
    }

    synchronized void origin(JsonNode evaluated, JsonSource src, String pointer) {
        if (evaluated instanceof ObjectNode) origins.putIfAbsent(evaluated, new Origin(src, pointer));
        else if (evaluated instanceof ArrayNode a) {
            for (JsonNode e : a) if (e instanceof ObjectNode) origins.putIfAbsent(e, new Origin(src, pointer));
        }
    }

    synchronized Origin originOf(JsonNode evaluated) { return origins.get(evaluated); }

    /** A parsed expression, and whether it is {@link Expression#scopeConstant}. */
    record Parsed(Expression expression, boolean constant) {}

    /** @param json an expression's whole JSON string, brackets included (no substring to make per look-up) */
    Parsed parsed(String json) { return parsed.get(json); }
    void parsed(String json, Parsed e) {
        if (parsed.size() < 100_000) parsed.put(json, e);
    }

    synchronized void copied(int n, JsonSource src, String pointer) throws InputException {
        copies += n;
        if (copies > MAX_COPIES) throw src.error(pointer, "copy loops expand to more than " + MAX_COPIES + " elements");
    }

    /** @param pointer a String or a {@link Ptr}, written out only for the error */
    void enter(JsonSource src, Object pointer) throws InputException {
        int[] d = parallel ? threadDepth.get() : depth;
        if (++d[0] > MAX_DEPTH) {
            d[0] = 0; // the exception unwinds every level
            throw src.error(pointer.toString(), "the template nests expressions, variables or values too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    void leave() {
        int[] d = parallel ? threadDepth.get() : depth;
        if (d[0] > 0) d[0]--;
    }
}
