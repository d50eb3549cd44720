package minet.io.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.io.azcli.At;
import minet.io.azcli.DesignAssembler;
import minet.io.azcli.ResourceId;
import minet.model.Access;
import minet.model.Design;
import minet.model.DesignState;
import minet.model.Direction;
import minet.model.ImportNote;
import minet.model.FailoverGroup;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Source;
import minet.model.Subnet;
import minet.model.VirtualNetwork;

/**
 * Reads {@code terraform show -json} of a plan ({@code planned_values}) or of a state ({@code values}), root module
 * and child modules, for the azurerm resources that make an MI's network.
 *
 * <p>How resources are linked, in this order, so that a plan (where IDs of new resources are unknown until apply)
 * links as well as a state:
 * <ol>
 * <li>A resource's key is its {@code id} when known (state, or a plan's unchanged resource), else its Terraform
 *     address ({@code module.net.azurerm_subnet.mi}); the design uses that key as the element's ID.</li>
 * <li>An ID attribute ({@code subnet_id}, {@code network_security_group_id}, {@code route_table_id}) with a known
 *     value is matched by ID, without case.</li>
 * <li>An unknown one is followed through the plan's {@code configuration}: the expression's {@code references}
 *     name the resource ({@code azurerm_subnet.mi.id}), also through a child module's output
 *     ({@code module.net.subnet_id}). With {@code count}/{@code for_each} the reference must name the index, or the
 *     referring resource must have the same index as the target; otherwise the link is reported, not guessed.</li>
 * <li>Name attributes ({@code virtual_network_name}, {@code network_security_group_name},
 *     {@code route_table_name}) are matched with the resource group against the resources' names.</li>
 * </ol>
 * A reference that none of these resolves becomes an IMPORT-MISSING-REF note. {@link #fromResources} maps resources
 * that a module as written gave (see {@code hcl.HclImporter}) the same way.
 */
public final class TerraformImporter {
    private static final String VNET = "azurerm_virtual_network";
    private static final String SUBNET = "azurerm_subnet";
    private static final String NSG = "azurerm_network_security_group";
    private static final String NSG_RULE = "azurerm_network_security_rule";
    private static final String NSG_ASSOC = "azurerm_subnet_network_security_group_association";
    private static final String ROUTE_TABLE = "azurerm_route_table";
    private static final String ROUTE = "azurerm_route";
    private static final String RT_ASSOC = "azurerm_subnet_route_table_association";
    private static final String NAT_ASSOC = "azurerm_subnet_nat_gateway_association";
    private static final String NAT_GATEWAY = "azurerm_nat_gateway";
    private static final String PEERING = "azurerm_virtual_network_peering";
    private static final List<String> INSTANCES = List.of("azurerm_mssql_managed_instance", "azurerm_sql_managed_instance");
    private static final List<String> FAILOVER_GROUPS = List.of("azurerm_mssql_managed_instance_failover_group", "azurerm_sql_managed_instance_failover_group");

    /**
     * One resource instance of a plan or state (or of a module as written, evaluated). {@code module} is "" for the
     * root or e.g. "module.net[0]"; {@code mode} "managed" or "data"; {@code index} as Terraform writes it (0, "key")
     * or null; {@code values} its attributes, with nested blocks as lists of objects.
     */
    public record Resource(At at, String address, String module, String mode, String type, String name, String index, At values) {
        String key() throws InputException {
            String id = blankToNull(values.text("id"));
            return id != null ? id : address;
        }
        Source source() { return at.source(); }
    }

    private final DesignAssembler out;
    private final At root;
    private final List<Resource> all = new ArrayList<>();
    private At configRoot;

    private TerraformImporter(DesignAssembler out, At root) {
        this.out = out;
        this.root = root;
    }

