package minet.ui.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import minet.model.Design;
import org.junit.jupiter.api.Test;

class LiveValidatorTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final LiveValidator<String> live = new LiveValidator<>((d, p) -> {
        runs.incrementAndGet();
        return d.name() + "@" + p;
    }, scheduler, uiQueue::add, published::add, 100);

    private void drainUi() {
        List<Runnable> now = new ArrayList<>(uiQueue);
        uiQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test void debouncesABurstOfEditsIntoOneRun() {
        live.request(Design.empty("a"), "p");
        live.request(Design.empty("b"), "p");
        live.request(Design.empty("c"), "p");
        assertThat(scheduler.tasks).allMatch(t -> t.delay() == 100);
        scheduler.runPending();
        drainUi();
        assertThat(runs).hasValue(1);
        assertThat(published).containsExactly("c@p");
    }

    @Test void aSupersededRunThatStillStartsIsSkipped() {
        live.request(Design.empty("a"), "p");
        live.request(Design.empty("b"), "p");
        scheduler.runAllEvenCancelled();
        drainUi();
        assertThat(runs).hasValue(1);
        assertThat(published).containsExactly("b@p");
    }

    @Test void aResultFinishedAfterANewerEditIsNeverPublished() {
        live.request(Design.empty("old"), "p");
        scheduler.runPending();           // the worker finished "old" …
        live.request(Design.empty("new"), "p"); // … but an edit came before the UI thread took it
        drainUi();
        assertThat(published).isEmpty();
        scheduler.runPending();
        drainUi();
        assertThat(published).containsExactly("new@p");
    }

    /**
     * The window validates once it has drawn the design it opens: before, the empty placeholder was validated (the
     * Problems panel flashed "No MI subnet found") beside the first drawing. Paused, nothing runs; resumed, the newest
     * request runs at once.
     */
    @Test void whilePausedNothingRunsAndResumingRunsTheNewestAtOnce() {
        live.pause();
        live.requestNow(Design.empty("placeholder"), "p");
        live.request(Design.empty("opened"), "p");
        assertThat(scheduler.tasks).isEmpty();
        live.resume();
        assertThat(scheduler.tasks).singleElement().satisfies(t -> assertThat(t.delay()).isZero());
        scheduler.runPending();
        drainUi();
        assertThat(published).containsExactly("opened@p");
        live.resume(); // a second resume changes nothing
        assertThat(scheduler.tasks).isEmpty();
    }

    @Test void requestNowDoesNotWait() {
        live.requestNow(Design.empty("x"), "q");
        assertThat(scheduler.tasks).singleElement().satisfies(t -> assertThat(t.delay()).isZero());
        scheduler.runPending();
        drainUi();
        assertThat(published).containsExactly("x@q");
    }

    @Test void aThrowingAnalysisDoesNotStopLaterRuns() {
        List<String> out = new ArrayList<>();
        LiveValidator<String> v = new LiveValidator<>((d, p) -> {
            if (d.name().equals("bad")) throw new IllegalStateException("boom");
            return d.name();
        }, scheduler, Runnable::run, out::add, 0);
        v.request(Design.empty("bad"), "p");
        scheduler.runPending();
        v.request(Design.empty("good"), "p");
        scheduler.runPending();
        assertThat(out).containsExactly("good");
    }
}
