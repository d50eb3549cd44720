package minet.io.azcli;

import java.util.Locale;

/**
 * Reading ARM resource IDs ({@code /subscriptions/…/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s}):
 * the resource type ({@code Microsoft.Network/virtualNetworks/subnets}), the last name, the parent's ID.
 * Anything that is not such an ID gives null, never an exception.
 */
public final class ResourceId {
    private ResourceId() {}

    /** The full type of the resource the ID names, or null. */
    public static String type(String id) {
        String[] seg = segmentsAfterProviders(id);
        if (seg == null || seg.length < 3) return null;
        StringBuilder t = new StringBuilder(seg[0]).append('/').append(seg[1]);
        for (int i = 3; i + 1 < seg.length; i += 2) t.append('/').append(seg[i]);
        return t.toString();
    }

    /** The type of the top-level resource (a NIC for a NIC's IP configuration), or null. */
    public static String topType(String id) {
        String[] seg = segmentsAfterProviders(id);
        return seg == null || seg.length < 3 ? null : seg[0] + "/" + seg[1];
    }

    /** The name of the top-level resource (the NIC's name for a NIC's IP configuration), or null. */
    public static String topName(String id) {
        String[] seg = segmentsAfterProviders(id);
        return seg == null || seg.length < 3 ? null : seg[2];
    }

    /** The last segment: the resource's own name. */
    public static String name(String id) {
        if (id == null || id.isBlank()) return null;
        String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        int cut = s.lastIndexOf('/');
        return cut < 0 ? s : s.substring(cut + 1);
    }

    /** The ID of the parent resource ({@code …/virtualNetworks/v} for a subnet), or null for a top-level one. */
    public static String parent(String id) {
        String[] seg = segmentsAfterProviders(id);
        if (seg == null || seg.length < 5) return null;
        String s = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        int cut = s.lastIndexOf('/');
        cut = s.lastIndexOf('/', cut - 1);
        return s.substring(0, cut);
    }

    /** The resource group named in the ID, or null. */
    public static String resourceGroup(String id) {
        if (id == null) return null;
        String[] all = id.split("/");
        for (int i = 0; i + 1 < all.length; i++) if (all[i].equalsIgnoreCase("resourceGroups")) return all[i + 1];
        return null;
    }

    private static String[] segmentsAfterProviders(String id) {
        if (id == null) return null;
        int at = id.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
        if (at < 0) return null;
        String rest = id.substring(at + "/providers/".length());
        if (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        return rest.isEmpty() ? null : rest.split("/");
    }
}