    public static Design load(List<JsonSource> sources) throws InputException {
        DesignAssembler out = new DesignAssembler();
        boolean live = false;
        for (JsonSource s : sources) live |= new TerraformImporter(out, At.root(s)).read(); // each file links within itself
        if (out.isEmpty()) {
            throw new InputException(sources.get(0).file(), "no azurerm virtual network, subnet, network security group, "
                    + "route table or SQL managed instance in this Terraform JSON");
        }
        // A state (values) is what exists; a plan (planned_values) what the user asks for.
        return out.build(DesignAssembler.designName(sources.get(0).file())).withState(live ? DesignState.LIVE : DesignState.DESIRED);
    }

    /** Reads one file; true when it is a state rather than a plan. */
    private boolean read() throws InputException {
        if (!root.isObject()) throw root.error("expected the output of terraform show -json, not " + At.kind(root.node()));
        Optional<At> values = root.object("planned_values");
        if (values.isEmpty()) values = root.object("values");
        if (values.isEmpty()) {
            throw root.error("neither planned_values (a plan) nor values (a state): expected the output of terraform show -json; "
                    + "an empty state has no values");
        }
        Optional<At> module = values.get().object("root_module");
        if (module.isPresent()) collect(module.get(), "");
        Optional<At> config = root.object("configuration");
        if (config.isPresent()) configRoot = config.get().object("root_module").orElse(null);

        map();
        return root.object("planned_values").isEmpty();
    }

    /**
     * The design of resources read elsewhere (a Terraform module as written, evaluated): mapped and linked as a
     * plan's are, with the notes of their reading. Null when none of them is an azurerm network resource.
     */
    public static Design fromResources(List<Resource> resources, List<ImportNote> notes, String designName, DesignState state)
            throws InputException {
        DesignAssembler out = new DesignAssembler();
        TerraformImporter t = new TerraformImporter(out, null);
        t.all.addAll(resources);
        t.map();
        if (out.isEmpty()) return null;
        for (ImportNote n : notes) out.note(n);
        return out.build(designName).withState(state);
    }

    private void map() throws InputException {
        // Subnet resources before VNets' inline blocks: in a state both list the same subnet, and the resource is
        // where the user declared it.
        for (Resource r : all) if (r.type.equals(SUBNET)) readSubnet(r);
        for (Resource r : all) if (r.type.equals(VNET)) readVnet(r);
        for (Resource r : all) if (r.type.equals(PEERING)) readPeering(r);
        for (Resource r : all) if (r.type.equals(NSG)) readSecurityGroup(r);
        for (Resource r : all) if (r.type.equals(ROUTE_TABLE)) readRouteTable(r);
        for (Resource r : all) if (r.type.equals(NSG_RULE)) readSecurityRule(r);
        for (Resource r : all) if (r.type.equals(ROUTE)) readRoute(r);
        for (Resource r : all) if (r.type.equals(NSG_ASSOC)) readAssociation(r, "network_security_group_id", NSG);
        for (Resource r : all) if (r.type.equals(RT_ASSOC)) readAssociation(r, "route_table_id", ROUTE_TABLE);
        for (Resource r : all) if (r.type.equals(NAT_ASSOC)) readAssociation(r, "nat_gateway_id", NAT_GATEWAY);
        for (Resource r : all) if (INSTANCES.contains(r.type)) readManagedInstance(r);
        for (Resource r : all) if (FAILOVER_GROUPS.contains(r.type)) readFailoverGroup(r);
    }

    private void collect(At module, String moduleAddress) throws InputException {
        for (At r : module.array("resources")) {
            if (!r.isObject()) throw r.error("a resource must be an object, not " + At.kind(r.node()));
            String type = r.text("type");
            String name = r.text("name");
            String address = r.text("address");
            if (type == null || name == null) throw r.error("a resource without type or name");
            String mode = r.text("mode") == null ? "managed" : r.text("mode");
            if (address == null) address = prefix(moduleAddress) + (mode.equals("data") ? "data." : "") + type + "." + name;
            Optional<At> values = r.object("values");
            if (values.isEmpty()) continue; // nothing known about it
            Resource res = new Resource(r, address, moduleAddress, mode, type, name, index(r), values.get());
            all.add(res);
        }
        for (At child : module.array("child_modules")) {
            if (!child.isObject()) throw child.error("a child module must be an object, not " + At.kind(child.node()));
            String address = child.text("address");
            collect(child, address == null ? moduleAddress : address);
        }
    }

