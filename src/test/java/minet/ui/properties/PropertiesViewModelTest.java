package minet.ui.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.Access;
import minet.model.Direction;
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

    /** A MI-FOG-* finding selects its failover group: the panel says what the group is (it showed the bare name). */
    @Test void aFailoverGroupShowsItsInstancesAndListeners() throws Exception {
        doc.replace(DesignFile.read(Path.of("sample-networks", "failover-group.minet.json")), null);
        String id = doc.design().failoverGroups().get(0).id();
        canvas.selection().select(id);
        assertThat(vm.headingProperty().get()).isEqualTo("Failover group · fog-orders");
        assertThat(field("primary").textProperty().get()).isEqualTo("sqlmi-weu (westeurope)");
        assertThat(field("secondary").textProperty().get()).isEqualTo("sqlmi-neu (northeurope)");
        assertThat(field("readWrite").textProperty().get()).isEqualTo("fog-orders.f0e1d2c3b4a5.database.windows.net");
        assertThat(field("readOnly").textProperty().get()).isEqualTo("fog-orders.secondary.f0e1d2c3b4a5.database.windows.net");
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

    private List<String> names(Direction d) { return vm.rules(d).stream().map(RuleRow::name).toList(); }

    /** The NSG editor as in the portal: by priority per direction, Azure's defaults last and locked. */
    @Test void nsgRulesShowByDirectionAndPriorityWithAzuresDefaults() {
        canvas.selection().select("nsg-mi");
        assertThat(vm.tableProperty().get()).isEqualTo(PropertiesViewModel.TableKind.RULES);
        assertThat(names(Direction.INBOUND)).containsExactly("allow_management_inbound", "allow_misubnet_inbound", "allow_health_probe_inbound",
                "allow_tds_inbound", "allow_redirect_inbound", "deny_all_inbound", "AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound");
        assertThat(names(Direction.OUTBOUND)).containsExactly("allow_management_outbound", "allow_misubnet_outbound", "deny_all_outbound",
                "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound");
        RuleRow deny = vm.rules(Direction.INBOUND).get(8);
        assertThat(deny.locked()).isTrue();
        vm.selectRule(deny);
        assertThat(vm.ruleFields()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(PropertiesViewModel.FieldKind.READ_ONLY));
        assertThat(vm.ruleNoteProperty().get()).contains("default rules").contains("cannot be changed");
    }

    @Test void aNewRuleTakesTheNextFreePriorityOfItsDirectionAndIsEditedInTheForm() {
        canvas.selection().select("nsg-mi");
        Design before = doc.design();
        int at = vm.addRule(Direction.INBOUND);
        SecurityRule added = doc.design().securityGroup("nsg-mi").orElseThrow().rules().get(at);
        // after the last rule of its own, before the deny-all at 4096
        assertThat(added.priority()).isEqualTo(4090);
        assertThat(added.direction()).isEqualTo(Direction.INBOUND);
        assertThat(names(Direction.INBOUND).indexOf(added.name())).isEqualTo(5);
        assertThat(vm.selectedRuleProperty().get().name()).isEqualTo("AllowAnyCustom8080Inbound");
        int out = vm.addRule(Direction.OUTBOUND);
        assertThat(doc.design().securityGroup("nsg-mi").orElseThrow().rules().get(out).priority()).as("outbound: 4090 too, its own numbering").isEqualTo(4090);

        vm.selectRule(vm.rules(Direction.INBOUND).get(5));
        PropertiesViewModel.Field ports = vm.ruleFields().stream().filter(f -> f.id().equals("rule-destination-ports")).findFirst().orElseThrow();
        ports.textProperty().set("70000");
        assertThat(ports.commit()).isFalse();
        ports.textProperty().set("1433, 11000-11999");
        assertThat(ports.commit()).isTrue();
        SecurityRule r = doc.design().securityGroup("nsg-mi").orElseThrow().rules().get(at);
        assertThat(r.destinationPorts()).containsExactly("1433", "11000-11999");
        assertThat(doc.undoLabelProperty().get()).isEqualTo("Change destination port ranges of rule AllowAnyCustom8080Inbound");
        // the same field objects stay (focus stays in the form) and show the applied value
        assertThat(vm.ruleFields()).contains(ports);
        assertThat(vm.editRule(at, RuleRow.Column.PROTOCOL, "tcp")).isNull();
        assertThat(doc.design().securityGroup("nsg-mi").orElseThrow().rules().get(at).protocol()).isEqualTo("Tcp");
        assertThat(vm.editRule(at, RuleRow.Column.PRIORITY, "99")).contains("between 100 and 4096");

        vm.removeRule(at);
        while (doc.canUndoProperty().get()) doc.undo();
        assertThat(doc.design()).isEqualTo(before);
    }

    @Test void nextFreePriority() {
        java.util.function.Function<Integer[], Integer> next = ps -> PropertiesViewModel.nextFreePriority(java.util.Arrays.stream(ps)
                .map(p -> SecurityRule.of("r" + p, p, Direction.INBOUND, Access.ALLOW, "*", List.of("*"), List.of("*"), List.of("*"), List.of("*"))).toList(), Direction.INBOUND);
        assertThat(next.apply(new Integer[] {})).isEqualTo(100);
        assertThat(next.apply(new Integer[] {100, 200})).isEqualTo(210);
        assertThat(next.apply(new Integer[] {100, 205})).isEqualTo(210);
        assertThat(next.apply(new Integer[] {100, 4090, 4096})).isEqualTo(4080);
        assertThat(next.apply(new Integer[] {100, 4000})).isEqualTo(4010);
    }

    @Test void movingSwapsPrioritiesWithTheNeighbourButNeverPastAzuresRules() {
        canvas.selection().select("nsg-mi");
        int tds = names(Direction.INBOUND).indexOf("allow_tds_inbound");
        RuleRow row = vm.rules(Direction.INBOUND).get(tds);
        vm.moveRule(row.index(), -1);
        assertThat(names(Direction.INBOUND).subList(2, 4)).containsExactly("allow_tds_inbound", "allow_health_probe_inbound");
        assertThat(vm.rules(Direction.INBOUND).get(2).priority()).isEqualTo("300");
        assertThat(vm.rules(Direction.INBOUND).get(3).priority()).isEqualTo("1000");
        // the last rule of its own cannot move below Azure's defaults
        RuleRow last = vm.rules(Direction.INBOUND).get(5);
        Design d = doc.design();
        vm.moveRule(last.index(), 1);
        assertThat(doc.design()).isSameAs(d);
    }

    @Test void rulesAzureManagesAreLocked() {
        SecurityRule managed = SecurityRule.of("Microsoft.Sql-managedInstances_UseOnly_mi-healthprobe-in", 100, Direction.INBOUND, Access.ALLOW, "*",
                List.of("AzureLoadBalancer"), List.of("*"), List.of("10.0.0.0/24"), List.of("*"));
        doc.execute(minet.edit.Command.of("managed", x -> x.mapSecurityGroup("nsg-mi", g -> g.withRules(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(managed), g.rules().stream().filter(r -> r.priority() != 100 || r.direction() != Direction.INBOUND)).toList()))));
        canvas.selection().select("nsg-mi");
        RuleRow row = vm.rules(Direction.INBOUND).get(0);
        assertThat(row.name()).startsWith("Microsoft.Sql-managedInstances_UseOnly_");
        assertThat(row.locked()).isTrue();
        Design d = doc.design();
        assertThat(vm.editRule(row.index(), RuleRow.Column.DESTINATION_PORTS, "1433")).contains("Azure manages");
        vm.removeRule(row.index());
        assertThat(doc.design()).isSameAs(d);
        vm.selectRule(row);
        assertThat(vm.ruleFields()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(PropertiesViewModel.FieldKind.READ_ONLY));
        assertThat(vm.ruleNoteProperty().get()).contains("Azure manages this rule");
        // and the rule below cannot be moved above it
        vm.moveRule(vm.rules(Direction.INBOUND).get(1).index(), -1);
        assertThat(doc.design()).isSameAs(d);
    }

    @Test void aSubnetsEffectiveRulesAndRoutes() {
        canvas.selection().select("nsg-mi");
        assertThat(vm.subnetSelectedProperty().get()).isFalse();
        assertThat(vm.effective()).isEmpty();
        canvas.selection().select("vnet-mi/ManagedInstance");
        assertThat(vm.subnetSelectedProperty().get()).isTrue();
        PropertiesViewModel.Effective e = vm.effective().orElseThrow();
        assertThat(e.rules().nsgName()).isEqualTo("nsg-mi");
        assertThat(e.rules().inbound()).hasSize(9);
        assertThat(e.routes().routeTableName()).isEqualTo("rt-mi");
        // the MI subnet's own prefix goes to VnetLocal by its user route, which beats nothing: the VNet's system route is wider
        assertThat(e.routes().active()).anySatisfy(r -> assertThat(r.routeName()).isEqualTo("subnet_to_vnetlocal"));
        assertThat(e.routes().rows()).anySatisfy(r -> assertThat(r.source()).isEqualTo("Default"));
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
