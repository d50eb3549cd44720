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
import minet.rules.Profile;
import minet.rules.Profiles;
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
        Diagram dia = DiagramLayout.of(d, Profiles.seed());
        DiagramNode bc = dia.node("engine@mi-bc").orElseThrow();
        assertThat(bc.lines()).contains("4 replicas (1 primary, 3 secondary)");
        // 5 reserved + 4 (BC) + 2 (GP)
        assertThat(dia.node("big/mi").orElseThrow().usage()).isEqualTo(new DiagramNode.Usage(11, 256));
        // Proxy instances get no redirect flow; the publisher gets its file-share flow.
        assertThat(dia.flows()).extracting(DiagramFlow::id).contains("redirect:clients:mi-bc", "replication:mi-bc").doesNotContain("redirect:clients:mi-gp");
        // The file share's 445 is a rule of the eras up to 2020 only (MI-NSG-REPLICATION): not drawn after.
        assertThat(DiagramLayout.of(d, Profiles.latest()).flows()).extracting(DiagramFlow::id).doesNotContain("replication:mi-bc");
    }

    // ---- the picture follows the era (#12) ----

    /**
     * Expected, for the reference network (one MI subnet, sqlmi-ref in westeurope; Azure AD, Storage in northeurope,
     * Event Hubs and Key Vault named by the design): until 2020 (azure-2019-04, azure-2020-10) the cluster has an
     * external load balancer and a management endpoint, management comes in on 9000, 9003, 1438, 1440, 1452 and goes
     * out to every Azure service (2019: TCP 80, 443, 12000; 2020: TCP 443, 12000), probes from the external load
     * balancer. From 11/2022: neither box, no management flow, probes from the internal load balancer; 2022-11 draws
     * its four outbound services (Azure AD to the design's own box, OneDsCollector, Storage.westeurope and
     * Storage.<paired region> implied); 2024-07 and 2025-09 none.
     */
    @Test void eachEraDrawsItsOwnPartsAndFlows() throws Exception {
        String mi = "vnet-mi/ManagedInstance";
        Diagram y2019 = DiagramLayout.of(reference(), Profiles.byId("azure-2019-04").orElseThrow());
        Diagram y2020 = DiagramLayout.of(reference(), Profiles.byId("azure-2020-10").orElseThrow());
        Diagram y2022 = DiagramLayout.of(reference(), Profiles.byId("azure-2022-11").orElseThrow());
        Diagram y2024 = DiagramLayout.of(reference(), Profiles.byId("azure-2024-07").orElseThrow());
        for (Diagram d : List.of(y2019, y2020)) {
            assertThat(d.node("mgmtep@" + mi)).isPresent();
            assertThat(d.node("extlb@" + mi)).isPresent();
            assertThat(flow(d, "health-probe:" + mi).fromId()).isEqualTo("extlb@" + mi);
            assertThat(flow(d, "management-inbound:mgmt:" + mi).label()).isEqualTo("TCP 9000, 9003, 1438, 1440, 1452");
            assertThat(d.flows()).noneMatch(f -> f.kind() == FlowKind.SERVICE_OUTBOUND);
        }
        assertThat(flow(y2019, "management-outbound:" + mi + ":keyvault").label()).isEqualTo("TCP 80, 443, 12000");
        assertThat(flow(y2020, "management-outbound:" + mi + ":keyvault").label()).isEqualTo("TCP 443, 12000");
        for (Diagram d : List.of(y2022, y2024)) {
            assertThat(d.nodes()).noneMatch(n -> n.kind() == NodeKind.MANAGEMENT_ENDPOINT || n.kind() == NodeKind.EXTERNAL_LB);
            assertThat(d.node(DiagramLayout.IMPLICIT_MANAGEMENT)).isEmpty();
            assertThat(d.flows()).noneMatch(f -> f.kind() == FlowKind.MANAGEMENT_INBOUND || f.kind() == FlowKind.MANAGEMENT_OUTBOUND);
            assertThat(flow(d, "health-probe:" + mi).fromId()).isEqualTo("ilb@" + mi);
            assertThat(flow(d, "intra-subnet:" + mi).traffic().ports()).containsExactly("*");
            assertTidy(d);
        }
        // The cluster is smaller without the management endpoint's row.
        assertThat(y2022.node("cluster@" + mi).orElseThrow().bounds().height()).isLessThan(y2019.node("cluster@" + mi).orElseThrow().bounds().height());
        List<DiagramFlow> out = y2022.flows().stream().filter(f -> f.kind() == FlowKind.SERVICE_OUTBOUND).toList();
        assertThat(out).extracting(f -> f.traffic().to())
                .containsExactly("AzureActiveDirectory", "OneDsCollector", "Storage.westeurope", "Storage.{pairedRegion}");
        assertThat(out).allSatisfy(f -> {
            assertThat(f.fromId()).isEqualTo("engine@sqlmi-ref");
            assertThat(f.traffic().ports()).containsExactly("443");
        });
        assertThat(out).extracting(DiagramFlow::toId).containsExactly("aad", "implicit:service:onedscollector", "implicit:service:storage.westeurope",
                "implicit:service:storage.{pairedregion}");
        DiagramNode paired = y2022.node("implicit:service:storage.{pairedregion}").orElseThrow();
        assertThat(paired.title()).isEqualTo("Storage.<paired region>");
        assertThat(paired.implied()).isTrue();
        assertThat(DiagramLayout.whyDrawn(paired)).contains("outbound 443, any protocol").contains("Storage.<paired region>").contains("not part of the design");
        assertThat(y2024.flows()).noneMatch(f -> f.kind() == FlowKind.SERVICE_OUTBOUND);
        assertThat(y2024.nodes()).noneMatch(DiagramNode::implied);
    }

    /** The ports and services drawn are the profile's own data: a profile with another requirement draws it. */
    @Test void theFlowsComeFromTheProfilesData() throws Exception {
        Profile fw22 = Profiles.byId("azure-2022-11").orElseThrow();
        List<Profile.NsgRequirement> mandatory = new ArrayList<>(fw22.mandatory());
        mandatory.add(new Profile.NsgRequirement(minet.rules.Catalog.MI_NSG_OUT_SERVICES, "KeyVault-out", minet.model.Direction.OUTBOUND, "Tcp",
                List.of(minet.rules.AzureRules.SUBNET), List.of(minet.rules.AzureRules.SUBNET), List.of("AzureKeyVault"), List.of("443", "8443"), null, null));
        Profile more = new Profile("test-era", "test", "test", true, false, 32, 32, fw22.sizing(), mandatory, List.of(), fw22.azureRoutes(),
                fw22.dnsRequirement(), fw22.rules());
        DiagramFlow kv = flow(DiagramLayout.quick(reference(), more), "service-outbound:vnet-mi/ManagedInstance:azurekeyvault");
        assertThat(kv.label()).isEqualTo("TCP 443, 8443");
        assertThat(kv.traffic()).isEqualTo(new FlowTraffic("sqlmi-ref", "AzureKeyVault", "tcp", List.of("443", "8443")));
    }

    static DiagramFlow flow(Diagram d, String id) {
        return d.flows().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no flow " + id + " in " +
                d.flows().stream().map(DiagramFlow::id).toList()));
    }

    // ---- failover groups (#17) ----

    /**
     * Expected, for the failover-group sample (auto: azure-2025-09): the two VNets side by side (vnet-weu left of
     * vnet-neu, their heights overlapping), each labelled with its region and role; one link between them, "global
     * peering" (westeurope and northeurope, peered both ways); one replication arrow each way between the two
     * instances, TCP 5022 and 11000–11999, traced as the instance to its partner.
     */
    @Test void aFailoverGroupShowsBothRegionsSideBySideLinkedWithReplicationBothWays() throws Exception {
        Design d = DesignFile.read(Path.of("sample-networks", "failover-group.minet.json"));
        Diagram dia = DiagramLayout.of(d);
        assertTidy(dia);
        Bounds weu = dia.node("vnet-weu").orElseThrow().bounds(), neu = dia.node("vnet-neu").orElseThrow().bounds();
        assertThat(weu.x() + weu.width()).as("vnet-weu left of vnet-neu").isLessThanOrEqualTo(neu.x());
        assertThat(weu.y() < neu.y() + neu.height() && neu.y() < weu.y() + weu.height()).as("side by side").isTrue();
        assertThat(dia.node("vnet-weu").orElseThrow().lines().get(0)).isEqualTo("region westeurope  ·  primary of failover group 'fog-orders'");
        assertThat(dia.node("vnet-neu").orElseThrow().lines().get(0)).isEqualTo("region northeurope  ·  secondary of failover group 'fog-orders'");
        DiagramFlow link = flow(dia, "link:peering:vnet-neu~vnet-weu");
        assertThat(link.kind()).isEqualTo(FlowKind.LINK);
        assertThat(link.label()).isEqualTo("global peering");
        assertThat(List.of(link.fromId(), link.toId())).containsExactlyInAnyOrder("vnet-weu", "vnet-neu");
        DiagramFlow there = flow(dia, "failover:fog-orders:sqlmi-weu"), back = flow(dia, "failover:fog-orders:sqlmi-neu");
        assertThat(there.fromId()).isEqualTo("engine@sqlmi-weu");
        assertThat(there.toId()).isEqualTo("engine@sqlmi-neu");
        assertThat(back.fromId()).isEqualTo("engine@sqlmi-neu");
        assertThat(back.toId()).isEqualTo("engine@sqlmi-weu");
        assertThat(there.label()).isEqualTo("TCP 5022, 11000–11999");
        assertThat(there.traffic()).isEqualTo(new FlowTraffic("sqlmi-weu", "sqlmi-neu", "tcp", List.of("5022", "11000-11999")));
        assertThat(back.traffic()).isEqualTo(new FlowTraffic("sqlmi-neu", "sqlmi-weu", "tcp", List.of("5022", "11000-11999")));
        assertThat(dia.flows()).filteredOn(f -> f.kind() == FlowKind.LINK).hasSize(1);
        // The two directions run side by side between the two instances, not around the picture.
        Bounds a = dia.node("engine@sqlmi-weu").orElseThrow().bounds(), b = dia.node("engine@sqlmi-neu").orElseThrow().bounds();
        for (DiagramFlow f : List.of(there, back)) {
            assertThat(f.route()).as(f.id() + " " + f.route()).allSatisfy(p -> {
                assertThat(p.x()).isBetween(a.x(), b.x() + b.width());
                assertThat(p.y()).isBetween(Math.min(weu.y(), neu.y()), Math.max(weu.y() + weu.height(), neu.y() + neu.height()));
            });
        }
    }

    /** Expected, for the ARM fixture joined by VNet-to-VNet gateways: one link between the two gateways' boxes, naming both connections. */
    @Test void gatewaysJoinedByAConnectionAreLinked() throws Exception {
        Design d = minet.io.Importer.load(Path.of("src/test/resources/arm/failover-group/azuredeploy.json"));
        Diagram dia = DiagramLayout.of(d);
        assertTidy(dia);
        List<DiagramFlow> links = dia.flows().stream().filter(f -> f.kind() == FlowKind.LINK).toList();
        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.label()).isEqualTo("VNet-to-VNet");
            assertThat(l.fromId()).startsWith("res:").endsWith("/virtualNetworkGateways/vgw-weu");
            assertThat(l.toId()).startsWith("res:").endsWith("/virtualNetworkGateways/vgw-neu");
            assertThat(l.description()).contains("cn-weu-to-neu and cn-neu-to-weu");
        });
        assertThat(dia.flows()).filteredOn(f -> f.kind() == FlowKind.FAILOVER).hasSize(2);
        assertThat(dia.node(d.virtualNetworks().get(0).id()).orElseThrow().lines().get(0)).startsWith("region westeurope");
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
        Diagram dia = DiagramLayout.of(d, Profiles.seed());
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
