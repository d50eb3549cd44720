package minet.model;

/**
 * A connection between two virtual network gateways ({@code Vnet2Vnet}, or {@code IPsec}/{@code ExpressRoute} to a
 * network outside): {@code gatewayId} and {@code remoteGatewayId} name the gateways (the {@link SubnetResource} of
 * kind {@link SubnetResource#GATEWAY} in a VNet's GatewaySubnet, by id or name). With it, each VNet routes the
 * other's address space to its gateway, and that space is part of {@code VirtualNetwork}.
 */
public record GatewayConnection(String id, String name, String gatewayId, String remoteGatewayId, String type, Source source) {}
