package io.github.camelcardsavr.client;

import java.util.concurrent.CompletableFuture;

/**
 * Hands a response to its caller once HttpClient has put the call's connection back in the pool. HttpClient reports
 * a response before it releases the connection, and the job engine sends its next call from that report, on the
 * same I/O thread: every connection was still taken at that moment, so the pool opened another one, grew to about
 * twice the calls in flight, and each poll cost both sides of the connection more (more sockets and buffers in
 * rotation). Reported after the release, the next call takes the connection just freed.
 * <p>
 * HttpClient releases the connection and then releases the response consumer's resources, in that order, for every
 * exchange that completed; a failed one never has a response here. Should the release not be reported, the call's
 * deadline still delivers a response that arrived ({@link #completeIfArrived}), so nothing read is lost.
 */
final class ReleasedResponse {

    private final CompletableFuture<RawResponse> result;
    private RawResponse response;
    private boolean released;

    ReleasedResponse(CompletableFuture<RawResponse> result) {
        this.result = result;
    }

    void arrived(RawResponse arrived) {
        boolean deliver;
        synchronized (this) {
            response = arrived;
            deliver = released;
        }
        if (deliver) {
            result.complete(arrived);
        }
    }

    void connectionReleased() {
        RawResponse deliver;
        synchronized (this) {
            released = true;
            deliver = response;
        }
        if (deliver != null) {
            result.complete(deliver);
        }
    }

    /** Delivers a response that arrived but whose release was not reported; false when none arrived. */
    boolean completeIfArrived() {
        RawResponse arrived;
        synchronized (this) {
            arrived = response;
        }
        return arrived != null && result.complete(arrived);
    }
}
