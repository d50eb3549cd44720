package minet.io.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import minet.model.Design;
import minet.model.ManagedInstance;
import minet.model.ResourcePaths;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Source;
import minet.model.Subnet;
import minet.model.Unknowns;
import minet.model.VirtualNetwork;

/**
 * The values an export or a saved fix would write that still hold something not known offline ({@code {name}}):
 * Azure refuses {@code SQLMI-{managedInstanceName}-NSG}, so nothing is written until they are given. Each says the
 * element, the field and, where the unknown is a template parameter without a value, the parameter to give.
 */
public final class Unresolved {
    private Unresolved() {}

    /**
     * @param parameters the template parameters whose value would resolve it ({@code managedInstanceName})
     * @param others     the unknowns no parameter gives: deployed state, deployment stand-ins ({@code {subscriptionId}})
     */
    public record Value(String element, String field, String value, List<String> parameters, List<String> others, Source source) {
        /** One line: {@code networkSecurityGroups/nsg-{name}: name 'nsg-{name}' (main.json line 12) — give --param name=…}. */
        public String text() {
            String where = source == null || source.file() == null ? "" : " (" + source.describe() + ")";
            return element + ": " + field + " '" + value + "'" + where + " — " + advice();
        }

        /** What resolves it, in the command line's words. */
        public String advice() {
            List<String> says = new ArrayList<>();
            if (!parameters.isEmpty()) says.add("give " + String.join(" ", parameters.stream().map(p -> "--param " + p + "=…").toList()));
            if (!others.isEmpty()) says.add(String.join(", ", others) + (others.size() == 1 ? " is" : " are") + " known only in Azure: set the value in the design or the template");
            return String.join("; ", says);
        }
    }

    /** The stand-ins an import uses for the deployment's own facts; no parameter gives them. */
    private static final Set<String> DEPLOYMENT = Set.of("{subscriptionId}", "{resourceGroup}", "{tenantId}", "{managementGroup}");
    private static final Pattern PARAMETER = Pattern.compile("\\{[A-Za-z_$][A-Za-z0-9_$-]*}");

    /** What an export writes: NSGs and their rules, route tables and their routes, the associated subnets and their VNets. */
    public static List<Value> inExport(Design d) {
        ExportScope scope;
        try {
            scope = ExportScope.of(d);
        } catch (IllegalArgumentException e) {
            return List.of(); // nothing can be exported at all: the exporter's own refusal names why
        }
        List<Value> out = new ArrayList<>();
        for (SecurityGroup g : scope.securityGroups()) nsg(g, out);
        for (RouteTable t : scope.routeTables()) routeTable(t, out);
        Set<Subnet> seen = new LinkedHashSet<>();
        for (ExportScope.Association a : scope.associations()) {
            check(ResourcePaths.vnet(a.vnet()), "virtual network name", a.vnet().name(), a.vnet().source(), out);
            if (seen.add(a.subnet())) subnet(a.vnet(), a.subnet(), out);
        }
        scope.designLocation().ifPresent(l -> check("parameters/location", "location", l, null, out));
        return dedupe(out);
    }

    /** What a design file holds: every named element with its prefixes. */
    public static List<Value> inDesign(Design d) {
        List<Value> out = new ArrayList<>();
        for (VirtualNetwork v : d.virtualNetworks()) {
            check(ResourcePaths.vnet(v), "name", v.name(), v.source(), out);
            for (String p : v.addressSpaces()) check(ResourcePaths.vnet(v), "address space", p, v.source(), out);
            for (Subnet s : v.subnets()) subnet(v, s, out);
        }
        for (SecurityGroup g : d.securityGroups()) nsg(g, out);
        for (RouteTable t : d.routeTables()) routeTable(t, out);
        for (ManagedInstance m : d.managedInstances()) check(ResourcePaths.instance(m), "name", m.name(), m.source(), out);
        return dedupe(out);
    }

    /** Several lines, one per value, under a heading that says why nothing was written. */
    public static String report(List<Value> values) {
        StringBuilder sb = new StringBuilder();
        sb.append(values.size()).append(values.size() == 1 ? " value holds" : " values hold")
                .append(" what is not known offline, which Azure would refuse; nothing was written:");
        for (Value v : values) sb.append("\n  ").append(v.text());
        return sb.toString();
    }

    private static void nsg(SecurityGroup g, List<Value> out) {
        String path = ResourcePaths.nsg(g);
        check(path, "name", g.name(), g.source(), out);
        check(path, "location", g.location(), g.source(), out);
        for (SecurityRule r : g.rules()) {
            String rp = ResourcePaths.rule(g, r);
            Source src = r.source() != null ? r.source() : g.source();
            check(rp, "name", r.name(), src, out);
            check(rp, "protocol", r.protocol(), src, out);
            for (String p : all(r.sourceAddressPrefix(), r.sourceAddressPrefixes())) check(rp, "source address prefix", p, src, out);
            for (String p : all(r.destinationAddressPrefix(), r.destinationAddressPrefixes())) check(rp, "destination address prefix", p, src, out);
            for (String p : all(r.sourcePortRange(), r.sourcePortRanges())) check(rp, "source port", p, src, out);
            for (String p : all(r.destinationPortRange(), r.destinationPortRanges())) check(rp, "destination port", p, src, out);
        }
    }

    private static void routeTable(RouteTable t, List<Value> out) {
        String path = ResourcePaths.routeTable(t);
        check(path, "name", t.name(), t.source(), out);
        check(path, "location", t.location(), t.source(), out);
        for (Route r : t.routes()) {
            String rp = ResourcePaths.route(t, r);
            Source src = r.source() != null ? r.source() : t.source();
            check(rp, "name", r.name(), src, out);
            check(rp, "address prefix", r.addressPrefix(), src, out);
            check(rp, "next hop type", r.nextHopType(), src, out);
            check(rp, "next hop IP address", r.nextHopIpAddress(), src, out);
        }
    }

    private static void subnet(VirtualNetwork v, Subnet s, List<Value> out) {
        String path = ResourcePaths.subnet(v, s);
        check(path, "name", s.name(), s.source(), out);
        for (String p : s.addressPrefixes()) check(path, "address prefix", p, s.source(), out);
    }

    private static List<String> all(String one, List<String> many) {
        List<String> l = new ArrayList<>(many);
        if (one != null) l.add(0, one);
        return l;
    }

    private static void check(String element, String field, String value, Source source, List<Value> out) {
        if (!Unknowns.has(value)) return;
        Set<String> params = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        sort(value, params, others);
        if (params.isEmpty() && others.isEmpty()) others.add(value); // braces that do not pair up
        out.add(new Value(element, field, value, List.copyOf(params), List.copyOf(others), source));
    }

    /** {name} is a parameter; an unknown made of others (cidrSubnet({vnetPrefix}, 24, 0)) names the parameters inside. */
    private static void sort(String text, Set<String> params, Set<String> others) {
        for (String u : Unknowns.in(text)) {
            if (DEPLOYMENT.contains(u)) others.add(u);
            else if (PARAMETER.matcher(u).matches()) params.add(u.substring(1, u.length() - 1));
            else {
                int before = params.size();
                sort(u.substring(1, u.length() - 1), params, others);
                if (params.size() == before) others.add(u);
            }
        }
    }

    private static List<Value> dedupe(List<Value> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
