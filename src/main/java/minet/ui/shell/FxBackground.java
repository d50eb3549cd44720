package minet.ui.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** File work on one daemon thread, results back on the FX thread, in order. */
public final class FxBackground implements Background {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minet-files");
        t.setDaemon(true);
        return t;
    });

    @Override public <T> void run(String what, Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        Task<T> task = new Task<>() {
            @Override protected T call() throws Exception { return work.call(); }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException() instanceof Exception ex ? ex : new RuntimeException(task.getException())));
        executor.execute(task);
    }
}
