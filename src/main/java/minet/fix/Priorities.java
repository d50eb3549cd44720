package minet.fix;

import java.util.List;
import java.util.Optional;

/**
 * Gives rules of one direction priorities in a wanted order while changing as few as possible: the rules that keep
 * their priority form the heaviest chain that is increasing and leaves room (whole numbers in 100–4096) for the
 * rules between them; the others get evenly spaced, round numbers in those gaps.
 */
final class Priorities {
    static final int MIN = 100;
    static final int MAX = 4096;

    private Priorities() {}

    /**
     * @param current the priorities in the wanted order (null: a rule with no usable priority, e.g. a new one)
     * @param weight  how much keeping each rule's priority is worth (0: may not be kept)
     * @return the new priorities in the same order, or empty when 100–4096 cannot hold them all
     */
    static Optional<int[]> assign(List<Integer> current, List<Integer> weight) {
        int n = current.size();
        if (n > MAX - MIN + 1) return Optional.empty();
        long[] best = new long[n];
        int[] prev = new int[n];
        for (int i = 0; i < n; i++) {
            best[i] = Long.MIN_VALUE;
            Integer p = current.get(i);
            if (p == null || p < MIN || p > MAX || weight.get(i) <= 0) continue;
            // from the start sentinel: 99 at index -1
            if (p - (MIN - 1) >= i + 1) {
                best[i] = weight.get(i);
                prev[i] = -1;
            }
            for (int j = 0; j < i; j++) {
                if (best[j] == Long.MIN_VALUE) continue;
                if (p - current.get(j) >= i - j && best[j] + weight.get(i) > best[i]) {
                    best[i] = best[j] + weight.get(i);
                    prev[i] = j;
                }
            }
        }
        int last = -1;
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] != Long.MIN_VALUE && (MAX + 1) - current.get(i) >= n - i && best[i] > total) {
                total = best[i];
                last = i;
            }
        }
        boolean[] kept = new boolean[n];
        for (int i = last; i >= 0; i = prev[i]) kept[i] = true;
        int[] out = new int[n];
        int lo = -1;
        int loP = MIN - 1;
        for (int i = 0; i <= n; i++) {
            if (i < n && !kept[i]) continue;
            int hiP = i < n ? current.get(i) : MAX + 1;
            if (i == n) fillEnd(out, lo + 1, n, loP);
            else fill(out, lo + 1, i, loP, hiP);
            if (i < n) {
                out[i] = hiP;
                lo = i;
                loP = hiP;
            }
        }
        return Optional.of(out);
    }

    /** After the last kept rule: packed against 4096, where a "deny all" usually sits. */
    private static void fillEnd(int[] out, int from, int to, int lo) {
        int m = to - from;
        if (m == 0) return;
        if (lo == MIN - 1) { // nothing kept: spread from the start instead
            fill(out, from, to, lo, MAX + 1);
            return;
        }
        for (int k = 0; k < m; k++) out[from + k] = MAX - (m - 1) + k;
    }

    /** Fills out[from..to) with increasing values strictly between lo and hi, on the roundest step that fits. */
    private static void fill(int[] out, int from, int to, int lo, int hi) {
        int m = to - from;
        if (m == 0) return;
        for (int step : new int[] {100, 10, 1}) {
            int start = (lo / step + 1) * step;
            if (start + (long) (m - 1) * step < hi) {
                for (int k = 0; k < m; k++) out[from + k] = start + k * step;
                return;
            }
        }
        throw new IllegalStateException("no room between " + lo + " and " + hi); // the chain guarantees room
    }
}
