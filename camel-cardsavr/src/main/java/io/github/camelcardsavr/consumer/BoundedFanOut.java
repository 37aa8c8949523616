package io.github.camelcardsavr.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one asynchronous call per item with at most {@code maxInFlight} calls outstanding: thousands of jobs are polled
 * by a handful of HTTP exchanges at a time, each finished call starting the next, with no thread per job.
 */
final class BoundedFanOut {

    private BoundedFanOut() {
    }

    /**
     * @return a future completed when every call has completed (successfully or not; calls report their own outcome)
     */
    static <T> CompletableFuture<Void> run(List<T> items, int maxInFlight, Function<T, CompletableFuture<?>> call) {
        if (items.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(items.size());
        CompletableFuture<Void> all = new CompletableFuture<>();
        int lanes = Math.min(maxInFlight, items.size());
        for (int i = 0; i < lanes; i++) {
            runLane(items, next, remaining, all, call);
        }
        return all;
    }

    // A lane takes the next item whenever its previous call finishes. Calls that are already complete are handled in
    // the loop instead of a nested callback, so the stack does not grow with the number of items.
    private static <T> void runLane(
            List<T> items, AtomicInteger next, AtomicInteger remaining, CompletableFuture<Void> all,
            Function<T, CompletableFuture<?>> call) {
        while (true) {
            int index = next.getAndIncrement();
            if (index >= items.size()) {
                return;
            }
            CompletableFuture<?> f;
            try {
                f = call.apply(items.get(index));
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            if (!f.isDone()) {
                f.whenComplete((r, e) -> {
                    finished(remaining, all);
                    runLane(items, next, remaining, all, call);
                });
                return;
            }
            finished(remaining, all);
        }
    }

    private static void finished(AtomicInteger remaining, CompletableFuture<Void> all) {
        if (remaining.decrementAndGet() == 0) {
            all.complete(null);
        }
    }
}
