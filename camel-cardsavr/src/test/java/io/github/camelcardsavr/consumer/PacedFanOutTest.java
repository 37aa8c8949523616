package io.github.camelcardsavr.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pacing of a poll's calls, on a virtual clock and scheduler: no thread, no sleep, exact start times.
 */
class PacedFanOutTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A scheduler on a virtual clock: tasks run on the test thread when the test advances the time. */
    private static final class VirtualScheduler implements PacedFanOut.Scheduler {
        private record Task(long due, long seq, Runnable task) {
        }

        private final PriorityQueue<Task> tasks = new PriorityQueue<>(
                (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
        private long now = 1_000_000_000L; // any origin: offsets are relative to the run's start
        private long seq;
        private int scheduled;
        private boolean shutDown;

        @Override
        public void schedule(Runnable task, long delayNanos) {
            if (shutDown) {
                throw new RejectedExecutionException("shut down");
            }
            assertThat(delayNanos).isPositive();
            scheduled++;
            tasks.add(new Task(now + delayNanos, seq++, task));
        }

        long now() {
            return now;
        }

        /** Runs every task due up to {@code time}, moving the clock to each task's time. */
        void advanceTo(long time) {
            while (!tasks.isEmpty() && tasks.peek().due <= time) {
                Task t = tasks.poll();
                now = t.due;
                t.task.run();
            }
            now = time;
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                advanceTo(tasks.peek().due);
            }
        }
    }

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final PacedFanOut pacer = new PacedFanOut(scheduler, scheduler::now);

    /** Records when each item's call started and lets the test decide when it completes. */
    private final class Calls {
        final Map<Integer, Long> startedAt = new HashMap<>();
        final Map<Integer, CompletableFuture<Void>> pending = new HashMap<>();
        final boolean completeAtOnce;
        int maxInFlight;

        Calls(boolean completeAtOnce) {
            this.completeAtOnce = completeAtOnce;
        }

        CompletableFuture<?> call(int item) {
            startedAt.put(item, scheduler.now() - origin);
            if (completeAtOnce) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.put(item, f);
            maxInFlight = Math.max(maxInFlight, pending.size());
            return f;
        }

        void completeAll() {
            List<CompletableFuture<Void>> all = new ArrayList<>(pending.values());
            pending.clear();
            all.forEach(f -> f.complete(null));
        }
    }

    private long origin;

    private PacedFanOut.Run<Integer> start(
            int count, int maxInFlight, long window, Calls calls, List<Integer> skipped) {
        origin = scheduler.now();
        return pacer.start(IntStream.range(0, count).boxed().toList(), maxInFlight, window, calls::call,
                skipped::add);
    }

    @Test
    void startsAreSpreadEvenlyOverTheWindowWhenMoreItemsThanSlots() {
        Calls calls = new Calls(true);
        PacedFanOut.Run<Integer> run = start(100, 8, 1000 * MS, calls, new ArrayList<>());

        assertThat(calls.startedAt).containsOnlyKeys(0); // only the first is due at once
        scheduler.runAll();

        assertThat(run.isDone()).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(calls.startedAt.get(i)).as("start of item %d", i).isEqualTo(i * 10 * MS);
        }
        // one scheduler task per release, not per item ahead of time
        assertThat(scheduler.scheduled).isEqualTo(99);
    }

    @Test
    void closeItemsAreReleasedInGroupsNoEarlierThanTheirOffset() {
        Calls calls = new Calls(true);
        int count = 10_000;
        long window = 2500 * MS; // 10,000 jobs, delay 5000: one start every 0.25 ms
        PacedFanOut.Run<Integer> run = start(count, 32, window, calls, new ArrayList<>());
        scheduler.runAll();

        assertThat(run.isDone()).isTrue();
        assertThat(calls.startedAt).hasSize(count);
        for (int i = 0; i < count; i++) {
            long offset = PacedFanOut.startOffset(i, count, 32, window);
            assertThat(calls.startedAt.get(i)).as("start of item %d", i)
                    .isBetween(offset, offset + PacedFanOut.MIN_TICK_NANOS);
        }
        assertThat(calls.startedAt.get(count - 1)).isLessThanOrEqualTo(window);
        assertThat(scheduler.scheduled).isLessThanOrEqualTo((int) (window / PacedFanOut.MIN_TICK_NANOS) + 1);
    }

    @Test
    void fewItemsStartAllAtOnceWithoutTheScheduler() {
        Calls calls = new Calls(false);
        PacedFanOut.Run<Integer> run = start(8, 8, 1000 * MS, calls, new ArrayList<>());

        assertThat(calls.startedAt).hasSize(8).allSatisfy((item, at) -> assertThat(at).isZero());
        assertThat(scheduler.scheduled).isZero();
        assertThat(run.isDone()).isFalse();
        calls.completeAll();
        assertThat(run.isDone()).isTrue();
    }

    @Test
    void concurrencyStaysBoundedAndAFinishedCallStartsTheNextReleasedItem() {
        Calls calls = new Calls(false);
        PacedFanOut.Run<Integer> run = start(40, 4, 400 * MS, calls, new ArrayList<>());

        // by 200 ms items 0..20 are released, but only 4 may be in flight
        scheduler.advanceTo(origin + 200 * MS);
        assertThat(calls.startedAt).hasSize(4);
        assertThat(run.inFlight()).isEqualTo(4);

        calls.completeAll(); // frees the slots: the next four released items start at once
        assertThat(calls.startedAt).hasSize(8);
        assertThat(calls.startedAt.get(7)).isEqualTo(200 * MS);

        while (!run.isDone()) {
            calls.completeAll();
            scheduler.advanceTo(scheduler.now() + 10 * MS);
        }
        assertThat(calls.startedAt).hasSize(40);
        assertThat(calls.maxInFlight).isEqualTo(4);
    }

    @Test
    void noWindowMeansAPlainBoundedFanOut() {
        Calls calls = new Calls(false);
        PacedFanOut.Run<Integer> run = start(20, 5, 0, calls, new ArrayList<>());

        assertThat(calls.startedAt).hasSize(5);
        while (!run.isDone()) {
            calls.completeAll();
        }
        assertThat(calls.startedAt).hasSize(20).allSatisfy((item, at) -> assertThat(at).isZero());
        assertThat(scheduler.scheduled).isZero();
    }

    @Test
    void cancelSkipsWhatHasNotStartedAndLetsCallsInFlightFinish() {
        Calls calls = new Calls(false);
        List<Integer> skipped = new ArrayList<>();
        PacedFanOut.Run<Integer> run = start(50, 4, 500 * MS, calls, skipped);
        scheduler.advanceTo(origin + 25 * MS); // items 0, 1, 2 started

        run.cancel();
        assertThat(calls.startedAt).containsOnlyKeys(0, 1, 2);
        assertThat(skipped).hasSize(47).doesNotContain(0, 1, 2);
        assertThat(run.isDone()).isFalse();

        calls.completeAll();
        assertThat(run.isDone()).isTrue();
        scheduler.runAll(); // the pending release task starts nothing
        assertThat(calls.startedAt).hasSize(3);
    }

    @Test
    void aSchedulerThatIsShutDownCancelsTheRest() {
        Calls calls = new Calls(true);
        List<Integer> skipped = new ArrayList<>();
        scheduler.shutDown = true;
        PacedFanOut.Run<Integer> run = start(10, 2, 100 * MS, calls, skipped);

        assertThat(run.isDone()).isTrue();
        assertThat(calls.startedAt).containsOnlyKeys(0);
        assertThat(skipped).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void callsThatThrowOrCompleteAtOnceDoNotStopTheRun() {
        List<Integer> started = new ArrayList<>();
        origin = scheduler.now();
        PacedFanOut.Run<Integer> run = pacer.start(IntStream.range(0, 2000).boxed().toList(), 3, 0, i -> {
            started.add(i);
            if (i % 2 == 0) {
                throw new IllegalStateException("boom " + i);
            }
            return CompletableFuture.failedFuture(new IllegalStateException("failed " + i));
        }, i -> {
        });
        assertThat(run.isDone()).isTrue();
        assertThat(started).hasSize(2000);
    }

    @Test
    void emptyRunIsDoneAtOnce() {
        PacedFanOut.Run<Integer> run = start(0, 4, 100 * MS, new Calls(true), new ArrayList<>());
        assertThat(run.isDone()).isTrue();
        assertThat(scheduler.scheduled).isZero();
    }
}
