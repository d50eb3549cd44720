package minet.io.export;

import java.util.Comparator;
import java.util.List;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;

/**
 * A readable document: per NSG an inbound and an outbound table (in evaluation order, by priority) and per route
 * table a routes table, with the seed's columns, plus the subnets each is associated with.
 */
public final class MarkdownExporter implements Exporter {

    /**
     * Text for a table cell: {@code |} escaped (and the backslash, so an escape cannot be undone), line breaks as
     * {@code <br>}, and the characters that would start emphasis, code, links or HTML escaped.
     */
    public static String cell(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': case '|': case '`': case '*': case '[': case ']': case '<': case '>': case '#': case '!':
                    sb.append('\\').append(c);
                    break;
                case '_':
                    // inside a word "_" is plain text in CommonMark (allow_tds_inbound); only at a word edge can it emphasise
                    boolean inWord = i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                            && Character.isLetterOrDigit(s.charAt(i + 1));
                    sb.append(inWord ? "_" : "\\_");
                    break;
                case '\r':
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                    sb.append("<br>");
                    break;
                case '\n': case '\u2028': case '\u2029': case '\u0085':
                    sb.append("<br>");
                    break;
                default:
                    sb.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return sb.toString();
    }

    @Override public String export(Design design) {
        ExportScope scope = ExportScope.of(design);
        StringBuilder sb = new StringBuilder();
        sb.append("# NSGs and route tables of ").append(cell(Text.oneLine(design.name()))).append("\n");
        if (scope.isEmpty()) sb.append("\nThe design has no network security group and no route table.\n");
        if (!scope.azureManaged().isEmpty()) {
            sb.append("\n").append(cell(Text.oneLine(String.join(" ", scope.azureManagedComment().subList(0, 2))))).append("\n\n");
            for (String a : scope.azureManaged()) sb.append("- ").append(cell(Text.oneLine(a))).append('\n');
        }
        for (SecurityGroup g : scope.securityGroups()) {
            sb.append("\n## Network security group ").append(cell(Text.oneLine(g.name()))).append("\n\n");
            associations(sb, scope.associationsOf(g));
            for (Direction d : Direction.values()) {
                sb.append("\n### ").append(d.azure()).append("\n\n");
                List<SecurityRule> rules = g.rules(d).stream()
                        .sorted(Comparator.comparingInt(r -> r.priorityOr(Integer.MAX_VALUE))).toList();
                if (rules.isEmpty()) {
                    sb.append("No ").append(d.azure().toLowerCase(java.util.Locale.ROOT)).append(" rules: Azure's default rules apply.\n");
                    continue;
                }
                row(sb, "Priority", "Name", "Port", "Protocol", "Source", "Destination", "Action");
                sb.append("|---:|---|---|---|---|---|---|\n");
                for (SecurityRule r : rules) {
                    row(sb, SeedColumns.priority(r), r.name(), SeedColumns.port(r), SeedColumns.protocol(r),
                            SeedColumns.source(r), SeedColumns.destination(r), SeedColumns.action(r));
                }
            }
            // Rules with no direction would be lost from both tables: list them so nothing silently disappears.
            List<SecurityRule> undirected = g.rules().stream().filter(r -> r.direction() == null).toList();
            if (!undirected.isEmpty()) {
                sb.append("\n### Without a direction\n\n");
                row(sb, "Priority", "Name", "Port", "Protocol", "Source", "Destination", "Action");
                sb.append("|---:|---|---|---|---|---|---|\n");
                for (SecurityRule r : undirected) {
                    row(sb, SeedColumns.priority(r), r.name(), SeedColumns.port(r), SeedColumns.protocol(r),
                            SeedColumns.source(r), SeedColumns.destination(r), SeedColumns.action(r));
                }
            }
        }
        for (RouteTable t : scope.routeTables()) {
            sb.append("\n## Route table ").append(cell(Text.oneLine(t.name()))).append("\n\n");
            associations(sb, scope.associationsOf(t));
            if (t.disableBgpRoutePropagation()) sb.append("\nBGP route propagation is disabled.\n");
            sb.append('\n');
            if (t.routes().isEmpty()) {
                sb.append("No routes.\n");
                continue;
            }
            row(sb, "Name", "Address prefix", "Next hop", "Next hop IP");
            sb.append("|---|---|---|---|\n");
            for (Route r : t.routes()) row(sb, r.name(), r.addressPrefix(), r.nextHopType(), SeedColumns.nextHopIp(r));
        }
        return sb.toString();
    }

    private static void associations(StringBuilder sb, List<ExportScope.Association> as) {
        if (as.isEmpty()) {
            sb.append("Not associated with a subnet.\n");
            return;
        }
        sb.append("Associated with ");
        for (int i = 0; i < as.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append("subnet ").append(cell(as.get(i).subnet().name())).append(" of ").append(cell(as.get(i).vnet().name()));
        }
        sb.append(".\n");
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String c : cells) sb.append(' ').append(cell(c)).append(" |");
        sb.append('\n');
    }
}
