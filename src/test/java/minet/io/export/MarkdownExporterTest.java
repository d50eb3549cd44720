package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import minet.model.Design;
import minet.model.Direction;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MarkdownExporterTest {

    /** Splits a table row as GFM does: at pipes not escaped by a backslash; unescapes the cells. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder c = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) { c.append(line.charAt(++i)); continue; }
            if (ch == '|') { out.add(c.toString().strip().replace("<br>", "\n")); c.setLength(0); continue; }
            c.append(ch);
        }
        assertThat(c.toString()).as("text after the last pipe").isBlank();
        return out;
    }

    /** The rows of the table under the heading {@code heading} (after the header and delimiter rows). */
    static List<List<String>> table(String md, String heading) {
        List<String> lines = md.lines().toList();
        int at = lines.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        int i = at + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            if (lines.get(i).startsWith("#")) return rows;
            i++;
        }
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) rows.add(cells(lines.get(i)));
        return rows;
    }

    static String normalised(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n')
                .replace('\u0085', '\n').replace('\t', ' ');
    }

    @Test
    void referenceNetworkHasInboundOutboundAndRoutesTables() {
        Design d = Designs.reference();
        String md = new MarkdownExporter().export(d);
        SecurityGroup g = d.securityGroups().get(0);
        List<List<String>> in = table(md, "### Inbound");
        assertThat(in).extracting(r -> r.get(1)).containsExactlyElementsOf(g.rules(Direction.INBOUND).stream().map(SecurityRule::name).toList());
        assertThat(in.get(0)).containsExactly("100", "allow_management_inbound", "9000, 9003, 1438, 1440, 1452", "Tcp", "*", "10.0.0.0/24", "Allow");
        assertThat(table(md, "### Outbound")).hasSize(3);
        List<List<String>> routes = table(md, "## Route table rt-mi");
        assertThat(routes).hasSize(100);
        assertThat(routes.get(0)).containsExactly("subnet_to_vnetlocal", "10.0.0.0/24", "VnetLocal", "");
        assertThat(md).contains("| Priority | Name | Port | Protocol | Source | Destination | Action |");
        assertThat(md).contains("Associated with subnet ManagedInstance of vnet-mi.");
        // underscores inside names stay readable in the raw file
        assertThat(md).contains("| allow_management_inbound |");
    }

    @Test
    void rulesAreListedInEvaluationOrder() {
        Design d = Designs.plain();
        SecurityGroup g = d.securityGroups().get(0);
        List<SecurityRule> reversed = new ArrayList<>(g.rules());
        java.util.Collections.reverse(reversed);
        Design swapped = d.mapSecurityGroup(g.id(), x -> x.withRules(reversed));
        assertThat(table(new MarkdownExporter().export(swapped), "### Inbound")).extracting(r -> r.get(0)).containsExactly("100", "300");
    }

    @Test
    void hostileTextCannotBreakTheTables() {
        Design d = Designs.hostile();
        String md = new MarkdownExporter().export(d);
        List<List<String>> out = table(md, "### Outbound");
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r).hasSize(7);
            assertThat(r.get(1)).isEqualTo(d.securityGroups().get(0).rules().get(1).name());
        });
        List<List<String>> in = table(md, "### Inbound");
        assertThat(in).allSatisfy(r -> assertThat(r).hasSize(7));
        assertThat(in).extracting(r -> r.get(1)).containsExactly(Designs.hostile("rule1"), Designs.hostile("rule3"));
        for (String line : md.lines().toList()) {
            if (line.startsWith("|")) assertThat(cells(line).size()).isIn(4, 7);
        }
        List<List<String>> routes = table(md, "## Route table " + MarkdownExporter.cell(Designs.hostile("rt")));
        assertThat(routes).extracting(r -> r.get(0)).containsExactly(normalised(Designs.hostile("route1")), normalised(Designs.hostile("route2")));
        assertThat(md).doesNotContain("<script", "<#");
    }

    @Test
    void emptyDesignAndDesignWithoutRouteTable() {
        assertThat(new MarkdownExporter().export(Designs.empty())).contains("no network security group and no route table");
        String md = new MarkdownExporter().export(Designs.withoutRouteTable(Designs.plain()));
        assertThat(md).contains("## Network security group nsg").doesNotContain("## Route table");
    }

    @Property(tries = 300)
    void aCellIsOneCellAndReadsBack(@ForAll String s) {
        List<String> c = cells("| " + MarkdownExporter.cell(s) + " | x |");
        assertThat(c).hasSize(2);
        // GFM trims a cell's surrounding spaces; line breaks survive as <br>, other control characters as spaces
        String expected = normalised(s).replaceAll("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F]", " ");
        int from = 0, to = expected.length();
        while (from < to && expected.charAt(from) != '\n' && Character.isWhitespace(expected.charAt(from))) from++;
        while (to > from && expected.charAt(to - 1) != '\n' && Character.isWhitespace(expected.charAt(to - 1))) to--;
        assertThat(c.get(0)).isEqualTo(expected.substring(from, to));
        assertThat(c.get(1)).isEqualTo("x");
    }
}
