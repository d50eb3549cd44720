package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import minet.io.Importer;
import minet.model.Design;
import minet.model.Lists;
import minet.model.ExternalNetwork;
import minet.model.ImportNote;
import minet.model.Route;
import minet.model.Subnet;
import minet.model.SubnetResource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** NET-REFERENCE, NET-NAME, NET-DUPLICATE: a broken link, name or ID is an error, and never makes other checks fall silent. */
class IntegrityRulesTest {
    static final Design REF = Fixtures.reference();
    static final String PROFILE = "azure-2019-04";
    static final String APP = "vnet-mi/AppSubnet";

    static List<Finding> findings(Design d, String ruleId) {
        return Validator.validate(d, PROFILE).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void theReferenceNetworkHoldsTogether() {
        assertThat(Validator.validate(REF, PROFILE).findings()).noneMatch(f -> f.ruleId().matches("NET-(REFERENCE|NAME|DUPLICATE)"));
    }

    // ---- NET-REFERENCE ----

    @Test
    void anInstanceInASubnetThatIsNotThereIsAnErrorNotASilentDesign() {
        Design d = REF.mapManagedInstance("sqlmi-ref", m -> m.withSubnetId("vnet-mi/NoSuchSubnet"));
        List<Finding> f = findings(d, Catalog.NET_REFERENCE);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.resource()).isEqualTo("managedInstances/sqlmi-ref");
            assertThat(x.message()).contains("'vnet-mi/NoSuchSubnet'").contains("not in the design");
            assertThat(x.elementId()).isEqualTo("sqlmi-ref");
        });
        assertThat(Validator.validate(d, PROFILE).hasErrors()).isTrue();
    }

    @Test
    void anInstanceInNoSubnetIsAnError() {
        Design d = REF.mapManagedInstance("sqlmi-ref", m -> m.withSubnetId(null));
        assertThat(findings(d, Catalog.NET_REFERENCE)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("is in no subnet"));
    }

    /** What a reference points at, and the one rule that must report it when it points nowhere. */
    record Dangling(String what, UnaryOperator<Design> edit, String ruleId) {}

    @Provide
    Arbitrary<Dangling> danglingReferences() {
        // any text but an importer's stand-in for an unknown value ({…}), never one of the design's IDs
        Arbitrary<String> id = Arbitraries.strings().withChars("abcXYZ019-_./$()' ").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank() && REF.subnet(s).isEmpty() && REF.securityGroup(s).isEmpty() && REF.routeTable(s).isEmpty()
                        && !s.equalsIgnoreCase("vpn-gw"));
        return Combinators.combine(Arbitraries.integers().between(0, 5), id).as((kind, ref) -> switch (kind) {
            case 0 -> new Dangling(ref, d -> d.mapManagedInstance("sqlmi-ref", m -> m.withSubnetId(ref)), Catalog.NET_REFERENCE);
            case 1 -> new Dangling(ref, d -> d.mapSubnet(APP, s -> s.withNsgId(ref)), Catalog.NET_REFERENCE);
            case 2 -> new Dangling(ref, d -> d.mapSubnet(APP, s -> s.withRouteTableId(ref)), Catalog.NET_REFERENCE);
            case 3 -> new Dangling(ref, d -> d.mapSubnet(Fixtures.MI_SUBNET, s -> s.withNsgId(ref)), Catalog.MI_SUBNET_NSG);
            case 4 -> new Dangling(ref, d -> d.mapSubnet(Fixtures.MI_SUBNET, s -> s.withRouteTableId(ref)), Catalog.MI_SUBNET_ROUTE_TABLE);
            default -> new Dangling(ref, d -> d.withExternalNetworks(d.externalNetworks().stream()
                    .map(e -> e.kind() == ExternalNetwork.Kind.ON_PREMISES ? withGateway(e, ref) : e).toList()), Catalog.NET_REFERENCE);
        });
    }

    @Property(tries = 200)
    void anyDanglingReferenceIsReportedAsAnErrorExactlyOnce(@ForAll("danglingReferences") Dangling dangling) {
        Report r = Validator.validate(dangling.edit().apply(REF), PROFILE);
        List<Finding> naming = r.findings().stream().filter(f -> f.message().contains("'" + dangling.what() + "'")).toList();
        assertThat(naming).as("findings naming '%s': %s", dangling.what(), r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(dangling.ruleId());
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void aReferenceTheImporterSaidTheInputCouldNotHoldIsItsNoteAlone() throws Exception {
        // az sql mi show alone: the instance's subnet is in Azure, not in the input
        Report alone = Validator.validate(Importer.load(Path.of("src/test/resources/azcli/mi-show.json")), PROFILE);
        assertThat(alone.findings()).anyMatch(f -> f.ruleId().equals("IMPORT-MISSING-REF"))
                .noneMatch(f -> f.ruleId().equals(Catalog.NET_REFERENCE));

        String nsgElsewhere = "/subscriptions/s/resourceGroups/other/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
        Design d = REF.mapSubnet(APP, s -> s.withNsgId(nsgElsewhere));
        assertThat(findings(d, Catalog.NET_REFERENCE)).hasSize(1); // in a design file: a typo until told otherwise
        Design noted = d.withImportNotes(List.of(new ImportNote("IMPORT-REFERENCE", "info", "subnets/AppSubnet",
                "subnet 'AppSubnet' uses network security group " + nsgElsewhere.toUpperCase(Locale.ROOT) + ", which is not in the template", null)));
        assertThat(findings(noted, Catalog.NET_REFERENCE)).isEmpty();
        // a value an importer could not know offline is "cannot tell", not a typo
        assertThat(findings(REF.mapSubnet(APP, s -> s.withNsgId("{nsgName}")), Catalog.NET_REFERENCE)).isEmpty();
    }

    @Test
    void anOnPremisesNetworkBehindAResourceThatIsNoGatewayIsADanglingReference() {
        Design d = REF.mapSubnet(APP, s -> s.withResources(List.of(new SubnetResource("Microsoft.Network/networkInterfaces", "nic-1", "nic-1"))))
                .withExternalNetworks(REF.externalNetworks().stream().map(e -> e.id().equals("onprem") ? withGateway(e, "nic-1") : e).toList());
        assertThat(findings(d, Catalog.NET_REFERENCE)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("On-premises network 'On-premises' is reached through gateway 'nic-1'"));
    }

    // ---- NET-NAME ----

    @Test
    void everyKindOfElementWithoutANameIsReportedByItsId() {
        List<UnaryOperator<Design>> unnamed = List.of(
                d -> d.mapVirtualNetwork("vnet-mi", v -> v.withName(null)),
                d -> d.mapSubnet(APP, s -> s.withName(" ")),
                d -> d.mapSecurityGroup("nsg-mi", g -> g.withName(null)),
                d -> d.mapRouteTable("rt-mi", t -> t.withName("")),
                d -> d.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.replaceFirst(t.routes(), x -> true, r -> r.withName(null)))),
                d -> d.mapManagedInstance("sqlmi-ref", m -> m.withName(null)));
        List<String> paths = List.of("virtualNetworks/(no name, id vnet-mi)", "virtualNetworks/vnet-mi/subnets/(no name, id vnet-mi/AppSubnet)",
                "networkSecurityGroups/(no name, id nsg-mi)", "routeTables/(no name, id rt-mi)", "routeTables/rt-mi/routes/(no name, route 1)",
                "managedInstances/(no name, id sqlmi-ref)");
        for (int i = 0; i < unnamed.size(); i++) {
            List<Finding> f = findings(unnamed.get(i).apply(REF), Catalog.NET_NAME);
            String path = paths.get(i);
            assertThat(f).as(path).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.ERROR);
                assertThat(x.resource()).isEqualTo(path);
                assertThat(x.message()).contains("has no name");
            });
        }
    }

    @Test
    void namesAzureRefusesAreReportedForEveryKindOfElement() {
        String bad = "$(touch x)";
        List<UnaryOperator<Design>> renamed = List.of(
                d -> d.mapVirtualNetwork("vnet-mi", v -> v.withName(bad)),
                d -> d.mapSubnet(APP, s -> s.withName(bad)),
                d -> d.mapSecurityGroup("nsg-mi", g -> g.withName(bad)),
                d -> d.mapRouteTable("rt-mi", t -> t.withName(bad)),
                d -> d.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.replaceFirst(t.routes(), x -> true, r -> r.withName(bad)))),
                d -> d.mapManagedInstance("sqlmi-ref", m -> m.withName(bad)),
                d -> d.mapManagedInstance("sqlmi-ref", m -> m.withName("SQLMI-Ref")), // a DNS name: lower case only
                d -> d.mapVirtualNetwork("vnet-mi", v -> v.withName("v")), // a VNet's name has at least 2 characters
                d -> d.mapSubnet(APP, s -> s.withName("app-")), // ends with a hyphen
                d -> d.mapSubnet(APP, s -> s.withName("a".repeat(81))));
        for (UnaryOperator<Design> edit : renamed) {
            assertThat(findings(edit.apply(REF), Catalog.NET_NAME)).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("has a name Azure does not accept"));
        }
        List<UnaryOperator<Design>> fine = List.of(
                d -> d.mapSubnet(APP, s -> s.withName("a_b.c-1_")),
                d -> d.mapSubnet(APP, s -> s.withName("a".repeat(80))),
                d -> d.mapVirtualNetwork("vnet-mi", v -> v.withName("v1")),
                d -> d.mapManagedInstance("sqlmi-ref", m -> m.withName("a".repeat(63))),
                d -> d.mapSecurityGroup("nsg-mi", g -> g.withName("SQLMI-{managedInstanceName}-NSG"))); // not known offline
        for (UnaryOperator<Design> edit : fine) assertThat(findings(edit.apply(REF), Catalog.NET_NAME)).isEmpty();
    }

    // ---- NET-DUPLICATE ----

    @Test
    void twoElementsOfOneIdWhateverTheCaseAreReportedOnce() {
        Design d = REF.withSecurityGroups(List.of(REF.securityGroups().get(0), REF.securityGroups().get(0).withName("nsg-2")));
        assertThat(findings(d, Catalog.NET_DUPLICATE)).singleElement().satisfies(f -> assertThat(f.message()).contains("the same as"));
        var copy = REF.securityGroups().get(0);
        Design upper = REF.withSecurityGroups(List.of(copy, new minet.model.SecurityGroup("NSG-MI", "nsg-mi", copy.location(), copy.rules(), null)));
        assertThat(findings(upper, Catalog.NET_DUPLICATE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'NSG-MI'").contains("IDs compare without case"));
        // across kinds too: the window selects and places elements by ID
        Design crossKind = REF.mapRouteTable("rt-mi", t -> new minet.model.RouteTable("nsg-mi", t.name(), t.location(), false, t.routes(), null));
        assertThat(findings(crossKind, Catalog.NET_DUPLICATE)).hasSize(1);
    }

    @Test
    void namesThatAzureHoldsUniqueAreReportedWhenRepeated() {
        Design routes = REF.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.plus(t.routes(), Route.of("SUBNET_TO_VNETLOCAL", "10.0.1.0/24", "VnetLocal"))));
        assertThat(findings(routes, Catalog.NET_DUPLICATE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("two routes named 'SUBNET_TO_VNETLOCAL'"));
        Design subnets = REF.mapVirtualNetwork("vnet-mi", v -> v.withSubnets(Lists.plus(v.subnets(), Subnet.of("vnet-mi/App2", "appsubnet", "10.0.2.0/24"))));
        assertThat(findings(subnets, Catalog.NET_DUPLICATE)).singleElement();
        var nsg = REF.securityGroups().get(0);
        Design twoNsgs = REF.withSecurityGroups(List.of(nsg, new minet.model.SecurityGroup("nsg-other", "NSG-MI", null, nsg.rules(), null)));
        assertThat(findings(twoNsgs, Catalog.NET_DUPLICATE)).singleElement();
        // one name in two resource groups is two resources
        String rg = "/subscriptions/s/resourceGroups/%s/providers/Microsoft.Network/networkSecurityGroups/nsg";
        Design twoGroups = REF.withSecurityGroups(List.of(nsg, new minet.model.SecurityGroup(rg.formatted("a"), "nsg", null, List.of(), null),
                new minet.model.SecurityGroup(rg.formatted("b"), "nsg", null, List.of(), null)));
        assertThat(findings(twoGroups, Catalog.NET_DUPLICATE)).isEmpty();
        Design oneGroup = REF.withSecurityGroups(List.of(nsg, new minet.model.SecurityGroup(rg.formatted("a"), "nsg", null, List.of(), null),
                new minet.model.SecurityGroup(rg.formatted("A") + "-2", "NSG", null, List.of(), null)));
        assertThat(findings(oneGroup, Catalog.NET_DUPLICATE)).hasSize(1);
    }

    // ---- helpers ----

    private static ExternalNetwork withGateway(ExternalNetwork e, String gw) {
        return new ExternalNetwork(e.id(), e.name(), e.kind(), e.addressPrefixes(), gw, e.via(), e.serviceTag(), e.region(),
                e.firewallAllowedIps(), e.source());
    }
}
