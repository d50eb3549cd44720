package minet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import minet.io.azcli.ResourceId;
import minet.model.Design;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.Catalog;
import minet.rules.Estate;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.RuleInfo;
import minet.rules.Severity;

/**
 * The report of an estate (a design with several MI subnets, e.g. Azure Resource Graph output): one row per MI
 * subnet (subscription, VNet, subnet, the profile its network was judged by, its errors and warnings), then every
 * finding as {@link ReportWriter} writes them. JSON and SARIF also carry each finding's full resource ID.
 */
public final class EstateReport {
    /** One MI subnet of the estate. */
    public record Row(String subscription, String resourceGroup, String vnet, String subnet, String subnetId, String profile,
                      String profileReason, long errors, long warnings) {}

    private final List<Row> rows;
    private final Report all;

    private EstateReport(List<Row> rows, Report all) {
        this.rows = rows;
        this.all = all;
    }

    public static EstateReport of(List<Estate.Part> parts) {
        List<Row> rows = new ArrayList<>();
        long nanos = 0;
        Set<String> profiles = new LinkedHashSet<>(), reasons = new LinkedHashSet<>();
        for (Estate.Part p : parts) {
            Report r = p.report();
            nanos += r.nanos();
            profiles.add(r.profile());
            reasons.add(String.valueOf(r.profileReason()));
            Design d = p.design();
            for (Subnet s : p.miSubnets()) {
                List<Finding> mine = p.findingsOf(s);
                String vnet = d.vnetOf(s).map(VirtualNetwork::name).orElse("");
                rows.add(new Row(orDash(subscription(s.id())), orDash(ResourceId.resourceGroup(s.id())), vnet, s.name(), s.id(),
                        r.profile(), r.profileReason(), count(mine, Severity.ERROR), count(mine, Severity.WARNING)));
            }
        }
        Report first = parts.get(0).report();
        String reason = reasons.size() == 1 ? first.profileReason() : "each network by its own profile: see the table of MI subnets";
        return new EstateReport(rows, new Report(String.join(", ", profiles), reason, first.state(), Estate.findings(parts), nanos));
    }

    /** The rules of every profile the estate was judged by (for SARIF's rule descriptions). */
    public List<RuleInfo> catalog() {
        List<RuleInfo> out = new ArrayList<>();
        for (String p : new LinkedHashSet<>(rows.stream().map(Row::profile).toList())) out.addAll(Catalog.all(p));
        return out;
    }

    public List<Row> rows() { return rows; }
    public Report report() { return all; }

    public String write(ReportWriter.Format f, List<RuleInfo> catalog) {
        switch (f) {
            case JSON: return ReportWriter.print(json());
            case SARIF: return ReportWriter.print(sarif(catalog));
            default: return text();
        }
    }

    /** The table of MI subnets, a blank line, then the findings and the summary as for one design. */
    public String text() {
        String[] head = {"subscription", "vnet", "subnet", "profile", "errors", "warnings"};
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        for (Row r : rows) {
            cells.add(new String[] {r.subscription(), r.vnet(), r.subnet(), r.profile(), Long.toString(r.errors()), Long.toString(r.warnings())});
        }
        int[] width = new int[head.length];
        for (String[] c : cells) for (int i = 0; i < c.length; i++) width[i] = Math.max(width[i], c[i].length());
        StringBuilder sb = new StringBuilder();
        long failing = rows.stream().filter(r -> r.errors() > 0).count();
        long subscriptions = rows.stream().map(Row::subscription).distinct().count();
        sb.append(rows.size()).append(" MI subnets in ").append(subscriptions).append(subscriptions == 1 ? " subscription, " : " subscriptions, ")
                .append(failing).append(" with errors\n");
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                boolean number = i >= 4;
                String cell = number ? " ".repeat(width[i] - c[i].length()) + c[i] : c[i] + " ".repeat(width[i] - c[i].length());
                sb.append(cell).append(i + 1 < c.length ? "  " : "");
            }
            sb.append('\n');
        }
        return sb.append('\n').append(ReportWriter.text(all)).toString();
    }

    /** rules.md's JSON with {@code resourceId} on each finding and a {@code subnets} list (the table). */
    public ObjectNode json() {
        ObjectNode root = ReportWriter.jsonTree(all);
        withResourceIds((ArrayNode) root.get("findings"), null);
        ArrayNode subnets = root.putArray("subnets");
        for (Row r : rows) {
            ObjectNode o = subnets.addObject();
            o.put("subscription", r.subscription());
            o.put("resourceGroup", r.resourceGroup());
            o.put("vnet", r.vnet());
            o.put("subnet", r.subnet());
            o.put("subnetId", r.subnetId());
            o.put("profile", r.profile());
            o.put("profileReason", r.profileReason());
            o.put("errors", r.errors());
            o.put("warnings", r.warnings());
        }
        return root;
    }

    /** SARIF 2.1.0 whose logical locations name the full resource ID (the readable path stays as their name). */
    public ObjectNode sarif(List<RuleInfo> catalog) {
        ObjectNode root = ReportWriter.sarifTree(all, catalog);
        JsonNode results = root.get("runs").get(0).get("results");
        withResourceIds(null, (ArrayNode) results);
        return root;
    }

    private void withResourceIds(ArrayNode findings, ArrayNode results) {
        List<Finding> list = all.findings();
        for (int i = 0; i < list.size(); i++) {
            String id = list.get(i).elementId();
            if (id == null) continue;
            if (findings != null) ((ObjectNode) findings.get(i)).put("resourceId", id);
            if (results != null) {
                JsonNode logical = results.get(i).get("locations").get(0).get("logicalLocations");
                if (logical == null) continue;
                ObjectNode l = (ObjectNode) logical.get(0);
                l.put("name", l.get("fullyQualifiedName").asText());
                l.put("fullyQualifiedName", id);
            }
        }
    }

    /** The subscription named in an Azure resource ID, or null. */
    static String subscription(String id) {
        if (id == null) return null;
        String[] seg = id.split("/");
        for (int i = 0; i + 1 < seg.length; i++) if (seg[i].equalsIgnoreCase("subscriptions")) return seg[i + 1];
        return null;
    }

    private static String orDash(String s) { return s == null || s.isEmpty() ? "-" : s; }

    private static long count(List<Finding> fs, Severity s) { return fs.stream().filter(f -> f.severity() == s).count(); }
}
