package minet.ui.dialogs;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (open, save, autosave, import) off the UI thread and reports back on it: the one background
 * runner of the app. The window uses {@link FxBackgroundRunner}; tests run the work in place.
 */
public interface BackgroundRunner {
    /** A running job; cancelling drops its result. */
    interface Job {
        void cancel();
    }

    <T> Job run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                Runnable onCancelled);

    /** A job nobody cancels. */
    default <T> Job run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(title, work, onSuccess, onFailure, () -> {});
    }

    /** Runs the work at once on the caller's thread: for tests and the command line. */
    BackgroundRunner IN_PLACE = new BackgroundRunner() {
        @Override public <T> Job run(String title, Callable<T> work, Consumer<T> onSuccess,
                                     Consumer<Throwable> onFailure, Runnable onCancelled) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return () -> {};
            }
            onSuccess.accept(result);
            return () -> {};
        }
    };
}
