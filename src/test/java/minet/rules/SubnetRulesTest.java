package minet.rules;

import static minet.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import minet.model.Design;
import minet.model.ImportNote;
import minet.model.ManagedInstance;
import minet.model.SubnetResource;
import org.junit.jupiter.api.Test;

class SubnetRulesTest {
    final Design ref = reference();

    @Test
    void theReferenceNetworkHasNoFindings() {
        assertThat(Validator.validate(ref).findings()).isEmpty();
    }

    @Test
    void dedicatedSubnet() {
        Design nic = subnet(ref, s -> s.withResources(List.of(new SubnetResource("Microsoft.Network/networkInterfaces", "vm1-nic", "nic1"))));
        Finding f = only(nic, Catalog.MI_SUBNET_DEDICATED);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("'vm1-nic'").contains("ManagedInstance");
        assertThat(f.resource()).isEqualTo("virtualNetworks/vnet-mi/subnets/ManagedInstance");
        assertThat(f.elementId()).isEqualTo(MI_SUBNET);
        Design vc = subnet(ref, s -> s.withResources(List.of(new SubnetResource(SubnetResource.VIRTUAL_CLUSTER, "vc", "vc"))));
        assertThat(findings(vc, Catalog.MI_SUBNET_DEDICATED)).isEmpty();
    }

    @Test
    void notTheGatewaySubnet() {
        assertThat(only(subnet(ref, s -> s.withName("GatewaySubnet")), Catalog.MI_SUBNET_GATEWAY).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings(ref, Catalog.MI_SUBNET_GATEWAY)).isEmpty(); // the VNet's own GatewaySubnet holds no instance
    }

    @Test
    void sizeErrorBelowSixteenWarningBelowThirtyTwo() {
        Finding small = only(resize(ref, "10.0.0.0/29"), Catalog.MI_SUBNET_SIZE);
        assertThat(small.severity()).isEqualTo(Severity.ERROR);
        assertThat(small.details()).containsEntry("neededPrefixLength", 28).containsEntry("addresses", 8L);
        assertThat(only(resize(ref, "10.0.0.0/28"), Catalog.MI_SUBNET_SIZE).severity()).isEqualTo(Severity.WARNING);
        assertThat(findings(resize(ref, "10.0.0.0/27"), Catalog.MI_SUBNET_SIZE)).isEmpty();
    }

    @Test
    void capacityFollowsTheSeedsFormula() {
        // 3 GP + 2 BC = 5 + 6 + 8 = 19 → 32 → /27
        Design plan = instances(resize(ref, "10.0.0.0/28"), 3, 2);
        Finding f = only(plan, Catalog.MI_SUBNET_CAPACITY);
        assertThat(f.details()).containsEntry("neededAddresses", 19L).containsEntry("roundedAddresses", 32L).containsEntry("neededPrefixLength", 27);
        assertThat(f.message()).contains("19 addresses → 32 → /27");
        assertThat(findings(instances(resize(ref, "10.0.0.0/27"), 3, 2), Catalog.MI_SUBNET_CAPACITY)).isEmpty();
        assertThat(Sizing.of(3, 2).describe()).isEqualTo("19 addresses needed → 32 → /27");
        assertThat(Sizing.of(0, 0).prefixLength()).isEqualTo(28);
    }

    @Test
    void noServiceEndpoints() {
        Finding f = only(subnet(ref, s -> s.withServiceEndpoints(List.of("Microsoft.Storage"))), Catalog.MI_SUBNET_SERVICE_ENDPOINTS);
        assertThat(f.details()).containsEntry("serviceEndpoints", List.of("Microsoft.Storage"));
    }

    @Test
    void nsgAndRouteTableAssociated() {
        Design none = subnet(ref, s -> s.withNsgId(null).withRouteTableId(null));
        assertThat(only(none, Catalog.MI_SUBNET_NSG).severity()).isEqualTo(Severity.ERROR);
        assertThat(only(none, Catalog.MI_SUBNET_ROUTE_TABLE).severity()).isEqualTo(Severity.ERROR);
        Design dangling = subnet(ref, s -> s.withNsgId("nsg-gone"));
        assertThat(only(dangling, Catalog.MI_SUBNET_NSG).message()).contains("'nsg-gone'").contains("not in the design");
    }

