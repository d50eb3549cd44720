package minet.rules.check;

import static minet.rules.check.Findings.details;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.ImportNote;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.ResourcePaths;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.Source;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.Unknowns;
import minet.model.VirtualNetwork;
import minet.rules.Catalog;
import minet.rules.Severity;

/**
 * NET-REFERENCE, NET-NAME, NET-DUPLICATE: the design holds together. Without them a broken link makes other checks
 * fall silent (an instance whose subnet ID has a typo leaves its subnet an ordinary one, and every MI finding
 * disappears), and an export writes resources Azure refuses or two resources of one name.
 * <p>
 * A reference to an element the input could not hold (a template that deploys into an existing VNet, the az CLI
 * output of some resources only) is not a typo: the importer says so in an IMPORT-REFERENCE or IMPORT-MISSING-REF
 * note that names it, and that note is the one finding about it. A design file is whole: what it refers to must be in it.
 */
final class IntegrityChecks {
    private IntegrityChecks() {}

    /** Azure's rule for subnets, NSGs, route tables, routes, peerings (and security rules): 1–80 characters. */
    private static final Pattern NAME_80 = NsgHygieneChecks.NAME;
    /** Virtual networks: the same characters, 2–64 of them. */
    private static final Pattern VNET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]");
    /** Managed instances (a global DNS name): 1–63 lower-case letters, digits and hyphens, no hyphen first or last. */
    private static final Pattern MI_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String RULE_80 = "1–80 letters, digits, '_', '.', '-', starting with a letter or digit and ending with a letter, digit or '_'";
    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?i)/resourceGroups/([^/]+)");

    static void run(Design d, Findings out) {
        references(d, out);
        names(d, out);
        duplicates(d, out);
    }

    // ---- NET-REFERENCE ----

    private static void references(Design d, Findings out) {
        for (ManagedInstance m : d.managedInstances()) {
            String path = ResourcePaths.instance(m), label = label("Managed instance", m.name(), m.id()), ref = m.subnetId();
            if (blank(ref)) {
                if (d.importNotes().stream().noneMatch(n -> n.resource() != null && n.resource().equalsIgnoreCase(path))) {
                    out.add(Catalog.NET_REFERENCE, Severity.ERROR, path, label + " is in no subnet: set its subnet, or the rules of its subnet cannot be checked",
                            details("instanceId", m.id(), "problem", "missingSubnet"), m.id(), m.source());
                }
            } else if (d.subnet(ref).isEmpty() && !toldOf(d, ref)) {
                out.add(Catalog.NET_REFERENCE, Severity.ERROR, path, label + " is in subnet '" + ref
                        + "', which is not in the design: correct the subnet ID, or the rules of its subnet cannot be checked",
                        details("instanceId", m.id(), "problem", "unknownSubnet", "subnetId", ref), m.id(), m.source());
            }
        }
        for (VirtualNetwork v : d.virtualNetworks()) {
            for (Subnet s : v.subnets()) {
                if (d.isMiSubnet(s)) continue; // MI-SUBNET-NSG and MI-SUBNET-ROUTE-TABLE report these for an MI subnet
                String path = ResourcePaths.subnet(v, s), label = label("Subnet", s.name(), s.id());
                if (!blank(s.nsgId()) && d.securityGroup(s.nsgId()).isEmpty() && !toldOf(d, s.nsgId())) {
                    out.add(Catalog.NET_REFERENCE, Severity.ERROR, path, label + " uses network security group '" + s.nsgId() + "', which is not in the design",
                            details("subnetId", s.id(), "problem", "unknownNsg", "nsgId", s.nsgId()), s.id(), s.source());
                }
                if (!blank(s.routeTableId()) && d.routeTable(s.routeTableId()).isEmpty() && !toldOf(d, s.routeTableId())) {
                    out.add(Catalog.NET_REFERENCE, Severity.ERROR, path, label + " uses route table '" + s.routeTableId() + "', which is not in the design",
                            details("subnetId", s.id(), "problem", "unknownRouteTable", "routeTableId", s.routeTableId()), s.id(), s.source());
                }
            }
        }
        for (ExternalNetwork e : d.externalNetworks()) {
            String gw = e.gatewayId();
            if (blank(gw) || isGateway(d, gw) || toldOf(d, gw)) continue;
            out.add(Catalog.NET_REFERENCE, Severity.ERROR, ResourcePaths.external(e), external(e) + " is reached through gateway '" + gw
                            + "', which is not a virtual network gateway of the design: its addresses are not counted as the VNet's",
                    details("externalId", e.id(), "problem", "unknownGateway", "gatewayId", gw), e.id(), e.source());
        }
    }

    /** As {@link minet.rules.eval.AddressSpace#reachesThrough}: a gateway in a subnet, by ID or name. */
    private static boolean isGateway(Design d, String id) {
        return d.subnets().flatMap(s -> s.resources().stream())
                .anyMatch(r -> SubnetResource.GATEWAY.equalsIgnoreCase(r.kind()) && (id.equalsIgnoreCase(r.id()) || id.equalsIgnoreCase(r.name())));
    }

    /** A value not known offline, or a reference an importer's note already names as outside the input. */
    private static boolean toldOf(Design d, String ref) {
        if (Unknowns.has(ref)) return true;
        String r = ref.toLowerCase(Locale.ROOT);
        for (ImportNote n : d.importNotes()) {
            if (n.ruleId() != null && n.ruleId().startsWith("IMPORT-") && n.message() != null
                    && n.message().toLowerCase(Locale.ROOT).contains(r)) return true;
        }
        return false;
    }

    // ---- NET-NAME ----

    private static void names(Design d, Findings out) {
        for (VirtualNetwork v : d.virtualNetworks()) {
            name(out, "Virtual network", v.name(), v.id(), "", VNET_NAME, "2–64 letters, digits, '_', '.', '-', starting with a letter or digit and ending with a letter, digit or '_'",
                    ResourcePaths.vnet(v), v.id(), v.source());
            for (Peering p : v.peerings()) {
                name(out, "Peering", p.name(), null, " of virtual network '" + v.name() + "'", NAME_80, RULE_80, ResourcePaths.vnet(v), v.id(), v.source());
            }
            for (Subnet s : v.subnets()) {
                name(out, "Subnet", s.name(), s.id(), "", NAME_80, RULE_80, ResourcePaths.subnet(v, s), s.id(), s.source());
            }
        }
        for (SecurityGroup g : d.securityGroups()) {
            name(out, "Network security group", g.name(), g.id(), "", NAME_80, RULE_80, ResourcePaths.nsg(g), g.id(), g.source());
        }
        for (RouteTable t : d.routeTables()) {
            name(out, "Route table", t.name(), t.id(), "", NAME_80, RULE_80, ResourcePaths.routeTable(t), t.id(), t.source());
            for (Route r : t.routes()) {
                name(out, "Route", r.name(), null, " in route table '" + t.name() + "'", NAME_80, RULE_80, ResourcePaths.route(t, r), t.id(),
                        r.source() != null ? r.source() : t.source());
            }
        }
        for (ManagedInstance m : d.managedInstances()) {
            name(out, "Managed instance", m.name(), m.id(), "", MI_NAME, "1–63 lower-case letters, digits and hyphens, not starting or ending with a hyphen",
                    ResourcePaths.instance(m), m.id(), m.source());
        }
        for (ExternalNetwork e : d.externalNetworks()) {
            if (blank(e.id())) {
                out.add(Catalog.NET_NAME, Severity.ERROR, ResourcePaths.external(e), external(e) + " has no ID; references to it cannot be made",
                        details("problem", "missingId"), null, e.source());
            }
        }
    }

    /**
     * One element's name, and its ID: {@code in} is empty for an element with an ID of its own, else where it is
     * (" in route table 'rt'": routes and peerings have no ID). A name not known offline cannot be judged.
     */
    private static void name(Findings out, String kind, String name, String id, String in, Pattern rule, String ruleText,
                             String path, String elementId, Source src) {
        if (in.isEmpty() && blank(id)) {
            out.add(Catalog.NET_NAME, Severity.ERROR, path, kind + (blank(name) ? "" : " '" + name + "'") + " has no ID; references to it cannot be made",
                    details("problem", "missingId", "name", name), elementId, src);
        }
        if (blank(name)) {
            out.add(Catalog.NET_NAME, Severity.ERROR, path, kind + (blank(id) ? "" : " with ID '" + id + "'") + in + " has no name; Azure needs one",
                    details("problem", "missingName", "id", id), elementId, src);
        } else if (!Unknowns.has(name) && !rule.matcher(name).matches()) {
            out.add(Catalog.NET_NAME, Severity.ERROR, path, kind + " '" + name + "'" + in + " has a name Azure does not accept: " + ruleText,
                    details("problem", "invalidName", "name", name, "id", id), elementId, src);
        }
    }

    // ---- NET-DUPLICATE ----

    private static void duplicates(Design d, Findings out) {
        // IDs: every element of the design, whatever its kind (references, selection and layout go by ID).
        Map<String, String[]> ids = new HashMap<>();
        Set<String> dupIds = new HashSet<>();
        for (VirtualNetwork v : d.virtualNetworks()) {
            id(out, ids, dupIds, v.id(), label("Virtual network", v.name(), v.id()), ResourcePaths.vnet(v), v.source());
            for (Subnet s : v.subnets()) id(out, ids, dupIds, s.id(), label("Subnet", s.name(), s.id()), ResourcePaths.subnet(v, s), s.source());
        }
        for (SecurityGroup g : d.securityGroups()) id(out, ids, dupIds, g.id(), label("Network security group", g.name(), g.id()), ResourcePaths.nsg(g), g.source());
        for (RouteTable t : d.routeTables()) id(out, ids, dupIds, t.id(), label("Route table", t.name(), t.id()), ResourcePaths.routeTable(t), t.source());
        for (ManagedInstance m : d.managedInstances()) id(out, ids, dupIds, m.id(), label("Managed instance", m.name(), m.id()), ResourcePaths.instance(m), m.source());
        for (ExternalNetwork e : d.externalNetworks()) id(out, ids, dupIds, e.id(), external(e), ResourcePaths.external(e), e.source());

        // Names, in the scope Azure keeps them unique in (elements already reported for their ID are left out).
        Map<String, String> names = new HashMap<>();
        for (VirtualNetwork v : d.virtualNetworks()) {
            name(out, names, dupIds, "virtual networks of a resource group", group(v.id()) + "/vnet", v.name(), v.id(), ResourcePaths.vnet(v), v.source());
            for (Subnet s : v.subnets()) {
                name(out, names, dupIds, "subnets of virtual network '" + v.name() + "'", v.id() + "/subnet", s.name(), s.id(), ResourcePaths.subnet(v, s), s.source());
            }
        }
        for (SecurityGroup g : d.securityGroups()) {
            name(out, names, dupIds, "network security groups of a resource group", group(g.id()) + "/nsg", g.name(), g.id(), ResourcePaths.nsg(g), g.source());
        }
        for (RouteTable t : d.routeTables()) {
            name(out, names, dupIds, "route tables of a resource group", group(t.id()) + "/rt", t.name(), t.id(), ResourcePaths.routeTable(t), t.source());
            Map<String, Route> routes = new HashMap<>();
            for (Route r : t.routes()) {
                if (blank(r.name())) continue;
                Route first = routes.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r);
                if (first == null) continue;
                out.add(Catalog.NET_DUPLICATE, Severity.ERROR, ResourcePaths.route(t, r), "Route table '" + t.name() + "' has two routes named '" + r.name()
                        + "' (" + first.addressPrefix() + " and " + r.addressPrefix() + "); Azure keeps one route per name (names compare without case)",
                        details("routeTableId", t.id(), "problem", "duplicateRouteName", "route", r.name()), t.id(), r.source() != null ? r.source() : t.source());
            }
        }
        for (ManagedInstance m : d.managedInstances()) {
            name(out, names, dupIds, "managed instances (names are global)", "global/mi", m.name(), m.id(), ResourcePaths.instance(m), m.source());
        }
    }

    private static void id(Findings out, Map<String, String[]> seen, Set<String> dupIds, String id, String label, String path, Source src) {
        if (blank(id)) return;
        String key = id.toLowerCase(Locale.ROOT);
        String[] first = seen.putIfAbsent(key, new String[] {Character.toLowerCase(label.charAt(0)) + label.substring(1), id});
        if (first == null) return;
        dupIds.add(key);
        out.add(Catalog.NET_DUPLICATE, Severity.ERROR, path, label + " has the ID '" + id + "', the same as " + first[0]
                + (first[1].equals(id) ? "" : " ('" + first[1] + "': IDs compare without case)") + "; references to either are ambiguous",
                details("problem", "duplicateId", "id", id, "otherId", first[1]), id, src);
    }

    /** {@code what}: the elements whose names must differ, e.g. "subnets of virtual network 'v'". */
    private static void name(Findings out, Map<String, String> seen, Set<String> dupIds, String what, String scope, String name, String id,
                             String path, Source src) {
        if (blank(name) || Unknowns.has(name) || id != null && dupIds.contains(id.toLowerCase(Locale.ROOT))) return;
        String first = seen.putIfAbsent(scope.toLowerCase(Locale.ROOT) + "\u0000" + name.toLowerCase(Locale.ROOT), name);
        if (first == null) return;
        out.add(Catalog.NET_DUPLICATE, Severity.ERROR, path, "Two " + what + " are named '" + name + "'"
                        + (first.equals(name) ? "" : " and '" + first + "'") + "; Azure compares names without case, so they would be one resource",
                details("problem", "duplicateName", "name", name, "id", id), id, src);
    }

    /** The resource group an ARM ID names, lower-cased; "" for a design's own IDs (one resource group). */
    private static String group(String id) {
        if (id == null) return "";
        Matcher m = RESOURCE_GROUP.matcher(id);
        return m.find() ? m.group(1) : "";
    }

    private static String external(ExternalNetwork e) {
        String kind = e.kind() == null ? "Outside network" : switch (e.kind()) {
            case ON_PREMISES -> "On-premises network";
            case PEERED_VNET -> "Peered network";
            case AZURE_SERVICE -> "Azure service";
            case MANAGEMENT -> "Management network";
            case CLIENT -> "Client network";
        };
        return label(kind, e.name(), e.id());
    }

    private static String label(String kind, String name, String id) {
        return blank(name) ? kind + " with ID '" + id + "'" : kind + " '" + name + "'";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
