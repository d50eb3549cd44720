package minet.ui.validation;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import minet.model.Design;

/**
 * Re-validates in the background after each edit: requests are debounced, run one at a time on a worker, and only
 * the newest request's result is published (a generation counter drops anything a later edit superseded).
 * Validation never runs on the caller's thread, so the window cannot stall.
 *
 * @param <R> what one run produces (a Report, or a Report with flow verdicts)
 */
public final class LiveValidator<R> implements AutoCloseable {

    /** Runs a task after a delay; returns a handle to cancel it. The worker is single-threaded. */
    public interface Scheduler {
        Runnable schedule(Runnable task, long delayMillis);

        default void shutdown() {}

        /** A daemon single-thread scheduler: one validation at a time, never on the FX thread. */
        static Scheduler singleThread(String name) {
            ScheduledExecutorService s = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            return new Scheduler() {
                @Override public Runnable schedule(Runnable task, long delayMillis) {
                    ScheduledFuture<?> f = s.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                    return () -> f.cancel(false);
                }

                @Override public void shutdown() { s.shutdownNow(); }
            };
        }
    }

    public static final long DEBOUNCE_MILLIS = 100;

    private final BiFunction<Design, String, R> analysis;
    private final Scheduler scheduler;
    private final Executor publishOn;
    private final Consumer<R> sink;
    private final long debounceMillis;
    private final AtomicLong generation = new AtomicLong();
    private volatile Runnable pending = () -> {};
    private boolean paused;
    private Runnable held;

    /**
     * @param analysis  the pure work (e.g. {@code Validator::validate})
     * @param scheduler the worker that debounces and runs it
     * @param publishOn where results are delivered (Platform::runLater in the window)
     * @param sink      receives the newest result only
     */
    public LiveValidator(BiFunction<Design, String, R> analysis, Scheduler scheduler, Executor publishOn,
                         Consumer<R> sink, long debounceMillis) {
        this.analysis = Objects.requireNonNull(analysis);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.publishOn = Objects.requireNonNull(publishOn);
        this.sink = Objects.requireNonNull(sink);
        this.debounceMillis = debounceMillis;
    }

    /** Holds requests (on the caller's thread) until {@link #resume()}; then the newest runs at once. */
    public void pause() { paused = true; }

    public void resume() {
        if (!paused) return;
        paused = false;
        Runnable r = held;
        held = null;
        if (r != null) r.run();
    }

    /** Asks for a validation of this snapshot; any earlier request not yet published is superseded. */
    public void request(Design design, String profile) {
        if (paused) {
            held = () -> requestNow(design, profile);
            return;
        }
        long g = generation.incrementAndGet();
        pending.run();
        pending = scheduler.schedule(() -> run(g, design, profile), debounceMillis);
    }

    /** Validates at once (after opening or importing a design), still off the caller's thread. */
    public void requestNow(Design design, String profile) {
        if (paused) {
            held = () -> requestNow(design, profile);
            return;
        }
        long g = generation.incrementAndGet();
        pending.run();
        pending = scheduler.schedule(() -> run(g, design, profile), 0);
    }

    private void run(long g, Design design, String profile) {
        if (generation.get() != g) return; // a newer edit is already queued
        R result;
        try {
            result = analysis.apply(design, profile);
        } catch (RuntimeException e) {
            // A rule that throws must not kill the worker; the next edit validates again.
            java.util.logging.Logger.getLogger(LiveValidator.class.getName())
                    .log(java.util.logging.Level.WARNING, "validation failed", e);
            return;
        }
        publishOn.execute(() -> {
            if (generation.get() == g) sink.accept(result);
        });
    }

    /** The number of requests so far: lets tests and the status bar tell a stale result from a fresh one. */
    public long generation() { return generation.get(); }

    @Override public void close() { scheduler.shutdown(); }
}
