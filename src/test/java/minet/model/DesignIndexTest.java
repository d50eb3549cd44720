package minet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A large design's indexed look-ups answer what a scan of its lists answers (IDs without case, the first of equal IDs). */
class DesignIndexTest {
    @Property(tries = 30)
    void indexedLookUpsAgreeWithScans(@ForAll @IntRange(min = 1, max = 120) int n, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        List<VirtualNetwork> vnets = new ArrayList<>();
        List<SecurityGroup> nsgs = new ArrayList<>();
        List<ManagedInstance> instances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String nsg = "/subscriptions/s/NSG-" + (i * seed % 7);
            Subnet s = new Subnet("/subscriptions/s/vnet-" + i + "/subnets/mi", "mi", List.of("10.0.0.0/24"), nsg, null, List.of(), List.of(),
                    List.of(), false, null);
            vnets.add(new VirtualNetwork("/subscriptions/s/vnet-" + i, "v" + i, null, List.of(), List.of(), false, List.of(), List.of(s), null));
            nsgs.add(new SecurityGroup(nsg.toLowerCase(Locale.ROOT), "nsg" + i, null, List.of(), null)); // duplicates: the first wins
            if ((i + seed) % 3 != 0) {
                instances.add(new ManagedInstance("mi" + i, "mi" + i, s.id().toUpperCase(Locale.ROOT), null, 4, null, false, null, null, null, null, null));
            }
        }
        Design d = Design.empty("big").withVirtualNetworks(vnets).withSecurityGroups(nsgs).withManagedInstances(instances);
        for (VirtualNetwork v : vnets) {
            Subnet s = v.subnets().get(0);
            assertThat(d.subnet(s.id().toUpperCase(Locale.ROOT))).containsSame(s);
            assertThat(d.vnetOf(s)).containsSame(v);
            assertThat(d.securityGroup(s.nsgId())).isEqualTo(nsgs.stream().filter(g -> Lists.sameId(g.id(), s.nsgId())).findFirst());
            assertThat(d.instancesIn(s)).isEqualTo(instances.stream().filter(m -> Lists.sameId(m.subnetId(), s.id())).toList());
        }
        assertThat(d.subnet("nope")).isEmpty();
        assertThat(d.subnet(null)).isEmpty();
        assertThat(d.routeTable("x")).isEmpty();
    }
}
