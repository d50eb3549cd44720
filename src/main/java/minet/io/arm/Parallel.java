package minet.io.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import minet.io.InputException;

/**
 * Builds the security groups and route tables of a large template on several threads: each is read from its
 * own part of the tree, so they are independent, and on a large template they are most of the import.
 *
 * <p>The result must not depend on the threads. Values do not (variables are evaluated once, under the scope's
 * lock); the order of notes and which error comes first could. So when any note is made or any build fails,
 * the import is {@link #ABANDONED} and runs again on one thread: such a template pays for one wasted pass.
 */
final class Parallel {
    /** Fewer security groups and route tables than this are built on the calling thread: not worth a hand-off. */
    static final int FROM = 16;
    private static final int CHUNK = 8;

    /** Thrown to have the import run again on one thread. */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Abandoned() {
            super("built again on one thread", null, false, false);
        }
    }

    static final Abandoned ABANDONED = new Abandoned();

    interface Builder {
        Object build(Deployments.Resource r) throws InputException;
    }

    private Parallel() {}

    /**
     * The security groups and route tables built, by index in {@code resources} (null elsewhere); null when
     * there are fewer than {@code from}.
     */
    static Object[] build(Context cx, List<Deployments.Resource> resources, int from, Builder builder) {
        List<Integer> heavy = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            Deployments.Resource r = resources.get(i);
            if (r.is(DesignBuilder.NSG) || r.is(DesignBuilder.ROUTE_TABLE)) heavy.add(i);
        }
        if (heavy.size() < from) return null;
        Object[] built = new Object[resources.size()];
        boolean[] failed = new boolean[1];
        cx.parallel(true);
        try {
            int chunks = (heavy.size() + CHUNK - 1) / CHUNK;
            IntStream.range(0, chunks).parallel().forEach(c -> {
                for (int k = c * CHUNK; k < Math.min(heavy.size(), (c + 1) * CHUNK) && !failed[0]; k++) {
                    int i = heavy.get(k);
                    try {
                        built[i] = builder.build(resources.get(i));
                    } catch (InputException | RuntimeException | StackOverflowError e) {
                        failed[0] = true; // a benign race: any thread's write stops the others early
                    }
                }
            });
            if (failed[0] || cx.notedInParallel()) throw ABANDONED;
            return built;
        } finally {
            cx.parallel(false);
        }
    }
}
