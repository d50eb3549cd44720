package minet.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Prefix lengths: 0–32 for IPv4 (0–128 for IPv6); any other length is no prefix, whatever IPAddress makes of it. */
class CidrTest {
    @Test
    void aLengthThatWrapsAroundTwoToThe32IsNotSlash8() {
        assertThat(Cidr.parse("52.0.0.0/4294967304")).isNull(); // 2^32 + 8
        assertThat(Cidr.parse("52.0.0.0/4294967296")).isNull(); // 2^32: would be /0, everything
        assertThat(Cidr.isAddressOrPrefix("::/4294967424")).isFalse(); // 2^32 + 128
        assertThat(Cidr.parse("52.0.0.0/33")).isNull();
        assertThat(Cidr.parse("52.0.0.0/8")).containsExactly(52L << 24, (53L << 24) - 1);
        assertThat(Cidr.isAddressOrPrefix("::/128")).isTrue();
        assertThat(Cidr.isAddressOrPrefix("::/129")).isFalse();
    }

    @Property
    void everyLengthOutsideZeroTo32IsRefused(@ForAll @LongRange(min = 33, max = Long.MAX_VALUE) long length) {
        assertThat(Cidr.parse("52.0.0.0/" + length)).isNull();
        assertThat(Cidr.prefixLength("52.0.0.0/" + length)).isEqualTo(-1);
        assertThat(Cidr.parse("52.0.0.0/" + BigInteger.valueOf(length).shiftLeft(40).add(BigInteger.valueOf(8)))).isNull();
    }

    @Property
    void everyLengthFromZeroTo32IsThatManyBits(@ForAll @IntRange(min = 0, max = 32) int length) {
        long[] r = Cidr.parse("0.0.0.0/" + length);
        assertThat(r).isNotNull();
        assertThat(r[1] - r[0] + 1).isEqualTo(1L << (32 - length));
        assertThat(Cidr.prefixLength("10.0.0.0/" + length)).isEqualTo(length);
    }
}
