package io.github.camelcardsavr.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;

/**
 * What the engine keeps across restarts goes through here: each job's access keys (primary and recovery channel), the
 * items the server handed out that the route has not completed, and the fingerprints of what the job received. Items are stored as they arrive, before the delivery thread sees them, so that a
 * process that dies while its route is busy loses nothing it had fetched; what the route completed is folded into the
 * job's next write, or, when each exchange must be committed on its own, counted in a few bytes next to the record
 * (so a commit costs the same whatever the job's backlog).
 * <p>
 * The stored record of a job is always the delivery thread's buffer as last saved plus the arrivals not applied to it
 * yet, whichever thread writes. A write that would store what the store already holds is skipped. Thread-safe.
 */
final class JobStateWriter {

    private final CardsavrStateStore store;
    private final boolean durableItems;
    // the channel type matches copies from two channels: what a job received is kept as fingerprints too
    private final boolean fingerprintsKept;
    private final Map<Long, StoredJob> jobs = new HashMap<>();

    JobStateWriter(CardsavrStateStore store, boolean durableItems, boolean fingerprintsKept) {
        this.store = store;
        this.durableItems = durableItems;
        this.fingerprintsKept = fingerprintsKept;
    }

    boolean isEnabled() {
        return store.isEnabled();
    }

    /** True when fetched items must be stored as they arrive (the server deleted them when it handed them out). */
    boolean storesArrivals() {
        return durableItems && store.isEnabled();
    }

    synchronized Map<Long, JobRecord> restore() {
        Map<Long, JobRecord> records = store.readAll();
        jobs.clear();
        records.forEach((id, record) -> {
            if (!record.terminated()) {
                StoredJob job = new StoredJob();
                job.buffered = record.pending();
                job.key = record.accessKey();
                job.recoveryKey = record.recoveryKey();
                job.fingerprints = record.fingerprints();
                job.timesOutAt = record.timesOutAt();
                // a job with pending items is written afresh on its first save: its record then starts a new epoch
                // for commit counters, and drops what an earlier counter said was completed
                job.written = job.buffered.isEmpty() ? job.record(job.buffered, job.fingerprints) : null;
                jobs.put(id, job);
            }
        });
        return records;
    }

    /** A job handed over at run time: stored (with its key) before the caller goes on. */
    synchronized void jobAdded(long jobId, String accessKey) {
        StoredJob job = jobs.computeIfAbsent(jobId, id -> new StoredJob());
        job.key = accessKey;
        write(jobId, job);
    }

    /**
     * Items a call fetched for the job, before the delivery thread has them: stored now.
     *
     * @return how many items of the job the store now holds (its backlog)
     */
    synchronized int arrived(long jobId, String accessKey, List<CardsavrMessage> items) {
        StoredJob job = jobs.computeIfAbsent(jobId, id -> new StoredJob());
        job.arriving.addAll(items);
        if (accessKey != null) {
            job.key = accessKey;
        }
        job.timesOutAt = JobBuffer.timesOutAt(items, System.currentTimeMillis(), job.timesOutAt);
        write(jobId, job);
        return job.buffered.size() + job.arriving.size();
    }

    /** The delivery thread put the job's oldest {@code count} arrivals into its buffer. */
    synchronized void applied(long jobId, int count) {
        StoredJob job = jobs.get(jobId);
        if (job == null || count == 0) {
            return;
        }
        List<CardsavrMessage> moved = job.arriving.subList(0, Math.min(count, job.arriving.size()));
        // the delivery thread's memory took them in as it applied them: so does the record, until the next save
        job.fingerprints = withReceived(job.fingerprints, moved, fingerprintsKept);
        List<CardsavrMessage> buffered = new ArrayList<>(job.buffered.size() + moved.size());
        buffered.addAll(job.buffered);
        buffered.addAll(moved);
        job.buffered = buffered;
        moved.clear();
    }

    /**
     * Copies of messages delivered before (recognised by the channel type after they were stored as arrivals): taken
     * out of the store, or a restart would deliver them again.
     */
    synchronized void discarded(long jobId, List<CardsavrMessage> copies) {
        StoredJob job = jobs.get(jobId);
        if (job == null) {
            return;
        }
        Set<Object> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(copies);
        job.buffered = job.buffered.stream().filter(m -> !gone.contains(m)).toList();
        job.arriving.removeIf(gone::contains);
        // a recognised copy consumed its twin in the delivery thread's memory instead of waiting there itself
        job.fingerprints = without(job.fingerprints, copies);
        if (job.buffered.isEmpty() && job.arriving.isEmpty() && job.key == null && job.recoveryKey == null) {
            // a job the engine no longer follows (its last copies came late): nothing of it to keep
            jobs.remove(jobId);
            store.release(jobId, false);
        } else {
            write(jobId, job);
        }
    }

