package minet.io.export;

import java.util.List;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;

/**
 * One CSV file (RFC 4180, CRLF line ends) for NSG rules and routes together: the {@code section} column says which a
 * row is ({@code security rule} or {@code route}) and the columns of the other kind stay empty, so the file filters
 * and sorts as one sheet. Columns are the seed's (NSG rules: nsg, direction, priority, name, port, protocol, source,
 * destination, action; routes: route table, name, address prefix, next hop, next hop IP) plus the rule's source
 * port and description. A cell that a spreadsheet would take for a formula gets a leading {@code '}.
 */
public final class CsvExporter implements Exporter {
    public static final List<String> HEADER = List.of("section", "nsg", "direction", "priority", "name", "port",
            "protocol", "source", "destination", "action", "source port", "description", "route table",
            "address prefix", "next hop", "next hop ip");
    public static final String RULE = "security rule";
    public static final String ROUTE = "route";

    /**
     * One RFC 4180 field. Values starting with {@code = + - @} (or a tab or carriage return, which some
     * spreadsheets skip before looking) are prefixed with {@code '} so that no spreadsheet evaluates them.
     */
    public static String cell(String s) {
        if (s == null) return "";
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override public String export(Design design) {
        ExportScope scope = ExportScope.of(design);
        StringBuilder sb = new StringBuilder();
        row(sb, HEADER.toArray(String[]::new));
        for (SecurityGroup g : scope.securityGroups()) {
            for (SecurityRule r : g.rules()) {
                row(sb, RULE, g.name(), SeedColumns.direction(r), SeedColumns.priority(r), r.name(), SeedColumns.port(r),
                        SeedColumns.protocol(r), SeedColumns.source(r), SeedColumns.destination(r), SeedColumns.action(r),
                        SeedColumns.sourcePort(r), r.description(), "", "", "", "");
            }
        }
        for (RouteTable t : scope.routeTables()) {
            for (Route r : t.routes()) {
                row(sb, ROUTE, "", "", "", r.name(), "", "", "", "", "", "", "", t.name(), r.addressPrefix(),
                        r.nextHopType(), SeedColumns.nextHopIp(r));
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(cell(cells[i]));
        }
        sb.append("\r\n");
    }
}
