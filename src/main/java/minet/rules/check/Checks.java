package minet.rules.check;

import java.util.List;
import java.util.Map;
import minet.model.Design;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.Catalog;
import minet.rules.Finding;
import minet.rules.Profile;
import minet.rules.Profiles;
import minet.rules.Severity;
import minet.rules.eval.ServiceTags;

/** The rules of one profile over one design, in a fixed order. Each check reads what it requires from the profile. */
public final class Checks {
    private Checks() {}

    /** The seed's rules (azure-2019-04), no service tags known. */
    public static List<Finding> run(Design d) {
        return run(d, Profiles.seed(), ServiceTags.NONE);
    }

    public static List<Finding> run(Design d, Profile p, ServiceTags tags) {
        Scope scope = new Scope(d, p, tags);
        Findings out = new Findings();
        boolean anyMi = false;
        for (VirtualNetwork v : d.virtualNetworks()) {
            NetworkChecks.vnet(d, v, out);
            boolean hasMi = false;
            for (Subnet s : v.subnets()) {
                if (!d.isMiSubnet(s)) continue;
                hasMi = true;
                SubnetChecks.run(scope, s, v, out);
                SecurityGroup nsg = s.nsgId() == null ? null : d.securityGroup(s.nsgId()).orElse(null);
                if (nsg != null) MiNsgChecks.run(scope, s, v, nsg, out);
                RouteTable rt = s.routeTableId() == null ? null : d.routeTable(s.routeTableId()).orElse(null);
                if (rt != null) {
                    if (p.serviceAided()) IntentChecks.routes(scope, s, v, rt, out);
                    else RouteChecks.run(s, rt, out);
                }
            }
            if (hasMi) NetworkChecks.dns(p, v, out);
            anyMi |= hasMi;
        }
        for (minet.model.FailoverGroup g : d.failoverGroups()) FailoverChecks.run(scope, g, out);
        for (SecurityGroup g : d.securityGroups()) NsgHygieneChecks.run(scope, g, out);
        for (RouteTable t : d.routeTables()) NetworkChecks.routeTable(d, t, out);
        if (p.runs(Catalog.MI_NAT_SAME_REGION)) NetworkChecks.nat(d, out);
        IntegrityChecks.run(d, out);
        if (!anyMi) {
            out.add(Catalog.MI_SUBNET_NONE, Severity.INFO, "", "No MI subnet found, so no MI rule ran: a subnet is an MI subnet when a managed "
                    + "instance points at it, when it is delegated to Microsoft.Sql/managedInstances, or when you mark it as one",
                    Map.of("subnets", d.subnets().count()), null, null);
        }
        return out.list();
    }
}