    /**
     * The job's current keys, unrouted items and what it received; nothing to keep when the server keeps the items
     * itself.
     */
    synchronized void save(long jobId, String accessKey, String recoveryKey, JobBuffer buffer) {
        if (!durableItems) {
            return;
        }
        StoredJob job = jobs.computeIfAbsent(jobId, id -> new StoredJob());
        job.buffered = buffer.messages();
        if (accessKey != null) {
            job.key = accessKey;
        }
        job.recoveryKey = recoveryKey;
        job.fingerprints = buffer.fingerprints();
        // the time-out is taken from the items as they arrive (or from the stored record), not recomputed here: a
        // value that differs only by when the buffer saw the same items would make every save a write
        write(jobId, job);
    }

    /**
     * The route completed the job's oldest item: counted next to the job's record, or the job written afresh when the
     * record does not hold that item first.
     */
    synchronized void committed(long jobId, String accessKey, String recoveryKey, JobBuffer buffer, Object item) {
        if (!durableItems) {
            return;
        }
        StoredJob job = jobs.get(jobId);
        if (job != null && job.written != null && !job.buffered.isEmpty() && job.buffered.get(0) == item
            && job.committed < job.written.pending().size() && job.written.pending().get(job.committed) == item) {
            if (store.writeCommitted(jobId, job.committed + 1)) {
                job.committed++;
                job.buffered = job.buffered.subList(1, job.buffered.size());
                return;
            }
        }
        save(jobId, accessKey, recoveryKey, buffer);
    }

    /** The job left the consumer; a terminated one is remembered until its slot is reused. */
    synchronized void jobFinished(long jobId, boolean terminated) {
        StoredJob job = jobs.get(jobId);
        if (job != null && !job.arriving.isEmpty()) {
            // a cardholder's reply brought more of this job meanwhile: it stays, with what arrived
            job.buffered = List.of();
            write(jobId, job);
            return;
        }
        jobs.remove(jobId);
        store.release(jobId, terminated);
    }

    long writes() {
        return store.writes();
    }

    private void write(long jobId, StoredJob job) {
        List<CardsavrMessage> pending = job.buffered;
        if (!job.arriving.isEmpty()) {
            pending = new ArrayList<>(job.buffered.size() + job.arriving.size());
            pending.addAll(job.buffered);
            pending.addAll(job.arriving);
        }
        JobRecord record = job.record(pending, withReceived(job.fingerprints, job.arriving, fingerprintsKept));
        if (job.written != null && holds(job.written, job.committed, record)) {
            return;
        }
        store.write(jobId, record);
        job.written = record;
        job.committed = 0;
    }

    // the store already holds this: the same key and time-out, and the same message objects in the same order once
    // the counted commits are taken off the written record
    private static boolean holds(JobRecord written, int committed, JobRecord record) {
        List<CardsavrMessage> stored = written.pending();
        if (!Objects.equals(written.accessKey(), record.accessKey()) || written.timesOutAt() != record.timesOutAt()
            || !Objects.equals(written.recoveryKey(), record.recoveryKey())
            || !Arrays.equals(written.fingerprints(), record.fingerprints())
            || stored.size() - committed != record.pending().size()) {
            return false;
        }
        for (int i = 0; i < record.pending().size(); i++) {
            if (stored.get(committed + i) != record.pending().get(i)) {
                return false;
            }
        }
        return true;
    }

    // a job's stored fingerprints are those of every message it received, arrivals included: a job restored elsewhere
    // (a restart, a partition that moved) must recognise the recovery channel's copies of what was routed here
    private static long[] withReceived(long[] fingerprints, List<CardsavrMessage> received, boolean kept) {
        if (!kept || received.isEmpty()) {
            return fingerprints;
        }
        int total = fingerprints.length + received.size();
        long[] all = Arrays.copyOf(fingerprints, total);
        for (int i = 0; i < received.size(); i++) {
            all[fingerprints.length + i] = FingerprintMemory.tag(MessageFingerprint.of(received.get(i)), false);
        }
        return total <= FingerprintMemory.CAPACITY ? all
                : Arrays.copyOfRange(all, total - FingerprintMemory.CAPACITY, total);
    }

    private static long[] without(long[] fingerprints, List<CardsavrMessage> copies) {
        long[] kept = fingerprints.clone();
        int length = kept.length;
        for (CardsavrMessage copy : copies) {
            long tagged = FingerprintMemory.tag(MessageFingerprint.of(copy), false);
            for (int i = length - 1; i >= 0; i--) {
                if (kept[i] == tagged) {
                    System.arraycopy(kept, i + 1, kept, i, length - i - 1);
                    length--;
                    break;
                }
            }
        }
        return Arrays.copyOf(kept, length);
    }

    /** What the store holds of one job: the buffer as last saved, then the arrivals not in the buffer yet. */
    private static final class StoredJob {
        List<CardsavrMessage> buffered = List.of();
        final List<CardsavrMessage> arriving = new ArrayList<>();
        String key;
        String recoveryKey;
        // what the delivery thread's fingerprint memory held at the last save, plus the arrivals applied since
        long[] fingerprints = new long[0];
        long timesOutAt;
        // the last record written, and how many of its oldest items were counted as completed since
        JobRecord written;
        int committed;

        JobRecord record(List<CardsavrMessage> pending, long[] received) {
            return new JobRecord(key, false, false, pending, timesOutAt, recoveryKey, received);
        }
    }
}
