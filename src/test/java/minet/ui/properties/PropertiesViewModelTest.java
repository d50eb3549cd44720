package minet.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.SecurityRule;
import minet.ui.canvas.CanvasViewModel;
import minet.ui.document.DocumentModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PropertiesViewModelTest {
    DocumentModel doc;
    CanvasViewModel canvas;
    PropertiesViewModel vm;
    List<String> status = new ArrayList<>();

    @BeforeEach void setUp() throws Exception {
        doc = new DocumentModel(DesignFile.read(Path.of("sample-networks", "reference.minet.json")), null);
        canvas = new CanvasViewModel(doc, status::add);
        vm = new PropertiesViewModel(doc, canvas, status::add);
    }

    PropertiesViewModel.Field field(String id) { return vm.field(id).orElseThrow(); }

    @Test void anInvalidCidrIsMarkedAsYouTypeAndNeverApplied() {
        canvas.selection().select("vnet-mi/AppSubnet");
        assertThat(vm.headingProperty().get()).isEqualTo("Subnet · AppSubnet");
        Design before = doc.design();
        PropertiesViewModel.Field prefix = field("addressPrefixes");
        prefix.textProperty().set("10.0.1.0/33");
        assertThat(prefix.errorProperty().get()).contains("not a CIDR");
        prefix.textProperty().set("10.0.1.5/24");
        assertThat(prefix.errorProperty().get()).contains("did you mean 10.0.1.0/24");
        assertThat(prefix.commit()).isFalse();
        assertThat(doc.design()).isEqualTo(before);
        prefix.textProperty().set("10.0.4.0/24");
        assertThat(prefix.errorProperty().get()).isNull();
        assertThat(prefix.commit()).isTrue();
        assertThat(doc.design().subnet("vnet-mi/AppSubnet").orElseThrow().addressPrefixes()).containsExactly("10.0.4.0/24");
        doc.undo();
        assertThat(doc.design()).isEqualTo(before);
        assertThat(field("addressPrefixes").textProperty().get()).isEqualTo("10.0.1.0/24");
    }

    @Test void choosingAnNsgAttachesIt() {
        canvas.selection().select("vnet-mi/AppSubnet");
        PropertiesViewModel.Field nsg = field("nsg");
        assertThat(nsg.choices()).containsExactly("(none)", "nsg-mi");
        nsg.textProperty().set("nsg-mi");
        nsg.commit();
        assertThat(doc.design().subnet("vnet-mi/AppSubnet").orElseThrow().nsgId()).isEqualTo("nsg-mi");
    }

    @Test void resourceDropDownsShowNamesAndKeepIds() {
        String a = "/subscriptions/{subscriptionId}/resourceGroups/rg-a/providers/Microsoft.Network/networkSecurityGroups/nsg-mi";
        String b = "/subscriptions/{subscriptionId}/resourceGroups/rg-b/providers/Microsoft.Network/networkSecurityGroups/nsg-mi";
        String c = "/subscriptions/{subscriptionId}/resourceGroups/rg-b/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
        assertThat(PropertiesViewModel.namesById(List.of(a, b, c), List.of("nsg-mi", "nsg-mi", "nsg-app")))
                .containsExactly(java.util.Map.entry("(none)", "(none)"), java.util.Map.entry(a, "nsg-mi (rg-a)"),
                        java.util.Map.entry(b, "nsg-mi (rg-b)"), java.util.Map.entry(c, "nsg-app"));
        canvas.selection().select("vnet-mi/AppSubnet");
        PropertiesViewModel.Field nsg = field("nsg");
        assertThat(nsg.display("nsg-mi")).isEqualTo(doc.design().securityGroup("nsg-mi").orElseThrow().name());
        // a reference the design does not hold stays visible, by its name
        doc.execute(minet.edit.Command.of("dangling", x -> x.mapSubnet("vnet-mi/AppSubnet", y -> y.withNsgId(a))));
        assertThat(field("nsg").textProperty().get()).isEqualTo(a);
        assertThat(field("nsg").display(a)).isEqualTo("nsg-mi (not in the design)");
    }

    @Test void theVnetHasALocation() {
        canvas.selection().select("vnet-mi");
        PropertiesViewModel.Field location = field("location");
        location.textProperty().set("west europe!");
        assertThat(location.commit()).isFalse();
        location.textProperty().set("northeurope");
        assertThat(location.commit()).isTrue();
        assertThat(doc.design().virtualNetworks().get(0).location()).isEqualTo("northeurope");
        location.textProperty().set("");
        assertThat(location.commit()).isTrue();
        assertThat(doc.design().virtualNetworks().get(0).location()).isNull();
    }

    @Test void theInstanceEditorChangesTierAndChecksTheManagementIp() {
        canvas.selection().select("sqlmi-ref");
        assertThat(field("hostName").textProperty().get()).isEqualTo("sqlmi-ref.a1b2c3d4e5f6.database.windows.net");
        field("tier").textProperty().set("BusinessCritical");
        field("tier").commit();
        assertThat(canvas.diagram().node("engine@sqlmi-ref").orElseThrow().lines()).contains("4 replicas (1 primary, 3 secondary)");
        field("managementEndpointIp").textProperty().set("52.1.2");
        assertThat(field("managementEndpointIp").commit()).isFalse();
    }

    @Test void nsgRulesAreAddedEditedReorderedAndRemovedWithUndo() {
        canvas.selection().select("nsg-mi");
        assertThat(vm.tableProperty().get()).isEqualTo(PropertiesViewModel.TableKind.RULES);
        assertThat(vm.rules()).hasSize(9);
        Design before = doc.design();

        int at = vm.addRule(4); // after allow_redirect_inbound (1100)
        assertThat(at).isEqualTo(5);
        assertThat(vm.rules().get(5).priority()).isEqualTo("1110");
        assertThat(vm.editRule(5, RuleRow.Column.DESTINATION_PORTS, "1433, 11000-11999")).isNull();
        SecurityRule r = doc.design().securityGroup("nsg-mi").orElseThrow().rules().get(5);
        assertThat(r.destinationPorts()).containsExactly("1433", "11000-11999");
        assertThat(r.destinationPortRange()).as("several ports go to the plural field").isNull();
        assertThat(vm.editRule(5, RuleRow.Column.SOURCE, "10.0.0.0/8, VirtualNetwork")).isNull();
        assertThat(vm.editRule(5, RuleRow.Column.DESTINATION_PORTS, "70000")).contains("outside 0–65535");
        assertThat(vm.editRule(5, RuleRow.Column.PRIORITY, "99")).contains("between 100 and 4096");
        assertThat(vm.editRule(5, RuleRow.Column.PROTOCOL, "tcp")).isNull();
        assertThat(doc.design().securityGroup("nsg-mi").orElseThrow().rules().get(5).protocol()).isEqualTo("Tcp");

        int moved = vm.moveRule(5, -1);
        assertThat(moved).isEqualTo(4);
        assertThat(vm.rules().get(4).name()).isEqualTo("rule_1110");
        assertThat(vm.rules().get(4).priority()).as("priorities swap so order = evaluation order").isEqualTo("1100");
        assertThat(vm.rules().get(5).priority()).isEqualTo("1110");

        vm.removeRule(4);
        assertThat(vm.rules()).hasSize(9);
        while (doc.canUndoProperty().get()) doc.undo();
        assertThat(doc.design()).isEqualTo(before);
    }

    @Test void moveRuleSkipsRulesOfTheOtherDirection() {
        canvas.selection().select("nsg-mi");
        // Index 6 is the first outbound rule; the one above it is inbound: nothing to swap with.
        assertThat(vm.moveRule(6, -1)).isEqualTo(6);
    }

    @Test void routesAreEditedInPlace() {
        canvas.selection().select("rt-mi");
        assertThat(vm.tableProperty().get()).isEqualTo(PropertiesViewModel.TableKind.ROUTES);
        assertThat(vm.routes()).hasSize(100);
        assertThat(vm.editRoute(0, RouteRow.Column.NEXT_HOP_TYPE, "virtualappliance")).isNull();
        assertThat(doc.design().routeTable("rt-mi").orElseThrow().routes().get(0).nextHopType()).isEqualTo("VirtualAppliance");
        assertThat(vm.editRoute(0, RouteRow.Column.NEXT_HOP_IP, "10.0.9.300")).contains("not an IP address");
        assertThat(vm.editRoute(0, RouteRow.Column.ADDRESS_PREFIX, "10.0.0.0/24")).isNull();
        int at = vm.addRoute(99);
        assertThat(vm.routes().get(at).name()).isEqualTo("route-1");
    }

    @Test void anAzureServicesTagCanBeChanged() {
        canvas.selection().select("storage");
        field("serviceTag").textProperty().set("Key Vault");
        assertThat(field("serviceTag").commit()).isFalse();
        field("serviceTag").textProperty().set("AzureKeyVault");
        assertThat(field("serviceTag").commit()).isTrue();
        assertThat(doc.design().externalNetworks().stream().filter(e -> e.id().equals("storage")).findFirst().orElseThrow().serviceTag())
                .isEqualTo("AzureKeyVault");
    }

    @Test void selectingAFlowDescribesIt() {
        canvas.selection().select("health-probe:vnet-mi/ManagedInstance");
        assertThat(vm.headingProperty().get()).startsWith("Traffic flow");
        assertThat(field("description").textProperty().get()).contains("AzureLoadBalancer");
    }
}
