package minet.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.io.DesignFile;
import minet.layout.DiagramNode;
import minet.model.Bounds;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Subnet;
import minet.ui.canvas.PaletteItem;
import minet.ui.document.DocumentModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Canvas gestures as commands, without a toolkit. */
class CanvasViewModelTest {
    DocumentModel doc;
    CanvasViewModel vm;
    List<String> status = new ArrayList<>();

    @BeforeEach void setUp() throws Exception {
        doc = new DocumentModel(DesignFile.read(Path.of("sample-networks", "reference.minet.json")), null);
        vm = new CanvasViewModel(doc, status::add);
    }

    Bounds bounds(String id) { return vm.diagram().node(id).orElseThrow().bounds(); }

    @Test void droppingASubnetInTheVnetAddsItWithAFreePrefixAndUndoRemovesIt() {
        Bounds vnet = bounds("vnet-mi");
        vm.drop(PaletteItem.SUBNET, vnet.x() + 30, vnet.y() + vnet.height() - 20);
        Subnet added = doc.design().subnet("vnet-mi/subnet-1").orElseThrow();
        assertThat(added.addressPrefixes()).containsExactly("10.0.2.0/24");
        assertThat(vm.selection().primary()).isEqualTo("vnet-mi/subnet-1");
        assertThat(vm.diagram().node("vnet-mi").orElseThrow().bounds().contains(bounds("vnet-mi/subnet-1"))).isTrue();
        doc.undo();
        assertThat(doc.design().subnet("vnet-mi/subnet-1")).isEmpty();
        assertThat(vm.selection().ids()).isEmpty();
    }

    /** The reference (no delegation) is drawn as auto judges it, in 2019; given today's profile, the canvas drops the management endpoint. */
    @Test void theCanvasDrawsTheEraOfTheProfileItIsGiven() {
        String ep = "mgmtep@vnet-mi/ManagedInstance";
        assertThat(vm.diagram().node(ep)).isPresent();
        assertThat(vm.profile().id()).isEqualTo("azure-2019-04");
        vm.setProfile(minet.rules.Profiles.latest());
        assertThat(vm.diagram().node(ep)).isEmpty();
        assertThat(vm.diagram().node("extlb@vnet-mi/ManagedInstance")).isEmpty();
        assertThat(vm.flow("health-probe:vnet-mi/ManagedInstance").orElseThrow().fromId()).isEqualTo("ilb@vnet-mi/ManagedInstance");
        // An edit is drawn in the era given, not the one auto would pick.
        doc.execute(minet.edit.Command.of("rename", d -> d.withName("renamed")));
        assertThat(vm.diagram().node(ep)).isEmpty();
        vm.setProfile(null);
        assertThat(vm.diagram().node(ep)).isPresent();
    }

    @Test void aSubnetDroppedOutsideAnyVnetIsRefusedWithAReason() {
        Design before = doc.design();
        vm.drop(PaletteItem.SUBNET, 5, 5);
        assertThat(doc.design()).isEqualTo(before);
        assertThat(status).last().asString().contains("inside a virtual network");
    }

    @Test void droppingAnNsgOnASubnetAttachesIt() {
        Bounds app = bounds("vnet-mi/AppSubnet");
        vm.drop(PaletteItem.NSG, app.x() + 20, app.y() + 20);
        assertThat(doc.design().subnet("vnet-mi/AppSubnet").orElseThrow().nsgId()).isEqualTo("nsg-1");
        assertThat(vm.diagram().nodesOf("nsg-1")).hasSize(1);
    }

    @Test void movingSnapsToTheGridStoresTheLayoutAndUndoes() {
        Bounds before = bounds("onprem");
        vm.click("onprem", false);
        vm.moveSelection(33, 47);
        // The box lands on the grid, where it was dropped (ELK's positions need not be on the grid).
        Bounds to = new Bounds(DesignEdits.snap(before.x() + 33), DesignEdits.snap(before.y() + 47), before.width(), before.height());
        assertThat(doc.design().layout().of("onprem")).contains(to);
        assertThat(bounds("onprem")).isEqualTo(to);
        doc.undo();
        assertThat(bounds("onprem")).isEqualTo(before);
    }

    @Test void movingAVnetTakesItsSubnetsAlong() {
        Bounds app = bounds("vnet-mi/AppSubnet");
        vm.click("vnet-mi", false);
        vm.moveSelection(100, 200);
        assertThat(bounds("vnet-mi/AppSubnet")).isEqualTo(new Bounds(DesignEdits.snap(app.x() + 100), DesignEdits.snap(app.y() + 200), app.width(), app.height()));
        assertThat(bounds("ilb@vnet-mi/ManagedInstance").y()).isGreaterThan(200);
    }

