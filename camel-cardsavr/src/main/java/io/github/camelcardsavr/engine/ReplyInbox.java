package io.github.camelcardsavr.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Replies handed from the HTTP client's threads to the delivery thread, in arrival order (per channel that is the
 * server's order, as a channel has one call at a time). The delivery thread waits here for the next reply.
 */
final class ReplyInbox {

    /** How long the delivery thread waits for more replies once one came: one wake-up for a millisecond's replies. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ArrayDeque<ChannelReply> queue = new ArrayDeque<>();
    private boolean woken;

    synchronized void add(ChannelReply reply) {
        queue.addLast(reply);
        if (queue.size() == 1) {
            notifyAll();
        }
    }

    /** Ends the current or next {@link #await} even if nothing arrived. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits at most {@code nanos} until a reply is there or {@link #wake()} was called. */
    synchronized void await(long nanos) throws InterruptedException {
        if (queue.isEmpty() && !woken && nanos > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
            if (!woken && !queue.isEmpty() && nanos > LINGER_NANOS) {
                // replies that follow within a millisecond are handled with this one, in one wake-up
                TimeUnit.NANOSECONDS.timedWait(this, LINGER_NANOS);
            }
        }
        woken = false;
    }

    synchronized List<ChannelReply> drain() {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<ChannelReply> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }
}
