package minet.io.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import minet.io.ImportOptions;
import minet.io.ImportOptions.TerraformVar;
import minet.io.Importer;
import minet.model.Design;
import minet.model.ImportNote;
import minet.model.ManagedInstance;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.Severity;
import minet.rules.Validator;
import org.junit.jupiter.api.Test;

/**
 * The fixture {@code terraform/hcl/cdktf}: the stack {@code cdktf synth} writes for a managed instance in West Europe
 * ({@code main.tf.json}: its {@code "//"} metadata, locals, variables, the NSG's rules as separate resources, the route
 * table's routes inline), and a hand-written {@code override.tf} that fixes two mistakes of the CDK app until it is
 * regenerated: the MI subnet's delegation (copied from the App Service subnet) and the TDS rule's priority (4010, behind
 * deny_all_inbound at 4000).
 */
class CdktfStackTest {
    static final Path STACK = Path.of("src/test/resources/terraform/hcl/cdktf");
    static final TerraformVar PASSWORD = TerraformVar.assign("admin_password", "x");

    static Design load(List<Path> inputs) throws Exception {
        return HclImporter.load(inputs, new ImportOptions(null, Map.of(), List.of(PASSWORD)), Map.of());
    }

    static List<String> ids(Report r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).map(Finding::ruleId).sorted().toList();
    }

    @Test
    void theStackWithItsOverrideIsAValidTemplate() throws Exception {
        // Written before the first run: the override delegates snet-sqlmi to Microsoft.Sql/managedInstances, so auto
        // picks azure-2025-09 and judges a template: Azure writes its own rules and routes at deployment. TDS (1000) and
        // redirect (1100) come before deny_all_inbound (4000). No error, no warning; one info, MI-INTENT-RULES (the NSG
        // declares none of Azure's rules, which a later deployment must keep).
        Design d = load(List.of(STACK));
        Report r = Validator.validate(d, "auto");
        assertThat(r.profile()).isEqualTo("azure-2025-09");
        assertThat(ids(r, Severity.ERROR)).isEmpty();
        assertThat(ids(r, Severity.WARNING)).isEmpty();
        assertThat(ids(r, Severity.INFO)).containsExactly("MI-INTENT-RULES");
        assertThat(d.importNotes()).isEmpty();

        Subnet mi = d.subnet("azurerm_subnet.mi_subnet").orElseThrow();
        assertThat(mi.name()).isEqualTo("snet-sqlmi");
        assertThat(mi.addressPrefixes()).containsExactly("10.40.0.0/26"); // cidrsubnet(local.address_space, 10, 0)
        assertThat(mi.delegations()).containsExactly("Microsoft.Sql/managedInstances"); // replaced, not added to
        assertThat(mi.source().file()).endsWith("main.tf.json");
        assertThat(mi.source().line()).isEqualTo(188);
        assertThat(d.subnet("azurerm_subnet.app_subnet").orElseThrow().delegations()).containsExactly("Microsoft.Web/serverFarms");

        SecurityGroup nsg = d.securityGroup(mi.nsgId()).orElseThrow();
        assertThat(nsg.name()).isEqualTo("nsg-contoso-prod-sqlmi");
        assertThat(nsg.rules()).extracting(SecurityRule::name, SecurityRule::priority).containsExactlyInAnyOrder(
                tuple("allow_redirect_inbound", 1100), tuple("allow_tds_inbound", 1000), tuple("deny_all_inbound", 4000));
        SecurityRule tds = nsg.rules().stream().filter(x -> x.name().equals("allow_tds_inbound")).findFirst().orElseThrow();
        assertThat(tds.destinationAddressPrefix()).isEqualTo("10.40.0.0/26");
        assertThat(tds.source().file()).endsWith("main.tf.json"); // the rule is declared there; its priority comes from override.tf
        assertThat(tds.source().line()).isEqualTo(89);

        assertThat(d.routeTable(mi.routeTableId()).orElseThrow().routes()).singleElement()
                .satisfies(rt -> assertThat(rt.nextHopIpAddress()).isEqualTo("10.0.1.4"));
        ManagedInstance m = d.managedInstances().get(0);
        assertThat(m.name()).isEqualTo("sqlmi-contoso-prod");
        assertThat(m.subnetId()).isEqualTo(mi.id());
        assertThat(m.vCores()).isEqualTo(8); // "${var.vcores}" is the number itself
        assertThat(m.source().line()).isEqualTo(35);
    }

    @Test
    void theGeneratedStackAloneShowsTheTwoMistakesTheOverrideFixes() throws Exception {
        // Written before the first run: main.tf.json given alone (no override). Judged by the same profile, the subnet's
        // App Service delegation is an error (MI-SUBNET-DELEGATION), the TDS rule at 4010 can never match
        // (NSG-SHADOWED by deny_all_inbound) and clients in the VNet cannot reach 1433 (MI-NSG-DATA); nothing else
        // differs. Under auto, no subnet is delegated to SQL MI, so the seed's 2019 profile is chosen.
        Design d = load(List.of(STACK.resolve("main.tf.json")));
        Report latest = Validator.validate(d, "azure-2025-09");
        assertThat(ids(latest, Severity.ERROR)).containsExactly("MI-SUBNET-DELEGATION");
        assertThat(ids(latest, Severity.WARNING)).containsExactly("MI-NSG-DATA", "NSG-SHADOWED");
        // (the first run also said PROFILE-CHOICE, rightly: this profile was picked by hand for a design with no subnet
        // delegated to SQL MI)
        assertThat(ids(latest, Severity.INFO)).containsExactly("MI-INTENT-RULES", "PROFILE-CHOICE");
        Finding shadowed = latest.findings().stream().filter(f -> f.ruleId().equals("NSG-SHADOWED")).findFirst().orElseThrow();
        assertThat(shadowed.message()).contains("allow_tds_inbound").contains("deny_all_inbound");
        assertThat(Validator.validate(d, "auto").profile()).isEqualTo("azure-2019-04");
    }

    @Test
    void theDirectoryIsAModuleAndAPlanIsStillAPlan() throws Exception {
        // .tf.json is told by its name: the directory and the file are read as a module, terraform show -json as a plan
        assertThat(Importer.load(STACK.resolve("main.tf.json")).subnets().map(Subnet::name)).contains("snet-sqlmi");
        assertThat(Importer.load(STACK).subnets().map(Subnet::name)).contains("snet-sqlmi");
        assertThat(Importer.load(Path.of("src/test/resources/terraform/plan.json")).managedInstances()).isNotEmpty();
        assertThat(load(List.of(STACK)).importNotes()).extracting(ImportNote::ruleId).isEmpty();
    }
}
