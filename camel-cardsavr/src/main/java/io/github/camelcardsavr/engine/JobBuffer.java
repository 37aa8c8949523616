package io.github.camelcardsavr.engine;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.github.camelcardsavr.model.CardsavrMessage;

/**
 * The items of one job that the server has handed out but the route has not yet processed successfully, oldest
 * first: status messages (which the server deleted when it handed them out) or credential requests. Only the
 * delivery thread touches it.
 */
public final class JobBuffer {

    private final long jobId;
    private final JobBuffers owner;
    private final ArrayDeque<Object> pending = new ArrayDeque<>(4);
    private boolean terminalSeen;
    // when the job's latest message said it times out (epoch ms), 0 when no message said
    private long timesOutAt;
    // what the job has received, so that a message read again (from its recovery channel) is routed once
    private FingerprintMemory fingerprints;
    // items routed after later items of the job (see appendLate), by identity; null while there are none
    private Set<Object> late;
    // the window in which an exchange of this job failed: nothing more of it is routed before the next window
    long failedInWindow = -1;

    JobBuffer(long jobId, JobBuffers owner) {
        this.jobId = jobId;
        this.owner = owner;
    }

    public long jobId() {
        return jobId;
    }

    public void append(Collection<?> items) {
        for (Object item : items) {
            pending.addLast(item);
            if (item instanceof CardsavrMessage m) {
                terminalSeen |= m.isTerminal();
            }
        }
        timesOutAt = timesOutAt(items, System.currentTimeMillis(), timesOutAt);
        if (!items.isEmpty()) {
            owner.appended(this, items.size());
        }
    }

    /** Appends items that come after later ones of the job were routed: they are flagged as late. */
    public void appendLate(Collection<?> items) {
        if (items.isEmpty()) {
            return;
        }
        if (late == null) {
            late = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        late.addAll(items);
        append(items);
    }

    /** True for an item {@link #appendLate} added. */
    public boolean isLate(Object item) {
        return late != null && late.contains(item);
    }

    /** When the job times out after these items (epoch ms): what the latest one with a job_timeout says. */
    static long timesOutAt(Collection<?> items, long nowMillis, long current) {
        long result = current;
        for (Object item : items) {
            if (item instanceof CardsavrMessage m && m.getStatus() != null && m.getStatus().getJobTimeout() != null) {
                result = nowMillis + Math.max(0, m.getStatus().getJobTimeout());
            }
        }
        return result;
    }

    Object peek() {
        return pending.peekFirst();
    }

    /** The route completed the oldest item: forget it. */
    void commitOldest() {
        Object done = pending.pollFirst();
        if (late != null && late.remove(done) && late.isEmpty()) {
            late = null;
        }
        owner.changed(this);
    }

    /** Something about the job the store keeps changed (e.g. its access key). */
    void changed() {
        owner.changed(this);
    }

    /** Drops every item not routed yet (credential requests that the server lists again anyway). */
    public void clear() {
        pending.clear();
        owner.changed(this);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public int size() {
        return pending.size();
    }

    /** A message with termination_type or percent_complete 100 was received (it may not be delivered yet). */
    public boolean terminalSeen() {
        return terminalSeen;
    }

    /** The items not routed yet, oldest first. */
    public Iterable<Object> items() {
        return pending;
    }

    /**
     * A message arrived on one of the job's two channels (primary or recovery), which carry the same stream; false
     * when it is the twin of a copy the other channel brought earlier, and must not be routed again.
     */
    public boolean isFirstCopy(CardsavrMessage message, boolean fromRecovery) {
        if (fingerprints == null) {
            fingerprints = new FingerprintMemory();
        }
        return fingerprints.arrived(message, fromRecovery);
    }

    /** The copies waiting for their twin, tagged by channel, for the state store and the job's last reading. */
    long[] fingerprints() {
        return fingerprints == null ? new long[0] : fingerprints.toArray();
    }

    void restoreFingerprints(long[] waiting) {
        if (waiting.length == 0) {
            return;
        }
        fingerprints = new FingerprintMemory();
        fingerprints.restore(waiting);
    }

    /** When the job's latest message said it times out, in epoch milliseconds; 0 when no message said. */
    public long timesOutAt() {
        return timesOutAt;
    }

    void timesOutAt(long epochMillis) {
        this.timesOutAt = epochMillis;
    }

    /** Those of {@code items} this buffer does not hold (the same objects, not equal ones). */
    List<CardsavrMessage> notHeld(List<CardsavrMessage> items) {
        Set<Object> held = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.forEach(held::add);
        return items.stream().filter(item -> !held.contains(item)).toList();
    }

    /** The pending status messages, oldest first (what the state store keeps). */
    List<CardsavrMessage> messages() {
        return pending.stream().filter(CardsavrMessage.class::isInstance).map(CardsavrMessage.class::cast).toList();
    }

    @Override
    public String toString() {
        return "JobBuffer[" + jobId + ", pending=" + pending.size() + (terminalSeen ? ", terminal seen" : "") + "]";
    }
}
