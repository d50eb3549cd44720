package minet.layout;

/** What a box on the diagram stands for; the canvas has one skin per kind. */
public enum NodeKind {
    VNET, SUBNET, MI_SUBNET, NSG, ROUTE_TABLE, SUBNET_RESOURCE,
    VIRTUAL_CLUSTER, INTERNAL_LB, GATEWAY, ENGINE_NODES, EXTERNAL_LB, MANAGEMENT_ENDPOINT,
    MANAGEMENT, AZURE_SERVICE, ON_PREMISES, PEERED_VNET, CLIENT;

    /** Elements the user places and moves; the rest follow their container. */
    public boolean movable() {
        switch (this) {
            case VNET: case SUBNET: case MI_SUBNET: case MANAGEMENT: case AZURE_SERVICE: case ON_PREMISES:
            case PEERED_VNET: case CLIENT:
                return true;
            default:
                return false;
        }
    }

    public boolean resizable() { return this == VNET || this == SUBNET || this == MI_SUBNET; }

    public boolean container() { return this == VNET || this == SUBNET || this == MI_SUBNET || this == VIRTUAL_CLUSTER; }

    public boolean external() {
        return this == MANAGEMENT || this == AZURE_SERVICE || this == ON_PREMISES || this == PEERED_VNET || this == CLIENT;
    }
}