    private static String index(At r) {
        return r.get("index").map(i -> i.node().isTextual() ? "\"" + i.node().asText() + "\"" : i.node().asText()).orElse(null);
    }

    private static String prefix(String module) { return module.isEmpty() ? "" : module + "."; }

    // ---- resources ----

    private void readVnet(Resource r) throws InputException {
        At v = r.values;
        String key = r.key();
        out.addVirtualNetwork(new VirtualNetwork(key, v.text("name"), v.text("location"), v.texts("address_space"),
                v.texts("dns_servers"), false, List.of(), List.of(), r.source()));
        // Inline subnet blocks (the older way of declaring subnets inside the VNet).
        for (At s : blocks(v, "subnet")) {
            String name = s.text("name");
            String id = blankToNull(s.text("id"));
            List<String> prefixes = new ArrayList<>(s.texts("address_prefixes"));
            String one = blankToNull(s.text("address_prefix"));
            if (one != null && !prefixes.contains(one)) prefixes.add(0, one);
            out.addSubnet(key, new Subnet(id != null ? id : key + "/subnets/" + name, name, prefixes,
                    blankToNull(s.text("security_group")), blankToNull(s.text("route_table_id")), s.texts("service_endpoints"),
                    List.of(), List.of(), false, s.source()));
        }
    }

    private void readSubnet(Resource r) throws InputException {
        At v = r.values;
        String key = r.key();
        String vnetKey = byName(r, "virtual_network_name", VNET);
        if (vnetKey == null) vnetKey = ResourceId.parent(blankToNull(v.text("id")));
        if (vnetKey == null) vnetKey = v.text("virtual_network_name");
        if (vnetKey == null) throw r.at.error("subnet '" + r.address + "' has no virtual_network_name");
        List<String> prefixes = new ArrayList<>(v.texts("address_prefixes"));
        String one = blankToNull(v.text("address_prefix"));
        if (one != null && !prefixes.contains(one)) prefixes.add(0, one);
        List<String> delegations = new ArrayList<>();
        for (At d : blocks(v, "delegation")) {
            for (At sd : blocks(d, "service_delegation")) {
                String service = sd.text("name");
                if (service != null) delegations.add(service);
            }
        }
        // A data source (data.azurerm_subnet) reports its NSG and route table itself; a managed subnet has associations.
        out.addSubnet(vnetKey, new Subnet(key, v.text("name"), prefixes, blankToNull(v.text("network_security_group_id")),
                blankToNull(v.text("route_table_id")), v.texts("service_endpoints"), delegations, List.of(), false, r.source()));
    }

    private void readSecurityGroup(Resource r) throws InputException {
        List<SecurityRule> rules = new ArrayList<>();
        for (At b : blocks(r.values, "security_rule")) rules.add(securityRule(b, b.source()));
        out.addSecurityGroup(new SecurityGroup(r.key(), r.values.text("name"), r.values.text("location"), rules, r.source()));
    }

    private void readSecurityRule(Resource r) throws InputException {
        String nsg = byName(r, "network_security_group_name", NSG);
        if (nsg == null) nsg = r.values.text("network_security_group_name");
        if (nsg == null) throw r.at.error("security rule '" + r.address + "' has no network_security_group_name");
        out.addSecurityRule(nsg, securityRule(r.values, r.source()));
    }

    private static SecurityRule securityRule(At b, Source source) throws InputException {
        return new SecurityRule(b.text("name"), blankToNull(b.text("description")), b.integer("priority"),
                b.parse("direction", Direction::parse), b.parse("access", Access::parse), blankToNull(b.text("protocol")),
                blankToNull(b.text("source_port_range")), b.texts("source_port_ranges"),
                blankToNull(b.text("destination_port_range")), b.texts("destination_port_ranges"),
                blankToNull(b.text("source_address_prefix")), b.texts("source_address_prefixes"),
                blankToNull(b.text("destination_address_prefix")), b.texts("destination_address_prefixes"),
                b.texts("source_application_security_group_ids"), b.texts("destination_application_security_group_ids"),
                source);
    }

