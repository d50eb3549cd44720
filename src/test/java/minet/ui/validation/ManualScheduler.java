package minet.ui.validation;

import java.util.ArrayList;
import java.util.List;

/** A scheduler the test drives: tasks wait until {@link #runAll}, cancelled ones are remembered. */
final class ManualScheduler implements LiveValidator.Scheduler {
    record Task(Runnable run, long delay, boolean[] cancelled) {}

    final List<Task> tasks = new ArrayList<>();

    @Override public Runnable schedule(Runnable task, long delayMillis) {
        Task t = new Task(task, delayMillis, new boolean[1]);
        tasks.add(t);
        return () -> t.cancelled()[0] = true;
    }

    /** Runs every task not cancelled, in order. */
    void runPending() {
        List<Task> now = new ArrayList<>(tasks);
        tasks.clear();
        for (Task t : now) if (!t.cancelled()[0]) t.run().run();
    }

    /** Runs every task, cancelled or not: a cancel that lost the race with the worker. */
    void runAllEvenCancelled() {
        List<Task> now = new ArrayList<>(tasks);
        tasks.clear();
        now.forEach(t -> t.run().run());
    }
}
