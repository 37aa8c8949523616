package io.github.camelcardsavr.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The buffers of the jobs a consumer delivers, by job id, in the order the jobs first appeared, and which of them have
 * something to route or to store: with ten thousand jobs the delivery loop looks only at those, never at all of them.
 * Delivery thread only.
 */
public final class JobBuffers {

    private final Map<Long, JobBuffer> buffers = new LinkedHashMap<>();
    private final Set<JobBuffer> ready = new LinkedHashSet<>();
    private final Set<JobBuffer> dirty = new LinkedHashSet<>();
    private final Set<JobBuffer> emptied = new LinkedHashSet<>();

    /** The job's buffer, created when the job is new. */
    public JobBuffer of(long jobId) {
        return buffers.computeIfAbsent(jobId, id -> new JobBuffer(id, this));
    }

    public JobBuffer find(long jobId) {
        return buffers.get(jobId);
    }

    public int size(long jobId) {
        JobBuffer buffer = buffers.get(jobId);
        return buffer == null ? 0 : buffer.size();
    }

    public boolean anyFull(int maxBuffered) {
        for (JobBuffer buffer : ready) {
            if (buffer.size() >= maxBuffered) {
                return true;
            }
        }
        return false;
    }

    int countFull(int maxBuffered) {
        int full = 0;
        for (JobBuffer buffer : ready) {
            if (buffer.size() >= maxBuffered) {
                full++;
            }
        }
        return full;
    }

    void appended(JobBuffer buffer) {
        ready.add(buffer);
        dirty.add(buffer);
    }

    void changed(JobBuffer buffer) {
        dirty.add(buffer);
        if (buffer.isEmpty()) {
            ready.remove(buffer);
            emptied.add(buffer);
        }
    }

    /** Buffers with items to route, in the order they got them. */
    List<JobBuffer> ready() {
        return new ArrayList<>(ready);
    }

    /** Buffers whose state the store has not seen yet; the caller stores them. */
    List<JobBuffer> takeDirty() {
        List<JobBuffer> all = new ArrayList<>(dirty);
        dirty.clear();
        return all;
    }

    /** Buffers that became empty since the last call. */
    List<JobBuffer> takeEmptied() {
        List<JobBuffer> all = new ArrayList<>(emptied);
        emptied.clear();
        return all;
    }

    Collection<JobBuffer> all() {
        return buffers.values();
    }

    void remove(long jobId) {
        JobBuffer buffer = buffers.remove(jobId);
        if (buffer != null) {
            ready.remove(buffer);
            dirty.remove(buffer);
            emptied.remove(buffer);
        }
    }

    int count() {
        return buffers.size();
    }
}
