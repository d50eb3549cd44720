package minet.rules;

import static minet.rules.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.ImportNote;
import minet.model.Route;
import org.junit.jupiter.api.Test;

/**
 * The form checks (NSG-RULE, NET-ADDRESS, UDR-NEXT-HOP) on values not known offline: never "invalid"; a warning
 * that says "cannot tell" and names the unknown, unless an import note already says what it is.
 */
class UnknownValuesRulesTest {
    static final String PAIRED = "{reference(deploymentScripts/ds).outputs.pairedRegionName}";
    static final ImportNote SCRIPT_NOTE = new ImportNote("IMPORT-FUNCTION", "warning", null,
            "[reference(…)] at main.json line 12 reads 'outputs' of deploymentScripts/ds …; its value is shown as {reference(deploymentScripts/ds).outputs}", null);
    static final ImportNote PARAM_NOTE = new ImportNote("IMPORT-PARAMETER", "info", "parameters/vnetPrefix",
            "parameter 'vnetPrefix' has no value: shown as {vnetPrefix}; pass …", null);

    final Design ref = reference();

    static List<Finding> findings(Design d, String ruleId) {
        return Validator.validate(d, "azure-2019-04").findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void aServiceTagOfAnUnknownRegionIsNoInvalidPrefix() {
        Design d = plusRule(ref, out("allow_storage_paired", 150, Access.ALLOW, "Tcp", "10.0.0.0/24", "Storage." + PAIRED, List.of("443")));
        List<Finding> f = findings(d, Catalog.NSG_RULE);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).message()).contains("destination address prefix 'Storage." + PAIRED + "'")
                .contains("not known offline (" + PAIRED + ")").contains("cannot tell whether it is valid")
                .doesNotContain("use *, an IP address");
        // the import said what it is: nothing more to say here
        assertThat(findings(d.withImportNotes(List.of(SCRIPT_NOTE)), Catalog.NSG_RULE)).isEmpty();
    }

    @Test
    void unknownPortsProtocolsAndNamesAreNotInvalidEither() {
        Design d = plusRule(ref, in("allow-{appName}", 150, Access.ALLOW, "{protocol}", "*", "10.0.0.0/24", List.of("{port}")));
        List<Finding> f = findings(d, Catalog.NSG_RULE);
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(f).extracting(x -> x.details().get("field")).containsExactlyInAnyOrder("name", "protocol", "destination port");
    }

    @Test
    void aRouteToAnUnknownRegionIsNoInvalidPrefix() {
        Design d = plusRoute(ref, Route.of("storage_paired", "Storage." + PAIRED, Route.INTERNET));
        List<Finding> f = findings(d, Catalog.NET_ADDRESS);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).message()).contains("Route 'storage_paired'").contains("cannot tell").doesNotContain("neither a CIDR nor a service tag");
        assertThat(findings(d.withImportNotes(List.of(SCRIPT_NOTE)), Catalog.NET_ADDRESS)).isEmpty();
        // an appliance whose address is not known is not one without a valid address
        Design nva = plusRoute(ref, new Route("to-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE, "{firewallIp}", null));
        assertThat(findings(nva, Catalog.UDR_NEXT_HOP)).extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void aSubnetPrefixMadeFromAnUnknownNetworkIsNamedByWhatItIsMadeOf() {
        // an application subnet: an MI subnet's own checks say it cannot tell its size
        String prefix = "{cidrSubnet({vnetPrefix}, 24, 0)}";
        Design d = ref.mapSubnet("vnet-mi/AppSubnet", s -> s.withAddressPrefixes(List.of(prefix)));
        List<Finding> f = findings(d, Catalog.NET_ADDRESS);
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(f).anyMatch(x -> x.message().contains("has address prefix '" + prefix + "'"));
        // the note that {vnetPrefix} has no value says it
        assertThat(findings(d.withImportNotes(List.of(PARAM_NOTE)), Catalog.NET_ADDRESS)).isEmpty();
    }

    @Test
    void anMiSubnetsUnknownPrefixIsSaidByItsOwnChecksNotTwice() {
        Design d = subnet(ref, s -> s.withAddressPrefixes(List.of("{miPrefix}")));
        assertThat(findings(d, Catalog.NET_ADDRESS)).isEmpty();
        assertThat(findings(d, Catalog.MI_SUBNET_SIZE)).singleElement().satisfies(f -> assertThat(f.message()).startsWith("Cannot tell offline").contains("{miPrefix}"));
    }
}
