package io.github.camelcardsavr.consumer;

import java.util.List;

import io.github.camelcardsavr.model.CardsavrMessage;

/**
 * The outcome of one job's poll, handed from the HTTP client's thread to the poll thread.
 *
 * @param accessKey the key the poll used or obtained (also when the poll then failed, so it is not subscribed twice)
 * @param called    false when the call was never made (the consumer stopped first): the outcome only frees the job
 */
record FetchResult(long jobId, String accessKey, List<CardsavrMessage> messages, Throwable failure, boolean called) {

    static FetchResult ok(long jobId, String accessKey, List<CardsavrMessage> messages) {
        return new FetchResult(jobId, accessKey, messages == null ? List.of() : messages, null, true);
    }

    static FetchResult failed(long jobId, String accessKey, Throwable failure) {
        return new FetchResult(jobId, accessKey, List.of(), failure, true);
    }

    static FetchResult skipped(long jobId) {
        return new FetchResult(jobId, null, List.of(), null, false);
    }

    @Override
    public String toString() {
        return "FetchResult[" + jobId + ", messages=" + messages.size() + ", failed=" + (failure != null)
               + (called ? "" : ", not called") + "]";
    }
}
