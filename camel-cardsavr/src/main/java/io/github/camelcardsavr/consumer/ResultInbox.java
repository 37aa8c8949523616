package io.github.camelcardsavr.consumer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Outcomes of HTTP calls handed from the client's threads to the consumer's poll thread, which waits here until one
 * arrives or it is woken (the poll's calls are all done).
 */
final class ResultInbox<R> {

    private final ArrayDeque<R> queue = new ArrayDeque<>();
    private boolean woken;

    synchronized void add(R outcome) {
        queue.addLast(outcome);
        notifyAll();
    }

    /** Ends the current or next {@link #await} even if nothing arrived. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits at most {@code millis} until an outcome is there or {@link #wake()} was called. */
    synchronized void await(long millis) throws InterruptedException {
        if (queue.isEmpty() && !woken) {
            wait(millis);
        }
        woken = false;
    }

    /** Everything that arrived, oldest first. */
    synchronized List<R> drain() {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<R> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }
}
