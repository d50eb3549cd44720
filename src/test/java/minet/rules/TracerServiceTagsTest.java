package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import minet.io.DesignFile;
import minet.model.Design;
import minet.rules.eval.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The service tags Azure's own rules name (OneDsCollector, Storage.westeurope, a paired region not known offline) are
 * destinations trace takes, as the canvas's arrows to them need: not known offline, they are "cannot be decided"
 * unless a rule decides every address.
 */
class TracerServiceTagsTest {
    static Design reference() throws Exception {
        return DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
    }

    @Test void azuresTagsAndTheirRegionalFormsAreDestinations() throws Exception {
        Tracer t = new Tracer(reference());
        for (String tag : new String[] {"OneDsCollector", "Storage.westeurope", "Storage.{pairedRegion}", "AzureCloud.northeurope", "CorpNetSaw"}) {
            Tracer.Endpoint e = t.endpoint(tag);
            assertThat(e.tag()).isEqualTo(tag);
            assertThat(e.kind()).isEqualTo("tag");
        }
        // Anything else is still a mistake named as such.
        assertThatThrownBy(() -> t.endpoint("NoSuchThing")).hasMessageContaining("'NoSuchThing' is neither");
        assertThatThrownBy(() -> t.endpoint("Storage.west europe")).hasMessageContaining("is neither");
    }

    /**
     * Expected: the reference's MI NSG allows TCP 80, 443, 12000 to AzureCloud, then denies all outbound: whether
     * OneDsCollector's addresses (not known offline) are AzureCloud's cannot be told. A Deny of everything before that
     * rule denies it whatever its addresses.
     */
    @Test void aTagNotKnownOfflineIsUndecidedUnlessARuleCoversEverything() throws Exception {
        Design d = reference();
        Tracer t = new Tracer(d);
        assertThat(t.trace("sqlmi-ref", "OneDsCollector", 443, "tcp").verdict()).isEqualTo(Verdict.INDETERMINATE);
        String nsg = d.miSubnets().get(0).nsgId();
        Design denied = d.mapSecurityGroup(nsg, g -> g.withRules(minet.model.Lists.plus(g.rules(), minet.model.SecurityRule.of("deny_all_out", 90,
                minet.model.Direction.OUTBOUND, minet.model.Access.DENY, "*", java.util.List.of("*"), java.util.List.of("*"), java.util.List.of("*"),
                java.util.List.of("*")))));
        Tracer.Trace r = new Tracer(denied).trace("sqlmi-ref", "Storage.{pairedRegion}", 443, "tcp");
        assertThat(r.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(r.outbound().rule().name()).isEqualTo("deny_all_out");
    }
}
