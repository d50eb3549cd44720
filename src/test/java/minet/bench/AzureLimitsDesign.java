package minet.bench;

import java.util.ArrayList;
import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.Seed;

/**
 * A design at Azure's limits, for benchmarks and load tests: one VNet with 100 subnets (/24), an MI subnet whose NSG
 * has 1000 rules (the mandatory ones, per-application allows and denies in both directions, a final deny) and
 * whose route table has 400 routes (subnet_to_vnetlocal, the seed's 99, and 300 routes to an appliance).
 * Deterministic: the same design every call.
 */
public final class AzureLimitsDesign {
    private AzureLimitsDesign() {}

    public static final int SUBNETS = 100, RULES = 1000, ROUTES = 400;
    public static final String MI = "10.0.0.0/24";

    /** Writes the design to a file: {@code java -cp target/minet.jar:target/test-classes minet.bench.AzureLimitsDesign OUT}. */
    public static void main(String[] args) throws java.io.IOException {
        minet.io.DesignFile.write(java.nio.file.Path.of(args[0]), build());
    }

    public static Design build() {
        List<String> any = List.of("*");
        List<SecurityRule> rules = new ArrayList<>();
        rules.add(SecurityRule.of(Seed.RULE_MANAGEMENT_IN, 100, Direction.INBOUND, Access.ALLOW, "Tcp", any, any, List.of(MI), Seed.MANAGEMENT_INBOUND_PORTS));
        rules.add(SecurityRule.of(Seed.RULE_SUBNET_IN, 101, Direction.INBOUND, Access.ALLOW, "*", List.of(MI), any, List.of(MI), any));
        rules.add(SecurityRule.of(Seed.RULE_HEALTH_PROBE_IN, 102, Direction.INBOUND, Access.ALLOW, "*", List.of("AzureLoadBalancer"), any, List.of(MI), any));
        rules.add(SecurityRule.of(Seed.RULE_MANAGEMENT_OUT, 100, Direction.OUTBOUND, Access.ALLOW, "Tcp", List.of(MI), any, List.of("AzureCloud"), Seed.MANAGEMENT_OUTBOUND_PORTS));
        rules.add(SecurityRule.of(Seed.RULE_SUBNET_OUT, 101, Direction.OUTBOUND, Access.ALLOW, "*", List.of(MI), any, List.of(MI), any));
        int in = 0, out = 0;
        while (rules.size() < RULES - 2) {
            int i = rules.size();
            String app = "10.0." + (1 + i % (SUBNETS - 1)) + ".0/24";
            String port = Integer.toString(20000 + i);
            boolean inbound = i % 4 != 0;
            Access access = i % 7 == 0 ? Access.DENY : Access.ALLOW;
            if (inbound) {
                rules.add(SecurityRule.of("app_in_" + i, 200 + in++, Direction.INBOUND, access, "Tcp", List.of(app), any, List.of(MI), List.of(port)));
            } else {
                rules.add(SecurityRule.of("app_out_" + i, 200 + out++, Direction.OUTBOUND, access, "Tcp", List.of(MI), any, List.of(app), List.of(port)));
            }
        }
        rules.add(SecurityRule.of("deny_all_inbound", 4096, Direction.INBOUND, Access.DENY, "*", any, any, any, any));
        rules.add(SecurityRule.of("deny_all_outbound", 4096, Direction.OUTBOUND, Access.DENY, "*", any, any, any, any));
        SecurityGroup nsg = new SecurityGroup("nsg-mi", "nsg-mi", "westeurope", rules, null);

        List<Route> routes = new ArrayList<>();
        routes.add(Route.of(Seed.ROUTE_VNET_LOCAL, MI, Route.VNET_LOCAL));
        routes.addAll(Seed.MANAGEMENT_ROUTES);
        for (int i = 0; routes.size() < ROUTES; i++) {
            routes.add(Route.of("onprem-" + i, "172." + (16 + i / 256) + "." + (i % 256) + ".0/24", Route.VIRTUAL_APPLIANCE).withNextHopIpAddress("10.0.99.4"));
        }
        RouteTable rt = new RouteTable("rt-mi", "rt-mi", "westeurope", false, routes, null);

        List<Subnet> subnets = new ArrayList<>();
        subnets.add(new Subnet("vnet/mi", "ManagedInstance", List.of(MI), "nsg-mi", "rt-mi", List.of(), List.of(), List.of(), false, null));
        for (int i = 1; i < SUBNETS; i++) subnets.add(Subnet.of("vnet/app" + i, "app" + i, "10.0." + i + ".0/24"));
        VirtualNetwork vnet = new VirtualNetwork("vnet", "vnet", "westeurope", List.of("10.0.0.0/16"), List.of(), false, List.of(), subnets, null);
        ManagedInstance mi = new ManagedInstance("mi", "mi", "vnet/mi", ManagedInstance.Tier.GENERAL_PURPOSE, 8, null, false, null, "westeurope", null, null, null);
        return Design.empty("Azure limits").withVirtualNetworks(List.of(vnet)).withSecurityGroups(List.of(nsg))
                .withRouteTables(List.of(rt)).withManagedInstances(List.of(mi));
    }
}
