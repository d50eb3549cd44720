package minet.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import minet.io.DesignFile;
import minet.model.Bounds;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DiagramLayoutTest {
    static Design reference() throws Exception {
        return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
    }

    /** Containers contain their children; boxes that share a parent do not overlap. */
    static void assertTidy(Diagram d) {
        Map<String, DiagramNode> byId = d.byId();
        for (DiagramNode n : d.nodes()) {
            if (n.parentId() != null) {
                assertThat(byId.get(n.parentId()).bounds().contains(n.bounds())).as(n.id() + " inside " + n.parentId()).isTrue();
            }
            assertThat(d.extent().contains(n.bounds())).as(n.id() + " inside the extent").isTrue();
        }
        List<DiagramNode> nodes = d.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                DiagramNode a = nodes.get(i), b = nodes.get(j);
                if (java.util.Objects.equals(a.parentId(), b.parentId())) {
                    assertThat(a.bounds().overlaps(b.bounds())).as(a.id() + " overlaps " + b.id()).isFalse();
                }
            }
        }
    }

    @Test void referenceShowsTheSeedsArchitecture() throws Exception {
        Diagram d = DiagramLayout.of(reference());
        assertTidy(d);
        String mi = "vnet-mi/ManagedInstance";
        assertThat(d.node(mi).orElseThrow().kind()).isEqualTo(NodeKind.MI_SUBNET);
        assertThat(d.node("ilb@" + mi).orElseThrow().lines()).containsExactly("private IP 10.0.0.4", "sqlmi-ref.a1b2c3d4e5f6.database.windows.net");
        assertThat(d.node("mgmtep@" + mi).orElseThrow().lines()).containsExactly("public IP 52.236.184.163");
        assertThat(d.node("engine@sqlmi-ref").orElseThrow().lines().get(0)).startsWith("General Purpose");
        assertThat(d.nodesOf("nsg-mi")).singleElement().extracting(DiagramNode::kind).isEqualTo(NodeKind.NSG);
        assertThat(d.flows()).extracting(DiagramFlow::id).contains(
                "tds:clients:" + mi, "redirect:clients:sqlmi-ref", "tds:onprem:" + mi,
                "management-inbound:mgmt:" + mi, "health-probe:" + mi, "intra-subnet:" + mi,
                "management-outbound:" + mi + ":storage", "management-outbound:" + mi + ":keyvault", "link:onprem");
        DiagramFlow in = d.flows().stream().filter(f -> f.kind() == FlowKind.MANAGEMENT_INBOUND).findFirst().orElseThrow();
        assertThat(in.label()).isEqualTo("TCP 9000, 9003, 1438, 1440, 1452");
        assertThat(d.flows().stream().filter(f -> f.kind() == FlowKind.MANAGEMENT_OUTBOUND).map(DiagramFlow::label).distinct())
                .containsExactly("TCP 80, 443, 12000");
        // On-premises traffic enters through the VPN gateway in GatewaySubnet.
        assertThat(d.flows().stream().filter(f -> f.id().equals("tds:onprem:" + mi)).findFirst().orElseThrow().fromId())
                .isEqualTo("res:vnet-mi/GatewaySubnet/vpn-gw");
    }

    @Test void businessCriticalShowsFourReplicasAndNeedsFourAddresses() throws Exception {
        Design d = BigDesigns.of(3, 0);
        Diagram dia = DiagramLayout.of(d);
        DiagramNode bc = dia.node("engine@mi-bc").orElseThrow();
        assertThat(bc.lines()).contains("4 replicas (1 primary, 3 secondary)");
        // 5 reserved + 4 (BC) + 2 (GP)
        assertThat(dia.node("big/mi").orElseThrow().usage()).isEqualTo(new DiagramNode.Usage(11, 256));
        // Proxy instances get no redirect flow; the publisher gets its file-share flow.
        assertThat(dia.flows()).extracting(DiagramFlow::id).contains("redirect:clients:mi-bc", "replication:mi-bc").doesNotContain("redirect:clients:mi-gp");
    }

    @Test void layoutIsDeterministic() throws Exception {
        assertThat(DiagramLayout.of(reference())).isEqualTo(DiagramLayout.of(reference()));
    }

    @Test void hundredSubnetsStayTidy() {
        Diagram d = DiagramLayout.of(BigDesigns.of(100, 1000));
        assertThat(d.nodes().stream().filter(n -> n.kind() == NodeKind.SUBNET)).hasSize(99);
        assertTidy(d);
    }

    @Test void storedPositionsWinAndTheVnetGrowsToContainThem() throws Exception {
        Design ref = reference();
        Bounds far = new Bounds(3000, 1500, 280, 150);
        Diagram d = DiagramLayout.of(ref.withLayout(ref.layout().with("vnet-mi/AppSubnet", far)));
        assertThat(d.node("vnet-mi/AppSubnet").orElseThrow().bounds()).isEqualTo(far);
        assertTidy(d);
    }

    @Test void anMiSubnetIsNeverDrawnSmallerThanItsCluster() throws Exception {
        Design ref = reference();
        Diagram d = DiagramLayout.of(ref.withLayout(ref.layout().with("vnet-mi/ManagedInstance", new Bounds(400, 100, 50, 50))));
        assertTidy(d);
    }

    @Test void anMiWithoutManagementServicesStillShowsTheManagementFlows() {
        Subnet s = new Subnet("v/mi", "mi", List.of("10.0.0.0/24"), null, null, List.of(), List.of(Subnet.MI_DELEGATION), List.of(), false, null);
        Design d = Design.empty("x").withVirtualNetworks(List.of(new VirtualNetwork("v", "v", null, List.of("10.0.0.0/16"), List.of(), false, List.of(), List.of(s), null)));
        Diagram dia = DiagramLayout.of(d);
        assertThat(dia.node(DiagramLayout.IMPLICIT_MANAGEMENT)).isPresent();
        assertThat(dia.flows()).extracting(DiagramFlow::kind).contains(FlowKind.MANAGEMENT_INBOUND, FlowKind.MANAGEMENT_OUTBOUND);
        assertTidy(dia);
    }

    @Test void detachedNsgsAndRouteTablesStillGetABoxToSelect() throws Exception {
        Design ref = reference();
        Design detached = ref.mapSubnet("vnet-mi/ManagedInstance", s -> s.withNsgId(null).withRouteTableId(null));
        Diagram d = DiagramLayout.of(detached);
        assertThat(d.nodesOf("nsg-mi")).singleElement().satisfies(n -> {
            assertThat(n.parentId()).isNull();
            assertThat(n.title()).endsWith("not attached");
        });
        assertThat(d.nodesOf("rt-mi")).hasSize(1);
        assertTidy(d);
    }

    @Test void firstUsableAddressSkipsAzuresReservedOnes() {
        assertThat(DiagramLayout.firstUsableAddress("10.1.2.0/27")).contains("10.1.2.4");
        assertThat(DiagramLayout.firstUsableAddress("not a prefix")).isEmpty();
        assertThat(DiagramLayout.firstUsableAddress("10.0.0.0/30")).isEmpty();
    }

    /** Any mix of subnets, instances, outside parties and stored positions lays out tidily. */
    @Property(tries = 60)
    void anyDesignLaysOutTidily(@ForAll @IntRange(min = 0, max = 40) int subnets, @ForAll @IntRange(min = 0, max = 6) int externals,
                                @ForAll @IntRange(min = 0, max = 5) int stored, @ForAll @IntRange(min = 0, max = 3000) int at) {
        Design d = BigDesigns.of(Math.max(1, subnets), 0);
        List<ExternalNetwork> ext = new ArrayList<>(d.externalNetworks());
        for (int i = 0; i < externals; i++) {
            ext.add(new ExternalNetwork("svc" + i, "Service " + i, ExternalNetwork.Kind.values()[i % 5], List.of(), null, null, "Storage", null, List.of(), null));
        }
        d = d.withExternalNetworks(ext);
        for (int i = 0; i < Math.min(stored, subnets - 1); i++) {
            d = d.withLayout(d.layout().with("big/s" + (i + 1), new Bounds(at + i * 7, (at * 3 + i * 500) % 2000, 280, 150)));
        }
        Diagram dia = DiagramLayout.of(d);
        // Stored positions may overlap each other on purpose (the user put them there); auto-placed ones never do.
        if (stored == 0) assertTidy(dia);
        for (DiagramNode n : dia.nodes()) {
            if (n.parentId() != null) assertThat(dia.byId().get(n.parentId()).bounds().contains(n.bounds())).isTrue();
        }
    }
}
