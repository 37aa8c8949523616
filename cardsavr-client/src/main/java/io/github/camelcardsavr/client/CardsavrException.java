package io.github.camelcardsavr.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.camelcardsavr.model.ApiError;

/**
 * The one failure type of the CardSavr client. Messages name the operation, method, path and status, never
 * secrets or response bodies; the server's {@code _errors} entries are available through {@link #getErrors()}
 * (their texts escaped and capped, see {@link ApiError}), and whether the error reply was signed by the server through
 * {@link #isVerified()}.
 */
public class CardsavrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Reason {
        /** The server answered with a status >= 400. */
        HTTP_STATUS,
        /** The body is not the JSON that was expected (syntax, truncation, shape, nesting). */
        MALFORMED_BODY,
        /**
         * A response signature was missing (on a success reply in signed mode), did not match (on any reply, errors
         * included), or repeated one already accepted in the session (a replayed reply).
         */
        BAD_SIGNATURE,
        /** An encrypted body could not be decrypted (wrong key, tampered, unknown format). */
        UNDECRYPTABLE_BODY,
        /** The response body exceeded the configured maximum size. */
        BODY_TOO_LARGE,
        /** Connect, lease or response timeout. */
        TIMEOUT,
        /** Connection refused, reset or closed, TLS failure, client closed. */
        CONNECTION,
        /** Session login was refused or its reply was unusable. */
        LOGIN_FAILED,
        /** The caller passed an argument the client cannot send. */
        INVALID_REQUEST
    }

    private final Reason reason;
    private final transient List<ApiError> errors;
    private final transient Duration retryAfter;
    private final int statusCode;
    private final boolean verified;
    private final boolean sent;
    private final int untrustedStatus;

    public CardsavrException(Reason reason, String message) {
        this(reason, message, 0, List.of(), null, null);
    }

    public CardsavrException(Reason reason, String message, Throwable cause) {
        this(reason, message, 0, List.of(), null, cause);
    }

    /** A failure whose error reply, if any, was not verified (see {@link #isVerified()}). */
    public CardsavrException(Reason reason, String message, int statusCode, List<ApiError> errors,
                             Duration retryAfter, Throwable cause) {
        this(reason, message, statusCode, errors, retryAfter, cause, false);
    }

    /**
     * @param verified the failure is an error reply whose response signature the client checked and found valid
     */
    public CardsavrException(Reason reason, String message, int statusCode, List<ApiError> errors,
                             Duration retryAfter, Throwable cause, boolean verified) {
        this(reason, message, statusCode, errors, retryAfter, cause, verified, true, 0);
    }

    private CardsavrException(Reason reason, String message, int statusCode, List<ApiError> errors,
                              Duration retryAfter, Throwable cause, boolean verified, boolean sent,
                              int untrustedStatus) {
        super(message, cause);
        this.sent = sent;
        this.untrustedStatus = untrustedStatus;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.statusCode = statusCode;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
        this.verified = verified;
    }

    /** A failure carrying an HTTP status (>= 400) and the server's error entries, from an unverified reply. */
    public static CardsavrException httpStatus(String message, int statusCode, List<ApiError> errors,
                                               Duration retryAfter) {
        return httpStatus(message, statusCode, errors, retryAfter, false);
    }

    /** A failure carrying an HTTP status (>= 400) and the server's error entries. */
    public static CardsavrException httpStatus(String message, int statusCode, List<ApiError> errors,
                                               Duration retryAfter, boolean verified) {
        return new CardsavrException(Reason.HTTP_STATUS, message, statusCode, errors, retryAfter, null, verified);
    }

    /** A copy of this failure with a different message, same status, errors, verification and cause chain. */
    public CardsavrException withMessage(String message) {
        return copy(message, sent, untrustedStatus);
    }

    /**
     * This failure, as the reason a call's own request was never sent (its session login failed, or it could not be
     * encoded): the server cannot have acted on that call, whatever kind of failure the login met.
     */
    public CardsavrException beforeSending() {
        return sent ? copy(getMessage(), false, untrustedStatus) : this;
    }

    /** This failure, as one read from a reply with this status that is not trusted (its signature failed). */
    CardsavrException fromUntrustedReply(int status) {
        return copy(getMessage(), sent, status);
    }

    private CardsavrException copy(String message, boolean wasSent, int replyStatus) {
        CardsavrException copy = new CardsavrException(reason, message, statusCode, getErrors(), retryAfter, getCause(),
                verified, wasSent, replyStatus);
        // Keep the origin of the failure, not the place where context was added.
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * False when the call this failure ends never sent its request (see {@link #beforeSending()}): a timeout or cut
     * connection of the session login, say, which says nothing about what the server did with the call.
     */
    public boolean wasSent() {
        return sent;
    }

    public Reason getReason() {
        return reason;
    }

    /** The HTTP status, or 0 when the failure did not come with one. */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * The HTTP status of the reply this failure was read from, trusted or not: {@link #getStatusCode()}, or for a
     * reply refused for its signature the status it claimed (which nothing should act on, except knowing that an error
     * reply, not a success, was refused). 0 when no reply was read or none said.
     */
    public int getReplyStatus() {
        return statusCode != 0 ? statusCode : untrustedStatus;
    }

    /** The server's {@code _errors} entries (empty when none were sent or the body was not readable). */
    public List<ApiError> getErrors() {
        return errors != null ? errors : List.of();
    }

    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * True when this failure is an error reply that carried a response signature the client checked and found valid:
     * signed mode, signed with the session key (or, by a server that no longer knows the session, the integrator
     * key). Such a reply provably came from the server. False for an error reply without signature headers (accepted,
     * because a server that lost the session cannot sign, but not proven to come from the server), for every error
     * reply in the unsigned and token modes, and for failures that are not replies. An error reply whose signature is
     * present but wrong is not an HTTP status at all: it fails with reason {@link Reason#BAD_SIGNATURE}.
     * <p>
     * Decisions that lose data when a reply is forged, such as dropping a subscription on {@link #isAccessKeyRejected()},
     * should wait for a verified reply or a repeated unverified one.
     */
    public boolean isVerified() {
        return verified;
    }

    /** True for 401/403 answers that blame the access key (the subscription must be renewed). */
    public boolean isAccessKeyRejected() {
        if (statusCode != 401 && statusCode != 403) {
            return false;
        }
        for (ApiError error : getErrors()) {
            if ("access_key".equals(error.getProperty()) || "InvalidAccessKey".equals(error.getName())) {
                return true;
            }
        }
        return false;
    }

    /** True for 401 answers (session expired or unknown, or access key rejected). */
    public boolean isUnauthorized() {
        return reason == Reason.HTTP_STATUS && statusCode == 401;
    }

    /** True when trying again later may succeed: 429, 5xx, timeouts and connection failures. */
    public boolean isRetryable() {
        return statusCode == 429 || statusCode >= 500 || reason == Reason.TIMEOUT || reason == Reason.CONNECTION;
    }
}
