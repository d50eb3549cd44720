package minet.fix;

import java.util.List;
import java.util.Optional;
import minet.model.Design;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.rules.AzureRules;

/**
 * The law every fix keeps: Azure's own rules and routes ({@code Microsoft.Sql-managedInstances_UseOnly_…}) come out
 * of a fix exactly as they went in, in the same NSG or route table. Checked after each step, so no fix can break it.
 */
final class AzureGuard {
    private AzureGuard() {}

    static boolean preserved(Design before, Design after) {
        return what(before, after) == null;
    }

    /** What a fix would do to Azure's rules or routes ("rule '…' of NSG 'x' would change"), or null when it leaves them alone. */
    static String what(Design before, Design after) {
        for (SecurityGroup g : before.securityGroups()) {
            List<SecurityRule> azure = g.rules().stream().filter(AzureRules::isAzure).toList();
            if (azure.isEmpty()) continue;
            Optional<SecurityGroup> a = after.securityGroup(g.id());
            List<SecurityRule> kept = a.map(x -> x.rules().stream().filter(AzureRules::isAzure).toList()).orElse(List.of());
            if (!kept.equals(azure)) return "Azure's rules in NSG '" + g.name() + "' would change";
        }
        for (RouteTable t : before.routeTables()) {
            List<Route> azure = t.routes().stream().filter(AzureRules::isAzure).toList();
            if (azure.isEmpty()) continue;
            Optional<RouteTable> a = after.routeTable(t.id());
            List<Route> kept = a.map(x -> x.routes().stream().filter(AzureRules::isAzure).toList()).orElse(List.of());
            if (!kept.equals(azure)) return "Azure's routes in route table '" + t.name() + "' would change";
        }
        return null;
    }
}
