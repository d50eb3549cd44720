package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import minet.TestDesigns;
import minet.io.InputException;
import minet.io.ServiceTagsFile;
import minet.io.export.ExportFormat;
import minet.model.Design;
import minet.model.Route;
import minet.model.Source;
import minet.model.Subnet;
import minet.rules.eval.ServiceTags;
import minet.rules.eval.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the later eras brought besides rules: the way back in a trace, service tags from Microsoft's file, exports and unknown prefixes. */
class EraFeaturesTest {
    @TempDir Path dir;

    static Design withRoute(Design d, Route r) {
        return d.mapRouteTable("rt", t -> t.withRoutes(minet.model.Lists.plus(t.routes(), r)));
    }

    @Test
    void aDefaultRouteToAnApplianceMakesTheRepliesToTheInternetAsymmetric_aRouteToInternetForTheSourceDoesNot() {
        Design nva = withRoute(TestDesigns.liveCurrent(), Route.of("default-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4"));
        Tracer.Trace t = new Tracer(nva).trace("52.1.2.3", "10.0.0.10", 1433, "tcp");
        assertThat(t.returnRoute().describe()).contains("0.0.0.0/0").contains("VirtualAppliance");
        assertThat(t.asymmetry()).startsWith("asymmetric routing: the traffic from 52.1.2.3 arrives directly, but the replies from subnet 'mi' take")
                .contains("a stateful firewall there drops replies");
        Design direct = withRoute(nva, Route.of("mgmt-internet", "52.0.0.0/8", Route.INTERNET));
        Tracer.Trace ok = new Tracer(direct).trace("52.1.2.3", "10.0.0.10", 1433, "tcp");
        assertThat(ok.returnRoute().describe()).contains("52.0.0.0/8");
        assertThat(ok.asymmetric()).isFalse();
        // Inside the VNet both ways are VnetLocal: no asymmetry, whatever the default route.
        assertThat(new Tracer(nva).trace("10.0.0.20", "10.0.0.10", 1433, "tcp").asymmetric()).isFalse();
    }