    private void readRouteTable(Resource r) throws InputException {
        At v = r.values;
        List<Route> routes = new ArrayList<>();
        for (At b : blocks(v, "route")) routes.add(route(b, b.source()));
        // azurerm 4.x replaced disable_bgp_route_propagation with its opposite, bgp_route_propagation_enabled.
        Boolean disabled = v.bool("disable_bgp_route_propagation");
        if (disabled == null) {
            Boolean enabled = v.bool("bgp_route_propagation_enabled");
            disabled = enabled != null && !enabled;
        }
        out.addRouteTable(new RouteTable(r.key(), v.text("name"), v.text("location"), disabled, routes, r.source()));
    }

    private void readRoute(Resource r) throws InputException {
        String table = byName(r, "route_table_name", ROUTE_TABLE);
        if (table == null) table = r.values.text("route_table_name");
        if (table == null) throw r.at.error("route '" + r.address + "' has no route_table_name");
        out.addRoute(table, route(r.values, r.source()));
    }

    private static Route route(At b, Source source) throws InputException {
        return new Route(b.text("name"), blankToNull(b.text("address_prefix")), blankToNull(b.text("next_hop_type")),
                blankToNull(b.text("next_hop_in_ip_address")), source);
    }

    private void readAssociation(Resource r, String attribute, String targetType) throws InputException {
        String subnet = reference(r, "subnet_id", SUBNET);
        String target = reference(r, attribute, targetType);
        if (subnet == null || target == null) {
            out.note(new ImportNote(DesignAssembler.MISSING_REF, "warning", r.address, "cannot tell which "
                    + (subnet == null ? "subnet" : targetType.equals(NSG) ? "network security group" : targetType.equals(NAT_GATEWAY) ? "NAT gateway" : "route table")
                    + " " + r.address + " refers to: its value is unknown until apply and the plan's configuration does not "
                    + "name the resource; the association is left out", r.source()));
            return;
        }
        if (targetType.equals(NSG)) out.linkSecurityGroup(subnet, target, r.source());
        else if (targetType.equals(NAT_GATEWAY)) out.linkNatGateway(subnet, target, r.source());
        else out.linkRouteTable(subnet, target, r.source());
        if (!isKnown(subnet, SUBNET)) {
            out.note(new ImportNote(DesignAssembler.MISSING_REF, "warning", r.address, r.address + " associates subnet '"
                    + subnet + "', which is not in the input; the association is left out", r.source()));
        }
    }

    /** {@code azurerm_virtual_network_peering}: the VNet by virtual_network_name, the remote by its id (or the resource it references). */
    private void readPeering(Resource r) throws InputException {
        String vnet = byName(r, "virtual_network_name", VNET);
        if (vnet == null) vnet = r.values.text("virtual_network_name");
        String remote = reference(r, "remote_virtual_network_id", VNET);
        if (vnet == null || remote == null) {
            out.note(new ImportNote(DesignAssembler.MISSING_REF, "warning", r.address, "cannot tell which virtual networks " + r.address
                    + " peers: its names are unknown until apply and the configuration does not name the resources", r.source()));
            return;
        }
        String name = r.values.text("name") != null ? r.values.text("name") : r.address;
        out.addPeering(vnet, new Peering(name, remote, List.of(), false));
    }

    private void readManagedInstance(Resource r) throws InputException {
        At v = r.values;
        String subnet = reference(r, "subnet_id", SUBNET);
        if (subnet == null) {
            out.note(new ImportNote(DesignAssembler.MISSING_REF, "warning", "managedInstances/" + v.text("name"),
                    "cannot tell which subnet managed instance '" + v.text("name") + "' (" + r.address + ") is in: "
                            + "subnet_id is unknown until apply and the plan's configuration does not name the subnet", r.source()));
        }
        Integer vCores = v.integer("vcores");
        String skuName = v.text("sku_name"), proxy = v.text("proxy_override");
        ManagedInstance.Tier t = InputException.parsing(() -> ManagedInstance.Tier.parse(skuName), m -> v.error("sku_name: " + m));
        ManagedInstance.ConnectionType c = InputException.parsing(() -> ManagedInstance.ConnectionType.parse(proxy), m -> v.error("proxy_override: " + m));
        String partner = reference(r, "dns_zone_partner_id", INSTANCES.get(0));
        if (partner == null) partner = reference(r, "dns_zone_partner_id", INSTANCES.get(1));
        out.addManagedInstance(new ManagedInstance(r.key(), v.text("name"), subnet, t,
                vCores == null ? 0 : vCores, c,
                v.bool("public_data_endpoint_enabled", false), null, v.text("location"), blankToNull(v.text("dns_zone")),
                null, r.source(), partner));
    }

