package io.github.camelcardsavr.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs one asynchronous call per item with at most {@code maxInFlight} calls outstanding and, when there are more items
 * than that, paces the starts evenly over a window: item {@code i} of {@code n} may start {@code window * i / n} after
 * the run began (and once a slot is free). With {@code n <= maxInFlight} every call starts at once, as a plain bounded
 * fan-out would.
 * <p>
 * Thousands of items cost no thread each and nothing sleeps: one scheduler task at a time releases the items whose
 * start time has come (several per task when they are closer than {@link #MIN_TICK_NANOS}), and a finished call starts
 * the next released item. Whoever releases or finishes drains the work in a loop guarded by a counter, so calls are
 * started by one thread at a time and the stack does not grow with the number of items, even when calls complete at
 * once.
 */
final class PacedFanOut {

    /** Items closer together than this are released by the same scheduler task. */
    static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Runs a task once after a delay. Production: a {@link ScheduledExecutorService}; tests: a virtual clock. */
    @FunctionalInterface
    interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    private final Scheduler scheduler;
    private final LongSupplier nanoClock;

    PacedFanOut(Scheduler scheduler, LongSupplier nanoClock) {
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
    }

    static PacedFanOut on(ScheduledExecutorService executor) {
        return new PacedFanOut((task, delayNanos) -> executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS),
                System::nanoTime);
    }

    /**
     * When item {@code index} of {@code count} may start, in nanoseconds after the run began: 0 for every item when
     * they all fit in {@code maxInFlight} (no added latency in the common small case), else spread evenly over the
     * window.
     */
    static long startOffset(int index, int count, int maxInFlight, long windowNanos) {
        if (count <= maxInFlight || windowNanos <= 0) {
            return 0;
        }
        return (long) ((double) windowNanos * index / count);
    }

    /**
     * Starts the run: the items due at once are started before this method returns, on the calling thread.
     *
     * @param call starts one item's call; the run counts the item done when the returned future completes (in any
     *             way). A call that throws counts as done at once.
     * @param skip told about each item that will never be started because the run was {@link Run#cancel() cancelled}
     */
    <T> Run<T> start(
            List<T> items, int maxInFlight, long windowNanos, Function<T, CompletableFuture<?>> call,
            Consumer<T> skip) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, was " + maxInFlight);
        }
        Run<T> run = new Run<>(List.copyOf(items), maxInFlight, windowNanos, call, skip);
        run.release();
        return run;
    }

    /** One paced fan-out. Thread safe. */
    final class Run<T> {

        private final List<T> items;
        private final int maxInFlight;
        private final long windowNanos;
        private final Function<T, CompletableFuture<?>> call;
        private final Consumer<T> skip;
        private final long startNanos;

        private final AtomicInteger released = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger outstanding;
        private final AtomicInteger work = new AtomicInteger();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile boolean cancelled;
        // the next item to start or skip; only touched inside drain(), which one thread at a time runs
        private int next;

        private Run(List<T> items, int maxInFlight, long windowNanos, Function<T, CompletableFuture<?>> call,
                    Consumer<T> skip) {
            this.items = items;
            this.maxInFlight = maxInFlight;
            this.windowNanos = windowNanos;
            this.call = call;
            this.skip = skip;
            this.startNanos = nanoClock.getAsLong();
            this.outstanding = new AtomicInteger(items.size());
            if (items.isEmpty()) {
                done.complete(null);
            }
        }

        private long offset(int index) {
            return startOffset(index, items.size(), maxInFlight, windowNanos);
        }

        // the one scheduler task of this run: release what is due, then come back for the next item
        private void release() {
            if (cancelled) {
                return;
            }
            int n = items.size();
            long elapsed = nanoClock.getAsLong() - startNanos;
            int r = released.get();
            while (r < n && offset(r) <= elapsed) {
                r++;
            }
            released.set(r);
            drain();
            if (r < n && !cancelled) {
                try {
                    scheduler.schedule(this::release, Math.max(offset(r) - elapsed, MIN_TICK_NANOS));
                } catch (RejectedExecutionException e) {
                    // the consumer is stopping and its scheduler is gone
                    cancel();
                }
            }
        }

        private void drain() {
            if (work.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                int n = items.size();
                while (next < n) {
                    if (cancelled) {
                        skipOne(items.get(next++));
                        continue;
                    }
                    if (next >= released.get() || inFlight.get() >= maxInFlight) {
                        break;
                    }
                    startOne(items.get(next++));
                }
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        private void startOne(T item) {
            inFlight.incrementAndGet();
            started.incrementAndGet();
            CompletableFuture<?> f;
            try {
                f = call.apply(item);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            if (f == null || f.isDone()) {
                inFlight.decrementAndGet();
                finishedOne();
            } else {
                // if f completes meanwhile this runs here, at once: drain() then only notes the extra work
                f.whenComplete((r, e) -> {
                    inFlight.decrementAndGet();
                    finishedOne();
                    drain();
                });
            }
        }

        private void skipOne(T item) {
            try {
                skip.accept(item);
            } catch (RuntimeException e) {
                // the skip action only records the item; it must not stop the others from being skipped
            }
            finishedOne();
        }

        private void finishedOne() {
            if (outstanding.decrementAndGet() == 0) {
                done.complete(null);
            }
        }

        /** Starts no further call: the items not started yet are handed to {@code skip} (calls in flight go on). */
        void cancel() {
            cancelled = true;
            drain();
        }

        boolean isDone() {
            return done.isDone();
        }

        /** Runs the action once every item's call finished or was skipped (at once if that is already so). */
        void whenDone(Runnable action) {
            done.whenComplete((v, e) -> action.run());
        }

        /** Calls started so far. */
        int started() {
            return started.get();
        }

        /** Calls outstanding right now. */
        int inFlight() {
            return inFlight.get();
        }

        int size() {
            return items.size();
        }
    }
}
