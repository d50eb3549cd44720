package minet.io.terraform.hcl;

import java.util.ArrayList;
import java.util.List;

/** Terraform's IPv4 CIDR functions: cidrsubnet, cidrsubnets, cidrhost, cidrnetmask. */
final class Cidrs {
    private Cidrs() {}

    /** {network address, prefix length} of an IPv4 prefix such as 10.0.0.0/16 (host bits are ignored, as Terraform does). */
    static long[] parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + cidr + "' is not a CIDR prefix such as 10.0.0.0/16");
        if (cidr.indexOf(':') >= 0) throw new IllegalArgumentException("IPv6 prefixes are not supported ('" + cidr + "')");
        String[] o = cidr.substring(0, slash).split("\\.", -1);
        if (o.length != 4) throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 prefix");
        long addr = 0;
        for (String part : o) {
            int v;
            try {
                v = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 prefix");
            }
            if (v < 0 || v > 255 || part.isEmpty()) throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 prefix");
            addr = addr << 8 | v;
        }
        int len;
        try {
            len = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
        }
        if (len < 0 || len > 32) throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0–32");
        return new long[] {addr & mask(len), len};
    }

    private static long mask(int len) { return len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL; }

    static String text(long addr, long len) {
        return (addr >>> 24 & 255) + "." + (addr >>> 16 & 255) + "." + (addr >>> 8 & 255) + "." + (addr & 255) + "/" + len;
    }

    static String subnet(long[] p, int newbits, long netnum) {
        long len = p[1] + newbits;
        if (newbits < 0 || len > 32) throw new IllegalArgumentException("cannot add " + newbits + " bits to a /" + p[1] + " prefix (at most /32)");
        if (netnum < 0 || netnum >= 1L << newbits) {
            throw new IllegalArgumentException("network number " + netnum + " does not fit in " + newbits + " bits");
        }
        return text(p[0] | netnum << (32 - len), len);
    }

    /** Consecutive subnets of the given extra bits, each aligned after the previous one (as Terraform allocates them). */
    static List<Object> subnets(long[] p, List<Integer> bits) {
        List<Object> out = new ArrayList<>();
        long next = p[0];
        long end = p[0] + (1L << (32 - p[1]));
        for (int b : bits) {
            long len = p[1] + b;
            if (b < 1 || len > 32) throw new IllegalArgumentException("cannot add " + b + " bits to a /" + p[1] + " prefix");
            long size = 1L << (32 - len);
            long start = (next + size - 1) / size * size;
            if (start + size > end) throw new IllegalArgumentException("not enough room in " + text(p[0], p[1]));
            out.add(text(start, len));
            next = start + size;
        }
        return out;
    }

    static String host(long[] p, long hostnum) {
        long size = 1L << (32 - p[1]);
        long n = hostnum < 0 ? size + hostnum : hostnum;
        if (n < 0 || n >= size) throw new IllegalArgumentException("host number " + hostnum + " does not fit in a /" + p[1]);
        String t = text(p[0] + n, 32);
        return t.substring(0, t.indexOf('/'));
    }

    static String netmask(long[] p) {
        String t = text(mask((int) p[1]), 32);
        return t.substring(0, t.indexOf('/'));
    }
}
