package minet.ui.shell;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result back on it. The app uses a JavaFX Task; ViewModel tests run it
 * inline.
 */
public interface Background {
    <T> void run(String what, Callable<T> work, Consumer<T> done, Consumer<Exception> failed);

    /** Runs at once on the calling thread (tests). */
    Background INLINE = new Background() {
        @Override public <T> void run(String what, Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                failed.accept(e);
                return;
            }
            done.accept(result);
        }
    };
}
