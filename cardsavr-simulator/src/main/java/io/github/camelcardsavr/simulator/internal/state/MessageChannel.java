package io.github.camelcardsavr.simulator.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A destructive message queue: a broadcast channel (one per access key) or a cardholder's queue. A poll
 * drains everything younger than the retention; older messages are dropped, as CardSavr keeps messages
 * an hour. Lock-free, so polls of different channels never contend.
 */
public final class MessageChannel {

    private final String accessKey;
    private final long jobId;
    private final ConcurrentLinkedDeque<QueuedMessage> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private volatile boolean revoked;

    /**
     * @param accessKey the key that drains this channel, or null for a cardholder queue
     * @param jobId the job of a broadcast channel, or 0 for a cardholder queue
     */
    public MessageChannel(String accessKey, long jobId) {
        this.accessKey = accessKey;
        this.jobId = jobId;
    }

    public String accessKey() {
        return accessKey;
    }

    public long jobId() {
        return jobId;
    }

    public void offer(QueuedMessage message) {
        if (!revoked) {
            queue.offerLast(message);
        }
    }

    /** Takes every retained message, oldest first, and counts the poll. */
    public List<QueuedMessage> drain(long nowMillis, long retentionMillis) {
        polls.incrementAndGet();
        List<QueuedMessage> out = new ArrayList<>();
        QueuedMessage message;
        while ((message = queue.pollFirst()) != null) {
            if (nowMillis - message.queuedAtMillis() > retentionMillis) {
                expired.incrementAndGet();
            } else {
                out.add(message);
            }
        }
        delivered.addAndGet(out.size());
        return out;
    }

    /**
     * Puts drained messages back at the head, in their order: used when a fault spoiled the response that
     * carried them and the simulator is told faults must not consume messages.
     */
    public void requeue(List<QueuedMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            queue.offerFirst(messages.get(i));
        }
        delivered.addAndGet(-messages.size());
    }

    /** Drops messages older than the retention; returns how many. */
    public int purgeExpired(long nowMillis, long retentionMillis) {
        int removed = 0;
        QueuedMessage head;
        // Messages are queued in time order (requeued ones go back to where they were), so stop at the first young one.
        while ((head = queue.peekFirst()) != null && nowMillis - head.queuedAtMillis() > retentionMillis) {
            if (queue.remove(head)) {
                removed++;
            }
        }
        expired.addAndGet(removed);
        return removed;
    }

    public void revoke() {
        revoked = true;
        queue.clear();
    }

    public boolean isRevoked() {
        return revoked;
    }

    public int polls() {
        return polls.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public long expired() {
        return expired.get();
    }

    public int pending() {
        return queue.size();
    }

    @Override
    public String toString() {
        return "MessageChannel[job=" + jobId + ", key=" + (accessKey == null ? "cardholder" : "****")
                + ", pending=" + queue.size() + (revoked ? ", revoked" : "") + "]";
    }
}
