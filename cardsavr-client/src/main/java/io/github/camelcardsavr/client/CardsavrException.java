package io.github.camelcardsavr.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.camelcardsavr.model.ApiError;

/**
 * The one failure type of the CardSavr client. Messages name the operation, method, path and status, never
 * secrets or response bodies; the server's {@code _errors} entries are available through {@link #getErrors()}.
 */
public class CardsavrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Reason {
        /** The server answered with a status >= 400. */
        HTTP_STATUS,
        /** The body is not the JSON that was expected (syntax, truncation, shape, nesting). */
        MALFORMED_BODY,
        /** A response signature was missing or did not match. */
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

    public CardsavrException(Reason reason, String message) {
        this(reason, message, 0, List.of(), null, null);
    }

    public CardsavrException(Reason reason, String message, Throwable cause) {
        this(reason, message, 0, List.of(), null, cause);
    }

    public CardsavrException(Reason reason, String message, int statusCode, List<ApiError> errors,
                             Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.statusCode = statusCode;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** A failure carrying an HTTP status (>= 400) and the server's error entries. */
    public static CardsavrException httpStatus(String message, int statusCode, List<ApiError> errors,
                                               Duration retryAfter) {
        return new CardsavrException(Reason.HTTP_STATUS, message, statusCode, errors, retryAfter, null);
    }

    /** A copy of this failure with a different message, same status, errors and cause chain. */
    public CardsavrException withMessage(String message) {
        CardsavrException copy = new CardsavrException(reason, message, statusCode, getErrors(), retryAfter, getCause());
        // Keep the origin of the failure, not the place where context was added.
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public Reason getReason() {
        return reason;
    }

    /** The HTTP status, or 0 when the failure did not come with one. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The server's {@code _errors} entries (empty when none were sent or the body was not readable). */
    public List<ApiError> getErrors() {
        return errors != null ? errors : List.of();
    }

    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
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
