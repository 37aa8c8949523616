package io.github.camelcardsavr.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The buffers of the jobs a consumer delivers, by job id, in the order the jobs first appeared. Delivery thread only. */
public final class JobBuffers {

    private final Map<Long, JobBuffer> buffers = new LinkedHashMap<>();

    /** The job's buffer, created when the job is new. */
    public JobBuffer of(long jobId) {
        return buffers.computeIfAbsent(jobId, JobBuffer::new);
    }

    public JobBuffer find(long jobId) {
        return buffers.get(jobId);
    }

    public int size(long jobId) {
        JobBuffer buffer = buffers.get(jobId);
        return buffer == null ? 0 : buffer.size();
    }

    public boolean anyFull(int maxBuffered) {
        for (JobBuffer buffer : buffers.values()) {
            if (buffer.size() >= maxBuffered) {
                return true;
            }
        }
        return false;
    }

    int countFull(int maxBuffered) {
        int full = 0;
        for (JobBuffer buffer : buffers.values()) {
            if (buffer.size() >= maxBuffered) {
                full++;
            }
        }
        return full;
    }

    Collection<JobBuffer> all() {
        return buffers.values();
    }

    void remove(long jobId) {
        buffers.remove(jobId);
    }

    int count() {
        return buffers.size();
    }
}
