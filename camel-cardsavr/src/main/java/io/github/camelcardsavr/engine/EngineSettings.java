package io.github.camelcardsavr.engine;

import java.time.Duration;

/**
 * The knobs of one engine, taken from the consumer's options.
 *
 * @param interval           how often each channel is polled (the consumer's {@code delay})
 * @param initialDelay       no call before this much time after start
 * @param maxConcurrentPolls calls outstanding at once
 * @param maxBufferedPerJob  a channel is not called while buffers it fills hold this many items
 * @param stopOnTermination  a job's channel stops once its last message arrived
 * @param channelPerJob      true when each channel is one job (jobStatus, credentialRequests); false for a channel
 *                           that carries many jobs (a cardholder)
 * @param durableItems       true when the items are deleted on the server once handed out, so the state store keeps
 *                           them until routed (status messages); false when the server keeps them (credential
 *                           requests)
 * @param retryAfterCap      the longest Retry-After honoured
 * @param callWorstCase      the longest one call can take (lease wait, connect, overall response deadline): how long
 *                           stop waits for outstanding calls so that what they fetched is not lost
 * @param jobTimeoutMargin   a job whose last message has not come this long after its job_timeout passed is let go
 * @param messageRetention   how long the server keeps messages waiting for a poll: a channel not polled successfully
 *                           for longer may have lost messages (the health check says so)
 * @param writeStatePerExchange the job's state is written after each completed exchange, not folded into its next
 *                              write: a process that dies then delivers again at most the exchange it was in
 */
public record EngineSettings(Duration interval, Duration initialDelay, int maxConcurrentPolls, int maxBufferedPerJob,
        boolean stopOnTermination, boolean channelPerJob, boolean durableItems, Duration retryAfterCap,
        Duration callWorstCase, Duration jobTimeoutMargin, Duration messageRetention, boolean writeStatePerExchange) {
}
