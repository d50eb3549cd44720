package minet.io.export;

import java.util.List;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;

/**
 * One CSV file (RFC 4180, CRLF line ends) for everything, so it filters and sorts as one sheet: the {@code section}
 * column says what a row is and the columns of other kinds stay empty. Sections: {@code network security group} and
 * {@code route table} (one row each, so an empty one is not lost), {@code security rule} (the seed's columns nsg,
 * direction, priority, name, port, protocol, source, destination, action, plus source port and description),
 * {@code route} (route table, name, address prefix, next hop, next hop IP) and {@code subnet association}
 * (nsg and/or route table, virtual network, subnet). A cell that a spreadsheet would take for a formula gets a
 * leading {@code '}.
 */
public final class CsvExporter implements Exporter {
    public static final List<String> HEADER = List.of("section", "nsg", "direction", "priority", "name", "port",
            "protocol", "source", "destination", "action", "source port", "description", "route table",
            "address prefix", "next hop", "next hop ip", "virtual network", "subnet");
    public static final String NSG = "network security group";
    public static final String RULE = "security rule";
    public static final String ROUTE_TABLE = "route table";
    public static final String ROUTE = "route";
    public static final String ASSOCIATION = "subnet association";

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

    /** The description column of Azure's own rules and routes. */
    static final String AZURE_MANAGED = "Managed by Azure's network intent policy for SQL Managed Instance: not deployed by the other exports";

    @Override public String export(Design design) {
        ExportScope scope = ExportScope.of(design);
        StringBuilder sb = new StringBuilder();
        row(sb, HEADER.toArray(String[]::new));
        for (SecurityGroup g : scope.securityGroups()) {
            row(sb, NSG, g.name(), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
            for (SecurityRule r : g.rules()) {
                row(sb, RULE, g.name(), SeedColumns.direction(r), SeedColumns.priority(r), r.name(), SeedColumns.port(r),
                        SeedColumns.protocol(r), SeedColumns.source(r), SeedColumns.destination(r), SeedColumns.action(r),
                        SeedColumns.sourcePort(r), r.description(), "", "", "", "", "", "");
            }
        }
        // CSV has no comments: Azure's own rules and routes are listed as what they are, not deployed by any export.
        for (SecurityGroup g : design.securityGroups()) {
            for (SecurityRule r : g.rules()) {
                if (!minet.rules.AzureRules.isAzure(r)) continue;
                row(sb, RULE, g.name(), SeedColumns.direction(r), SeedColumns.priority(r), r.name(), SeedColumns.port(r),
                        SeedColumns.protocol(r), SeedColumns.source(r), SeedColumns.destination(r), SeedColumns.action(r),
                        SeedColumns.sourcePort(r), AZURE_MANAGED, "", "", "", "", "", "");
            }
        }
        for (RouteTable t : scope.routeTables()) {
            row(sb, ROUTE_TABLE, "", "", "", "", "", "", "", "", "", "", "", t.name(), "", "", "", "", "");
            for (Route r : t.routes()) {
                row(sb, ROUTE, "", "", "", r.name(), "", "", "", "", "", "", "", t.name(), r.addressPrefix(),
                        r.nextHopType(), SeedColumns.nextHopIp(r), "", "");
            }
        }
        for (RouteTable t : design.routeTables()) {
            for (Route r : t.routes()) {
                if (minet.rules.AzureRules.isAzure(r)) row(sb, ROUTE, "", "", "", r.name(), "", "", "", "", "", "", AZURE_MANAGED, t.name(),
                        r.addressPrefix(), r.nextHopType(), SeedColumns.nextHopIp(r), "", "");
            }
        }
        for (ExportScope.Association a : scope.associations()) {
            row(sb, ASSOCIATION, a.nsg() == null ? "" : a.nsg().name(), "", "", "", "", "", "", "", "", "", "",
                    a.routeTable() == null ? "" : a.routeTable().name(), "", "", "", a.vnet().name(), a.subnet().name());
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
