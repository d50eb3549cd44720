package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import minet.model.Access;
import minet.model.Design;
import minet.model.DesignState;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of the later eras, each with a failing and a passing case per profile, on a small delegated network
 * (an MI subnet 10.0.0.0/24 in westeurope, an NSG and a route table). Each expected verdict is the documents':
 * research/mi-rules.md §3 with the sources the catalog cites.
 */
class ProfilesTest {
    static final String SUBNET = "vnet/subnets/mi";
    static final String PREFIX = "10.0.0.0/24";
    static final String[] SERVICE_AIDED = {"azure-2020-10", "azure-2022-11", "azure-2024-07", "azure-2025-09"};
    static final String P = AzureRules.PREFIX;

    static Design delegated() { return minet.TestDesigns.delegated(); }

    static Design liveCurrent() { return minet.TestDesigns.liveCurrent(); }

    static SecurityRule in(String name, int prio, Access a, String proto, String src, String dst, String port) {
        return SecurityRule.of(name, prio, Direction.INBOUND, a, proto, List.of(src), List.of("*"), List.of(dst), List.of(port));
    }

    static SecurityRule out(String name, int prio, Access a, String proto, String src, String dst, String port) {
        return SecurityRule.of(name, prio, Direction.OUTBOUND, a, proto, List.of(src), List.of("*"), List.of(dst), List.of(port));
    }

    static SecurityRule azure(String stem, int prio, Direction d, String proto, String src, String dst, String... ports) {
        return SecurityRule.of(P + stem, prio, d, Access.ALLOW, proto, List.of(src), List.of("*"), List.of(dst), List.of(ports));
    }

    static Design rules(Design d, UnaryOperator<List<SecurityRule>> f) {
        return d.mapSecurityGroup("nsg", g -> g.withRules(f.apply(new ArrayList<>(g.rules()))));
    }

    static Design routes(Design d, UnaryOperator<List<Route>> f) {
        return d.mapRouteTable("rt", t -> t.withRoutes(f.apply(new ArrayList<>(t.routes()))));
    }

    static Design subnet(Design d, UnaryOperator<Subnet> f) {
        return d.mapSubnet(SUBNET, f);
    }

    static List<Finding> of(Design d, String profile, String ruleId) {
        return Validator.validate(d, profile).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static List<String> errorsAndWarnings(Design d, String profile) {
        return Validator.validate(d, profile).findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.severity().id() + " " + f.ruleId()).toList();
    }

    @Nested
    class Auto {
        @Test
        void aDelegatedSubnetIsJudgedByTheCurrentRulesAndTheReportSaysWhy() {
            Report r = Validator.validate(delegated());
            assertThat(r.profile()).isEqualTo(Profiles.latest().id());
            assertThat(r.profileReason()).isEqualTo("subnet 'mi' is delegated to Microsoft.Sql/managedInstances");
            assertThat(Validator.choose(delegated()).summary()).isEqualTo("auto: " + Profiles.latest().id() + ", subnet 'mi' is delegated to Microsoft.Sql/managedInstances");
        }

