package io.github.camelcardsavr.engine;

import java.util.concurrent.CompletableFuture;

/**
 * What differs between the consumers on top of the engine: the call a channel makes, and what its reply means for
 * the jobs' buffers. Everything else (cadence, concurrency, Retry-After, ordered commit-on-success delivery,
 * persistence, failure reporting) is the engine's.
 */
public interface ChannelType {

    /** Names a call in failure reports, e.g. {@code broadcast poll}. */
    String callName();

    /**
     * Starts one call of the channel. Runs on the clock's or an HTTP client thread: must not block. The future
     * completes with the reply; a future that fails is turned into a failed reply by the engine.
     */
    CompletableFuture<ChannelReply> call(PolledChannel channel);

    /** Delivery thread: puts the items of a successful reply into the buffers of their jobs, oldest last. */
    void accept(ChannelReply reply, JobBuffers buffers);

    /** Delivery thread: true while the channel must not be called because buffers it fills are full. */
    default boolean isBlocked(PolledChannel channel, JobBuffers buffers, int maxBuffered) {
        return buffers.size(channel.id()) >= maxBuffered;
    }

    /** Delivery thread: the route completed this item of the job (the engine has dropped it from the buffer). */
    default void committed(JobBuffer job, Object item) {
    }

    /** Delivery thread: the route failed this item; it and the job's later items stay buffered. */
    default void failed(JobBuffer job, Object item) {
    }

    /** Delivery thread: the job left the consumer; forget what was kept about it. */
    default void forget(long jobId) {
    }
}
