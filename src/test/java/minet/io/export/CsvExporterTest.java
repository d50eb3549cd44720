package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import minet.model.Design;
import minet.model.Route;
import minet.model.SecurityRule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsvExporterTest {

    /** An RFC 4180 reader: CRLF records, quoted fields with "" for a quote and line breaks inside. */
    static List<List<String>> read(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && f.length() == 0) {
                i++;
                while (true) {
                    char d = csv.charAt(i++);
                    if (d == '"') {
                        if (i < csv.length() && csv.charAt(i) == '"') { f.append('"'); i++; }
                        else break;
                    } else f.append(d);
                }
                continue;
            }
            if (c == ',') { row.add(f.toString()); f.setLength(0); i++; continue; }
            if (c == '\r' && csv.charAt(i + 1) == '\n') {
                row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); i += 2; continue;
            }
            assertThat(c).as("bare line break or quote outside a quoted field at %d", i).isNotIn('\r', '\n', '"');
            f.append(c);
            i++;
        }
        assertThat(row).isEmpty();
        return rows;
    }

    /** What the spreadsheet shows: the guard quote removed again. */
    static String shown(String cell) {
        return cell.startsWith("'") && cell.length() > 1 && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    static void assertRows(Design d, String csv) {
        List<List<String>> rows = read(csv);
        assertThat(rows.get(0)).isEqualTo(CsvExporter.HEADER);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(CsvExporter.HEADER.size()));
        List<List<String>> rules = rows.stream().filter(r -> r.get(0).equals(CsvExporter.RULE)).toList();
        List<List<String>> routes = rows.stream().filter(r -> r.get(0).equals(CsvExporter.ROUTE)).toList();
        List<List<String>> tables = rows.stream().filter(r -> r.get(0).equals(CsvExporter.NSG) || r.get(0).equals(CsvExporter.ROUTE_TABLE)).toList();
        List<List<String>> assoc = rows.stream().filter(r -> r.get(0).equals(CsvExporter.ASSOCIATION)).toList();
        assertThat(rows).hasSize(1 + tables.size() + rules.size() + routes.size() + assoc.size());
        assertThat(tables).extracting(r -> shown(r.get(1)) + shown(r.get(12))).containsExactlyElementsOf(java.util.stream.Stream.concat(
                d.securityGroups().stream().map(g -> g.name()), d.routeTables().stream().map(t -> t.name())).toList());
        List<ExportScope.Association> as = ExportScope.of(d).associations();
        assertThat(assoc).hasSameSizeAs(as);
        for (int k = 0; k < as.size(); k++) {
            List<String> row = assoc.get(k).stream().map(CsvExporterTest::shown).toList();
            assertThat(List.of(row.get(1), row.get(12), row.get(16), row.get(17))).containsExactly(
                    as.get(k).nsg() == null ? "" : as.get(k).nsg().name(),
                    as.get(k).routeTable() == null ? "" : as.get(k).routeTable().name(),
                    as.get(k).vnet().name(), as.get(k).subnet().name());
        }
        int i = 0;
        for (var g : d.securityGroups()) {
            for (SecurityRule r : g.rules()) {
                List<String> row = rules.get(i++).stream().map(CsvExporterTest::shown).toList();
                assertThat(row.subList(1, 12)).containsExactly(g.name(), r.direction().azure(), r.priority().toString(), r.name(),
                        String.join(", ", r.destinationPorts()), r.protocol(), SeedColumns.source(r), SeedColumns.destination(r),
                        r.access().azure(), String.join(", ", r.sourcePorts()), r.description() == null ? "" : r.description());
            }
        }
        assertThat(i).isEqualTo(rules.size());
        i = 0;
        for (var t : d.routeTables()) {
            for (Route r : t.routes()) {
                List<String> row = routes.get(i++).stream().map(CsvExporterTest::shown).toList();
                assertThat(row.get(4)).isEqualTo(r.name());
                assertThat(row.subList(12, 16)).containsExactly(t.name(), r.addressPrefix(), r.nextHopType(),
                        r.nextHopIpAddress() == null ? "" : r.nextHopIpAddress());
            }
        }
        assertThat(i).isEqualTo(routes.size());
    }

    @Test
    void referenceNetworkHasTheSeedsColumnsForEveryRuleAndRoute() {
        Design d = Designs.reference();
        String csv = new CsvExporter().export(d);
        assertRows(d, csv);
        assertThat(csv).contains("\r\nsecurity rule,nsg-mi,Inbound,100,allow_management_inbound,\"9000, 9003, 1438, 1440, 1452\",Tcp,*,10.0.0.0/24,Allow,");
        assertThat(csv).contains("\r\nroute,,,,mi-13-64-11-nexthop-internet,,,,,,,,rt-mi,13.64.0.0/11,Internet,,,\r\n");
        assertThat(csv).endsWith("\r\nsubnet association,nsg-mi,,,,,,,,,,,rt-mi,,,,vnet-mi,ManagedInstance\r\n");
        assertThat(read(csv)).hasSize(1 + 1 + 9 + 1 + 100 + 1);
    }

    @Test
    void hostileTextIsQuotedAndFormulasAreNeutralised() {
        Design d = Designs.hostile();
        String csv = new CsvExporter().export(d);
        assertRows(d, csv);
        for (List<String> row : read(csv)) {
            for (String cell : row) assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        }
        assertThat(csv).contains(",'=1+2,", ",'-leading-dash,", "'+cmd|' /C calc'!A0", "'@SUM(1)");
    }

    @Test
    void emptyDesignAndDesignWithoutRouteTable() {
        assertThat(new CsvExporter().export(Designs.empty())).isEqualTo(String.join(",", CsvExporter.HEADER) + "\r\n");
        Design noRt = Designs.withoutRouteTable(Designs.plain());
        assertRows(noRt, new CsvExporter().export(noRt));
        assertThat(read(new CsvExporter().export(noRt))).noneMatch(r -> r.get(0).equals(CsvExporter.ROUTE));
    }

    @Property(tries = 300)
    void aCellReadsBackAsItsShownValue(@ForAll String s) {
        List<List<String>> rows = read(CsvExporter.cell(s) + ",x\r\n");
        assertThat(rows).hasSize(1);
        assertThat(shown(rows.get(0).get(0))).isEqualTo(s);
        assertThat(rows.get(0).get(1)).isEqualTo("x");
    }
}
