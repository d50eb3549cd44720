package minet.io.export;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import minet.io.DesignFile;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Layout;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/** Designs the export tests share: the reference network, hostile text, empty, no route table, plural fields. */
final class Designs {
    private Designs() {}

    static final Path REFERENCE = Path.of("sample-networks", "reference.minet.json");

    static Design reference() {
        try {
            return DesignFile.read(REFERENCE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Design empty() {
        return Design.empty("empty");
    }

    /** Text that would run as code if any exporter let it out of its quotes. */
    static final List<String> HOSTILE = List.of(
            "nsg'; touch pwned-1; echo '",
            "rule$(touch pwned-2)`touch pwned-3`",
            "desc \"dq\" \\ ${HOME} $HOME %{if x}y%{endif} %PATH% & | ; && || > out < in",
            "line one\nline two; touch pwned-4\r\n$(touch pwned-5)",
            "-leading-dash",
            "[concat('pwned')]",
            "=1+2",
            "@SUM(1)",
            "+cmd|' /C calc'!A0",
            "smart \u2019quote\u2018; touch pwned-6 \u201a\u201b $(x)",
            "\u2028sep\u2029 \u0085 tab\there",
            "$env:USERPROFILE @(1) $(Get-Process) `$x ${x} #comment <# block #>",
            "trailing backslash \\");

    /**
     * A network with one VNet, two subnets, one NSG (three rules: singular, plural and ASG fields) and one route
     * table (two routes, one to a virtual appliance), every name and free text from {@code text}: role → value.
     */
    static Design shaped(UnaryOperator<String> text) {
        SecurityRule single = SecurityRule.of(text.apply("rule1"), 100, Direction.INBOUND, Access.ALLOW, "Tcp",
                List.of("*"), List.of("*"), List.of("10.0.0.0/24"), List.of("1433"))
                .withDescription(text.apply("desc1"));
        SecurityRule plural = SecurityRule.of(text.apply("rule2"), 200, Direction.OUTBOUND, Access.DENY, "*",
                List.of("10.0.0.0/24", "10.0.1.0/24"), List.of("1000-2000", "3000"),
                List.of("AzureCloud", "Internet"), List.of("80", "443", "12000"))
                .withDescription(text.apply("desc2"));
        SecurityRule asg = new SecurityRule(text.apply("rule3"), text.apply("desc3"), 300, Direction.INBOUND, Access.DENY,
                "Udp", "*", List.of(), "53", List.of(), null, List.of(), "VirtualNetwork", List.of(),
                List.of("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/applicationSecurityGroups/asg1"),
                List.of(), null);
        SecurityGroup nsg = new SecurityGroup("nsg", text.apply("nsg"), "westeurope", List.of(single, plural, asg), null);
        RouteTable rt = new RouteTable("rt", text.apply("rt"), "westeurope", true, List.of(
                Route.of(text.apply("route1"), "10.0.0.0/24", Route.VNET_LOCAL),
                new Route(text.apply("route2"), "0.0.0.0/0", Route.VIRTUAL_APPLIANCE, "10.0.2.4", null)), null);
        Subnet mi = new Subnet("vnet/mi", text.apply("subnet1"), List.of("10.0.0.0/24"), "nsg", "rt",
                List.of(), List.of(Subnet.MI_DELEGATION), List.of(), false, null);
        Subnet app = new Subnet("vnet/app", text.apply("subnet2"), List.of("10.0.1.0/24", "10.0.3.0/24"), "NSG", null,
                List.of("Microsoft.Storage", "Microsoft.Sql"), List.of(), List.of(), false, null);
        VirtualNetwork vnet = new VirtualNetwork("vnet", text.apply("vnet"), "westeurope", List.of("10.0.0.0/16"),
                List.of(), false, List.of(), List.of(mi, app), null);
        return new Design(text.apply("design"), List.of(vnet), List.of(nsg), List.of(rt), List.of(), List.of(),
                Layout.EMPTY, List.of());
    }

    static final List<String> ROLES = List.of("rule1", "desc1", "rule2", "desc2", "rule3", "desc3", "nsg", "rt",
            "route1", "route2", "subnet1", "subnet2", "vnet", "design");

    /** Every role gets a different hostile text. */
    static Design hostile() {
        return shaped(Designs::hostile);
    }

    static String hostile(String role) {
        return HOSTILE.get(ROLES.indexOf(role) % HOSTILE.size());
    }

    /** The same shape with plain names. */
    static Design plain() {
        return shaped(role -> role);
    }

    /** Azure's limits: an NSG of 1000 rules, a route table of 400 routes, both on 100 subnets of one VNet. */
    static Design atLimits() {
        List<SecurityRule> rules = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rules.add(SecurityRule.of("rule-" + i, 100 + i % 500 * 7, i < 500 ? Direction.INBOUND : Direction.OUTBOUND,
                    Access.ALLOW, "Tcp", List.of("10.0.0.0/8"), List.of("*"), List.of("10.1.0.0/16"), List.of(String.valueOf(1000 + i))));
        }
        List<Route> routes = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) routes.add(Route.of("route-" + i, (20 + i % 200) + "." + i / 200 + ".0.0/16", Route.INTERNET));
        List<Subnet> subnets = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            subnets.add(new Subnet("vnet/s" + i, "subnet-" + i, List.of("10.1." + i + ".0/24"), "nsg", "rt",
                    List.of(), List.of(), List.of(), false, null));
        }
        return new Design("limits", List.of(new VirtualNetwork("vnet", "vnet", "westeurope", List.of("10.0.0.0/8"),
                List.of(), false, List.of(), subnets, null)),
                List.of(new SecurityGroup("nsg", "nsg", "westeurope", rules, null)),
                List.of(new RouteTable("rt", "rt", "westeurope", false, routes, null)), List.of(), List.of(), Layout.EMPTY, List.of());
    }

    static Design withoutRouteTable(Design d) {
        return d.withRouteTables(List.of()).withVirtualNetworks(d.virtualNetworks().stream()
                .map(v -> v.withSubnets(v.subnets().stream().map(s -> s.withRouteTableId(null)).toList())).toList());
    }
}
