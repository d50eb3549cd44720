package minet.model;

import java.util.List;

/**
 * A party outside the VNet, as the seed's diagrams show them.
 * <ul>
 * <li>ON_PREMISES: address prefixes reached through {@code gatewayId} ({@code via}: Vpn or ExpressRoute);</li>
 * <li>PEERED_VNET: a remote VNet's address spaces (also listed in {@link Peering});</li>
 * <li>AZURE_SERVICE: Storage, Event Hubs, Azure AD, Key Vault … ({@code serviceTag}, {@code region}, and the
 *     public IPs its firewall allows in {@code firewallAllowedIps}: MI-NAT-SAME-REGION);</li>
 * <li>MANAGEMENT: Microsoft's management and deployment services;</li>
 * <li>CLIENT: a client application at {@code addressPrefixes}.</li>
 * </ul>
 */
public record ExternalNetwork(String id, String name, Kind kind, List<String> addressPrefixes, String gatewayId,
                              String via, String serviceTag, String region, List<String> firewallAllowedIps,
                              Source source) {
    public enum Kind { ON_PREMISES, PEERED_VNET, AZURE_SERVICE, MANAGEMENT, CLIENT }

    public ExternalNetwork {
        addressPrefixes = Lists.copy(addressPrefixes);
        firewallAllowedIps = Lists.copy(firewallAllowedIps);
    }

    public ExternalNetwork withName(String v) { return new ExternalNetwork(id, v, kind, addressPrefixes, gatewayId, via, serviceTag, region, firewallAllowedIps, source); }
    public ExternalNetwork withAddressPrefixes(List<String> v) { return new ExternalNetwork(id, name, kind, v, gatewayId, via, serviceTag, region, firewallAllowedIps, source); }
    public ExternalNetwork withRegion(String v) { return new ExternalNetwork(id, name, kind, addressPrefixes, gatewayId, via, serviceTag, v, firewallAllowedIps, source); }
    public ExternalNetwork withFirewallAllowedIps(List<String> v) { return new ExternalNetwork(id, name, kind, addressPrefixes, gatewayId, via, serviceTag, region, v, source); }
}
