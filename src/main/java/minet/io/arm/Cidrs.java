package minet.io.arm;

import static minet.io.arm.Scope.F;

import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import java.math.BigInteger;

/**
 * The CIDR functions ({@code parseCidr}, {@code cidrSubnet}, {@code cidrHost}) as Microsoft documents them, for
 * IPv4 and IPv6, with IPAddress doing the arithmetic. Results are written as Azure writes them: IPv4 dotted,
 * IPv6 compressed ({@code fdad:3236:5555:1000::/52}).
 */
final class Cidrs {
    private Cidrs() {}

    /** A problem with the arguments, said in the function's terms; the caller adds the expression's place. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private static final IPAddressStringParameters CIDR = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowSingleSegment(false).allowMask(false).allowAll(false).allowPrefixOnly(false)
            .allowWildcardedSeparator(false).setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
            .allow_inet_aton(false).toParams();

    /** The network of {@code text}, which must carry a prefix length ({@code 10.0.0.0/16}); host bits are dropped. */
    static IPAddress network(String fn, String text) throws Problem {
        IPAddressString s = new IPAddressString(text.strip(), CIDR);
        IPAddress a = s.isValid() && s.isIPAddress() ? s.getAddress() : null;
        if (a == null || a.getNetworkPrefixLength() == null) {
            throw new Problem(fn + "() needs a network in CIDR notation such as 10.0.0.0/16, not '" + text + "'");
        }
        return a.toPrefixBlock();
    }

    static String write(IPAddress a) {
        return a.isIPv4() ? a.toNormalizedString() : a.toCompressedString();
    }

    /** {network, netmask, broadcast (IPv4 only), firstUsable, lastUsable, cidr}. */
    static ObjectNode parseCidr(String text) throws Problem {
        IPAddress net = network("parseCidr", text);
        int len = net.getNetworkPrefixLength();
        IPAddress lower = net.getLower().withoutPrefixLength();
        IPAddress upper = net.getUpper().withoutPrefixLength();
        ObjectNode o = F.objectNode();
        o.put("network", write(lower));
        o.put("netmask", write(net.getNetwork().getNetworkMask(len, false)));
        if (net.isIPv4()) {
            o.put("broadcast", write(upper));
            // a /31 or /32 has no network and broadcast address to spare
            boolean tiny = len >= 31;
            o.put("firstUsable", write(tiny ? lower : lower.increment(1)));
            o.put("lastUsable", write(tiny ? upper : upper.increment(-1)));
        } else {
            o.put("firstUsable", write(lower));
            o.put("lastUsable", write(upper));
        }
        o.put("cidr", len);
        return o;
    }

    /** The {@code index}-th subnet of length {@code newLength} in {@code network}. */
    static String cidrSubnet(String network, long newLength, long index) throws Problem {
        IPAddress net = network("cidrSubnet", network);
        int len = net.getNetworkPrefixLength();
        int bits = net.getBitCount();
        if (newLength < len || newLength > bits) {
            throw new Problem("cidrSubnet() needs a new prefix length from " + len + " to " + bits + ", not " + newLength);
        }
        BigInteger count = BigInteger.ONE.shiftLeft((int) newLength - len);
        if (index < 0 || BigInteger.valueOf(index).compareTo(count) >= 0) {
            throw new Problem("cidrSubnet() index " + index + " is outside the " + count + " subnets /" + newLength + " of " + write(net));
        }
        BigInteger start = net.getValue().add(BigInteger.valueOf(index).shiftLeft(bits - (int) newLength));
        return write(at(net, start).setPrefixLength((int) newLength, false).toPrefixBlock());
    }

    /**
     * The {@code index}-th usable host of {@code network}: the network address is skipped (index 0 is .1, or ::1),
     * and for IPv4 the broadcast address too; a /31 or /32 (/127, /128) has no address to spare.
     */
    static String cidrHost(String network, long index) throws Problem {
        IPAddress net = network("cidrHost", network);
        int hostBits = net.getBitCount() - net.getNetworkPrefixLength();
        BigInteger size = BigInteger.ONE.shiftLeft(hostBits);
        boolean spare = hostBits >= 2;
        BigInteger usable = !spare ? size : size.subtract(net.isIPv4() ? BigInteger.TWO : BigInteger.ONE);
        if (index < 0 || BigInteger.valueOf(index).compareTo(usable) >= 0) {
            throw new Problem("cidrHost() index " + index + " is outside the " + usable + " usable hosts of " + write(net));
        }
        BigInteger offset = BigInteger.valueOf(index).add(spare ? BigInteger.ONE : BigInteger.ZERO);
        return write(at(net, net.getValue().add(offset)).withoutPrefixLength());
    }

    private static IPAddress at(IPAddress like, BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[like.getByteCount()];
        int n = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - n, bytes, bytes.length - n, n);
        return like.isIPv4() ? new IPv4Address(bytes) : new inet.ipaddr.ipv6.IPv6Address(bytes);
    }
}
