package io.github.camelcardsavr.simulator.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Load mode for benchmarks: while on, every broadcast poll with a valid access key answers the same
 * {@code messagesPerPoll} status messages of its job at once, without draining the channel, so a client
 * can be measured flat out. Off by default; a benchmark can observe every such poll (the job id, on the
 * request's thread) to measure each job's polling cadence from the server's side.
 */
public final class Firehose {

    private volatile int messagesPerPoll;
    private volatile LongConsumer observer = jobId -> { };
    private final Map<Long, byte[]> bodies = new ConcurrentHashMap<>();

    public void set(int messagesPerPoll) {
        if (messagesPerPoll < 0) {
            throw new IllegalArgumentException("messagesPerPoll must be 0 (off) or more, was " + messagesPerPoll);
        }
        bodies.clear();
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
        return bodies.computeIfAbsent(jobId, this::body);
    }

    // realistic messages (sizes and fields of a real job's UPDATING phase), never terminal
    private byte[] body(long jobId) {
        int n = messagesPerPoll;
        StringBuilder json = new StringBuilder(n * 190).append('[');
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"job_status\",\"job_id\":").append(jobId)
                    .append(",\"message\":{\"status\":\"UPDATING\",\"percent_complete\":").append(1 + i % 98)
                    .append(".5,\"auth_percent_complete\":100,\"job_timeout\":").append(855_737 - i)
                    .append(",\"status_message\":\"Updating your card on file\"}}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
