package minet.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    @Test
    void subtractSplitsAndTrims() {
        long[] a = {0, 100};
        assertThat(Intervals.subtract(a, new long[] {10, 20, 50, 100})).containsExactly(0, 9, 21, 49);
        assertThat(Intervals.subtract(a, new long[] {0, 100})).isEmpty();
        assertThat(Intervals.intersect(a, new long[] {90, 200})).containsExactly(90, 100);
        assertThat(Intervals.union(new long[] {0, 4}, new long[] {5, 9})).containsExactly(0, 9);
    }

    @Test
    void cidrsPrintAsTheFewestPrefixes() {
        long[] r = Cidr.parse("103.25.156.0/22");
        assertThat(Cidr.toPrefixes(r[0], r[1])).containsExactly("103.25.156.0/22");
        assertThat(Cidr.toPrefixes(r[0], r[1] - 256)).containsExactly("103.25.156.0/23", "103.25.158.0/24");
        assertThat(Cidr.parse("10.0.0.1/24")).containsExactly(Cidr.parse("10.0.0.0/24"));
        assertThat(Cidr.prefixLengthFor(19)).isEqualTo(27);
        assertThat(Cidr.prefixLengthFor(16)).isEqualTo(28);
    }

    /** Membership of every value after subtract/intersect/union agrees with the point-wise definition. */
    @Property(tries = 300)
    void setOperationsArePointwise(@ForAll @IntRange(max = 60) int a1, @ForAll @IntRange(max = 60) int a2,
                                   @ForAll @IntRange(max = 60) int b1, @ForAll @IntRange(max = 60) int b2,
                                   @ForAll @IntRange(max = 60) int c1, @ForAll @IntRange(max = 60) int c2) {
        long[] a = Intervals.normalize(new long[] {Math.min(a1, a2), Math.max(a1, a2), Math.min(c1, c2) + 5, Math.max(c1, c2) + 5});
        long[] b = Intervals.of(Math.min(b1, b2), Math.max(b1, b2));
        long[] diff = Intervals.subtract(a, b), inter = Intervals.intersect(a, b), uni = Intervals.union(a, b);
        for (long v = 0; v <= 70; v++) {
            boolean inA = Intervals.contains(a, v), inB = Intervals.contains(b, v);
            assertThat(Intervals.contains(diff, v)).isEqualTo(inA && !inB);
            assertThat(Intervals.contains(inter, v)).isEqualTo(inA && inB);
            assertThat(Intervals.contains(uni, v)).isEqualTo(inA || inB);
        }
        assertThat(Intervals.intersects(a, b)).isEqualTo(inter.length > 0);
    }
}
