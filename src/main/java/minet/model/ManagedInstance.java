package minet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A SQL managed instance in a subnet. {@code dnsZone} is the cluster's zone id (host name
 * {@code <name>.<dnsZone>.database.windows.net}); {@code managementEndpointIp} the public IP that outbound
 * traffic appears to come from (the 04/2019 management endpoint), if known; {@code dnsZonePartner} the resource ID
 * of the instance whose DNS zone a failover group's secondary shares (set when it was created).
 */
public record ManagedInstance(String id, String name, String subnetId, Tier tier, int vCores,
                              ConnectionType connectionType, boolean publicDataEndpoint,
                              ReplicationRole replicationRole, String location, String dnsZone,
                              String managementEndpointIp, Source source, String dnsZonePartner) {

    public enum Tier {
        GENERAL_PURPOSE("GeneralPurpose"), BUSINESS_CRITICAL("BusinessCritical");
        private final String azure;
        Tier(String azure) { this.azure = azure; }
        @JsonValue public String azure() { return azure; }
        /** Accepts Azure's tier names and SKU names (GP_Gen5, BC_Gen5). */
        @JsonCreator public static Tier parse(String s) {
            if (s == null) return GENERAL_PURPOSE;
            String t = s.toLowerCase(java.util.Locale.ROOT);
            return t.startsWith("bc") || t.startsWith("business") ? BUSINESS_CRITICAL : GENERAL_PURPOSE;
        }
    }

    /** Azure's proxyOverride: Default (proxy outside Azure, redirect inside), Proxy, Redirect. */
    public enum ConnectionType {
        DEFAULT("Default"), PROXY("Proxy"), REDIRECT("Redirect");
        private final String azure;
        ConnectionType(String azure) { this.azure = azure; }
        @JsonValue public String azure() { return azure; }
        @JsonCreator public static ConnectionType parse(String s) {
            for (ConnectionType c : values()) if (c.azure.equalsIgnoreCase(s)) return c;
            return DEFAULT;
        }
        public boolean usesRedirect() { return this != PROXY; }
    }

    public enum ReplicationRole {
        NONE("None"), PUBLISHER("Publisher"), DISTRIBUTOR("Distributor"), SUBSCRIBER("Subscriber");
        private final String azure;
        ReplicationRole(String azure) { this.azure = azure; }
        @JsonValue public String azure() { return azure; }
        @JsonCreator public static ReplicationRole parse(String s) {
            for (ReplicationRole r : values()) if (r.azure.equalsIgnoreCase(s)) return r;
            return NONE;
        }
        /** The seed: a publisher or distributor needs outbound 445 to the Azure file share. */
        public boolean needsFileShare() { return this == PUBLISHER || this == DISTRIBUTOR; }
    }

    /** An instance without a DNS zone partner. */
    public ManagedInstance(String id, String name, String subnetId, Tier tier, int vCores, ConnectionType connectionType,
                           boolean publicDataEndpoint, ReplicationRole replicationRole, String location, String dnsZone,
                           String managementEndpointIp, Source source) {
        this(id, name, subnetId, tier, vCores, connectionType, publicDataEndpoint, replicationRole, location, dnsZone, managementEndpointIp, source, null);
    }

    public ManagedInstance {
        if (tier == null) tier = Tier.GENERAL_PURPOSE;
        if (connectionType == null) connectionType = ConnectionType.DEFAULT;
        if (replicationRole == null) replicationRole = ReplicationRole.NONE;
    }

    public String hostName() {
        return name + "." + (dnsZone == null || dnsZone.isBlank() ? "<zone>" : dnsZone) + ".database.windows.net";
    }

    public ManagedInstance withDnsZone(String v) { return new ManagedInstance(id, name, subnetId, tier, vCores, connectionType, publicDataEndpoint, replicationRole, location, v, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withDnsZonePartner(String v) { return new ManagedInstance(id, name, subnetId, tier, vCores, connectionType, publicDataEndpoint, replicationRole, location, dnsZone, managementEndpointIp, source, v); }
    public ManagedInstance withLocation(String v) { return new ManagedInstance(id, name, subnetId, tier, vCores, connectionType, publicDataEndpoint, replicationRole, v, dnsZone, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withName(String v) { return new ManagedInstance(id, v, subnetId, tier, vCores, connectionType, publicDataEndpoint, replicationRole, location, dnsZone, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withSubnetId(String v) { return new ManagedInstance(id, name, v, tier, vCores, connectionType, publicDataEndpoint, replicationRole, location, dnsZone, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withTier(Tier v) { return new ManagedInstance(id, name, subnetId, v, vCores, connectionType, publicDataEndpoint, replicationRole, location, dnsZone, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withVCores(int v) { return new ManagedInstance(id, name, subnetId, tier, v, connectionType, publicDataEndpoint, replicationRole, location, dnsZone, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withConnectionType(ConnectionType v) { return new ManagedInstance(id, name, subnetId, tier, vCores, v, publicDataEndpoint, replicationRole, location, dnsZone, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withPublicDataEndpoint(boolean v) { return new ManagedInstance(id, name, subnetId, tier, vCores, connectionType, v, replicationRole, location, dnsZone, managementEndpointIp, source, dnsZonePartner); }
    public ManagedInstance withReplicationRole(ReplicationRole v) { return new ManagedInstance(id, name, subnetId, tier, vCores, connectionType, publicDataEndpoint, v, location, dnsZone, managementEndpointIp, source, dnsZonePartner); }
}
