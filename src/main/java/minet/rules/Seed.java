package minet.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import minet.model.Route;

/**
 * The seed document's requirements (MI connectivity architecture, 04/2019), in one place: the mandatory ports,
 * the rule and route names the seed and Microsoft's templates use, and the 99 management prefixes
 * (resource {@code azure-2019-04-management-routes.txt}, copied from the seed's table).
 */
public final class Seed {
    private Seed() {}

    public static final List<String> MANAGEMENT_INBOUND_PORTS = List.of("9000", "9003", "1438", "1440", "1452");
    public static final List<String> MANAGEMENT_OUTBOUND_PORTS = List.of("80", "443", "12000");
    public static final String TDS_PORT = "1433";
    public static final String REDIRECT_PORTS = "11000-11999";
    public static final String REPLICATION_PORT = "445";
    /** The public data endpoint (proxy only): public-endpoint-configure, 04/2019. */
    public static final String PUBLIC_ENDPOINT_PORT = "3342";
    /** A failover group's replication between the two MI subnets, both ways (failover-group docs, 2019 and 09/2024). */
    public static final List<String> FAILOVER_PORTS = List.of("5022", "11000-11999");

    public static final String RULE_MANAGEMENT_IN = "allow_management_inbound";
    public static final String RULE_SUBNET_IN = "allow_misubnet_inbound";
    public static final String RULE_HEALTH_PROBE_IN = "allow_health_probe_inbound";
    public static final String RULE_MANAGEMENT_OUT = "allow_management_outbound";
    public static final String RULE_SUBNET_OUT = "allow_misubnet_outbound";
    public static final String RULE_REPLICATION_OUT = "allow_replication_outbound";
    public static final String RULE_TDS_IN = "allow_tds_inbound";
    public static final String RULE_REDIRECT_IN = "allow_redirect_inbound";
    public static final String RULE_PUBLIC_ENDPOINT_IN = "allow_public_endpoint_inbound";
    public static final String ROUTE_VNET_LOCAL = "subnet_to_vnetlocal";

    /** The seed's 99 "mi-…-nexthop-internet" routes, in the seed's order. */
    public static final List<Route> MANAGEMENT_ROUTES = load();

    public static List<String> managementPrefixes() {
        return MANAGEMENT_ROUTES.stream().map(Route::addressPrefix).toList();
    }

    /** The seed's name for a management route: 13.64.0.0/11 → mi-13-64-11-nexthop-internet (trailing zero octets dropped). */
    public static String routeName(String prefix) {
        String[] parts = prefix.split("/");
        String[] octets = parts[0].split("\\.");
        int last = octets.length;
        while (last > 1 && octets[last - 1].equals("0")) last--;
        StringBuilder sb = new StringBuilder("mi");
        for (int i = 0; i < last; i++) sb.append('-').append(octets[i]);
        if (parts.length > 1) sb.append('-').append(parts[1]);
        return sb.append("-nexthop-internet").toString();
    }

    private static List<Route> load() {
        List<Route> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Seed.class.getResourceAsStream("azure-2019-04-management-routes.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2) out.add(Route.of(f[0], f[1], Route.INTERNET));
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the seed's route list is missing from the build", e);
        }
        return List.copyOf(out);
    }
}
