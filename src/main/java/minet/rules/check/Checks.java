package minet.rules.check;

import java.util.List;
import minet.model.Design;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.Finding;

/** The rules of profile azure-2019-04 over one design, in a fixed order. */
public final class Checks {
    private Checks() {}

    public static List<Finding> run(Design d) {
        Scope scope = new Scope(d);
        Findings out = new Findings();
        for (VirtualNetwork v : d.virtualNetworks()) {
            NetworkChecks.vnet(d, v, out);
            boolean hasMi = false;
            for (Subnet s : v.subnets()) {
                if (!d.isMiSubnet(s)) continue;
                hasMi = true;
                SubnetChecks.run(scope, s, out);
                SecurityGroup nsg = s.nsgId() == null ? null : d.securityGroup(s.nsgId()).orElse(null);
                if (nsg != null) MiNsgChecks.run(scope, s, v, nsg, out);
                RouteTable rt = s.routeTableId() == null ? null : d.routeTable(s.routeTableId()).orElse(null);
                if (rt != null) RouteChecks.run(s, rt, out);
            }
            if (hasMi) NetworkChecks.dns(v, out);
        }
        for (SecurityGroup g : d.securityGroups()) NsgHygieneChecks.run(scope, g, out);
        for (RouteTable t : d.routeTables()) NetworkChecks.routeTable(t, out);
        NetworkChecks.nat(d, out);
        return out.list();
    }
}
