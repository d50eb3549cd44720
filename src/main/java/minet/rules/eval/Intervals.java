package minet.rules.eval;

import java.util.Arrays;

/**
 * Sets of non-negative integers as sorted, disjoint, non-adjacent inclusive intervals packed in a long array
 * {@code [lo0, hi0, lo1, hi1, …]}. Used for IPv4 addresses and for ports. Arrays are never mutated once built.
 */
public final class Intervals {
    private Intervals() {}

    public static final long[] EMPTY = new long[0];

    public static long[] of(long lo, long hi) { return lo > hi ? EMPTY : new long[] {lo, hi}; }

    public static boolean isEmpty(long[] a) { return a.length == 0; }

    /** Normalizes an unsorted list of (possibly overlapping) intervals. */
    public static long[] normalize(long[] raw) {
        int n = raw.length / 2;
        if (n <= 1) return raw.length == 2 && raw[0] > raw[1] ? EMPTY : raw;
        long[][] pairs = new long[n][];
        for (int i = 0; i < n; i++) pairs[i] = new long[] {raw[2 * i], raw[2 * i + 1]};
        Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
        long[] out = new long[raw.length];
        int k = 0;
        for (long[] p : pairs) {
            if (p[0] > p[1]) continue;
            if (k > 0 && p[0] <= out[k - 1] + 1) {
                out[k - 1] = Math.max(out[k - 1], p[1]);
            } else {
                out[k++] = p[0];
                out[k++] = p[1];
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    public static long[] union(long[] a, long[] b) {
        if (a.length == 0) return b;
        if (b.length == 0) return a;
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return normalize(all);
    }

    public static long[] intersect(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) return EMPTY;
        if (b.length == 2 && a.length > 8) return clip(a, b[0], b[1]);
        if (a.length == 2 && b.length > 8) return clip(b, a[0], a[1]);
        long[] out = new long[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length && j < b.length) {
            long lo = Math.max(a[i], b[j]);
            long hi = Math.min(a[i + 1], b[j + 1]);
            if (lo <= hi) {
                out[k++] = lo;
                out[k++] = hi;
            }
            if (a[i + 1] < b[j + 1]) i += 2; else j += 2;
        }
        return k == 0 ? EMPTY : Arrays.copyOf(out, k);
    }

    /** a ∩ [lo, hi], finding the first interval by binary search (big sets against one prefix). */
    private static long[] clip(long[] a, long lo, long hi) {
        int l = 0, h = a.length / 2 - 1, start = a.length / 2;
        while (l <= h) {
            int mid = (l + h) >>> 1;
            if (a[2 * mid + 1] >= lo) {
                start = mid;
                h = mid - 1;
            } else {
                l = mid + 1;
            }
        }
        int end = start;
        while (end < a.length / 2 && a[2 * end] <= hi) end++;
        if (end == start) return EMPTY;
        long[] out = Arrays.copyOfRange(a, 2 * start, 2 * end);
        out[0] = Math.max(out[0], lo);
        out[out.length - 1] = Math.min(out[out.length - 1], hi);
        return out;
    }

    public static boolean intersects(long[] a, long[] b) {
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (Math.max(a[i], b[j]) <= Math.min(a[i + 1], b[j + 1])) return true;
            if (a[i + 1] < b[j + 1]) i += 2; else j += 2;
        }
        return false;
    }

    /** a \ b. */
    public static long[] subtract(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) return a;
        long[] out = new long[a.length + b.length];
        int k = 0, j = 0;
        for (int i = 0; i < a.length; i += 2) {
            long lo = a[i], hi = a[i + 1];
            while (j < b.length && b[j + 1] < lo) j += 2;
            int jj = j;
            while (lo <= hi && jj < b.length && b[jj] <= hi) {
                if (b[jj] > lo) {
                    out[k++] = lo;
                    out[k++] = b[jj] - 1;
                }
                lo = Math.max(lo, b[jj + 1] + 1);
                if (b[jj + 1] >= hi) break;
                jj += 2;
            }
            if (lo <= hi) {
                out[k++] = lo;
                out[k++] = hi;
            }
        }
        return k == a.length && Arrays.equals(out, 0, k, a, 0, k) ? a : Arrays.copyOf(out, k);
    }

    /** a ⊆ b. */
    public static boolean containsAll(long[] b, long[] a) { return subtract(a, b).length == 0; }

    public static boolean contains(long[] a, long v) {
        int lo = 0, hi = a.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (a[2 * mid + 1] < v) lo = mid + 1;
            else if (a[2 * mid] > v) hi = mid - 1;
            else return true;
        }
        return false;
    }

    public static long count(long[] a) {
        long n = 0;
        for (int i = 0; i < a.length; i += 2) n += a[i + 1] - a[i] + 1;
        return n;
    }
}
