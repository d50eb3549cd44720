package minet.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A subnet. {@code nsgId} and {@code routeTableId} refer to {@link SecurityGroup#id()} and {@link RouteTable#id()}
 * (compared without case, as ARM does). {@code markedMi} is the user's "this is an MI subnet" in the designer.
 * {@code natGatewayId}: the NAT gateway associated with the subnet (a resource ID; from 2020 an MI subnet may have none).
 */
public record Subnet(String id, String name, List<String> addressPrefixes, String nsgId, String routeTableId,
                     List<String> serviceEndpoints, List<String> delegations, List<SubnetResource> resources,
                     boolean markedMi, Source source, String natGatewayId) {
    public static final String MI_DELEGATION = "Microsoft.Sql/managedInstances";
    public static final String GATEWAY_SUBNET = "GatewaySubnet";

    public Subnet {
        addressPrefixes = Lists.copy(addressPrefixes);
        serviceEndpoints = Lists.copy(serviceEndpoints);
        delegations = Lists.copy(delegations);
        resources = Lists.copy(resources);
    }

    /** A subnet without a NAT gateway. */
    public Subnet(String id, String name, List<String> addressPrefixes, String nsgId, String routeTableId,
                  List<String> serviceEndpoints, List<String> delegations, List<SubnetResource> resources,
                  boolean markedMi, Source source) {
        this(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, resources, markedMi, source, null);
    }

    public static Subnet of(String id, String name, String prefix) {
        return new Subnet(id, name, List.of(prefix), null, null, List.of(), List.of(), List.of(), false, null);
    }

    /** The first prefix, or null: Azure returns either addressPrefix or addressPrefixes. */
    @JsonIgnore public String prefix() { return addressPrefixes.isEmpty() ? null : addressPrefixes.get(0); }

    @JsonIgnore public boolean delegatedToMi() {
        return delegations.stream().anyMatch(MI_DELEGATION::equalsIgnoreCase);
    }

    @JsonIgnore public boolean isGatewaySubnet() { return GATEWAY_SUBNET.equalsIgnoreCase(name); }

    public Subnet withName(String v) { return new Subnet(id, v, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, resources, markedMi, source, natGatewayId); }
    public Subnet withAddressPrefixes(List<String> v) { return new Subnet(id, name, v, nsgId, routeTableId, serviceEndpoints, delegations, resources, markedMi, source, natGatewayId); }
    public Subnet withNsgId(String v) { return new Subnet(id, name, addressPrefixes, v, routeTableId, serviceEndpoints, delegations, resources, markedMi, source, natGatewayId); }
    public Subnet withRouteTableId(String v) { return new Subnet(id, name, addressPrefixes, nsgId, v, serviceEndpoints, delegations, resources, markedMi, source, natGatewayId); }
    public Subnet withServiceEndpoints(List<String> v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, v, delegations, resources, markedMi, source, natGatewayId); }
    public Subnet withDelegations(List<String> v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, v, resources, markedMi, source, natGatewayId); }
    public Subnet withResources(List<SubnetResource> v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, v, markedMi, source, natGatewayId); }
    public Subnet withMarkedMi(boolean v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, resources, v, source, natGatewayId); }
    public Subnet withNatGatewayId(String v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, resources, markedMi, source, v); }
}
