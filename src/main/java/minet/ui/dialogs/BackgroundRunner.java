package minet.ui.dialogs;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (an import) off the UI thread and reports back on it. The window uses a cancellable
 * {@link javafx.concurrent.Task} ({@link FxBackgroundRunner}); tests run the work in place.
 */
public interface BackgroundRunner {
    /** A running job; cancelling drops its result. */
    interface Job {
        void cancel();
    }

    <T> Job run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                Runnable onCancelled);

    /** Runs the work at once on the caller's thread: for tests and the command line. */
    BackgroundRunner IN_PLACE = new BackgroundRunner() {
        @Override public <T> Job run(String title, Callable<T> work, Consumer<T> onSuccess,
                                     Consumer<Throwable> onFailure, Runnable onCancelled) {
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onFailure.accept(e);
            }
            return () -> {};
        }
    };
}