    @Test
    void aSubnetMarkedOrDelegatedIsAnMiSubnetToo() {
        Design app = ref.mapSubnet("vnet-mi/AppSubnet", s -> s.withDelegations(List.of("Microsoft.Sql/managedInstances")));
        assertThat(findings(app, Catalog.MI_SUBNET_NSG)).extracting(Finding::elementId).containsExactly("vnet-mi/AppSubnet");
    }

    @Test
    void importNotesBecomeFindings() {
        Design d = ref.withImportNotes(List.of(new ImportNote("IMPORT-PARAMETER", "warning", "parameters/x", "parameter 'x' has no value", null)));
        Finding f = only(d, "IMPORT-PARAMETER");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).isEqualTo("parameter 'x' has no value");
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        assertThatThrownBy(() -> Validator.validate(ref, "azure-1999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("azure-1999").hasMessageContaining("azure-2019-04");
    }

    @Test
    void findingsComeInAStableOrderErrorsFirst() {
        Design messy = instances(resize(subnet(ref, s -> s.withServiceEndpoints(List.of("Microsoft.Sql"))), "10.0.0.0/28"), 3, 2);
        List<Finding> a = Validator.validate(messy).findings(), b = Validator.validate(messy).findings();
        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void validationIsPureAndThreadSafe() throws Exception {
        Design messy = withoutRule(instances(resize(ref, "10.0.0.0/28"), 3, 2), "allow_health_probe_inbound");
        List<Finding> alone = Validator.validate(messy).findings();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Finding>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Design d = i % 2 == 0 ? messy : ref;
                runs.add(pool.submit(() -> Validator.validate(d).findings()));
            }
            for (int i = 0; i < runs.size(); i++) assertThat(runs.get(i).get()).isEqualTo(i % 2 == 0 ? alone : List.of());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theCatalogHasEveryRuleOfRulesMdOnce() {
        // rules.md's 30 rules of azure-2019-04, plus the delegation elsewhere, the public endpoint, "no MI subnet", the
        // profile choice, the 8 failover-group rules and the 3 that keep the design whole (NET-REFERENCE/NAME/DUPLICATE).
        List<String> ids = Catalog.all("azure-2019-04").stream().map(RuleInfo::id).toList();
        assertThat(ids).hasSize(45).doesNotHaveDuplicates().contains(Catalog.MI_UDR_CONFLICT, Catalog.NET_ADDRESS, Catalog.NSG_SHADOWED,
                Catalog.NET_REFERENCE, Catalog.NET_NAME, Catalog.NET_DUPLICATE);
        for (String p : Catalog.profiles()) {
            assertThat(Catalog.all(p)).as(p).allSatisfy(r -> {
                assertThat(r.fix()).isNotBlank();
                assertThat(r.source()).as("the document %s of %s comes from", r.id(), p).isNotBlank();
            });
            assertThat(Catalog.all(p).stream().map(RuleInfo::id)).as(p).doesNotHaveDuplicates();
        }
    }

    static Design resize(Design d, String prefix) {
        return subnet(d, s -> s.withAddressPrefixes(List.of(prefix)));
    }

    static Design instances(Design d, int gp, int bc) {
        ManagedInstance base = d.managedInstances().get(0);
        List<ManagedInstance> all = new java.util.ArrayList<>();
        for (int i = 0; i < gp + bc; i++) {
            all.add(new ManagedInstance("mi" + i, "mi" + i, base.subnetId(), i < gp ? ManagedInstance.Tier.GENERAL_PURPOSE
                    : ManagedInstance.Tier.BUSINESS_CRITICAL, 8, null, false, null, "westeurope", null, null, null));
        }
        return d.withManagedInstances(all);
    }
}
