package minet.layout;

import java.util.ArrayList;
import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ExternalNetwork;
import minet.model.Layout;
import minet.model.ManagedInstance;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/** Designs at Azure's limits for layout tests and the responsiveness measurement: N subnets, an NSG of M rules. */
public final class BigDesigns {
    private BigDesigns() {}

    public static Design of(int subnets, int rules) {
        List<Subnet> list = new ArrayList<>();
        list.add(new Subnet("big/mi", "ManagedInstance", List.of("10.0.0.0/24"), "nsg-big", null, List.of(), List.of(Subnet.MI_DELEGATION), List.of(), false, null));
        for (int i = 1; i < subnets; i++) list.add(Subnet.of("big/s" + i, "subnet-" + i, "10.0." + i + ".0/24"));
        List<SecurityRule> r = new ArrayList<>();
        for (int i = 0; i < rules; i++) {
            r.add(SecurityRule.of("rule-" + i, 100 + i * 3 % 3900, i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, Access.ALLOW, "Tcp",
                    List.of("10." + (i % 250) + ".0.0/16"), List.of("*"), List.of("10.0.0.0/24"), List.of(String.valueOf(1000 + i))));
        }
        VirtualNetwork v = new VirtualNetwork("big", "vnet-big", "westeurope", List.of("10.0.0.0/16"), List.of(), false, List.of(), list, null);
        ManagedInstance bc = new ManagedInstance("mi-bc", "sqlmi-bc", "big/mi", ManagedInstance.Tier.BUSINESS_CRITICAL, 16,
                ManagedInstance.ConnectionType.REDIRECT, false, ManagedInstance.ReplicationRole.PUBLISHER, "westeurope", "zone1", null, null);
        ManagedInstance gp = new ManagedInstance("mi-gp", "sqlmi-gp", "big/mi", ManagedInstance.Tier.GENERAL_PURPOSE, 8,
                ManagedInstance.ConnectionType.PROXY, false, ManagedInstance.ReplicationRole.NONE, "westeurope", "zone1", null, null);
        List<ExternalNetwork> ext = List.of(
                new ExternalNetwork("onprem", "On-premises", ExternalNetwork.Kind.ON_PREMISES, List.of("192.168.0.0/16"), null, "ExpressRoute", null, null, List.of(), null),
                new ExternalNetwork("storage", "Azure Storage", ExternalNetwork.Kind.AZURE_SERVICE, List.of(), null, null, "Storage", "northeurope", List.of(), null),
                new ExternalNetwork("clients", "Clients", ExternalNetwork.Kind.CLIENT, List.of("10.0.1.0/24"), null, null, null, null, List.of(), null),
                new ExternalNetwork("peer", "Hub VNet", ExternalNetwork.Kind.PEERED_VNET, List.of("10.1.0.0/16"), null, null, null, null, List.of(), null));
        return new Design("big", List.of(v), List.of(new SecurityGroup("nsg-big", "nsg-big", "westeurope", r, null)), List.of(),
                List.of(bc, gp), ext, Layout.EMPTY, List.of());
    }
}
