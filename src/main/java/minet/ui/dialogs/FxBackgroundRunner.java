package minet.ui.dialogs;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/** Runs each job as a javafx.concurrent.Task on a daemon thread; its title and progress are bindable. */
public final class FxBackgroundRunner implements BackgroundRunner {
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "minet-background");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);

    @Override public <T> Job run(String title, Callable<T> work, Consumer<T> onSuccess,
                                 Consumer<Throwable> onFailure, Runnable onCancelled) {
        Task<T> task = new Task<>() {
            @Override protected T call() throws Exception {
                updateMessage(title);
                updateProgress(-1, 1); // importers do not report steps: indeterminate
                return work.call();
            }
        };
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            done();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            done();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            done();
            onCancelled.run();
        });
        pool.execute(task);
        return () -> task.cancel(true);
    }

    private void done() {
        message.unbind();
        progress.unbind();
        message.set("");
        progress.set(0);
    }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
}
