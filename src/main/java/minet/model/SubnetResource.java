package minet.model;

/**
 * Something other than the subnet's own configuration that lives in or points at a subnet: a NIC's IP
 * configuration, a private endpoint, a virtual network gateway, a resource navigation link (e.g.
 * {@code Microsoft.Sql/virtualClusters}, which belongs to a managed instance), an application gateway …
 * {@code kind} is the Azure resource type where known.
 */
public record SubnetResource(String kind, String name, String id) {
    public static final String VIRTUAL_CLUSTER = "Microsoft.Sql/virtualClusters";
    public static final String GATEWAY = "Microsoft.Network/virtualNetworkGateways";

    /** True for what a managed instance brings into its subnet itself. */
    public boolean belongsToManagedInstance() {
        return kind != null && (kind.equalsIgnoreCase(VIRTUAL_CLUSTER) || kind.equalsIgnoreCase("Microsoft.Sql/managedInstances"));
    }
}
