package minet.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The whole design: a value. Every edit maps one Design to the next (see {@code minet.edit}).
 * References between elements are by id, compared without case as ARM does. {@code state}: whether it is what the
 * user asks for (a template, a plan, a drawing) or what exists in Azure (az CLI output, Terraform state).
 */
public record Design(String name, List<VirtualNetwork> virtualNetworks, List<SecurityGroup> securityGroups,
                     List<RouteTable> routeTables, List<ManagedInstance> managedInstances,
                     List<ExternalNetwork> externalNetworks, Layout layout, List<ImportNote> importNotes,
                     @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DesignState.Desired.class) DesignState state,
                     List<FailoverGroup> failoverGroups, List<GatewayConnection> gatewayConnections) {

    public Design {
        virtualNetworks = Lists.copy(virtualNetworks);
        securityGroups = Lists.copy(securityGroups);
        routeTables = Lists.copy(routeTables);
        managedInstances = Lists.copy(managedInstances);
        externalNetworks = Lists.copy(externalNetworks);
        importNotes = Lists.copy(importNotes);
        failoverGroups = Lists.copy(failoverGroups);
        gatewayConnections = Lists.copy(gatewayConnections);
        if (layout == null) layout = Layout.EMPTY;
        if (state == null) state = DesignState.DESIRED;
    }

    /** A desired state (what the user asks for). */
    public Design(String name, List<VirtualNetwork> virtualNetworks, List<SecurityGroup> securityGroups,
                  List<RouteTable> routeTables, List<ManagedInstance> managedInstances,
                  List<ExternalNetwork> externalNetworks, Layout layout, List<ImportNote> importNotes) {
        this(name, virtualNetworks, securityGroups, routeTables, managedInstances, externalNetworks, layout, importNotes, DesignState.DESIRED,
                List.of(), List.of());
    }

    public static Design empty(String name) {
        return new Design(name, List.of(), List.of(), List.of(), List.of(), List.of(), Layout.EMPTY, List.of());
    }

    // ---- look-ups (by ID without case; a large design is indexed once per value, see DesignIndex) ----

    public Optional<SecurityGroup> securityGroup(String id) {
        DesignIndex ix = DesignIndex.of(this);
        if (ix != null) return id == null ? Optional.empty() : Optional.ofNullable(ix.securityGroups.get(DesignIndex.key(id)));
        return securityGroups.stream().filter(g -> Lists.sameId(g.id(), id)).findFirst();
    }

    public Optional<RouteTable> routeTable(String id) {
        DesignIndex ix = DesignIndex.of(this);
        if (ix != null) return id == null ? Optional.empty() : Optional.ofNullable(ix.routeTables.get(DesignIndex.key(id)));
        return routeTables.stream().filter(t -> Lists.sameId(t.id(), id)).findFirst();
    }

    public Stream<Subnet> subnets() {
        return virtualNetworks.stream().flatMap(v -> v.subnets().stream());
    }

    public Optional<Subnet> subnet(String id) {
        DesignIndex ix = DesignIndex.of(this);
        if (ix != null) return id == null ? Optional.empty() : Optional.ofNullable(ix.subnets.get(DesignIndex.key(id)));
        return subnets().filter(s -> Lists.sameId(s.id(), id)).findFirst();
    }

    public Optional<VirtualNetwork> vnetOf(Subnet s) {
        DesignIndex ix = DesignIndex.of(this);
        if (ix != null) return s.id() == null ? Optional.empty() : Optional.ofNullable(ix.vnetOfSubnet.get(DesignIndex.key(s.id())));
        return virtualNetworks.stream().filter(v -> v.subnets().stream().anyMatch(x -> Lists.sameId(x.id(), s.id()))).findFirst();
    }

    public List<ManagedInstance> instancesIn(Subnet s) {
        DesignIndex ix = DesignIndex.of(this);
        if (ix != null) return s.id() == null ? List.of() : ix.instancesBySubnet.getOrDefault(DesignIndex.key(s.id()), List.of());
        return managedInstances.stream().filter(m -> Lists.sameId(m.subnetId(), s.id())).toList();
    }

    /**
     * rules.md "MI subnet": an instance points at it, it is delegated to Microsoft.Sql/managedInstances, it holds
     * a virtual cluster's navigation link, or the user marked it.
     */
    public boolean isMiSubnet(Subnet s) {
        return s.markedMi() || s.delegatedToMi() || !instancesIn(s).isEmpty()
                || s.resources().stream().anyMatch(r -> SubnetResource.VIRTUAL_CLUSTER.equalsIgnoreCase(r.kind()));
    }

    public List<Subnet> miSubnets() {
        return subnets().filter(this::isMiSubnet).toList();
    }

    // ---- edits (each returns a new Design) ----

    public Design withName(String v) { return new Design(v, virtualNetworks, securityGroups, routeTables, managedInstances, externalNetworks, layout, importNotes, state, failoverGroups, gatewayConnections); }
    public Design withVirtualNetworks(List<VirtualNetwork> v) { return new Design(name, v, securityGroups, routeTables, managedInstances, externalNetworks, layout, importNotes, state, failoverGroups, gatewayConnections); }
    public Design withSecurityGroups(List<SecurityGroup> v) { return new Design(name, virtualNetworks, v, routeTables, managedInstances, externalNetworks, layout, importNotes, state, failoverGroups, gatewayConnections); }
    public Design withRouteTables(List<RouteTable> v) { return new Design(name, virtualNetworks, securityGroups, v, managedInstances, externalNetworks, layout, importNotes, state, failoverGroups, gatewayConnections); }
    public Design withManagedInstances(List<ManagedInstance> v) { return new Design(name, virtualNetworks, securityGroups, routeTables, v, externalNetworks, layout, importNotes, state, failoverGroups, gatewayConnections); }
    public Design withExternalNetworks(List<ExternalNetwork> v) { return new Design(name, virtualNetworks, securityGroups, routeTables, managedInstances, v, layout, importNotes, state, failoverGroups, gatewayConnections); }
    public Design withLayout(Layout v) { return new Design(name, virtualNetworks, securityGroups, routeTables, managedInstances, externalNetworks, v, importNotes, state, failoverGroups, gatewayConnections); }
    public Design withImportNotes(List<ImportNote> v) { return new Design(name, virtualNetworks, securityGroups, routeTables, managedInstances, externalNetworks, layout, v, state, failoverGroups, gatewayConnections); }

    public Design withState(DesignState v) { return new Design(name, virtualNetworks, securityGroups, routeTables, managedInstances, externalNetworks, layout, importNotes, v, failoverGroups, gatewayConnections); }

    public Design withFailoverGroups(List<FailoverGroup> v) { return new Design(name, virtualNetworks, securityGroups, routeTables, managedInstances, externalNetworks, layout, importNotes, state, v, gatewayConnections); }
    public Design withGatewayConnections(List<GatewayConnection> v) { return new Design(name, virtualNetworks, securityGroups, routeTables, managedInstances, externalNetworks, layout, importNotes, state, failoverGroups, v); }

    public Optional<ManagedInstance> managedInstance(String id) {
        return managedInstances.stream().filter(m -> Lists.sameId(m.id(), id)).findFirst();
    }

    // An ID names the first element that has it, for edits as for look-ups: where two share one (NET-DUPLICATE),
    // an edit of one must not overwrite the other.

    public Design mapSubnet(String subnetId, UnaryOperator<Subnet> f) {
        return withVirtualNetworks(Lists.replaceFirst(virtualNetworks,
                v -> v.subnets().stream().anyMatch(s -> Lists.sameId(s.id(), subnetId)),
                v -> v.withSubnets(Lists.replaceFirst(v.subnets(), s -> Lists.sameId(s.id(), subnetId), f))));
    }

    public Design mapSecurityGroup(String id, UnaryOperator<SecurityGroup> f) {
        return withSecurityGroups(Lists.replaceFirst(securityGroups, g -> Lists.sameId(g.id(), id), f));
    }

    public Design mapRouteTable(String id, UnaryOperator<RouteTable> f) {
        return withRouteTables(Lists.replaceFirst(routeTables, t -> Lists.sameId(t.id(), id), f));
    }

    public Design mapVirtualNetwork(String id, UnaryOperator<VirtualNetwork> f) {
        return withVirtualNetworks(Lists.replaceFirst(virtualNetworks, v -> Lists.sameId(v.id(), id), f));
    }

    public Design mapManagedInstance(String id, UnaryOperator<ManagedInstance> f) {
        return withManagedInstances(Lists.replaceFirst(managedInstances, m -> Lists.sameId(m.id(), id), f));
    }
}
