package io.github.camelcardsavr.engine;

import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.state.JobRecord;

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

    /**
     * Delivery thread: the job left the consumer; forget what was kept about it.
     *
     * @param received fingerprints of the messages the job received (see {@link MessageFingerprint})
     */
    default void forget(long jobId, long[] received) {
    }

    /**
     * True when a job's buffer must outlive its emptiness (its fingerprints are needed later, e.g. to recognise
     * messages read again from a recovery channel) until the job ends or times out.
     */
    default boolean remembersJob(long jobId) {
        return false;
    }

    /**
     * True when the type recognises copies of one message read from two channels ({@link JobBuffer#isFirstCopy}): the
     * fingerprints of what a job received are then kept with its state, arrivals included.
     */
    default boolean matchesCopies() {
        return false;
    }

    /** The access key of the job's recovery channel, to keep with the job's state; null when it has none. */
    default String recoveryKey(long jobId) {
        return null;
    }

    /** On start: what the state store kept about the job (e.g. its recovery registration). */
    default void restore(long jobId, JobRecord record) {
    }

    /**
     * Delivery thread: the channel's job has ended. True when the type wants one more call first (e.g. to drain the
     * job's recovery channel); that call's reply is marked {@link ChannelReply#last()}.
     */
    default boolean wantsLastCall(PolledChannel channel) {
        return false;
    }
}
