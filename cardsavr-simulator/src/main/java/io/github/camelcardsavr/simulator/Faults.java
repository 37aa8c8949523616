package io.github.camelcardsavr.simulator;

import java.time.Duration;
import java.util.Map;

import io.github.camelcardsavr.simulator.internal.engine.JobEngine;
import io.github.camelcardsavr.simulator.internal.http.FaultState;
import io.github.camelcardsavr.simulator.internal.http.RequestCounter;
import io.github.camelcardsavr.simulator.internal.state.SessionStore;

/**
 * Fault switches for the CardSavr API (the {@code /_simulator/} admin API is never faulted). Setters are
 * fluent; a fault applies to the path filter that was current when it was set ({@link #onPath(String)}),
 * and setting the same fault on the same filter again replaces it (rate or count 0 switches it off).
 *
 * <p>Responses spoiled by a fault (dropped, malformed, undecryptable, wrongly signed) do not consume the
 * messages they carried unless {@link #consumeOnFault(boolean)} is on: the next poll gets them again.
 * Error statuses (rates, bursts, 429) are answered before the request is processed, so they consume
 * nothing. Latency delays processing: a poll whose client gave up meanwhile still drains its channel,
 * exactly as on a real server.
 */
public final class Faults {

    private final FaultState state;
    private final SessionStore sessions;
    private final JobEngine engine;
    private final RequestCounter counter;

    Faults(FaultState state, SessionStore sessions, JobEngine engine, RequestCounter counter) {
        this.state = state;
        this.sessions = sessions;
        this.engine = engine;
        this.counter = counter;
    }

    /** Limits the faults set after this call to paths containing {@code pathSubstring}; null or "" = all. */
    public Faults onPath(String pathSubstring) {
        state.onPath(pathSubstring);
        return this;
    }

    /** Answers this fraction of requests with {@code status} (e.g. 500, 502, 503) and an {@code _errors} body. */
    public Faults errorRate(double rate, int status) {
        state.errorRate(rate, status);
        return this;
    }

    /** Answers the next {@code count} requests with {@code status}: a deterministic burst. */
    public Faults errorBurst(int count, int status) {
        state.errorBurst(count, status);
        return this;
    }

    /** Answers the next {@code count} requests with 429 and {@code Retry-After: retryAfterSeconds}. */
    public Faults tooManyRequests(int count, int retryAfterSeconds) {
        state.tooManyRequests(count, retryAfterSeconds);
        return this;
    }

    /** Delays every request by this much before processing it (without holding a worker thread). */
    public Faults latency(Duration latency) {
        state.latency(latency);
        return this;
    }

    /** Closes this fraction of connections after half the response body. */
    public Faults dropConnections(double rate) {
        state.rate(FaultState.Kind.DROP_CONNECTION, rate);
        return this;
    }

    /**
     * Every {@code everyNth} reply that carries messages (on the current {@link #onPath} filter) takes them off the
     * channel and then closes the connection without a byte of response, as a server whose connection breaks after
     * it committed the drain; 0 switches it off. Deterministic, unlike {@link #dropConnections}: the replies in between
     * arrive whole.
     */
    public Faults cutDrainingReplies(int everyNth) {
        state.cutDrainingReplies(everyNth);
        return this;
    }

    /**
     * Every {@code everyNth} reply that carries messages (on the current {@link #onPath} filter) takes them off the
     * channel and arrives truncated (inside the encryption in signed sessions), as a reply spoiled in transit after
     * the server committed the drain; 0 switches it off. Deterministic, like {@link #cutDrainingReplies}.
     */
    public Faults spoilDrainingReplies(int everyNth) {
        state.spoilDrainingReplies(everyNth);
        return this;
    }

    /** Truncates this fraction of successful response bodies (inside the encryption in signed sessions). */
    public Faults malformedJson(double rate) {
        state.rate(FaultState.Kind.MALFORMED_JSON, rate);
        return this;
    }

    /** Signs this fraction of responses with a wrong key. */
    public Faults badSignature(double rate) {
        state.rate(FaultState.Kind.BAD_SIGNATURE, rate);
        return this;
    }

    /** Corrupts the ciphertext of this fraction of successful responses (the signature still matches). */
    public Faults undecryptableBody(double rate) {
        state.rate(FaultState.Kind.UNDECRYPTABLE_BODY, rate);
        return this;
    }

    /** Ends every current session: their next call answers 401 InvalidSession. */
    public Faults expireSessions() {
        sessions.expireAll();
        return this;
    }

    /** Revokes one access key: polls with it answer 401 InvalidAccessKey; messages queued on it are gone. */
    public Faults revokeAccessKey(String accessKey) {
        engine.revokeAccessKey(accessKey);
        return this;
    }

    /** Revokes every access key of a job, the creator's included. */
    public Faults revokeAccessKeys(long jobId) {
        SimulatorAdmin.translate(() -> engine.revokeAccessKeys(jobId));
        return this;
    }

    /** Makes POST registration answer 405, so a client's fallback to GET can be tested. */
    public Faults registrationPostUnsupported(boolean unsupported) {
        state.registrationPostUnsupported(unsupported);
        return this;
    }

    /**
     * Makes broadcast polls read only this spelling of the access-key header ({@code cardsavr-messaging-access-key}
     * as in the seed pages, or {@code x-cardsavr-cardsavr-messaging-access-key} as in Strivve's SDK), so a client
     * can be shown to work with a server that knows only one. {@code null} reads both again.
     */
    public Faults onlyAccessKeyHeader(String headerName) {
        state.onlyAccessKeyHeader(headerName);
        return this;
    }

    /** Makes GET registration answer 405. */
    public Faults registrationGetUnsupported(boolean unsupported) {
        state.registrationGetUnsupported(unsupported);
        return this;
    }

    /** True: spoiled responses consume what they carried (the messages are then lost to the client). */
    public Faults consumeOnFault(boolean consume) {
        state.consumeOnFault(consume);
        return this;
    }

    /** Seeds the generator behind every rate, for reproducible fault sequences. */
    public Faults seed(long seed) {
        state.seed(seed);
        return this;
    }

    /** Switches every fault off and clears the path filter (request counts are kept). */
    public Faults reset() {
        state.reset();
        return this;
    }

    /** API requests so far whose path contains the substring (trailing slashes removed). */
    public long requestCount(String pathSubstring) {
        return counter.count(pathSubstring);
    }

    /** How many times each fault kind was applied, e.g. {@code ERROR_RATE=3}. */
    public Map<String, Long> injectedCounts() {
        return state.injectedCounts();
    }
}
