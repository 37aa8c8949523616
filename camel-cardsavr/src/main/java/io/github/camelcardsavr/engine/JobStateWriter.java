package io.github.camelcardsavr.engine;

import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;

/**
 * What the engine keeps across restarts goes through here: each job's access key and the items the server handed out
 * that the route has not completed. A job is written at most once per change set: what arrived is stored before it is
 * routed, and what the route completed is folded into the job's next write. Thread-safe (the store is): producers add
 * jobs from their own threads, and a job is stored before the producer's exchange completes.
 */
final class JobStateWriter {

    private final CardsavrStateStore store;
    private final boolean durableItems;

    JobStateWriter(CardsavrStateStore store, boolean durableItems) {
        this.store = store;
        this.durableItems = durableItems;
    }

    boolean isEnabled() {
        return store.isEnabled();
    }

    Map<Long, JobRecord> restore() {
        return store.readAll();
    }

    /** A job handed over at run time: stored (with its key) before the caller goes on. */
    void jobAdded(long jobId, String accessKey) {
        store.write(jobId, JobRecord.of(accessKey, false, List.of()));
    }

    /**
     * The job's current keys, unrouted items and what it received; nothing to keep when the server keeps the items
     * itself.
     */
    void save(long jobId, String accessKey, String recoveryKey, JobBuffer buffer) {
        if (durableItems) {
            store.write(jobId, JobRecord.of(accessKey, false, buffer.messages()).timingOutAt(buffer.timesOutAt())
                    .withRecovery(recoveryKey, buffer.fingerprints()));
        }
    }

    /** The job left the consumer; a terminated one is remembered until its slot is reused. */
    void jobFinished(long jobId, boolean terminated) {
        store.release(jobId, terminated);
    }

    long writes() {
        return store.writes();
    }
}
