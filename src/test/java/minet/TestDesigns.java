package minet;

import java.util.ArrayList;
import java.util.List;
import minet.model.Access;
import minet.model.Design;
import minet.model.DesignState;
import minet.model.Direction;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.AzureRules;

/** Small designs of today's kind for tests: a delegated MI subnet 10.0.0.0/24 in westeurope, as a template and as deployed. */
public final class TestDesigns {
    private TestDesigns() {}

    public static final String SUBNET = "vnet/subnets/mi";
    public static final String PREFIX = "10.0.0.0/24";

    /** A template-like design: delegated MI subnet, NSG "nsg" with the quickstart's data rules and deny-alls, empty route table "rt". */
    public static Design delegated() {
        Subnet mi = new Subnet(SUBNET, "mi", List.of(PREFIX), "nsg", "rt", List.of(), List.of(Subnet.MI_DELEGATION), List.of(), false, null);
        VirtualNetwork v = new VirtualNetwork("vnet", "vnet", "westeurope", List.of("10.0.0.0/16"), List.of(), false, List.of(), List.of(mi), null);
        List<SecurityRule> rules = List.of(
                rule("allow_tds_inbound", 1000, Direction.INBOUND, Access.ALLOW, "Tcp", "VirtualNetwork", PREFIX, "1433"),
                rule("allow_redirect_inbound", 1100, Direction.INBOUND, Access.ALLOW, "Tcp", "VirtualNetwork", PREFIX, "11000-11999"),
                rule("deny_all_inbound", 4096, Direction.INBOUND, Access.DENY, "*", "*", "*", "*"),
                rule("deny_all_outbound", 4096, Direction.OUTBOUND, Access.DENY, "*", "*", "*", "*"));
        ManagedInstance m = new ManagedInstance("sqlmi", "sqlmi", SUBNET, ManagedInstance.Tier.GENERAL_PURPOSE, 8, null, false, null,
                "westeurope", null, null, null);
        return new Design("t", List.of(v), List.of(new SecurityGroup("nsg", "nsg", "westeurope", rules, null)),
                List.of(new RouteTable("rt", "rt", "westeurope", false, List.of(), null)), List.of(m), List.of(), null, List.of());
    }

    /** The same network as az CLI shows it once deployed: Azure's 07/2024 rules (v10 names) and the subnet-local route in place. */
    public static Design liveCurrent() {
        Design d = delegated().withState(DesignState.LIVE);
        d = d.mapSecurityGroup("nsg", g -> {
            List<SecurityRule> rs = new ArrayList<>(g.rules());
            rs.add(0, azure("mi-healthprobe-in-10-0-0-0-24-v10", 103, Direction.INBOUND, "*", "AzureLoadBalancer", PREFIX, "*"));
            rs.add(1, azure("mi-internal-in-10-0-0-0-24-v10", 104, Direction.INBOUND, "*", PREFIX, PREFIX, "*"));
            rs.add(2, azure("mi-internal-out-10-0-0-0-24-v10", 101, Direction.OUTBOUND, "*", PREFIX, PREFIX, "*"));
            return g.withRules(rs);
        });
        return d.mapRouteTable("rt", t -> t.withRoutes(List.of(Route.of(AzureRules.PREFIX + "subnet-10-0-0-0-24-to-vnetlocal", PREFIX, Route.VNET_LOCAL))));
    }

    public static SecurityRule rule(String name, int prio, Direction d, Access a, String proto, String src, String dst, String port) {
        return SecurityRule.of(name, prio, d, a, proto, List.of(src), List.of("*"), List.of(dst), List.of(port));
    }

    public static SecurityRule azure(String stem, int prio, Direction d, String proto, String src, String dst, String... ports) {
        return SecurityRule.of(AzureRules.PREFIX + stem, prio, d, Access.ALLOW, proto, List.of(src), List.of("*"), List.of(dst), List.of(ports));
    }
}
