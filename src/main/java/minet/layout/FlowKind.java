package minet.layout;

/** The seed's traffic flows, plus the links that connect outside networks to the VNet. */
public enum FlowKind {
    /** Clients → internal load balancer, TCP 1433 (proxy). */
    TDS,
    /** Clients → SQL engine nodes, TCP 11000–11999 (redirect). */
    REDIRECT,
    /** Management services → management endpoint, TCP 9000, 9003, 1438, 1440, 1452. */
    MANAGEMENT_INBOUND,
    /** AzureLoadBalancer → nodes, any port. */
    HEALTH_PROBE,
    /** Nodes → AzureCloud, TCP 80, 443, 12000 (through the management endpoint's NAT). */
    MANAGEMENT_OUTBOUND,
    /** MI subnet ↔ MI subnet, any. */
    INTRA_SUBNET,
    /** Publisher/distributor → Azure file share, TCP 445. */
    REPLICATION,
    /** Inside the virtual cluster: load balancer → gateway → engine. Not governed by the NSG. */
    INTERNAL,
    /** A VPN/ExpressRoute connection or a peering: where outside networks join the VNet. */
    LINK;

    /** Flows whose fate the NSG and routes decide: the ones the validation panel colours. */
    public boolean governed() { return this != INTERNAL && this != LINK; }
}
