package minet.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Small helpers that keep the records' lists immutable and null-free. */
public final class Lists {
    private Lists() {}

    public static <T> List<T> copy(List<T> in) {
        if (in == null || in.isEmpty()) return List.of();
        for (T t : in) if (t == null) return in.stream().filter(Objects::nonNull).toList();
        // the usual case, without a stream (records copy their lists in every constructor); unlike List.copyOf,
        // the copy answers contains(null) with false, as the stream's list does
        return Collections.unmodifiableList(new ArrayList<>(in));
    }

    public static <T> List<T> plus(List<T> in, T item) {
        List<T> out = new ArrayList<>(in);
        out.add(item);
        return List.copyOf(out);
    }

    public static <T> List<T> minus(List<T> in, Predicate<T> drop) {
        return in.stream().filter(drop.negate()).toList();
    }

    public static <T> List<T> replace(List<T> in, Predicate<T> which, UnaryOperator<T> how) {
        return in.stream().map(t -> which.test(t) ? how.apply(t) : t).toList();
    }

    /** As {@link #replace}, for the first element {@code which} accepts only. */
    public static <T> List<T> replaceFirst(List<T> in, Predicate<T> which, UnaryOperator<T> how) {
        for (int i = 0; i < in.size(); i++) {
            if (which.test(in.get(i))) {
                List<T> out = new ArrayList<>(in);
                out.set(i, how.apply(in.get(i)));
                return copy(out);
            }
        }
        return in;
    }

    public static boolean sameId(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }
}
