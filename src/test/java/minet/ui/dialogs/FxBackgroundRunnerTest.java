package minet.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import minet.io.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's runner: results come back on the FX thread; a cancelled job's result is dropped. */
class FxBackgroundRunnerTest {
    @BeforeAll static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test void aResultArrivesOnTheFxThread() throws Exception {
        FxBackgroundRunner runner = new FxBackgroundRunner();
        WaitForAsyncUtils.asyncFx(() -> runner.run("work", () -> {
            events.add("worker on fx: " + Platform.isFxApplicationThread());
            return 42;
        }, v -> events.add("done " + v + " on fx: " + Platform.isFxApplicationThread()), e -> events.add("failed"),
                () -> events.add("cancelled"))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.size() == 2);
        assertThat(events).containsExactly("worker on fx: false", "done 42 on fx: true");
    }

    @Test void anInputExceptionReachesTheFailureHandlerAsIs() throws Exception {
        FxBackgroundRunner runner = new FxBackgroundRunner();
        InputException bad = new InputException("a.json", 3, 7, "unexpected ','");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> runner.run("work", () -> { throw bad; }, v -> events.add("done"), failures::add,
                () -> events.add("cancelled"))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !failures.isEmpty());
        assertThat(failures).containsExactly(bad);
        assertThat(events).isEmpty();
    }

    @Test void cancellingDropsTheResult() throws Exception {
        FxBackgroundRunner runner = new FxBackgroundRunner();
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        BackgroundRunner.Job job = WaitForAsyncUtils.asyncFx(() -> runner.run("slow", () -> {
            started.countDown();
            release.await(); // an interrupt from cancel ends the wait
            return "late";
        }, v -> events.add("done " + v), e -> events.add("failed"), () -> events.add("cancelled"))).get();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.asyncFx(job::cancel).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !events.isEmpty());
        release.countDown();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events).containsExactly("cancelled");
    }
}