        @Test
        void azuresOwnRulesAlsoMeanTheCurrentRules_evenWithoutTheDelegation() {
            Design d = subnet(liveCurrent(), s -> s.withDelegations(List.of()));
            Report r = Validator.validate(d);
            assertThat(r.profile()).isEqualTo(Profiles.latest().id());
            assertThat(r.profileReason()).isEqualTo("NSG 'nsg' carries Azure's own " + P + " rules");
            // The missing delegation is then an error of today's rules.
            assertThat(of(d, "auto", Catalog.MI_SUBNET_DELEGATION)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        }

        @Test
        void aSubnetWithNeitherIsThe2019ManualConfiguration_andNoMiSubnetAtAllIsTheCurrentRules() {
            Design manual = subnet(delegated(), s -> s.withDelegations(List.of()));
            assertThat(Validator.validate(manual).profile()).isEqualTo("azure-2019-04");
            assertThat(Validator.validate(manual).profileReason()).contains("manual configuration of 04/2019");
            Design none = delegated().withManagedInstances(List.of()).mapSubnet(SUBNET, s -> s.withDelegations(List.of()));
            Report r = Validator.validate(none);
            assertThat(r.profile()).isEqualTo(Profiles.latest().id());
            assertThat(r.findings()).extracting(Finding::ruleId).contains(Catalog.MI_SUBNET_NONE);
        }

        @Test
        void aProfileChosenAgainstTheEvidenceSaysSo_andAutoOrAMatchingOneDoesNot() {
            assertThat(of(delegated(), "azure-2019-04", Catalog.PROFILE_CHOICE)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("subnet 'mi' is delegated").contains("auto would pick " + Profiles.latest().id()));
            assertThat(of(delegated(), "auto", Catalog.PROFILE_CHOICE)).isEmpty();
            assertThat(of(delegated(), "azure-2020-10", Catalog.PROFILE_CHOICE)).isEmpty();
            Design manual = subnet(delegated(), s -> s.withDelegations(List.of()));
            assertThat(of(manual, "azure-2024-07", Catalog.PROFILE_CHOICE)).singleElement();
            assertThat(Validator.validate(manual, "latest").profile()).isEqualTo(Profiles.latest().id());
        }
    }

