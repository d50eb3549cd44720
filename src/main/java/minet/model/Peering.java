package minet.model;

import java.util.List;

/** A VNet peering: the remote VNet's ID and the address spaces it brings into {@code VirtualNetwork}. */
public record Peering(String name, String remoteVnetId, List<String> remoteAddressSpaces, boolean useRemoteGateways) {
    public Peering {
        remoteAddressSpaces = Lists.copy(remoteAddressSpaces);
    }
}
