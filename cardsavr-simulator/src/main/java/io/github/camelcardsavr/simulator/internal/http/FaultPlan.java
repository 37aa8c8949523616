package io.github.camelcardsavr.simulator.internal.http;

/** The faults chosen for one request; decided once, when the request arrives. */
final class FaultPlan {

    static final FaultPlan NONE = new FaultPlan();

    int errorStatus;
    int retryAfterSeconds = -1;
    long latencyMillis;
    boolean drop;
    boolean malformedJson;
    boolean badSignature;
    boolean undecryptable;

    boolean isNone() {
        return errorStatus == 0 && latencyMillis == 0 && !spoilsResponse();
    }

    /** True when the client will not be able to use the response, so what it carried counts as undelivered. */
    boolean spoilsResponse() {
        return drop || malformedJson || badSignature || undecryptable;
    }
}
