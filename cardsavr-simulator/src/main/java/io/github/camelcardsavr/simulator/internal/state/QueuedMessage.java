package io.github.camelcardsavr.simulator.internal.state;

/** One serialised message waiting in a channel, with the (simulator clock) time it was queued. */
public record QueuedMessage(long jobId, byte[] json, long queuedAtMillis) {
}
