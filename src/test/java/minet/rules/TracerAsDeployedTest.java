package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import minet.RealWorld;
import minet.io.Importer;
import minet.model.Design;
import minet.model.DesignState;
import minet.rules.eval.ServiceTags;
import minet.rules.eval.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A template's NSG of a delegated MI subnet is traced as Azure deploys it (Azure's rules of the era added before the
 * user's), as validation judges it, so that trace and the canvas's arrows agree with "0 errors". Microsoft's
 * service-aided quickstart has only 1433, 11000-11999 and deny-all rules of its own. Expected, written before running:
 * under auto (the current rules) the health probe and traffic inside the subnet are allowed by Azure's rules; under
 * the 04/2019 document (the NSG as written) and for a live NSG (Azure's rules would be there if they existed) the
 * deny-all decides.
 */
class TracerAsDeployedTest {
    static Design quickstart() throws Exception {
        return Importer.load(RealWorld.SERVICE_AIDED);
    }

    @Test
    void aTemplatesHealthProbeIsAllowedByTheRuleAzureAdds() throws Exception {
        Design d = quickstart();
        Tracer.Trace t = new Tracer(d).trace("AzureLoadBalancer", "ManagedInstance", 80, "tcp");
        assertThat(t.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(t.inbound().rule().name()).startsWith("Microsoft.Sql-managedInstances_UseOnly_").contains("healthprobe-in");
        assertThat(t.inbound().rule().describe()).contains("added by Azure when it deploys the subnet").doesNotContain("priority");
    }

    @Test
    void trafficInsideTheSubnetIsAllowedBothWays() throws Exception {
        Tracer.Trace t = new Tracer(quickstart()).trace("10.0.0.10", "10.0.0.20", 5000, "tcp");
        assertThat(t.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(t.outbound().rule().name()).contains("internal-out");
        assertThat(t.inbound().rule().name()).contains("internal-in");
    }

    @Test
    void inThe2019EraTheNsgIsTracedAsWritten() throws Exception {
        Design d = quickstart();
        Tracer.Trace t = new Tracer(d, ServiceTags.NONE, Profiles.byId("azure-2019-04").orElseThrow()).trace("AzureLoadBalancer", "ManagedInstance", 80, "tcp");
        assertThat(t.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(t.inbound().rule().name()).isEqualTo("deny_all_inbound");
    }

    @Test
    void aLiveNsgIsTracedAsItIs() throws Exception {
        Design live = quickstart().withState(DesignState.LIVE);
        Tracer.Trace t = new Tracer(live).trace("AzureLoadBalancer", "ManagedInstance", 80, "tcp");
        assertThat(t.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(t.inbound().rule().name()).isEqualTo("deny_all_inbound");
    }

    @Test
    void whatTheUsersRulesDecideStaysTheirs() throws Exception {
        Tracer.Trace t = new Tracer(quickstart()).trace("10.0.1.4", "ManagedInstance", 1433, "tcp");
        assertThat(t.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(t.inbound().rule().name()).isEqualTo("allow_tds_inbound");
    }
}
