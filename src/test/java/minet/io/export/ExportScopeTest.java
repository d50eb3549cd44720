package minet.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import minet.model.Design;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ExportScopeTest {

    @Test
    void referencesResolveWithoutCaseAndUnassociatedTablesAreKept() {
        Design d = Designs.plain();
        SecurityGroup spare = new SecurityGroup("spare", "nsg-spare", "westeurope", List.of(), null);
        RouteTable spareRt = new RouteTable("spare-rt", "rt-spare", "westeurope", false, List.of(), null);
        d = d.withSecurityGroups(List.of(d.securityGroups().get(0), spare)).withRouteTables(List.of(d.routeTables().get(0), spareRt));
        ExportScope s = ExportScope.of(d);
        assertThat(s.securityGroups()).extracting(SecurityGroup::name).containsExactly("nsg", "nsg-spare");
        assertThat(s.routeTables()).extracting(RouteTable::name).containsExactly("rt", "rt-spare");
        // subnet2 points at "NSG": ARM ids compare without case
        assertThat(s.associations()).extracting(a -> a.subnet().name() + ":" + (a.nsg() == null ? "-" : a.nsg().name())
                + ":" + (a.routeTable() == null ? "-" : a.routeTable().name())).containsExactly("subnet1:nsg:rt", "subnet2:nsg:-");
        assertThat(s.associationsOf(spare)).isEmpty();
        // an unassociated NSG still reaches every format
        for (ExportFormat f : ExportFormat.values()) assertThat(f.exporter().export(d)).as(f.cliName()).contains("nsg-spare");
    }

    @Test
    void aReferenceToNothingIsLeftOut() {
        Design d = Designs.plain().mapSubnet("vnet/app", s -> s.withNsgId("gone"));
        assertThat(ExportScope.of(d).associations()).extracting(a -> a.subnet().name()).containsExactly("subnet1");
    }

    @Test
    void regionOnlyWhenTheDesignAgreesOnOne() {
        assertThat(ExportScope.of(Designs.plain()).location()).isEqualTo("westeurope");
        Design mixed = Designs.plain().mapRouteTable("rt", t -> new RouteTable(t.id(), t.name(), "northeurope",
                t.disableBgpRoutePropagation(), t.routes(), null));
        assertThat(ExportScope.of(mixed).location()).isNull();
        assertThat(ExportScope.of(Designs.empty()).location()).isNull();
    }

    @Property(tries = 300)
    void identifiersArePlainWordsAndNeverRepeat(@ForAll List<String> names) {
        Identifiers ids = new Identifiers("location");
        List<String> given = new ArrayList<>();
        for (String n : names) given.add(ids.next("nsg", n));
        assertThat(given).allSatisfy(id -> assertThat(id).matches("nsg_[A-Za-z0-9_]+"));
        assertThat(given.stream().map(String::toLowerCase).distinct().count()).isEqualTo(given.size());
    }
}
