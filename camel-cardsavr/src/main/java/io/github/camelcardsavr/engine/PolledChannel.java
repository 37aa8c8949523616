package io.github.camelcardsavr.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One thing a consumer polls on its own cadence: a job's broadcast channel, a job's credential requests, or a
 * cardholder's channel. At most one call per channel is outstanding, so the replies of a channel arrive in the order
 * the server produced them.
 * <p>
 * Threads: the clock owns {@link #dueNanos}; whoever starts a call wins {@link #inFlight}; the call's completion writes
 * the access key and Retry-After before it frees the channel, so the next call sees them.
 */
public final class PolledChannel {

    private final long id;
    private volatile String accessKey;
    private volatile boolean polling = true;
    private volatile boolean paused;
    // in the past until a Retry-After moves it (nanoTime values may be negative, so no zero sentinel)
    private volatile long notBeforeNanos = System.nanoTime();
    private volatile boolean terminatedElsewhere;
    private volatile boolean answered;
    final AtomicBoolean inFlight = new AtomicBoolean();
    /** A due time passed while a call was outstanding: the completion starts the next call at once. */
    final AtomicBoolean overdue = new AtomicBoolean();
    // clock thread only
    long dueNanos;
    // the due time the outstanding call was started for (lateness), written before the call starts
    volatile long callDueNanos;
    // the due time that passed while a call was outstanding
    volatile long overdueDueNanos;

    PolledChannel(long id, String accessKey) {
        this.id = id;
        this.accessKey = accessKey;
    }

    /** The job id, or the cardholder id of a cardholder channel. */
    public long id() {
        return id;
    }

    /** The messaging access key of a broadcast channel; null until subscribed. Never logged. */
    public String accessKey() {
        return accessKey;
    }

    void accessKey(String key) {
        this.accessKey = key;
    }

    /** False once the channel was removed or its job terminated: the clock lets it go. */
    public boolean isPolling() {
        return polling;
    }

    void stopPolling() {
        this.polling = false;
    }

    /** Another consumer saw this job's last message: it is let go as terminated. */
    boolean isTerminatedElsewhere() {
        return terminatedElsewhere;
    }

    void terminatedElsewhere() {
        this.terminatedElsewhere = true;
        this.polling = false;
    }

    /** True while the messages it brought wait in full buffers: no call until the route caught up. */
    boolean isPaused() {
        return paused;
    }

    void paused(boolean value) {
        this.paused = value;
    }

    long notBeforeNanos() {
        return notBeforeNanos;
    }

    void notBefore(long nanos) {
        this.notBeforeNanos = nanos;
    }

    /** True once a call of this channel has returned (successfully or not). */
    boolean hasAnswered() {
        return answered;
    }

    void answered() {
        this.answered = true;
    }

    boolean isInFlight() {
        return inFlight.get();
    }

    @Override
    public String toString() {
        return "PolledChannel[" + id + (polling ? "" : ", stopped") + (paused ? ", paused" : "") + "]";
    }
}
