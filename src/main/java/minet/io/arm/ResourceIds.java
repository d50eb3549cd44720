package minet.io.arm;

import java.util.ArrayList;
import java.util.List;

/** Resource IDs as ARM writes them: {@code <scope>/providers/<namespace>/<type>/<name>[/<child type>/<name>…]}. */
final class ResourceIds {
    private ResourceIds() {}

    /**
     * @param type  a full type, e.g. {@code Microsoft.Network/virtualNetworks/subnets}
     * @param names one name per type segment after the namespace
     */
    static String of(String scope, String type, List<String> names) {
        String[] t = type.split("/");
        StringBuilder sb = new StringBuilder(scope).append("/providers/").append(t[0]);
        int n = 0;
        for (int i = 1; i < t.length; i++) {
            sb.append('/').append(t[i]);
            if (n < names.size()) sb.append('/').append(names.get(n++));
        }
        while (n < names.size()) sb.append('/').append(names.get(n++));
        return sb.toString();
    }

    /** The number of names a full type needs: one per segment after the namespace. */
    static int depth(String type) {
        return Math.max(1, type.split("/").length - 1);
    }

    static List<String> names(String fullName) {
        List<String> out = new ArrayList<>();
        for (String s : fullName.split("/", -1)) out.add(s);
        return out;
    }
}
