package minet.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import minet.io.Importer;
import minet.model.Bounds;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Layout;
import minet.model.ManagedInstance;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;
import minet.rules.Profile;
import minet.rules.Profiles;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laws of the picture, for every design whose layout is automatic (the samples, imported templates, generated
 * designs): arrows are axis-parallel, never cross a box they do not connect (nor a container's header), start and
 * end on their boxes; labels overlap neither each other, nor a box's border, nor another arrow.
 */
class DiagramLawsTest {

    /** The failover-group fixtures of every format (#17): two regions, peered or joined by their gateways. */
    static final List<List<Path>> FAILOVER = List.of(
            List.of(Path.of("sample-networks/failover-group.minet.json")),
            List.of(Path.of("src/test/resources/arm/failover-group/azuredeploy.json")),
            List.of(Path.of("src/test/resources/terraform/hcl/failover-group")),
            azcli("src/test/resources/azcli/fog"));

    static List<Path> azcli(String dir) {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<List<Path>> samples() throws IOException {
        List<List<Path>> all = new ArrayList<>();
        for (String dir : List.of("sample-networks", "sample-networks/broken")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".minet.json") && !p.endsWith("failover-group.minet.json")).sorted().forEach(p -> all.add(List.of(p)));
            }
        }
        for (String t : List.of("quickstart-101-sqlmi-new-vnet-2019.json", "quickstart-sql-managed-instance-azure-environment.json",
                "quickstart-sqlmi-new-vnet-service-aided.json")) {
            all.add(List.of(Path.of("src/test/resources/real-world", t)));
        }
        all.addAll(FAILOVER);
        return all.stream();
    }

    static Design load(List<Path> files) throws Exception {
        return Importer.load(files, minet.io.ImportOptions.NONE).withLayout(Layout.EMPTY);
    }

    /** Each file in the era auto picks for it (the window's default). */
    @ParameterizedTest @MethodSource("samples")
    void theSamplesAndRealTemplatesKeepTheLaws(List<Path> files) throws Exception {
        assertLaws(arranged(load(files)));
    }

    /** A 2019 design, a service-aided template and the failover groups, drawn in every era (each has its own parts and flows). */
    static Stream<org.junit.jupiter.params.provider.Arguments> eachEra() {
        List<List<Path>> designs = new ArrayList<>(List.of(List.of(Path.of("sample-networks/reference.minet.json")),
                List.of(Path.of("src/test/resources/real-world/quickstart-sqlmi-new-vnet-service-aided.json"))));
        designs.addAll(FAILOVER);
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (Profile p : Profiles.ALL) for (List<Path> d : designs) out.add(org.junit.jupiter.params.provider.Arguments.of(p.id(), d));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}") @MethodSource("eachEra")
    void everyEraKeepsTheLaws(String profile, List<Path> files) throws Exception {
        assertLaws(arranged(load(files), Profiles.byId(profile).orElseThrow()));
    }

    @Property(tries = 40)
    void generatedDesignsKeepTheLaws(@ForAll("designs") Design d, @ForAll("eras") Profile era) {
        assertLaws(arranged(d, era));
    }

    @Provide Arbitrary<Profile> eras() {
        return Arbitraries.of(Profiles.ALL);
    }

    /** ELK's arrangement, failures included (DiagramLayout.of would fall back to the quick picture and hide them). */
    static Diagram arranged(Design d) {
        return arranged(d, DiagramLayout.profileOf(d));
    }

    static Diagram arranged(Design d, Profile era) {
        return Arranger.arrange(DiagramLayout.quick(d, era), d.layout());
    }

    /** The laws, on one diagram; the message names the arrow, the segment and the box. */
    static void assertLaws(Diagram d) {
        Map<String, DiagramNode> byId = d.byId();
        assertThat(d.flows()).allSatisfy(f -> assertThat(f.route()).as(f.id() + " has a route").hasSizeGreaterThanOrEqualTo(2));
        for (DiagramFlow f : d.flows()) {
            Set<String> own = new HashSet<>();
            for (String end : List.of(f.fromId(), f.toId())) {
                for (DiagramNode n = byId.get(end); n != null; n = n.parentId() == null ? null : byId.get(n.parentId())) own.add(n.id());
            }
            List<Point> r = f.route();
            for (int i = 1; i < r.size(); i++) {
                Point a = r.get(i - 1), b = r.get(i);
                assertThat(Math.abs(a.x() - b.x()) < 1e-6 || Math.abs(a.y() - b.y()) < 1e-6)
                        .as(f.id() + ": segment " + a + " → " + b + " is axis-parallel").isTrue();
                for (DiagramNode n : d.nodes()) {
                    if (!own.contains(n.id())) {
                        assertThat(crosses(a, b, n.bounds())).as(f.id() + ": segment " + a + " → " + b + " crosses " + n.id() + " " + n.bounds()).isFalse();
                    } else if (n.kind().container() && !n.id().equals(f.fromId()) && !n.id().equals(f.toId())) {
                        assertThat(crosses(a, b, header(n))).as(f.id() + ": segment " + a + " → " + b + " crosses the header of " + n.id()).isFalse();
                    }
                }
                for (DiagramFlow g : d.flows()) {
                    if (g != f && g.labelBox() != null) {
                        assertThat(crosses(a, b, g.labelBox())).as(f.id() + ": segment " + a + " → " + b + " crosses the label of " + g.id()).isFalse();
                    }
                }
            }
            assertThat(onBorder(r.get(0), byId.get(f.fromId()).bounds())).as(f.id() + " starts on its box").isTrue();
            assertThat(onBorder(r.get(r.size() - 1), byId.get(f.toId()).bounds())).as(f.id() + " ends on its box").isTrue();
        }
        List<DiagramFlow> labelled = d.flows().stream().filter(f -> f.labelBox() != null).toList();
        for (int i = 0; i < labelled.size(); i++) {
            Bounds l = labelled.get(i).labelBox();
            for (int j = i + 1; j < labelled.size(); j++) {
                assertThat(l.overlaps(labelled.get(j).labelBox())).as("labels of " + labelled.get(i).id() + " and " + labelled.get(j).id() + " overlap").isFalse();
            }
            for (DiagramNode n : d.nodes()) {
                boolean inside = n.kind().container() && inner(n).contains(l);
                assertThat(inside || !l.overlaps(n.bounds())).as("label of " + labelled.get(i).id() + " " + l + " overlaps " + n.id() + " " + n.bounds()).isTrue();
            }
        }
        assertThat(labelled).hasSameSizeAs(d.flows().stream().filter(f -> !f.label().isEmpty()).toList());
    }

    /** A container's top band: its name and lines (and a subnet's usage bar and cards). */
    static Bounds header(DiagramNode n) {
        double h = switch (n.kind()) {
            case VNET -> 50;
            case VIRTUAL_CLUSTER -> 26;
            default -> DiagramLayout.CARD_Y + DiagramLayout.CARD_H;
        };
        return new Bounds(n.bounds().x(), n.bounds().y(), n.bounds().width(), h);
    }

    static Bounds inner(DiagramNode n) {
        Bounds h = header(n), b = n.bounds();
        return new Bounds(b.x(), b.y() + h.height(), b.width(), b.height() - h.height());
    }

    /** Whether the segment passes through the inside of the box (touching its border is not crossing). */
    static boolean crosses(Point a, Point b, Bounds box) {
        double e = 0.5;
        double x0 = box.x() + e, y0 = box.y() + e, x1 = box.x() + box.width() - e, y1 = box.y() + box.height() - e;
        if (x1 <= x0 || y1 <= y0) return false;
        double minX = Math.min(a.x(), b.x()), maxX = Math.max(a.x(), b.x()), minY = Math.min(a.y(), b.y()), maxY = Math.max(a.y(), b.y());
        return maxX > x0 && minX < x1 && maxY > y0 && minY < y1;
    }

    static boolean onBorder(Point p, Bounds b) {
        double e = 1.5;
        boolean inX = p.x() >= b.x() - e && p.x() <= b.x() + b.width() + e, inY = p.y() >= b.y() - e && p.y() <= b.y() + b.height() + e;
        boolean nearV = Math.abs(p.x() - b.x()) <= e || Math.abs(p.x() - b.x() - b.width()) <= e;
        boolean nearH = Math.abs(p.y() - b.y()) <= e || Math.abs(p.y() - b.y() - b.height()) <= e;
        return inX && inY && (nearV || nearH);
    }

    // ---- generated designs: VNets with MI subnets, other subnets, gateways; every kind of outside party ----

    @Provide Arbitrary<Design> designs() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 3);
        return Combinators.combine(Arbitraries.integers().between(1, 2), small, Arbitraries.integers().between(0, 6), small,
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1_000_000))
                .as(DiagramLawsTest::design);
    }

    static Design design(int vnets, int miSubnets, int subnets, int instances, int services, int onPrem, int seed) {
        java.util.Random rnd = new java.util.Random(seed);
        List<VirtualNetwork> vs = new ArrayList<>();
        List<ManagedInstance> mis = new ArrayList<>();
        List<ExternalNetwork> ext = new ArrayList<>();
        List<SecurityGroup> nsgs = new ArrayList<>();
        String gateway = null;
        // Two VNets may be a failover group's two regions, joined by peering, by their gateways, or not at all.
        int join = rnd.nextInt(3);
        List<String> gateways = new ArrayList<>();
        for (int v = 0; v < vnets; v++) {
            List<Subnet> ss = new ArrayList<>();
            String vid = "v" + v;
            for (int m = 0; m < (v == 0 ? Math.max(1, miSubnets) : miSubnets / 2); m++) {
                String sid = vid + "/mi" + m;
                boolean nsg = rnd.nextBoolean();
                if (nsg) nsgs.add(new SecurityGroup("nsg-" + v + m, "nsg-" + v + m, null, List.of(), null));
                ss.add(new Subnet(sid, "mi" + m, List.of("10." + v + "." + m + ".0/24"), nsg ? "nsg-" + v + m : null, null, List.of(),
                        List.of(Subnet.MI_DELEGATION), List.of(), false, null));
                for (int i = 0; i < (m == 0 ? instances : rnd.nextInt(2)); i++) {
                    mis.add(new ManagedInstance("mi-" + v + m + i, "sqlmi-" + v + m + i, sid,
                            rnd.nextBoolean() ? ManagedInstance.Tier.BUSINESS_CRITICAL : ManagedInstance.Tier.GENERAL_PURPOSE, 8,
                            ManagedInstance.ConnectionType.values()[rnd.nextInt(ManagedInstance.ConnectionType.values().length)], false,
                            ManagedInstance.ReplicationRole.values()[rnd.nextInt(ManagedInstance.ReplicationRole.values().length)],
                            "westeurope", "zone", null, null));
                }
            }
            for (int s = 0; s < subnets; s++) {
                List<SubnetResource> res = new ArrayList<>();
                if (s == 0 && (v == 0 && onPrem > 0 || vnets == 2 && join == 2)) {
                    if (v == 0) gateway = "gw-" + v;
                    gateways.add("gw-" + v);
                    res.add(new SubnetResource(SubnetResource.GATEWAY, "gw-" + v, "gw-" + v));
                }
                ss.add(new Subnet(vid + "/s" + s, s == 0 ? "GatewaySubnet" : "app" + s, List.of("10." + v + "." + (100 + s) + ".0/24"), null, null,
                        List.of(), List.of(), res, false, null));
            }
            List<minet.model.Peering> peerings = vnets == 2 && join == 1
                    ? List.of(new minet.model.Peering("to-" + (1 - v), "v" + (1 - v), List.of("10." + (1 - v) + ".0.0/16"), false)) : List.of();
            vs.add(new VirtualNetwork(vid, "vnet-" + v, v == 0 ? "westeurope" : "northeurope", List.of("10." + v + ".0.0/16"), List.of(), false, peerings, ss, null));
        }
        List<minet.model.FailoverGroup> groups = new ArrayList<>();
        List<minet.model.GatewayConnection> connections = new ArrayList<>();
        ManagedInstance first = mis.stream().filter(m -> m.subnetId().startsWith("v0/")).findFirst().orElse(null);
        ManagedInstance second = mis.stream().filter(m -> m.subnetId().startsWith("v1/")).findFirst().orElse(null);
        if (first != null && second != null) groups.add(new minet.model.FailoverGroup("fog", "fog", first.id(), second.id(), null));
        if (gateways.size() == 2) connections.add(new minet.model.GatewayConnection("cn", "cn", gateways.get(0), gateways.get(1), "Vnet2Vnet", null));
        String[] tags = {"Storage", "EventHub", "AzureActiveDirectory", "AzureKeyVault", "AzureMonitor"};
        for (int i = 0; i < services; i++) {
            ext.add(new ExternalNetwork("svc" + i, "Service " + i, ExternalNetwork.Kind.AZURE_SERVICE, List.of(), null, null, tags[i % tags.length], null, List.of(), null));
        }
        for (int i = 0; i < onPrem; i++) {
            ext.add(new ExternalNetwork("onprem" + i, "On-premises " + i, ExternalNetwork.Kind.ON_PREMISES, List.of("192.168." + i + ".0/24"),
                    i == 0 ? gateway : null, "Vpn", null, null, List.of(), null));
        }
        if (rnd.nextBoolean()) ext.add(new ExternalNetwork("clients", "Clients", ExternalNetwork.Kind.CLIENT, List.of("10.0.100.0/24"), null, null, null, null, List.of(), null));
        if (rnd.nextBoolean()) ext.add(new ExternalNetwork("mgmt", "Management", ExternalNetwork.Kind.MANAGEMENT, List.of(), null, null, "SqlManagement", null, List.of(), null));
        if (rnd.nextBoolean()) ext.add(new ExternalNetwork("peer", "Hub", ExternalNetwork.Kind.PEERED_VNET, List.of("10.9.0.0/16"), null, null, null, null, List.of(), null));
        if (rnd.nextBoolean()) nsgs.add(new SecurityGroup("loose-nsg", "loose-nsg", null, List.of(), null));
        Design d = Design.empty("generated " + seed).withVirtualNetworks(vs).withManagedInstances(mis).withExternalNetworks(ext).withSecurityGroups(nsgs);
        return new Design(d.name(), d.virtualNetworks(), d.securityGroups(), d.routeTables(), d.managedInstances(), d.externalNetworks(), d.layout(),
                d.importNotes(), d.state(), groups, connections);
    }
}
