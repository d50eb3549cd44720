package minet.ui.dialogs;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs each job as a javafx.concurrent.Task on one daemon thread, in the order asked (an autosave never lands after
 * the save that cleared it); results come back on the FX thread, a cancelled job's result is dropped.
 */
public final class FxBackgroundRunner implements BackgroundRunner {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minet-background");
        t.setDaemon(true);
        return t;
    });

    @Override public <T> Job run(String title, Callable<T> work, Consumer<T> onSuccess,
                                 Consumer<Throwable> onFailure, Runnable onCancelled) {
        Task<T> task = new Task<>() {
            @Override protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        task.setOnCancelled(e -> onCancelled.run());
        worker.execute(task);
        return () -> task.cancel(true);
    }
}
