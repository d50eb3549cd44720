package minet.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A subnet. {@code nsgId} and {@code routeTableId} refer to {@link SecurityGroup#id()} and {@link RouteTable#id()}
 * (compared without case, as ARM does). {@code markedMi} is the user's "this is an MI subnet" in the designer.
 */
public record Subnet(String id, String name, List<String> addressPrefixes, String nsgId, String routeTableId,
                     List<String> serviceEndpoints, List<String> delegations, List<SubnetResource> resources,
                     boolean markedMi, Source source) {
    public static final String MI_DELEGATION = "Microsoft.Sql/managedInstances";
    public static final String GATEWAY_SUBNET = "GatewaySubnet";

    public Subnet {
        addressPrefixes = Lists.copy(addressPrefixes);
        serviceEndpoints = Lists.copy(serviceEndpoints);
        delegations = Lists.copy(delegations);
        resources = Lists.copy(resources);
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

    public Subnet withName(String v) { return new Subnet(id, v, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, resources, markedMi, source); }
    public Subnet withAddressPrefixes(List<String> v) { return new Subnet(id, name, v, nsgId, routeTableId, serviceEndpoints, delegations, resources, markedMi, source); }
    public Subnet withNsgId(String v) { return new Subnet(id, name, addressPrefixes, v, routeTableId, serviceEndpoints, delegations, resources, markedMi, source); }
    public Subnet withRouteTableId(String v) { return new Subnet(id, name, addressPrefixes, nsgId, v, serviceEndpoints, delegations, resources, markedMi, source); }
    public Subnet withServiceEndpoints(List<String> v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, v, delegations, resources, markedMi, source); }
    public Subnet withDelegations(List<String> v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, v, resources, markedMi, source); }
    public Subnet withResources(List<SubnetResource> v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, v, markedMi, source); }
    public Subnet withMarkedMi(boolean v) { return new Subnet(id, name, addressPrefixes, nsgId, routeTableId, serviceEndpoints, delegations, resources, v, source); }
}
