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
        /**
         * Azure's tier names (GeneralPurpose, BusinessCritical) and SKU names (GP_Gen5, BC_G8IM …), in any case.
         * None, or a value not known offline ({@link Unknowns}), is Azure's default, General Purpose.
         * @throws IllegalArgumentException for anything else: a typo must not quietly become General Purpose
         */
        @JsonCreator public static Tier parse(String s) {
            if (s == null || s.isBlank() || Unknowns.has(s)) return GENERAL_PURPOSE;
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("generalpurpose") || t.matches("gp_[a-z0-9]+")) return GENERAL_PURPOSE;
            if (t.equals("businesscritical") || t.matches("bc_[a-z0-9]+")) return BUSINESS_CRITICAL;
            throw new IllegalArgumentException("'" + Excerpt.of(s) + "' is not a service tier: use GeneralPurpose or BusinessCritical"
                    + " (or a SKU name such as GP_Gen5 or BC_Gen5)");
        }
    }

    /** Azure's proxyOverride: Default (proxy outside Azure, redirect inside), Proxy, Redirect. */
    public enum ConnectionType {
        DEFAULT("Default"), PROXY("Proxy"), REDIRECT("Redirect");
        private final String azure;
        ConnectionType(String azure) { this.azure = azure; }
        @JsonValue public String azure() { return azure; }
        /** None, or a value not known offline, is Default. @throws IllegalArgumentException for anything else */
        @JsonCreator public static ConnectionType parse(String s) {
            if (s == null || s.isBlank() || Unknowns.has(s)) return DEFAULT;
            for (ConnectionType c : values()) if (c.azure.equalsIgnoreCase(s.trim())) return c;
            throw new IllegalArgumentException("'" + Excerpt.of(s) + "' is not a connection type: use Default, Proxy or Redirect");
        }
        public boolean usesRedirect() { return this != PROXY; }
    }

    public enum ReplicationRole {
        NONE("None"), PUBLISHER("Publisher"), DISTRIBUTOR("Distributor"), SUBSCRIBER("Subscriber");
        private final String azure;
        ReplicationRole(String azure) { this.azure = azure; }
        @JsonValue public String azure() { return azure; }
        /** None given is None. @throws IllegalArgumentException for a value that is not a role */
        @JsonCreator public static ReplicationRole parse(String s) {
            if (s == null || s.isBlank()) return NONE;
            for (ReplicationRole r : values()) if (r.azure.equalsIgnoreCase(s.trim())) return r;
            throw new IllegalArgumentException("'" + Excerpt.of(s) + "' is not a replication role: use None, Publisher, Distributor or Subscriber");
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
