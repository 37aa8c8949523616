package io.github.camelcardsavr.simulator.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Load mode for benchmarks: while on, every broadcast poll with a valid access key answers
 * {@code messagesPerPoll} new status messages of its job at once, without draining the channel, so a
 * client can be measured flat out. As on a real job, each message's {@code job_timeout} is lower than the
 * one before, so no two messages of a job are alike. Off by default; a benchmark can observe every such
 * poll (the job id, on the request's thread) to measure each job's polling cadence from the server's side.
 */
public final class Firehose {

    // far enough off that no benchmark reaches it: a job that says it times out is let go by the component
    private static final long FIRST_JOB_TIMEOUT = 1_000_000_000_000L;

    private volatile int messagesPerPoll;
    private volatile LongConsumer observer = jobId -> { };
    private final Map<Long, AtomicLong> published = new ConcurrentHashMap<>();

    public void set(int messagesPerPoll) {
        if (messagesPerPoll < 0) {
            throw new IllegalArgumentException("messagesPerPoll must be 0 (off) or more, was " + messagesPerPoll);
        }
        this.messagesPerPoll = messagesPerPoll;
    }

    public void observe(LongConsumer pollObserver) {
        this.observer = pollObserver == null ? jobId -> { } : pollObserver;
    }

    boolean isOn() {
        return messagesPerPoll > 0;
    }

    int messagesPerPoll() {
        return messagesPerPoll;
    }

    byte[] poll(long jobId) {
        observer.accept(jobId);
        int n = messagesPerPoll;
        long first = published.computeIfAbsent(jobId, id -> new AtomicLong()).getAndAdd(n);
        return body(jobId, first, n);
    }

    // realistic messages (sizes and fields of a real job's UPDATING phase), never terminal
    private static byte[] body(long jobId, long first, int n) {
        StringBuilder json = new StringBuilder(n * 190).append('[');
        for (int i = 0; i < n; i++) {
            long seq = first + i;
            json.append(i == 0 ? "" : ",").append("{\"type\":\"job_status\",\"job_id\":").append(jobId)
                    .append(",\"message\":{\"status\":\"UPDATING\",\"percent_complete\":").append(1 + seq % 98)
                    .append(".5,\"auth_percent_complete\":100,\"job_timeout\":").append(FIRST_JOB_TIMEOUT - seq)
                    .append(",\"status_message\":\"Updating your card on file\"}}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
