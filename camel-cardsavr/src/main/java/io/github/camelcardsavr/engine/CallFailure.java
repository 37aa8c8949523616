package io.github.camelcardsavr.engine;

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

    /** One line for logs and handlers: the call, the job, and the client's message (which never holds secrets). */
    public String describe() {
        return "CardSavr " + callName + " " + channelId + " failed: " + cause.getMessage();
    }
}
