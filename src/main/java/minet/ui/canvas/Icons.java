package minet.ui.canvas;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import minet.layout.NodeKind;

/**
 * Our own line icons for the Azure elements, as SVG path data in a 24×24 box, drawn with a 1.8 px stroke and no
 * fill. The same data draws the canvas (SVGPath), the exported SVG and the files in {@code icons/}.
 */
public final class Icons {
    private Icons() {}

    public static final String VNET = "M7 6 L2 12 L7 18 M17 6 L22 12 L17 18 M8.4 12 h0.2 M11.9 12 h0.2 M15.4 12 h0.2";
    public static final String SUBNET = "M4 4 H20 V20 H4 Z M8 9 H16 M8 12 H16 M8 15 H13";
    public static final String MI_SUBNET = "M3 3 H21 V21 H3 Z M8 8 C8 6.5 16 6.5 16 8 V16 C16 17.5 8 17.5 8 16 Z M8 8 C8 9.5 16 9.5 16 8";
    public static final String NSG = "M12 3 L20 6 V11 C20 16 16.5 19.5 12 21 C7.5 19.5 4 16 4 11 V6 Z M8.5 12 L11 14.5 L15.5 9.5";
    public static final String ROUTE_TABLE = "M4 5 H20 V19 H4 Z M4 10 H20 M10 10 V19 M13 14.5 H18 M16 12.5 L18 14.5 L16 16.5";
    public static final String LOAD_BALANCER = "M12 3 L21 12 L12 21 L3 12 Z M7.5 12 H16.5 M13.5 9 L16.5 12 L13.5 15";
    public static final String GATEWAY = "M3 7 H21 V17 H3 Z M6 12 H18 M15 9.5 L18 12 L15 14.5 M9 9.5 L6 12 L9 14.5";
    public static final String SQL = "M5 6 C5 3.5 19 3.5 19 6 V18 C19 20.5 5 20.5 5 18 Z M5 6 C5 8.5 19 8.5 19 6 M5 12 C5 14.5 19 14.5 19 12";
    public static final String GLOBE = "M12 3 A9 9 0 1 0 12 21 A9 9 0 1 0 12 3 Z M3 12 H21 M12 3 C8 7 8 17 12 21 M12 3 C16 7 16 17 12 21";
    public static final String CLOUD = "M7 18 H17 A4 4 0 0 0 17 10 A5.5 5.5 0 0 0 6.5 9 A4.5 4.5 0 0 0 7 18 Z";
    public static final String MANAGEMENT = CLOUD + " M9.5 14.5 L11.5 12.5 L13 14 L15.5 11.5";
    public static final String STORAGE = "M3 6 H21 V18 H3 Z M3 10 H21 M3 14 H21 M6 8 h0.1 M6 12 h0.1 M6 16 h0.1";
    public static final String EVENT_HUBS = "M4 7 H15 M4 12 H18 M4 17 H15 M15 4 L19 7 L15 10 M15 14 L19 17 L15 20";
    public static final String KEY = "M3 12 A4 4 0 1 0 11 12 A4 4 0 1 0 3 12 Z M11 12 H21 M17 12 V15 M20 12 V15";
    public static final String IDENTITY = "M12 4 A4 4 0 1 0 12 12 A4 4 0 1 0 12 4 Z M4 21 C4 16 8 14 12 14 C16 14 20 16 20 21";
    public static final String BUILDING = "M4 21 V4 H14 V21 M14 9 H20 V21 M2 21 H22 M7 8 H11 M7 12 H11 M7 16 H11 M17 13 h0.1 M17 17 h0.1";
    public static final String PEERED = "M2.5 6 H10.5 V14 H2.5 Z M13.5 10 H21.5 V18 H13.5 Z M10.5 11 H13.5 M10.5 13 H13.5";
    public static final String CLIENT = "M5 6 H19 V15 H5 Z M3 18 H21";
    public static final String CLUSTER = "M4 4 H20 V10 H4 Z M4 14 H20 V20 H4 Z M7 7 H9 M7 17 H9";

    public static String of(NodeKind kind, String hint) {
        switch (kind) {
            case VNET: return VNET;
            case SUBNET: return SUBNET;
            case MI_SUBNET: return MI_SUBNET;
            case NSG: return NSG;
            case ROUTE_TABLE: return ROUTE_TABLE;
            case SUBNET_RESOURCE: return GATEWAY;
            case VIRTUAL_CLUSTER: return CLUSTER;
            case INTERNAL_LB: case EXTERNAL_LB: return LOAD_BALANCER;
            case GATEWAY: return GATEWAY;
            case ENGINE_NODES: return SQL;
            case MANAGEMENT_ENDPOINT: return GLOBE;
            case MANAGEMENT: return MANAGEMENT;
            case ON_PREMISES: return BUILDING;
            case PEERED_VNET: return PEERED;
            case CLIENT: return CLIENT;
            default: return service(hint);
        }
    }

    /** An Azure service's icon from its service tag or name. */
    public static String service(String hint) {
        String h = hint == null ? "" : hint.toLowerCase(Locale.ROOT);
        if (h.contains("storage")) return STORAGE;
        if (h.contains("eventhub") || h.contains("event hub")) return EVENT_HUBS;
        if (h.contains("key vault") || h.contains("keyvault")) return KEY;
        if (h.contains("activedirectory") || h.contains("azure ad") || h.contains("entra")) return IDENTITY;
        return CLOUD;
    }

    /** Every icon by file name, for {@code icons/}. */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("virtual-network", VNET);
        m.put("subnet", SUBNET);
        m.put("mi-subnet", MI_SUBNET);
        m.put("network-security-group", NSG);
        m.put("route-table", ROUTE_TABLE);
        m.put("load-balancer", LOAD_BALANCER);
        m.put("gateway", GATEWAY);
        m.put("sql-managed-instance", SQL);
        m.put("management-endpoint", GLOBE);
        m.put("azure-service", CLOUD);
        m.put("management-services", MANAGEMENT);
        m.put("storage", STORAGE);
        m.put("event-hubs", EVENT_HUBS);
        m.put("key-vault", KEY);
        m.put("azure-ad", IDENTITY);
        m.put("on-premises", BUILDING);
        m.put("peered-vnet", PEERED);
        m.put("client", CLIENT);
        m.put("virtual-cluster", CLUSTER);
        return m;
    }

    /** A standalone SVG file of one icon. */
    public static String svg(String path, String color) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"24\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\""
                + color + "\" stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\"><path d=\"" + path + "\"/></svg>\n";
    }
}