    /**
     * {@code azurerm_mssql_managed_instance_failover_group}: {@code managed_instance_id} is the primary,
     * {@code partner_managed_instance_id} the secondary (the older sql_ resource names them the same way).
     */
    private void readFailoverGroup(Resource r) throws InputException {
        At v = r.values;
        String primary = reference(r, "managed_instance_id", INSTANCES.get(0));
        if (primary == null) primary = reference(r, "managed_instance_id", INSTANCES.get(1));
        String partner = reference(r, "partner_managed_instance_id", INSTANCES.get(0));
        if (partner == null) partner = reference(r, "partner_managed_instance_id", INSTANCES.get(1));
        if (primary == null || partner == null) {
            out.note(new ImportNote(DesignAssembler.MISSING_REF, "warning", "failoverGroups/" + v.text("name"), "cannot tell which managed instances failover group '"
                    + v.text("name") + "' (" + r.address + ") pairs: the instance ids are unknown until apply and the configuration does not name them", r.source()));
            return;
        }
        String name = v.text("name") != null ? v.text("name") : r.address;
        out.addFailoverGroup(new FailoverGroup(r.key(), name, primary, partner, r.source()));
    }

    // ---- links ----

    /**
     * The key of the resource an ID attribute points at: the known value, else the resource the configuration's
     * expression references. Null when neither tells.
     */
    private String reference(Resource from, String attribute, String targetType) throws InputException {
        String known = blankToNull(from.values.text(attribute));
        if (known != null) return known;
        Resource target = followConfiguration(from, attribute, targetType);
        return target == null ? null : target.key();
    }

    private boolean isKnown(String key, String type) throws InputException {
        for (Resource r : all) if (r.type.equals(type) && key.equalsIgnoreCase(r.key())) return true;
        if (type.equals(SUBNET)) {
            // inline subnet blocks of a VNet
            for (Resource r : all) {
                if (!r.type.equals(VNET)) continue;
                for (At s : blocks(r.values, "subnet")) {
                    String id = blankToNull(s.text("id"));
                    if (key.equalsIgnoreCase(id != null ? id : r.key() + "/subnets/" + s.text("name"))) return true;
                }
            }
        }
        return false;
    }

    /** A name attribute matched against the names of resources of {@code type} (and the resource group, when both say one). */
    private String byName(Resource from, String attribute, String type) throws InputException {
        String name = from.values.text(attribute);
        String group = from.values.text("resource_group_name");
        if (name == null) {
            Resource target = followConfiguration(from, attribute, type);
            return target == null ? null : target.key();
        }
        Resource found = null;
        for (Resource r : all) {
            if (!r.type.equals(type) || !name.equalsIgnoreCase(r.values.text("name"))) continue;
            String g = r.values.text("resource_group_name");
            if (group != null && g != null && !group.equalsIgnoreCase(g)) continue;
            if (found != null) return followOrNull(from, attribute, type); // two with that name: only a reference can tell
            found = r;
        }
        return found == null ? followOrNull(from, attribute, type) : found.key();
    }

    private String followOrNull(Resource from, String attribute, String type) throws InputException {
        Resource target = followConfiguration(from, attribute, type);
        return target == null ? null : target.key();
    }

