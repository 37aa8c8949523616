package io.github.camelcardsavr.engine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;

/**
 * Everything the engine keeps across restarts goes through here: the index of jobs with state, each job's access key
 * and the items the server handed out that the route has not completed. A job is written at most once per change
 * set: what arrived is stored before it is routed, and what the route completed is folded into the job's next write.
 * Thread-safe: producers add jobs from their own threads, and a job is stored before the producer's exchange
 * completes.
 */
final class JobStateWriter {

    private final CardsavrStateStore store;
    private final boolean durableItems;
    private final Set<Long> index = new LinkedHashSet<>();
    private boolean indexDirty;
    private final AtomicLong writes = new AtomicLong();

    JobStateWriter(CardsavrStateStore store, boolean durableItems) {
        this.store = store;
        this.durableItems = durableItems;
    }

    boolean isEnabled() {
        return store.isEnabled();
    }

    synchronized List<Long> restoreIndex() {
        List<Long> ids = store.readJobIndex();
        index.addAll(ids);
        return ids;
    }

    Optional<JobRecord> read(long jobId) {
        return store.readJob(jobId);
    }

    /** A job handed over at run time: stored (with its key) before the caller goes on. */
    synchronized void jobAdded(long jobId, String accessKey) {
        if (!store.isEnabled()) {
            return;
        }
        if (accessKey != null) {
            store.writeJob(jobId, JobRecord.of(accessKey, false, List.of()));
            writes.incrementAndGet();
        }
        if (index.add(jobId)) {
            writeIndex();
        }
    }

    /** The job's current key and unrouted items. */
    synchronized void save(long jobId, String accessKey, JobBuffer buffer) {
        if (!store.isEnabled() || (!durableItems && accessKey == null)) {
            return;
        }
        store.writeJob(jobId, JobRecord.of(accessKey, false, durableItems ? buffer.messages() : List.of()));
        writes.incrementAndGet();
        if (index.add(jobId)) {
            indexDirty = true;
        }
    }

    /**
     * The job left the consumer. A terminated job keeps a small marker, so that a restarted route with the same jobId
     * list does not poll it again.
     */
    synchronized void jobFinished(long jobId, boolean terminated) {
        if (!store.isEnabled()) {
            return;
        }
        store.writeJob(jobId, JobRecord.of(null, terminated, List.of()));
        writes.incrementAndGet();
        if (index.remove(jobId)) {
            indexDirty = true;
        }
    }

    synchronized void flushIndex() {
        if (indexDirty) {
            writeIndex();
        }
    }

    private void writeIndex() {
        store.writeJobIndex(index);
        writes.incrementAndGet();
        indexDirty = false;
    }

    /** Writes to the repository so far (benchmarks and the reliability doc report it). */
    long writes() {
        return writes.get();
    }

    synchronized Collection<Long> indexed() {
        return List.copyOf(index);
    }
}
