package minet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minet.model.DesignState;
import minet.model.Source;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.RuleInfo;
import minet.rules.Severity;

/**
 * A validation report as text for a terminal, as rules.md's JSON contract, or as SARIF 2.1.0 for code-scanning
 * tools. Pure functions of the report (and the catalog, for SARIF's rule metadata), so that other commands can
 * print findings the same way.
 */
public final class ReportWriter {
    public enum Format { TEXT, JSON, SARIF }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private ReportWriter() {}

    public static String write(Format f, Report r, List<RuleInfo> catalog) {
        switch (f) {
            case JSON: return json(r);
            case SARIF: return sarif(r, catalog);
            default: return text(r);
        }
    }

    // ---- text ----

    /** The profile line, one line per finding (severity, rule ID, resource, message, where it was read), then the summary line. */
    public static String text(Report r) {
        int idWidth = r.findings().stream().mapToInt(f -> f.ruleId().length()).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        sb.append(printable(header(r))).append('\n');
        for (Finding f : r.findings()) {
            sb.append(String.format("%-7s %-" + idWidth + "s  ", f.severity().id(), printable(f.ruleId())));
            if (f.resource() != null && !f.resource().isEmpty()) sb.append(printable(f.resource())).append(": ");
            sb.append(printable(f.message()));
            if (f.source() != null && f.source().file() != null) sb.append("  (").append(printable(f.source().describe())).append(')');
            sb.append('\n');
        }
        sb.append(summary(r)).append(" (profile ").append(r.profile()).append(")\n");
        return sb.toString();
    }

    /**
     * "Profile azure-2024-07 (auto: subnet 'mi' is delegated to Microsoft.Sql/managedInstances); judged as a template
     * or plan: Azure adds its own rules at deployment".
     */
    public static String header(Report r) {
        String reason = r.profileReason() == null ? "" : " (" + r.profileReason() + ")";
        String state = r.state() == DesignState.LIVE ? "judged as a live configuration: Azure's own rules must be there"
                : "judged as a template, plan or drawing: Azure adds its own rules at deployment";
        return "Profile " + r.profile() + reason + "; " + state;
    }

    /** "desired" or "live", as the JSON and SARIF output name the state. */
    public static String state(Report r) {
        return r.state() == DesignState.LIVE ? "live" : "desired";
    }

    /**
     * Text for a terminal with the characters that would act on it written as escapes: control characters (a line
     * break would forge a finding line, ESC sequences clear the screen or recolour it), and invisible format
     * characters such as bidirectional overrides, which make text read otherwise than it is. "\n", "\u001B".
     */
    public static String printable(String text) {
        if (text == null) return null;
        int i = 0, n = text.length();
        while (i < n && !hidden(text.codePointAt(i))) i += Character.charCount(text.codePointAt(i));
        if (i == n) return text;
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        while (i < n) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!hidden(c)) sb.appendCodePoint(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c <= 0xFFFF) sb.append(String.format("\\u%04X", c));
            else sb.append(String.format("\\u{%X}", c));
        }
        return sb.toString();
    }

    /** {@link #printable} for each line of a text of several lines; the line breaks stay. */
    public static String printableLines(String text) {
        if (text == null) return null;
        StringBuilder sb = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) sb.append(printable(line)).append('\n');
        return sb.substring(0, sb.length() - 1);
    }

    private static boolean hidden(int c) {
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }

    /** "2 errors, 1 warning", with ", 3 infos" when there are any. */
    public static String summary(Report r) {
        String s = count(r.errors(), "error") + ", " + count(r.warnings(), "warning");
        return r.infos() > 0 ? s + ", " + count(r.infos(), "info") : s;
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    // ---- JSON (rules.md output contract) ----

    public static ObjectNode jsonTree(Report r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", r.profile());
        root.put("profileReason", r.profileReason());
        root.put("state", state(r));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode o = findings.addObject();
            o.put("ruleId", f.ruleId());
            o.put("severity", f.severity().id());
            o.put("resource", f.resource());
            o.put("message", f.message());
            o.set("details", JSON.valueToTree(f.details()));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", r.errors());
        summary.put("warnings", r.warnings());
        summary.put("infos", r.infos());
        return root;
    }

    public static String json(Report r) {
        return print(jsonTree(r));
    }

    // ---- SARIF 2.1.0 ----

    /** SARIF's level for a severity: info becomes "note". */
    public static String level(Severity s) {
        switch (s) {
            case ERROR: return "error";
            case WARNING: return "warning";
            default: return "note";
        }
    }

    public static ObjectNode sarifTree(Report r, List<RuleInfo> catalog) {
        // Every rule of the profile, then any rule ID a finding carries that the catalog does not (import notes).
        Map<String, Integer> index = new LinkedHashMap<>();
        List<ObjectNode> rules = new ArrayList<>();
        for (RuleInfo i : catalog) {
            if (index.containsKey(i.id())) continue;
            index.put(i.id(), rules.size());
            ObjectNode d = ruleDescriptor(i.id(), i.title(), i.requirement(), i.fix(), i.severity());
            if (i.source() != null) d.putObject("properties").put("source", i.source());
            rules.add(d);
        }
        for (Finding f : r.findings()) {
            if (index.containsKey(f.ruleId())) continue;
            index.put(f.ruleId(), rules.size());
            rules.add(ruleDescriptor(f.ruleId(), f.ruleId(), null, null, f.severity()));
        }

        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "minet");
        String version = ReportWriter.class.getPackage().getImplementationVersion();
        driver.put("version", version == null ? "dev" : version);
        driver.putArray("rules").addAll(rules);
        ObjectNode props = run.putObject("properties");
        props.put("profile", r.profile());
        props.put("profileReason", r.profileReason());
        props.put("state", state(r));

        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            res.put("ruleIndex", index.get(f.ruleId()));
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message());
            ObjectNode loc = res.putArray("locations").addObject();
            Source s = f.source();
            if (s != null && s.file() != null) {
                ObjectNode physical = loc.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri(s.file()));
                if (s.line() > 0) {
                    ObjectNode region = physical.putObject("region");
                    region.put("startLine", s.line());
                    if (s.column() > 0) region.put("startColumn", s.column());
                }
            }
            if (f.resource() != null) {
                ObjectNode logical = loc.putArray("logicalLocations").addObject();
                logical.put("fullyQualifiedName", f.resource());
                logical.put("kind", "resource");
            }
            if (!f.details().isEmpty()) res.putObject("properties").set("details", JSON.valueToTree(f.details()));
        }
        return root;
    }

    public static String sarif(Report r, List<RuleInfo> catalog) {
        return print(sarifTree(r, catalog));
    }

    private static ObjectNode ruleDescriptor(String id, String title, String requirement, String fix, Severity severity) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", id);
        d.putObject("shortDescription").put("text", title == null ? id : title);
        if (requirement != null) d.putObject("fullDescription").put("text", requirement);
        if (fix != null) d.putObject("help").put("text", "Fix: " + fix);
        d.putObject("defaultConfiguration").put("level", level(severity));
        return d;
    }

    /** A relative path stays relative (code-scanning tools resolve it against the checkout); an absolute one becomes file:. */
    static String uri(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) return p.toUri().toString();
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return file.replace('\\', '/');
        }
    }

    static String print(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of our own making always serialises
        }
    }
}
