package minet.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import minet.io.InputException;
import minet.io.Importer;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.Route;
import minet.model.SecurityRule;
import minet.model.Subnet;

/** The seed's reference network and small edits of it, for rule tests. */
final class Fixtures {
    private Fixtures() {}

    static final String MI_SUBNET = "vnet-mi/ManagedInstance";
    static final String NSG = "nsg-mi";
    static final String RT = "rt-mi";
    static final String MI = "sqlmi-ref";
    static final List<String> ANY = List.of("*");

    static Design reference() {
        try {
            return Importer.load(Path.of("sample-networks/reference.minet.json"));
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    static Design subnet(Design d, UnaryOperator<Subnet> f) { return d.mapSubnet(MI_SUBNET, f); }

    static Design rules(Design d, UnaryOperator<List<SecurityRule>> f) {
        return d.mapSecurityGroup(NSG, g -> g.withRules(f.apply(new ArrayList<>(g.rules()))));
    }

    static Design withoutRule(Design d, String name) {
        return rules(d, rs -> rs.stream().filter(r -> !r.name().equals(name)).toList());
    }

    static Design plusRule(Design d, SecurityRule r) {
        return rules(d, rs -> {
            rs.add(r);
            return rs;
        });
    }

    static Design mapRule(Design d, String name, UnaryOperator<SecurityRule> f) {
        return rules(d, rs -> rs.stream().map(r -> r.name().equals(name) ? f.apply(r) : r).toList());
    }

    static Design routes(Design d, UnaryOperator<List<Route>> f) {
        return d.mapRouteTable(RT, t -> t.withRoutes(f.apply(new ArrayList<>(t.routes()))));
    }

    static Design withoutRoute(Design d, String name) {
        return routes(d, rs -> rs.stream().filter(r -> !r.name().equals(name)).toList());
    }

    static Design plusRoute(Design d, Route r) {
        return routes(d, rs -> {
            rs.add(r);
            return rs;
        });
    }

    static SecurityRule in(String name, int prio, Access a, String proto, String src, String dst, List<String> ports) {
        return SecurityRule.of(name, prio, Direction.INBOUND, a, proto, List.of(src), ANY, List.of(dst), ports);
    }

    static SecurityRule out(String name, int prio, Access a, String proto, String src, String dst, List<String> ports) {
        return SecurityRule.of(name, prio, Direction.OUTBOUND, a, proto, List.of(src), ANY, List.of(dst), ports);
    }

    static List<Finding> findings(Design d, String ruleId) {
        return Validator.validate(d).findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static Finding only(Design d, String ruleId) {
        List<Finding> f = findings(d, ruleId);
        if (f.size() != 1) throw new AssertionError("expected one " + ruleId + " finding, got " + f + "\nall: " + Validator.validate(d).findings());
        return f.get(0);
    }
}