    /** The planned resource that the configuration's expression for {@code attribute} references, or null. */
    private Resource followConfiguration(Resource from, String attribute, String type) throws InputException {
        if (configRoot == null) return null;
        At module = configModule(from.module);
        if (module == null) return null;
        At resource = null;
        for (At c : module.array("resources")) {
            String mode = c.text("mode") == null ? "managed" : c.text("mode");
            if (from.type.equals(c.text("type")) && from.name.equals(c.text("name")) && from.mode.equals(mode)) resource = c;
        }
        if (resource == null) return null;
        Optional<At> expressions = resource.object("expressions");
        if (expressions.isEmpty()) return null;
        Optional<At> expr = expressions.get().get(attribute);
        if (expr.isEmpty() || !expr.get().isObject()) return null;
        return resolve(expr.get().texts("references"), from.module, from.index, type, 0);
    }

    private Resource resolve(List<String> references, String module, String index, String type, int depth) throws InputException {
        if (depth > 10) return null;
        for (String ref : references) {
            String[] parts = ref.split("\\.");
            if (parts.length >= 3 && parts[0].equals("module")) {
                // module.<call>.<output>: follow the child module's output expression
                String call = parts[1];
                String callName = call.replaceAll("\\[.*$", "");
                At child = configModule(prefix(module) + "module." + callName);
                if (child == null) continue;
                Optional<At> outputs = child.object("outputs");
                if (outputs.isEmpty()) continue;
                Optional<At> output = outputs.get().object(parts[2]);
                if (output.isEmpty()) continue;
                Optional<At> expr = output.get().object("expression");
                if (expr.isEmpty()) continue;
                Resource r = resolve(expr.get().texts("references"), prefix(module) + "module." + call, index, type, depth + 1);
                if (r != null) return r;
                continue;
            }
            boolean data = parts[0].equals("data");
            int t = data ? 1 : 0;
            if (parts.length < t + 2 || !parts[t].equals(type)) continue;
            String nameAndIndex = parts[t + 1];
            String name = nameAndIndex.replaceAll("\\[.*$", "");
            int open = nameAndIndex.indexOf('[');
            int close = nameAndIndex.lastIndexOf(']');
            String refIndex = open >= 0 && close > open ? nameAndIndex.substring(open + 1, close) : null;
            List<Resource> candidates = new ArrayList<>();
            for (Resource r : all) {
                if (!sameModule(r.module, module) || !r.type.equals(type) || !r.name.equals(name) || r.mode.equals("data") != data) continue;
                candidates.add(r);
            }
            if (refIndex != null) {
                for (Resource r : candidates) if (refIndex.equals(r.index)) return r;
            } else if (candidates.size() == 1) {
                return candidates.get(0);
            } else {
                for (Resource r : candidates) if (index != null && index.equals(r.index)) return r;
            }
            if (!candidates.isEmpty()) return null; // ambiguous: do not guess
        }
        return null;
    }

    /** Child module instances (module.net[0]) share their configuration; compare addresses with indexes as written. */
    private static boolean sameModule(String a, String b) {
        return a.equals(b) || a.replaceAll("\\[[^\\]]*\\]", "").equals(b) && !b.contains("[");
    }

    /** The configuration of a module address ("" root, "module.a.module.b"), or null. */
    private At configModule(String moduleAddress) throws InputException {
        At m = configRoot;
        if (moduleAddress.isEmpty()) return m;
        String[] parts = moduleAddress.replaceAll("\\[[^\\]]*\\]", "").split("\\.");
        for (int i = 0; i + 1 < parts.length && m != null; i += 2) {
            Optional<At> calls = m.object("module_calls");
            if (calls.isEmpty()) return null;
            Optional<At> call = calls.get().object(parts[i + 1]);
            if (call.isEmpty()) return null;
            m = call.get().object("module").orElse(null);
        }
        return m;
    }

    /** A nested block list (Terraform gives blocks as JSON lists of objects). */
    private static List<At> blocks(At v, String key) throws InputException {
        List<At> all = v.array(key);
        for (At b : all) if (!b.isObject()) throw b.error("each '" + key + "' block must be an object, not " + At.kind(b.node()));
        return all;
    }

    private static String blankToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
