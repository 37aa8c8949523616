package io.github.camelcardsavr.engine;

import java.util.concurrent.TimeUnit;

/**
 * A failed call of one channel, or elements of a reply that could not be read (the call itself succeeded).
 *
 * @param channelId        the job id, or the cardholder id
 * @param callName         e.g. {@code broadcast poll}
 * @param cause            the client's exception
 * @param callFailed       false when only some elements of a successful reply were skipped
 * @param nextAttemptNanos when the channel will be called again ({@code System.nanoTime()}), or 0 when at its next due
 *                         time
 */
public record CallFailure(long channelId, String callName, Throwable cause, boolean callFailed, long nextAttemptNanos) {

    /**
     * One line for logs and handlers: the call, the job, the client's message (which never holds secrets) and when the
     * job is called again.
     */
    public String describe() {
        String text = "CardSavr " + callName + " " + channelId + " failed: " + cause.getMessage();
        if (!callFailed) {
            return text;
        }
        long wait = nextAttemptNanos == 0 ? 0 : nextAttemptNanos - System.nanoTime();
        return text + (wait > 0 ? "; next attempt in " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms"
                : "; polled again at its next turn");
    }
}
