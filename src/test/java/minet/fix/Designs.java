package minet.fix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.Lists;
import minet.model.Route;
import minet.model.SecurityRule;

/** The seed's reference network and small edits of it, for the fix tests. */
final class Designs {
    static final String SUBNET = "vnet-mi/ManagedInstance";
    static final String NSG = "nsg-mi";
    static final String RT = "rt-mi";
    static final String PREFIX = "10.0.0.0/24";

    private Designs() {}

    static Design reference() {
        try {
            return DesignFile.read(Path.of("sample-networks/reference.minet.json"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Design withoutRule(Design d, String name) {
        return d.mapSecurityGroup(NSG, g -> g.withRules(Lists.minus(g.rules(), r -> r.name().equals(name))));
    }

    static Design mapRule(Design d, String name, UnaryOperator<SecurityRule> f) {
        return d.mapSecurityGroup(NSG, g -> g.withRules(Lists.replace(g.rules(), r -> r.name().equals(name), f)));
    }

    static Design plusRule(Design d, SecurityRule r) {
        return d.mapSecurityGroup(NSG, g -> g.withRules(Lists.plus(g.rules(), r)));
    }

    static Design withoutRoutes(Design d, Predicate<Route> which) {
        return d.mapRouteTable(RT, t -> t.withRoutes(Lists.minus(t.routes(), which)));
    }

    static Design plusRoute(Design d, Route r) {
        return d.mapRouteTable(RT, t -> t.withRoutes(Lists.plus(t.routes(), r)));
    }

    static SecurityRule rule(Design d, String name) {
        return d.securityGroup(NSG).orElseThrow().rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> ruleNames(Design d) {
        List<String> out = new ArrayList<>();
        d.securityGroup(NSG).orElseThrow().rules().forEach(r -> out.add(r.name()));
        return out;
    }
}