    @Test void shiftClickAndRubberBandSelectSeveral() {
        vm.click("onprem", false);
        vm.click("clients", true);
        assertThat(vm.selection().ids()).containsExactlyInAnyOrder("onprem", "clients");
        vm.click("onprem", true);
        assertThat(vm.selection().ids()).containsExactly("clients");
        Bounds vnet = bounds("vnet-mi");
        vm.selectIn(new Bounds(vnet.x() - 1, vnet.y() - 1, vnet.width() + 2, vnet.height() + 2), false);
        assertThat(vm.selection().ids()).contains("vnet-mi", "vnet-mi/AppSubnet", "nsg-mi", "rt-mi").doesNotContain("clients");
    }

    @Test void deletingASubnetTakesItsInstancesAndUndoBringsThemBack() {
        Design before = doc.design();
        vm.click("vnet-mi/ManagedInstance", false);
        vm.deleteSelection();
        assertThat(doc.design().subnet("vnet-mi/ManagedInstance")).isEmpty();
        assertThat(doc.design().managedInstances()).isEmpty();
        doc.undo();
        assertThat(doc.design()).isEqualTo(before);
    }

    @Test void deletingAnNsgDetachesIt() {
        vm.click("nsg-mi", false);
        vm.deleteSelection();
        assertThat(doc.design().securityGroups()).isEmpty();
        assertThat(doc.design().subnet("vnet-mi/ManagedInstance").orElseThrow().nsgId()).isNull();
    }

    @Test void copyAndPasteMakesANewIdOffsetAndSelected() {
        vm.click("vnet-mi/AppSubnet", false);
        vm.click("onprem", true);
        vm.copySelection();
        vm.paste();
        Subnet copy = doc.design().subnet("vnet-mi/AppSubnet-1").orElseThrow();
        assertThat(copy.addressPrefixes()).containsExactly("10.0.2.0/24");
        assertThat(doc.design().externalNetworks()).extracting(ExternalNetwork::id).contains("onprem-1");
        assertThat(bounds("onprem-1")).isEqualTo(bounds("onprem").moved(40, 40));
        assertThat(vm.selection().ids()).containsExactlyInAnyOrder("vnet-mi/AppSubnet-1", "onprem-1");
        doc.undo();
        assertThat(doc.design().externalNetworks()).extracting(ExternalNetwork::id).doesNotContain("onprem-1");
    }

    @Test void connectingAPeeredVnetAddsAPeering() {
        vm.drop(PaletteItem.PEERED_VNET, 40, 600);
        String peer = vm.selection().primary();
        assertThat(vm.connect(peer, "vnet-mi")).isTrue();
        assertThat(doc.design().virtualNetworks().get(0).peerings()).extracting(p -> p.remoteVnetId()).containsExactly(peer);
        assertThat(vm.diagram().flows()).anyMatch(f -> f.id().equals("link:" + peer) && f.toId().equals("vnet-mi"));
        assertThat(vm.connect("storage", "vnet-mi")).as("a service is not connected by hand").isFalse();
    }

    @Test void connectingClientsToASubnetPlacesThemInItsRange() {
        assertThat(vm.connect("clients", "vnet-mi/GatewaySubnet")).isTrue();
        assertThat(doc.design().externalNetworks().stream().filter(e -> e.id().equals("clients")).findFirst().orElseThrow().addressPrefixes())
                .containsExactly("10.0.255.0/27");
    }

    @Test void resizeKeepsAnMiSubnetBigEnoughForItsCluster() {
        String mi = "vnet-mi/ManagedInstance";
        Bounds b = bounds(mi);
        vm.resize(mi, new Bounds(b.x(), b.y(), 100, 100));
        DiagramNode after = vm.diagram().node(mi).orElseThrow();
        assertThat(after.bounds().width()).isEqualTo(b.width());
        vm.resize(mi, new Bounds(b.x(), b.y(), b.width() + 95, b.height() + 100));
        // At least the size asked for (the layout may give the cluster inside a little more).
        assertThat(bounds(mi).width()).isGreaterThanOrEqualTo(DesignEdits.snap(b.width() + 95));
        assertThat(bounds(mi).height()).isGreaterThanOrEqualTo(DesignEdits.snap(b.height() + 100));
    }

    @Test void anEditThatChangesNothingDrawnKeepsTheDiagram() {
        var before = vm.diagram();
        doc.execute(minet.edit.Command.of("edit a rule's description", d -> d.mapSecurityGroup("nsg-mi", g -> {
            var rules = new java.util.ArrayList<>(g.rules());
            rules.set(0, rules.get(0).withDescription("changed"));
            return g.withRules(rules);
        })));
        assertThat(vm.diagram()).isSameAs(before);
        vm.click("onprem", false);
        vm.moveSelection(10, 0);
        assertThat(vm.diagram()).isNotSameAs(before);
    }

    @Test void fitZoomShowsTheWholeDiagram() {
        double z = vm.fitZoom(1000, 700);
        var e = vm.diagram().extent();
        assertThat((e.x() + e.width()) * z).isLessThanOrEqualTo(1000.001);
        assertThat((e.y() + e.height()) * z).isLessThanOrEqualTo(700.001);
    }
}
