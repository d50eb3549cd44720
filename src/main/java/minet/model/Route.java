package minet.model;

/**
 * A user-defined route. {@code nextHopType} uses Azure's words: VirtualNetworkGateway, VnetLocal, Internet,
 * VirtualAppliance, None (a String, so that a wrong value can be shown and reported).
 */
public record Route(String name, String addressPrefix, String nextHopType, String nextHopIpAddress, Source source) {
    public static final String VNET_LOCAL = "VnetLocal";
    public static final String INTERNET = "Internet";
    public static final String VIRTUAL_APPLIANCE = "VirtualAppliance";
    public static final String GATEWAY = "VirtualNetworkGateway";
    public static final String NONE = "None";
    public static final java.util.List<String> NEXT_HOP_TYPES = java.util.List.of(GATEWAY, VNET_LOCAL, INTERNET, VIRTUAL_APPLIANCE, NONE);

    public static Route of(String name, String prefix, String nextHopType) {
        return new Route(name, prefix, nextHopType, null, null);
    }

    public Route withName(String v) { return new Route(v, addressPrefix, nextHopType, nextHopIpAddress, source); }
    public Route withAddressPrefix(String v) { return new Route(name, v, nextHopType, nextHopIpAddress, source); }
    public Route withNextHopType(String v) { return new Route(name, addressPrefix, v, nextHopIpAddress, source); }
    public Route withNextHopIpAddress(String v) { return new Route(name, addressPrefix, nextHopType, v, source); }
}
