package minet.layout;

/** The traffic flows an era's rules govern, a failover group's replication, and the links that join networks. */
public enum FlowKind {
    /** Clients → internal load balancer, TCP 1433 (proxy). */
    TDS,
    /** Clients → SQL engine nodes, TCP 11000–11999 (redirect). */
    REDIRECT,
    /** Management services → management endpoint, TCP 9000, 9003, 1438, 1440, 1452. */
    MANAGEMENT_INBOUND,
    /** AzureLoadBalancer → nodes, any port. */
    HEALTH_PROBE,
    /** Nodes → AzureCloud, TCP 80, 443, 12000 (through the management endpoint's NAT; 443, 12000 from 2020), until 11/2022. */
    MANAGEMENT_OUTBOUND,
    /** Nodes → a service the era's rules name (11/2022: Entra ID, OneDsCollector, Storage of both regions), TCP 443. */
    SERVICE_OUTBOUND,
    /** MI subnet ↔ MI subnet, any. */
    INTRA_SUBNET,
    /** Publisher/distributor → Azure file share, TCP 445. */
    REPLICATION,
    /** A failover group's replication between its two instances, TCP 5022 and 11000–11999, one arrow each way. */
    FAILOVER,
    /** Inside the virtual cluster: load balancer → gateway → engine. Not governed by the NSG. */
    INTERNAL,
    /** A VPN/ExpressRoute connection or a peering: where outside networks (or two VNets of the design) join. */
    LINK;

    /** Flows whose fate the NSG and routes decide: the ones the validation panel colours. */
    public boolean governed() { return this != INTERNAL && this != LINK; }
}
