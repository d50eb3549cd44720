package minet.model;

import java.util.List;
import java.util.Optional;

/**
 * A virtual network with its subnets. {@code dnsConfirmed}: the user confirmed that the custom DNS servers
 * resolve {@code *.core.windows.net} (MI-DNS-CUSTOM then drops to info).
 */
public record VirtualNetwork(String id, String name, String location, List<String> addressSpaces,
                             List<String> dnsServers, boolean dnsConfirmed, List<Peering> peerings,
                             List<Subnet> subnets, Source source) {
    public VirtualNetwork {
        addressSpaces = Lists.copy(addressSpaces);
        dnsServers = Lists.copy(dnsServers);
        peerings = Lists.copy(peerings);
        subnets = Lists.copy(subnets);
    }

    public Optional<Subnet> subnet(String subnetId) {
        return subnets.stream().filter(s -> Lists.sameId(s.id(), subnetId)).findFirst();
    }

    public VirtualNetwork withName(String v) { return new VirtualNetwork(id, v, location, addressSpaces, dnsServers, dnsConfirmed, peerings, subnets, source); }
    public VirtualNetwork withAddressSpaces(List<String> v) { return new VirtualNetwork(id, name, location, v, dnsServers, dnsConfirmed, peerings, subnets, source); }
    public VirtualNetwork withDnsServers(List<String> v) { return new VirtualNetwork(id, name, location, addressSpaces, v, dnsConfirmed, peerings, subnets, source); }
    public VirtualNetwork withDnsConfirmed(boolean v) { return new VirtualNetwork(id, name, location, addressSpaces, dnsServers, v, peerings, subnets, source); }
    public VirtualNetwork withPeerings(List<Peering> v) { return new VirtualNetwork(id, name, location, addressSpaces, dnsServers, dnsConfirmed, v, subnets, source); }
    public VirtualNetwork withSubnets(List<Subnet> v) { return new VirtualNetwork(id, name, location, addressSpaces, dnsServers, dnsConfirmed, peerings, v, source); }
}
