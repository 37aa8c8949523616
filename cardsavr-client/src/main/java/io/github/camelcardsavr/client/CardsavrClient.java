package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponse;
import io.github.camelcardsavr.model.CredentialResponseReply;
import io.github.camelcardsavr.client.ParsedList;
import io.github.camelcardsavr.model.SessionLoginReply;
import io.github.camelcardsavr.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CardSavr messaging API client. Thread-safe and asynchronous: every call returns at once and its future
 * completes when the response has been verified, decrypted and parsed. One session is shared by all calls; it is
 * established on first use, and a call rejected with 401 logs in again once (a single login for all callers that
 * hit the same expired session) and is retried once. Futures fail with {@link CardsavrException}, directly or as
 * the cause of a {@link java.util.concurrent.CompletionException}.
 *
 * <p>Unless a completion executor is configured, futures complete on the HTTP client's I/O threads: dependent
 * stages must not block (use the {@code *Async} variants for blocking work).
 */
public final class CardsavrClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CardsavrClient.class);

    static final String ACCESS_KEY_HEADER = "cardsavr-messaging-access-key";
    static final String ACCESS_KEY_HEADER_SDK = "x-cardsavr-cardsavr-messaging-access-key";
    static final String ENVELOPE_HEADER = "x-cardsavr-envelope-id";

    /** Which registration method the server accepted: the SDK's POST, or the seed's GET. */
    enum RegistrationMethod { UNKNOWN, POST, GET }

    private final CardsavrClientConfig config;
    private final HttpTransport transport;
    private final ProtocolCodec codec;
    private final SessionHolder sessions;
    private final Executor completionExecutor;
    private volatile RegistrationMethod registrationMethod = RegistrationMethod.UNKNOWN;
    private volatile boolean closed;
    private static final int MAX_REPORTED_ELEMENTS = 5;

    private CardsavrClient(CardsavrClientConfig config) {
        this.config = config;
        this.transport = new HttpTransport(config);
        this.codec = new ProtocolCodec(config);
        this.completionExecutor = config.getCompletionExecutor();
        if (config.getAuthMode() == AuthMode.TOKEN) {
            Session fixed = new Session(config.sessionToken(), null, SessionLoginReply.ofToken(config.sessionToken()), null);
            this.sessions = new SessionHolder(() -> CompletableFuture.completedFuture(fixed));
        } else {
            LoginExchange login = new LoginExchange(config, codec, transport);
            this.sessions = new SessionHolder(login::login);
        }
    }

    /**
     * The failure a future of this client reports, without the {@code CompletionException} or
     * {@code ExecutionException} around it (usually a {@link CardsavrException}).
     */
    public static Throwable unwrap(Throwable failure) {
        return Failures.unwrap(failure);
    }

    public static CardsavrClient create(CardsavrClientConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        return new CardsavrClient(config);
    }

    public String getBaseUrl() {
        return config.getBaseUrl();
    }

    public CardsavrClientConfig getConfig() {
        return config;
    }

    /** Logs in now (normally implicit). Concurrent callers share one login; an existing session is reused. */
    public CompletableFuture<SessionLoginReply> login() {
        return deliver(sessions.current().thenApply(session -> session.reply));
    }

    /**
     * Registers for a job's broadcasts. Tries the SDK's {@code POST} with {@code {"job_id":n}} and falls back to
     * the seed's {@code GET} on 404/405; whichever works is used from then on.
     */
    public CompletableFuture<Subscription> subscribe(long jobId) {
        CardsavrException invalid = checkId(jobId, "jobId");
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        if (registrationMethod == RegistrationMethod.GET) {
            return deliver(register(jobId, "GET"));
        }
        CompletableFuture<Subscription> viaPost = register(jobId, "POST");
        return deliver(viaPost.handle((subscription, failure) -> {
            if (failure == null) {
                registrationMethod = RegistrationMethod.POST;
                return CompletableFuture.completedFuture(subscription);
            }
            Throwable cause = Failures.unwrap(failure);
            if (isMethodRejected(cause) && registrationMethod != RegistrationMethod.POST) {
                LOG.debug("POST registration answered {}, trying GET", ((CardsavrException) cause).getStatusCode());
                return register(jobId, "GET").thenApply(viaGet -> {
                    registrationMethod = RegistrationMethod.GET;
                    return viaGet;
                });
            }
            return CompletableFuture.<Subscription>failedFuture(cause);
        }).thenCompose(Function.identity()));
    }

    private static boolean isMethodRejected(Throwable failure) {
        if (!(failure instanceof CardsavrException)) {
            return false;
        }
        CardsavrException e = (CardsavrException) failure;
        return e.getReason() == CardsavrException.Reason.HTTP_STATUS && (e.getStatusCode() == 404 || e.getStatusCode() == 405);
    }

    private CompletableFuture<Subscription> register(long jobId, String method) {
        byte[] body = "POST".equals(method) ? ("{\"job_id\":" + jobId + "}").getBytes(StandardCharsets.US_ASCII) : null;
        ApiCall call = new ApiCall("subscribe", method, CardsavrPaths.registrations(jobId), body);
        return send(call, reply -> CardsavrJson.parseSubscription(reply).withJobId(jobId));
    }

    /**
     * Drains this access key's copy of the job's status messages (each message is returned once).
     *
     * <p>Malformed elements: the reply is read element by element. An element of unexpected shape (e.g. {@code job_id}
     * as an object) is skipped and described in {@link ParsedList#malformed()} (index and problem, never content); its
     * well-formed neighbours are returned, as the server has already deleted them, so the caller decides how to report
     * the skipped ones. When no element of the reply could be read, or the body is malformed as a whole (not JSON,
     * truncated, neither an array nor an object), the call fails with reason {@code MALFORMED_BODY}.
     */
    public CompletableFuture<ParsedList<CardsavrMessage>> pollJobBroadcasts(long jobId, String accessKey) {
        return pollJobBroadcasts(jobId, accessKey, null);
    }

    /**
     * As {@link #pollJobBroadcasts(long, String)}, with a response timeout of this call's own (null: the client's): a
     * read that must not be given up early, e.g. of a channel whose content exists nowhere else.
     */
    public CompletableFuture<ParsedList<CardsavrMessage>> pollJobBroadcasts(long jobId, String accessKey,
                                                                           Duration responseTimeout) {
        CardsavrException invalid = checkId(jobId, "jobId");
        if (invalid == null && (accessKey == null || accessKey.isBlank())) {
            invalid = invalid("accessKey is required to poll job broadcasts");
        }
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        ApiCall plain = new ApiCall("pollJobBroadcasts", "GET", CardsavrPaths.broadcasts(jobId), null,
                ACCESS_KEY_HEADER, accessKey, ACCESS_KEY_HEADER_SDK, accessKey);
        ApiCall call = responseTimeout == null ? plain : plain.withResponseTimeout(responseTimeout);
        return deliver(send(call, body -> readBatch(call, CardsavrJson.parseMessageBatch(body))));
    }

    /**
     * The pending messages of all jobs of one cardholder. Malformed elements are handled as by
     * {@link #pollJobBroadcasts(long, String)}.
     */
    public CompletableFuture<ParsedList<CardsavrMessage>> pollCardholderMessages(long cardholderId) {
        CardsavrException invalid = checkId(cardholderId, "cardholderId");
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        ApiCall call = new ApiCall("pollCardholderMessages", "GET", CardsavrPaths.cardholderMessages(cardholderId), null);
        return deliver(send(call, body -> readBatch(call, CardsavrJson.parseMessageBatch(body))));
    }

    /** A reply of which nothing could be read fails as a whole; otherwise its skipped elements travel with it. */
    private static <T> ParsedList<T> readBatch(ApiCall call, ParsedList<T> batch) {
        if (batch.hasMalformed()) {
            LOG.debug("{}: {} malformed element(s) skipped, {} returned", call.describe(), batch.malformed().size(),
                    batch.size());
            if (batch.isEmpty()) {
                throw malformedReport(call, batch);
            }
        }
        return batch;
    }

    /** One exception describing the skipped elements of a reply (never quoting content). */
    public static CardsavrException malformedReport(String operation, ParsedList<?> batch) {
        List<CardsavrException> bad = batch.malformed();
        StringBuilder message = new StringBuilder(operation).append(": ").append(bad.size())
                .append(" malformed element(s) of a reply were skipped (").append(batch.size())
                .append(" well-formed element(s) were returned): ");
        for (int i = 0; i < Math.min(bad.size(), MAX_REPORTED_ELEMENTS); i++) {
            message.append(i == 0 ? "" : "; ").append(bad.get(i).getMessage());
        }
        if (bad.size() > MAX_REPORTED_ELEMENTS) {
            message.append("; and ").append(bad.size() - MAX_REPORTED_ELEMENTS).append(" more");
        }
        return new CardsavrException(CardsavrException.Reason.MALFORMED_BODY, message.toString());
    }

    private static CardsavrException malformedReport(ApiCall call, ParsedList<?> batch) {
        return malformedReport(call.describe(), batch);
    }

    /**
     * The job's open credential requests (they stay until answered or expired). The reply is read element by element:
     * an element of unexpected shape is skipped and listed in
     * {@link ParsedList#malformed()} of the returned list; the well-formed requests are returned. When no element could
     * be read the call fails with {@code MALFORMED_BODY}. (Requests stay on the server, so nothing is lost.)
     */
    public CompletableFuture<ParsedList<CredentialRequest>> pollCredentialRequests(long jobId) {
        CardsavrException invalid = checkId(jobId, "jobId");
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        ApiCall call = new ApiCall("pollCredentialRequests", "GET", CardsavrPaths.credentialRequests(jobId), null);
        return deliver(send(call, body -> readBatch(call, CardsavrJson.parseCredentialRequestBatch(body))));
    }

    /** Answers a credential request through the messages endpoint. */
    public CompletableFuture<CredentialResponseReply> postCredentialResponse(long jobId, CredentialResponse response) {
        CardsavrException invalid = checkId(jobId, "jobId");
        if (invalid == null && response == null) {
            invalid = invalid("a CredentialResponse is required");
        }
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        ApiCall call = new ApiCall("postCredentialResponse", "POST", CardsavrPaths.credentialResponses(jobId),
                CardsavrJson.toJsonBytes(response));
        return deliver(send(call, CardsavrJson::parseCredentialResponseReply));
    }

    /**
     * Answers a credential request with new account credentials:
     * {@code PUT /place_card_on_single_site_jobs/{id}} with {@code {"account":{"account_link":{...}}}}.
     *
     * @return the job as the server returned it
     */
    public CompletableFuture<Map<String, Object>> putJobCredentials(long jobId, String envelopeId, Map<String, String> accountLink) {
        CardsavrException invalid = checkId(jobId, "jobId");
        if (invalid == null) {
            invalid = checkEnvelope(envelopeId);
        }
        if (invalid == null && (accountLink == null || accountLink.isEmpty())) {
            invalid = invalid("accountLink must name at least one field");
        }
        if (invalid == null) {
            for (Map.Entry<String, String> field : accountLink.entrySet()) {
                if (field.getKey() == null || field.getKey().isBlank() || field.getValue() == null) {
                    invalid = invalid("accountLink has a field with a blank name or a null value");
                    break;
                }
            }
        }
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        byte[] body = CardsavrJson.toJsonBytes(Map.of("account", Map.of("account_link", accountLink)));
        return deliver(send(putJob(jobId, envelopeId, "putJobCredentials", body), CardsavrJson::parseObject));
    }

    /** Answers a TFA request: {@code PUT /place_card_on_single_site_jobs/{id}} with {@code {"account":{"tfa":code}}}. */
    public CompletableFuture<Map<String, Object>> putJobTfaCode(long jobId, String envelopeId, String code) {
        CardsavrException invalid = checkId(jobId, "jobId");
        if (invalid == null) {
            invalid = checkEnvelope(envelopeId);
        }
        if (invalid == null && (code == null || code.isBlank())) {
            invalid = invalid("a TFA code is required");
        }
        if (invalid != null) {
            return CompletableFuture.failedFuture(invalid);
        }
        byte[] body = CardsavrJson.toJsonBytes(Map.of("account", Map.of("tfa", code)));
        return deliver(send(putJob(jobId, envelopeId, "putJobTfaCode", body), CardsavrJson::parseObject));
    }

    private static ApiCall putJob(long jobId, String envelopeId, String operation, byte[] body) {
        return new ApiCall(operation, "PUT", CardsavrPaths.job(jobId), body, ENVELOPE_HEADER, envelopeId);
    }

    /** {@code PUT /session/refresh}: extends the current session. */
    public CompletableFuture<Void> refreshSession() {
        ApiCall call = new ApiCall("refreshSession", "PUT", CardsavrPaths.REFRESH, null);
        return deliver(send(call, ignored -> null));
    }

    /**
     * {@code GET /session/end} for the current session, which is forgotten; the next call logs in again. Completes
     * at once when no session was established, and normally when the server already considers it ended (401).
     */
    public CompletableFuture<Void> endSession() {
        Session session = sessions.clear();
        if (session == null || closed) {
            return CompletableFuture.completedFuture(null);
        }
        ApiCall call = new ApiCall("endSession", "GET", CardsavrPaths.END, null);
        return deliver(attempt(call, session, ignored -> (Void) null).exceptionally(failure -> {
            Throwable cause = Failures.unwrap(failure);
            if (cause instanceof CardsavrException && ((CardsavrException) cause).isUnauthorized()) {
                return null;
            }
            throw (CardsavrException) cause;
        }));
    }

    /** Stops the HTTP client; calls made afterwards fail with reason CONNECTION. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            transport.close();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    RegistrationMethod registrationMethod() {
        return registrationMethod;
    }

    /** The established session (token and key), for tests of this package that look for secrets; null while none. */
    Session establishedSession() {
        return sessions.established();
    }

    // ---- call execution --------------------------------------------------------------------------------------

    private <T> CompletableFuture<T> send(ApiCall call, Function<byte[], T> decoder) {
        if (closed) {
            return CompletableFuture.failedFuture(new CardsavrException(CardsavrException.Reason.CONNECTION,
                    call.describe() + ": the client is closed").beforeSending());
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        sessions.current().whenComplete((session, loginFailure) -> {
            if (loginFailure != null) {
                result.completeExceptionally(notSent(loginFailure));
                return;
            }
            attempt(call, session, decoder).whenComplete((value, failure) -> {
                if (failure == null) {
                    result.complete(value);
                    return;
                }
                CardsavrException error = (CardsavrException) Failures.unwrap(failure);
                if (!shouldLogInAgain(error)) {
                    result.completeExceptionally(error);
                    return;
                }
                LOG.debug("{} answered 401; renewing the session and retrying once", call.describe());
                sessions.renew(session).whenComplete((fresh, reloginFailure) -> {
                    if (reloginFailure != null) {
                        // the call itself was answered 401 (nothing done) and is not sent again
                        result.completeExceptionally(notSent(reloginFailure));
                        return;
                    }
                    attempt(call, fresh, decoder).whenComplete((retried, retryFailure) -> {
                        if (retryFailure == null) {
                            result.complete(retried);
                        } else {
                            result.completeExceptionally(Failures.unwrap(retryFailure));
                        }
                    });
                });
            });
        });
        return result;
    }

    private static Throwable notSent(Throwable loginFailure) {
        Throwable cause = Failures.unwrap(loginFailure);
        return cause instanceof CardsavrException e ? e.beforeSending() : cause;
    }

    private boolean shouldLogInAgain(CardsavrException error) {
        // A rejected access key is a subscription problem, not a session problem: a new login would not help.
        return config.getAuthMode() != AuthMode.TOKEN && error.isUnauthorized() && !error.isAccessKeyRejected();
    }

    /** One request with one session; always fails with a {@link CardsavrException}. */
    private <T> CompletableFuture<T> attempt(ApiCall call, Session session, Function<byte[], T> decoder) {
        OutgoingRequest request;
        try {
            request = codec.encode(call, session.token, session.key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Failures.during(call, e).beforeSending());
        }
        long started = System.nanoTime();
        CompletableFuture<T> out = new CompletableFuture<>();
        transport.send(request).whenComplete((response, failure) -> {
            if (failure != null) {
                CardsavrException error = Failures.during(call, failure);
                LOG.debug("{} {} failed after {} ms: {}", request.method, request.path, elapsedMillis(started), error.getReason());
                out.completeExceptionally(error);
                return;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} in {} ms", request.method, request.path, response.status, elapsedMillis(started));
            }
            try {
                out.complete(decoder.apply(codec.decode(call, response, session.key, session.acceptedReplies,
                        CardsavrException.Reason.HTTP_STATUS)));
            } catch (RuntimeException e) {
                out.completeExceptionally(Failures.during(call, e));
            }
        });
        return out;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Unwraps failures and, when configured, moves completion off the I/O threads. */
    private <T> CompletableFuture<T> deliver(CompletableFuture<T> inner) {
        CompletableFuture<T> out = new CompletableFuture<>();
        inner.whenComplete((value, failure) -> {
            Runnable completion = () -> {
                if (failure != null) {
                    out.completeExceptionally(Failures.unwrap(failure));
                } else {
                    out.complete(value);
                }
            };
            if (completionExecutor == null) {
                completion.run();
                return;
            }
            try {
                completionExecutor.execute(completion);
            } catch (RejectedExecutionException e) {
                completion.run();
            }
        });
        return out;
    }

    private static CardsavrException checkId(long id, String name) {
        return id > 0 ? null : invalid(name + " must be positive, got " + id);
    }

    private static CardsavrException checkEnvelope(String envelopeId) {
        return envelopeId == null || envelopeId.isBlank() ? invalid("envelopeId is required") : null;
    }

    private static CardsavrException invalid(String message) {
        return new CardsavrException(CardsavrException.Reason.INVALID_REQUEST, message);
    }

    @Override
    public String toString() {
        return "CardsavrClient[" + config.getBaseUrl() + ", " + config.getAuthMode() + (closed ? ", closed" : "") + "]";
    }
}