    @Nested
    class Subnets {
        @ParameterizedTest
        @ValueSource(strings = {"azure-2020-10", "azure-2022-11", "azure-2024-07", "azure-2025-09"})
        void fromServiceAidedOnTheSubnetMustBeDelegated(String p) {
            Design missing = subnet(delegated(), s -> s.withDelegations(List.of()));
            assertThat(of(missing, p, Catalog.MI_SUBNET_DELEGATION)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.details()).containsEntry("problem", "missing");
            });
            assertThat(of(delegated(), p, Catalog.MI_SUBNET_DELEGATION)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"azure-2019-04", "azure-2020-10", "azure-2022-11", "azure-2024-07", "azure-2025-09"})
        void noEraAllowsADelegationToAnotherService(String p) {
            Design other = subnet(delegated(), s -> s.withDelegations(List.of("Microsoft.Web/serverFarms")));
            assertThat(of(other, p, Catalog.MI_SUBNET_DELEGATION)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("Microsoft.Web/serverFarms");
            });
        }

        @Test
        void the2019RulesDoNotAskForTheDelegation() {
            assertThat(of(subnet(delegated(), s -> s.withDelegations(List.of())), "azure-2019-04", Catalog.MI_SUBNET_DELEGATION)).isEmpty();
        }

        @Test
        void aSlash28IsAWarningIn2019AndAnErrorFromOctober2020() {
            Design d28 = subnet(delegated(), s -> s.withAddressPrefixes(List.of("10.0.0.0/28")));
            assertThat(of(d28, "azure-2019-04", Catalog.MI_SUBNET_SIZE)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            for (String p : SERVICE_AIDED) {
                assertThat(of(d28, p, Catalog.MI_SUBNET_SIZE)).as(p).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
            }
            Design d27 = subnet(delegated(), s -> s.withAddressPrefixes(List.of("10.0.0.0/27")));
            for (String p : Catalog.profiles()) assertThat(of(d27, p, Catalog.MI_SUBNET_SIZE)).as(p).isEmpty();
        }

        @Test
        void capacityFollowsEachErasFormula() {
            // 3 GP + 2 BC in one /26 (64 addresses): 2019: 19 → 32 fits; 2021–2024: 5 + 36 + 32 + 16 = 89 → 128 does not;
            // 09/2025: 5 + 18 + 20 + 6 = 49 → 64 fits.
            Design d = subnet(delegated(), s -> s.withAddressPrefixes(List.of("10.0.0.0/26")));
            List<ManagedInstance> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                five.add(new ManagedInstance("m" + i, "m" + i, SUBNET, i < 3 ? ManagedInstance.Tier.GENERAL_PURPOSE : ManagedInstance.Tier.BUSINESS_CRITICAL,
                        8, null, false, null, "westeurope", null, null, null));
            }
            d = d.withManagedInstances(five);
            assertThat(of(d, "azure-2019-04", Catalog.MI_SUBNET_CAPACITY)).isEmpty();
            for (String p : List.of("azure-2020-10", "azure-2022-11", "azure-2024-07")) {
                assertThat(of(d, p, Catalog.MI_SUBNET_CAPACITY)).as(p).singleElement()
                        .satisfies(f -> assertThat(f.details()).containsEntry("neededAddresses", 89L).containsEntry("neededPrefixLength", 25));
            }
            assertThat(of(d, "azure-2025-09", Catalog.MI_SUBNET_CAPACITY)).isEmpty();
        }

        @Test
        void serviceEndpointsAreAnErrorOnlyIn2019() {
            Design d = subnet(delegated(), s -> s.withServiceEndpoints(List.of("Microsoft.Storage")));
            assertThat(of(d, "azure-2019-04", Catalog.MI_SUBNET_SERVICE_ENDPOINTS)).singleElement();
            for (String p : SERVICE_AIDED) assertThat(of(d, p, Catalog.MI_SUBNET_SERVICE_ENDPOINTS)).as(p).isEmpty();
        }

        @Test
        void aNatGatewayIsAnErrorFromServiceAidedOn() {
            Design d = subnet(delegated(), s -> s.withNatGatewayId("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/natGateways/nat1"));
            for (String p : SERVICE_AIDED) {
                assertThat(of(d, p, Catalog.MI_SUBNET_NAT_GATEWAY)).as(p).singleElement().satisfies(f -> assertThat(f.message()).contains("'nat1'"));
                assertThat(of(delegated(), p, Catalog.MI_SUBNET_NAT_GATEWAY)).as(p).isEmpty();
            }
            assertThat(of(d, "azure-2019-04", Catalog.MI_SUBNET_NAT_GATEWAY)).isEmpty();
        }

        @Test
        void ipv6InTheVnetSubnetRulesOrRoutesIsAnErrorFromServiceAidedOn() {
            Design d = subnet(delegated(), s -> s.withAddressPrefixes(List.of(PREFIX, "fd00:db8::/64")));
            Design rule = rules(delegated(), rs -> { rs.add(in("v6", 200, Access.ALLOW, "Tcp", "fd00::/8", PREFIX, "1433")); return rs; });
            Design route = routes(delegated(), rs -> { rs.add(Route.of("v6", "fd00::/8", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4")); return rs; });
            for (String p : SERVICE_AIDED) {
                assertThat(of(d, p, Catalog.MI_IPV6)).as(p).singleElement().satisfies(f -> assertThat(f.message()).contains("fd00:db8::/64"));
                assertThat(of(rule, p, Catalog.MI_IPV6)).as(p).singleElement().satisfies(f -> assertThat(f.message()).contains("rule 'v6'"));
                assertThat(of(route, p, Catalog.MI_IPV6)).as(p).singleElement().satisfies(f -> assertThat(f.message()).contains("route 'v6'"));
                assertThat(of(delegated(), p, Catalog.MI_IPV6)).as(p).isEmpty();
            }
            assertThat(of(d, "azure-2019-04", Catalog.MI_IPV6)).isEmpty();
        }
    }

    @Nested
    class SecurityRules {
        @Test
        void aTemplateIsJudgedAsAzureDeploysIt_soTheQuickstartsDenyAllsBreakNothingMandatory() {
            for (String p : SERVICE_AIDED) {
                assertThat(errorsAndWarnings(delegated(), p)).as(p).isEmpty();
                // It carries none of Azure's rules: re-deploying it as it is would remove them (an info, once per NSG).
                assertThat(of(delegated(), p, Catalog.MI_INTENT_RULES)).as(p).singleElement()
                        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
            }
            // By the 2019 rules, the deny-alls block every mandatory rule.
            assertThat(errorsAndWarnings(delegated(), "azure-2019-04")).contains("error MI-NSG-IN-SUBNET", "error MI-NSG-IN-MANAGEMENT",
                    "error MI-NSG-OUT-MANAGEMENT", "error MI-UDR-VNETLOCAL");
        }

        @Test
        void aLiveConfigurationWithAzuresCurrentRulesAndRouteIsClean() {
            for (String p : List.of("azure-2024-07", "azure-2025-09")) assertThat(errorsAndWarnings(liveCurrent(), p)).as(p).isEmpty();
        }

        @Test
        void aLiveConfigurationWithoutAzuresRulesNamesEachMissingOne_andTheDenyAllThatNowBlocks() {
            Design live = delegated().withState(DesignState.LIVE);
            List<Finding> missing = of(live, "azure-2024-07", Catalog.MI_INTENT_RULES);
            assertThat(missing).extracting(f -> f.details().get("azureRule"))
                    .containsExactlyInAnyOrder(P + "mi-healthprobe-in", P + "mi-internal-in", P + "mi-internal-out");
            assertThat(missing).allSatisfy(f -> assertThat(f.message()).startsWith("NSG 'nsg': Azure's rule '" + P).contains("is missing"));
            // Nothing proposes the 2019 names for what Azure writes.
            assertThat(Validator.validate(live, "azure-2024-07").findings()).noneMatch(f -> f.message().contains("allow_misubnet_inbound"));
            assertThat(of(live, "azure-2024-07", Catalog.MI_NSG_IN_SUBNET)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("deny_all_inbound");
            });
            assertThat(of(live, "azure-2024-07", Catalog.MI_UDR_VNETLOCAL)).singleElement().satisfies(f -> assertThat(f.message()).contains("is missing"));
        }

        @Test
        void azuresRulesAreRecognisedByTheStablePartOfTheirNameWhateverTheVersionOrPriority() {
            // v11 puts health probe and internal-in at 100/101 where v10 has 103/104.
            Design v11 = rules(liveCurrent(), rs -> rs.stream().map(r -> r.name().startsWith(P)
                    ? r.withName(r.name().replace("-v10", "-v11")).withPriority(r.direction() == Direction.INBOUND ? r.priority() - 3 : r.priority()) : r).toList());
            assertThat(errorsAndWarnings(v11, "azure-2024-07")).isEmpty();
            Design doc = rules(liveCurrent(), rs -> rs.stream().map(r -> r.name().startsWith(P)
                    ? r.withName(r.name().replace("-10-0-0-0-24-v10", "")) : r).toList());
            assertThat(errorsAndWarnings(doc, "azure-2024-07")).isEmpty();
            Design docRoute = routes(liveCurrent(), rs -> List.of(Route.of(P + "mi-subnet-10-0-0-0-24-to-vnetlocal", PREFIX, Route.VNET_LOCAL)));
            assertThat(errorsAndWarnings(docRoute, "azure-2024-07")).isEmpty();
        }

        @Test
        void aChangedAzureRuleIsAnErrorInEveryState() {
            Design changed = rules(liveCurrent(), rs -> rs.stream().map(r -> r.name().contains("mi-internal-in") ? r.withAccess(Access.DENY) : r).toList());
            for (Design d : List.of(changed, changed.withState(DesignState.DESIRED))) {
                assertThat(of(d, "azure-2024-07", Catalog.MI_INTENT_RULES)).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).contains("mi-internal-in").contains("denies where Azure's allows");
                });
            }
            Design narrowed = rules(liveCurrent(), rs -> rs.stream().map(r -> r.name().contains("mi-healthprobe-in") ? r.withDestinationPorts(List.of("443")) : r).toList());
            assertThat(of(narrowed, "azure-2024-07", Catalog.MI_INTENT_RULES)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("allows ports 443 where Azure writes *"));
        }

        @Test
        void aUserRuleOnAnAzureRulesPriorityIsAnIntentFinding_notAPlainDuplicate() {
            Design d = rules(liveCurrent(), rs -> { rs.add(in("allow_admin", 104, Access.ALLOW, "Tcp", "10.0.1.0/24", PREFIX, "3389")); return rs; });
            assertThat(of(d, "azure-2024-07", Catalog.MI_INTENT_RULES)).singleElement().satisfies(f -> {
                assertThat(f.resource()).isEqualTo("networkSecurityGroups/nsg/securityRules/allow_admin");
                assertThat(f.details()).containsEntry("problem", "priorityCollision");
            });
            assertThat(of(d, "azure-2024-07", Catalog.NSG_PRIORITY)).isEmpty();
        }

        @Test
        void theV10RuleSetIsWhatTheOctober2020RulesAskForInALiveConfiguration() {
            Design v10 = rules(liveCurrent(), rs -> {
                rs.add(0, azure("mi-sqlmgmt-in-10-0-0-0-24-v10", 100, Direction.INBOUND, "Tcp", "SqlManagement", PREFIX, "9000", "9003", "1438", "1440", "1452"));
                rs.add(1, azure("mi-corpsaw-in-10-0-0-0-24-v10", 101, Direction.INBOUND, "Tcp", "CorpNetSaw", PREFIX, "9000", "9003", "1440"));
                rs.add(2, azure("mi-corppublic-in-10-0-0-0-24-v10", 102, Direction.INBOUND, "Tcp", "CorpNetPublic", PREFIX, "9000", "9003"));
                rs.add(3, azure("mi-services-out-10-0-0-0-24-v10", 100, Direction.OUTBOUND, "Tcp", PREFIX, "AzureCloud", "443", "12000"));
                return rs;
            });
            assertThat(of(v10, "azure-2020-10", Catalog.MI_INTENT_RULES)).isEmpty();
            assertThat(of(v10, "azure-2020-10", Catalog.MI_NSG_IN_MANAGEMENT)).isEmpty();
            // Without mi-sqlmgmt-in, the deny-all blocks management from SqlManagement, and the missing rule is named.
            Design without = rules(v10, rs -> rs.stream().filter(r -> !r.name().contains("sqlmgmt")).toList());
            assertThat(of(without, "azure-2020-10", Catalog.MI_INTENT_RULES)).extracting(f -> f.details().get("azureRule")).containsExactly(P + "mi-sqlmgmt-in");
            assertThat(of(without, "azure-2020-10", Catalog.MI_NSG_IN_MANAGEMENT)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("from SqlManagement").contains("deny_all_inbound"));
            // The current rules do not ask for it: leftover v10 rules are Azure's and fine.
            assertThat(errorsAndWarnings(without, "azure-2024-07")).isEmpty();
        }

        @Test
        void theNovember2022RulesAskForEntraIdOneDsAndStorageOutbound() {
            Design fw22 = rules(liveCurrent(), rs -> {
                rs.add(azure("mi-aad-out-10-0-0-0-24-v11", 105, Direction.OUTBOUND, "Tcp", PREFIX, "AzureActiveDirectory", "443"));
                rs.add(azure("mi-onedsc-out-10-0-0-0-24-v11", 106, Direction.OUTBOUND, "Tcp", PREFIX, "OneDsCollector", "443"));
                rs.add(azure("mi-strg-p-out-10-0-0-0-24-v11", 107, Direction.OUTBOUND, "*", PREFIX, "Storage.westeurope", "443"));
                rs.add(azure("mi-strg-s-out-10-0-0-0-24-v11", 108, Direction.OUTBOUND, "*", PREFIX, "Storage.northeurope", "443"));
                return rs;
            });
            fw22 = routes(fw22, rs -> {
                for (String tag : List.of("AzureActiveDirectory", "OneDsCollector", "Storage.westeurope", "Storage.northeurope")) {
                    rs.add(Route.of(P + "mi-" + tag, tag, Route.INTERNET));
                }
                return rs;
            });
            assertThat(errorsAndWarnings(fw22, "azure-2022-11")).isEmpty();
            Design noAad = rules(fw22, rs -> rs.stream().filter(r -> !r.name().contains("aad-out")).toList());
            assertThat(of(noAad, "azure-2022-11", Catalog.MI_INTENT_RULES)).singleElement()
                    .satisfies(f -> assertThat(f.details()).containsEntry("azureRule", P + "mi-aad-out"));
            // Whether OneDsCollector's addresses hold some of Entra ID's cannot be told offline: a warning, not silence.
            assertThat(of(noAad, "azure-2022-11", Catalog.MI_NSG_OUT_SERVICES)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("to AzureActiveDirectory"));
            Design noRoute = routes(fw22, rs -> rs.stream().filter(r -> !r.addressPrefix().equals("OneDsCollector")).toList());
            assertThat(of(noRoute, "azure-2022-11", Catalog.MI_INTENT_ROUTES)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("OneDsCollector → Internet").contains("is missing"));
            // In 07/2024 they are no longer mandatory.
            assertThat(errorsAndWarnings(noAad, "azure-2024-07")).isEmpty();
            assertThat(errorsAndWarnings(noRoute, "azure-2024-07")).isEmpty();
        }

        @Test
        void aDenyOnAzurePlatformDnsIsAnErrorFromServiceAidedOn() {
            Design d = rules(delegated(), rs -> { rs.add(out("no_platform_dns", 200, Access.DENY, "*", "*", "AzurePlatformDNS", "*")); return rs; });
            for (String p : SERVICE_AIDED) {
                assertThat(of(d, p, Catalog.MI_NSG_PLATFORM_DNS)).as(p).singleElement()
                        .satisfies(f -> assertThat(f.resource()).endsWith("/securityRules/no_platform_dns"));
                assertThat(of(delegated(), p, Catalog.MI_NSG_PLATFORM_DNS)).as(p).isEmpty();
            }
            assertThat(of(d, "azure-2019-04", Catalog.MI_NSG_PLATFORM_DNS)).isEmpty();
        }

        @Test
        void aPublicEndpointNobodyCanReachIsAWarningInEveryEra() {
            Design pub = delegated().mapManagedInstance("sqlmi", m -> m.withPublicDataEndpoint(true));
            Design open = rules(pub, rs -> { rs.add(in("allow_public_endpoint_inbound", 1300, Access.ALLOW, "Tcp", "Internet", PREFIX, "3342")); return rs; });
            for (String p : Catalog.profiles()) {
                assertThat(of(pub, p, Catalog.MI_NSG_PUBLIC_ENDPOINT)).as(p).singleElement()
                        .satisfies(f -> assertThat(f.message()).contains("TCP 3342").contains("public endpoint enabled"));
                assertThat(of(open, p, Catalog.MI_NSG_PUBLIC_ENDPOINT)).as(p).isEmpty();
                assertThat(of(delegated(), p, Catalog.MI_NSG_PUBLIC_ENDPOINT)).as(p).isEmpty();
            }
        }

        @Test
        void azuresRulesShadowingEachOtherIsNotRaised_butAUserRuleTheyShadowIs() {
            Design d = rules(liveCurrent(), rs -> {
                rs.add(azure("mi-internal-in-10-0-0-0-24-v11", 105, Direction.INBOUND, "*", PREFIX, PREFIX, "*"));
                rs.add(in("allow_subnet", 300, Access.ALLOW, "*", PREFIX, PREFIX, "*"));
                return rs;
            });
            assertThat(of(d, "azure-2024-07", Catalog.NSG_SHADOWED)).singleElement()
                    .satisfies(f -> assertThat(f.resource()).endsWith("/securityRules/allow_subnet"));
        }
    }

    @Nested
    class Routes {
        @Test
        void aUserRouteThatSendsTheSubnetsOwnRangeElsewhereIsAnError_inEveryServiceAidedEra() {
            Design d = routes(delegated(), rs -> { rs.add(Route.of("to-nva", "10.0.0.0/25", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4")); return rs; });
            for (String p : SERVICE_AIDED) {
                assertThat(of(d, p, Catalog.MI_INTENT_ROUTES)).as(p).singleElement().satisfies(f -> {
                    assertThat(f.details()).containsEntry("problem", "subnetRange");
                    assertThat(f.message()).contains("route 'to-nva'").contains("must stay VnetLocal");
                });
            }
        }

        @Test
        void aUserRouteThatContradictsAnAzureTagRouteIsAnError_onlyInTheEraThatWritesIt() {
            Design d = routes(delegated(), rs -> { rs.add(Route.of("aad-via-fw", "AzureActiveDirectory", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4")); return rs; });
            assertThat(of(d, "azure-2022-11", Catalog.MI_INTENT_ROUTES)).singleElement().satisfies(f -> assertThat(f.details()).containsEntry("problem", "contradicts"));
            assertThat(of(d, "azure-2020-10", Catalog.MI_INTENT_ROUTES)).singleElement();
            assertThat(of(d, "azure-2024-07", Catalog.MI_INTENT_ROUTES)).isEmpty();
        }

        @Test
        void aDefaultRouteToAnApplianceIsFine_AzuresMoreSpecificRoutesWin() {
            Design d = routes(liveCurrent(), rs -> { rs.add(Route.of("default", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4")); return rs; });
            for (String p : List.of("azure-2024-07", "azure-2025-09")) assertThat(errorsAndWarnings(d, p)).as(p).isEmpty();
        }

        @Test
        void aChangedAzureRouteIsAnError() {
            Design d = routes(liveCurrent(), rs -> rs.stream().map(r -> r.withNextHopType(Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4")).toList());
            assertThat(of(d, "azure-2024-07", Catalog.MI_INTENT_ROUTES)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("where Azure writes next hop VnetLocal"));
        }
    }

    @Test
    void theCustomDnsRequirementFollowsTheEra() {
        Design d = delegated().mapVirtualNetwork("vnet", v -> v.withDnsServers(List.of("10.0.1.4")));
        assertThat(of(d, "azure-2019-04", Catalog.MI_DNS_CUSTOM)).singleElement().satisfies(f -> assertThat(f.message()).contains("*.core.windows.net"));
        assertThat(of(d, "azure-2024-07", Catalog.MI_DNS_CUSTOM)).singleElement().satisfies(f -> assertThat(f.message()).contains("public DNS records"));
    }

    @Test
    void everyProfileCitesItsDocumentAndRunsItsOwnRules() {
        Map<String, List<String>> only = Map.of(
                "azure-2019-04", List.of(Catalog.MI_UDR_MANAGEMENT, Catalog.MI_NSG_ORDER, Catalog.MI_SUBNET_SERVICE_ENDPOINTS, Catalog.MI_NSG_IN_MANAGEMENT_SINGLE_RULE),
                "azure-2020-10", List.of(Catalog.MI_NSG_IN_MANAGEMENT, Catalog.MI_INTENT_RULES, Catalog.MI_NAT_SAME_REGION),
                "azure-2022-11", List.of(Catalog.MI_NSG_OUT_SERVICES, Catalog.MI_INTENT_ROUTES),
                "azure-2024-07", List.of(Catalog.MI_INTENT_RULES, Catalog.MI_IPV6));
        only.forEach((p, ids) -> assertThat(Profiles.byId(p).orElseThrow().ruleIds()).as(p).containsAll(ids));
        assertThat(Profiles.byId("azure-2024-07").orElseThrow().ruleIds()).doesNotContain(Catalog.MI_NSG_IN_MANAGEMENT, Catalog.MI_NSG_OUT_SERVICES,
                Catalog.MI_UDR_MANAGEMENT, Catalog.MI_NAT_SAME_REGION);
        assertThat(Profiles.byId("azure-2022-11").orElseThrow().managementEndpoint()).isFalse();
        assertThat(Profiles.byId("azure-2020-10").orElseThrow().managementEndpoint()).isTrue();
        assertThat(Profiles.byId("latest")).contains(Profiles.latest());
        for (Profile p : Profiles.ALL) assertThat(p.document()).as(p.id()).isNotBlank();
    }
}
