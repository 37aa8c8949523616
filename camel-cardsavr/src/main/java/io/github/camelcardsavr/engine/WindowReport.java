package io.github.camelcardsavr.engine;

/**
 * What one delivery window did.
 *
 * @param delivered   exchanges the route completed
 * @param calls       calls whose outcome arrived in this window
 * @param failedCalls calls of this window that failed
 */
public record WindowReport(int delivered, int calls, int failedCalls) {

    /** True when calls were made and every one of them failed. */
    public boolean allCallsFailed() {
        return calls > 0 && failedCalls == calls;
    }
}