    @Test
    void theTraceCommandPrintsTheReturnRouteAndWarnsOfAsymmetry() throws Exception {
        Design nva = withRoute(TestDesigns.liveCurrent(), Route.of("default-nva", "0.0.0.0/0", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.1.4"));
        Path f = dir.resolve("nva.minet.json");
        minet.io.DesignFile.write(f, nva);
        java.io.StringWriter out = new java.io.StringWriter();
        minet.cli.Cli.run(new String[] {"trace", f.toString(), "--from", "52.1.2.3", "--to", "mi", "--port", "1433"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(out.toString()).contains("Return route at subnet 'mi': ").contains("Warning: asymmetric routing");
    }

    /** A small file in the format of Microsoft's weekly ServiceTags_Public_YYYYMMDD.json. */
    Path serviceTags() throws Exception {
        Path f = dir.resolve("ServiceTags_Public_20261123.json");
        Files.writeString(f, """
                {
                  "changeNumber": 412,
                  "cloud": "Public",
                  "values": [
                    { "name": "SqlManagement", "id": "SqlManagement",
                      "properties": { "changeNumber": 9, "region": "", "platform": "Azure", "systemService": "SqlManagement",
                                      "addressPrefixes": ["52.1.0.0/16", "2603:1000::/47"] } },
                    { "name": "AzureCloud.westeurope", "id": "AzureCloud.westeurope",
                      "properties": { "region": "westeurope", "addressPrefixes": ["52.1.0.0/16", "20.0.0.0/8"] } }
                  ]
                }
                """);
        return f;
    }

    @Test
    void withMicrosoftsServiceTagsFileATraceDecidesWhatItOtherwiseCannot() throws Exception {
        ServiceTags tags = ServiceTagsFile.read(serviceTags());
        assertThat(tags.size()).isEqualTo(2);
        assertThat(tags.knows("sqlmanagement")).isTrue();
        Design d = TestDesigns.delegated().mapSecurityGroup("nsg", g -> g.withRules(minet.model.Lists.plus(g.rules(),
                TestDesigns.rule("allow_mgmt", 200, minet.model.Direction.INBOUND, minet.model.Access.ALLOW, "Tcp", "SqlManagement", "10.0.0.0/24", "9000"))));
        assertThat(new Tracer(d).trace("52.1.2.3", "10.0.0.10", 9000, "tcp").verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(new Tracer(d, tags).trace("52.1.2.3", "10.0.0.10", 9000, "tcp").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(new Tracer(d, tags).trace("8.8.8.8", "10.0.0.10", 9000, "tcp").verdict()).isEqualTo(Verdict.DENIED);
    }

    @Test
    void aMalformedServiceTagsFileIsRefusedWithItsLine() throws Exception {
        Path f = dir.resolve("tags.json");
        Files.writeString(f, "{\n  \"values\": [\n    {\"name\": \"Storage\", \"properties\": {\"addressPrefixes\": [\"not-a-prefix\"]}}\n  ]\n}\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ServiceTagsFile.read(f)))
                .isInstanceOf(InputException.class).hasMessageContaining("'not-a-prefix' in the prefixes of tag 'Storage' is not an IP prefix");
        java.io.StringWriter err = new java.io.StringWriter();
        int rc = minet.cli.Cli.run(new String[] {"validate", "sample-networks/reference.minet.json", "--service-tags", f.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains(f + ":3:");
    }

    @Test
    void exportsLeaveAzuresOwnRulesAndRoutesOutAndSaySo() {
        Design d = TestDesigns.liveCurrent();
        for (ExportFormat f : ExportFormat.values()) {
            String out = f.exporter().export(d);
            if (f == ExportFormat.CSV) {
                assertThat(out).as("CSV lists them as Azure's").contains(AzureRules.PREFIX + "mi-internal-in").contains("Managed by Azure's network intent policy");
                continue;
            }
            assertThat(out).as(f.name()).contains("Left out: 4 rules and routes Azure's network intent policy writes and owns");
            // Named only in the comment, never as a rule or route to deploy.
            long mentions = out.lines().filter(l -> l.contains(AzureRules.PREFIX + "mi-internal-in")).count();
            assertThat(mentions).as(f.name()).isEqualTo(1);
        }
    }

    @Test
    void anMiSubnetWhosePrefixIsNotKnownOfflineStillGetsWhatCanBeDecided() {
        // The prefix of cidrSubnet(parameters('vnetPrefix'), 24, 0) without the parameter: unknown, from template.json line 40.
        Design d = TestDesigns.delegated().mapSubnet(TestDesigns.SUBNET, s -> new Subnet(s.id(), s.name(), List.of("{cidrSubnet(vnetPrefix)}"),
                s.nsgId(), s.routeTableId(), s.serviceEndpoints(), s.delegations(), s.resources(), s.markedMi(), Source.of("template.json", "/resources/0", 40, 9)));
        // A deny-all at the top denies whatever the prefix is: decided, an error (2019 rules).
        Design denyFirst = d.mapSecurityGroup("nsg", g -> g.withRules(minet.model.Lists.plus(g.rules(),
                TestDesigns.rule("deny_first", 100, minet.model.Direction.INBOUND, minet.model.Access.DENY, "*", "*", "*", "*"))));
        Report r = Validator.validate(denyFirst, "azure-2019-04");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(Catalog.MI_NSG_IN_HEALTH_PROBE)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        // What depends on the prefix says so, naming it and where it came from; never "invalid".
        // allow_lb (to 10.0.0.0/24) may or may not be the subnet; deny_all_inbound takes the rest: cannot tell.
        Report open = Validator.validate(d.mapSecurityGroup("nsg", g -> g.withRules(minet.model.Lists.plus(g.rules(),
                TestDesigns.rule("allow_lb", 100, minet.model.Direction.INBOUND, minet.model.Access.ALLOW, "*", "AzureLoadBalancer", "10.0.0.0/24", "*")))), "azure-2019-04");
        assertThat(open.findings()).filteredOn(f -> f.ruleId().equals(Catalog.MI_NSG_IN_HEALTH_PROBE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("Cannot tell offline").contains("{cidrSubnet(vnetPrefix)}, not known offline (template.json line 40)");
        });
        assertThat(open.findings()).filteredOn(f -> f.ruleId().equals(Catalog.MI_SUBNET_SIZE)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Cannot tell offline whether the subnet is large enough"));
        assertThat(open.findings()).noneMatch(f -> f.ruleId().equals(Catalog.NET_ADDRESS));
        // Fix all names the unknown it needs.
        assertThat(minet.fix.Fixes.runAll(d, Profiles.seed()).notDone())
                .anyMatch(o -> o.message().contains("{cidrSubnet(vnetPrefix)}") && o.message().contains("--param"));
    }

    @Test
    void aDesignWithoutAnyMiSubnetSaysSo() {
        Design none = TestDesigns.delegated().withManagedInstances(List.of()).mapSubnet(TestDesigns.SUBNET, s -> s.withDelegations(List.of()));
        for (String p : Catalog.profiles()) {
            assertThat(Validator.validate(none, p).findings()).filteredOn(f -> f.ruleId().equals(Catalog.MI_SUBNET_NONE)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("delegated to Microsoft.Sql/managedInstances"));
        }
        assertThat(Validator.validate(TestDesigns.delegated()).findings()).noneMatch(f -> f.ruleId().equals(Catalog.MI_SUBNET_NONE));
    }

    @Test
    void theJsonAndSarifSayWhichProfileWasUsedAndWhy() throws Exception {
        Path f = dir.resolve("d.minet.json");
        minet.io.DesignFile.write(f, TestDesigns.liveCurrent());
        var m = new com.fasterxml.jackson.databind.ObjectMapper();
        java.io.StringWriter json = new java.io.StringWriter(), sarif = new java.io.StringWriter();
        minet.cli.Cli.run(new String[] {"validate", f.toString(), "--format", "json"}, new java.io.PrintWriter(json), new java.io.PrintWriter(new java.io.StringWriter()));
        minet.cli.Cli.run(new String[] {"validate", f.toString(), "--format", "sarif"}, new java.io.PrintWriter(sarif), new java.io.PrintWriter(new java.io.StringWriter()));
        var j = m.readTree(json.toString());
        assertThat(Map.of("profile", j.get("profile").asText(), "state", j.get("state").asText()))
                .isEqualTo(Map.of("profile", Profiles.latest().id(), "state", "live"));
        assertThat(j.get("profileReason").asText()).isEqualTo("subnet 'mi' is delegated to Microsoft.Sql/managedInstances");
        var props = m.readTree(sarif.toString()).at("/runs/0/properties");
        assertThat(props.get("profileReason").asText()).isEqualTo(j.get("profileReason").asText());
        assertThat(props.get("state").asText()).isEqualTo("live");
    }
}
