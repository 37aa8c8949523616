package io.github.camelcardsavr.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.github.camelcardsavr.model.ApiError;
import io.github.camelcardsavr.client.CardsavrJson;
import org.apache.hc.client5.http.utils.DateUtils;

/** Builds the client's {@link CardsavrException}s, each naming the call (operation, method, path) it belongs to. */
final class Failures {

    private Failures() {
    }

    /** The most {@code _errors} entries named in a failure's message. */
    static final int MAX_NAMED_ERRORS = 5;

    /** An error response whose signature was not checked: status, the {@code _errors} entries and Retry-After. */
    static CardsavrException fromResponse(ApiCall call, RawResponse response, CardsavrException.Reason reason) {
        return fromResponse(call, response, reason, false, null);
    }

    /**
     * An error response (status >= 400): status, the {@code _errors} entries and Retry-After.
     *
     * @param verified       its signature was present, matched and was new
     * @param unverifiedNote why a reply the client could have verified is not, for the message; null when the client
     *                       does not check signatures
     */
    static CardsavrException fromResponse(ApiCall call, RawResponse response, CardsavrException.Reason reason,
                                          boolean verified, String unverifiedNote) {
        List<ApiError> errors = CardsavrJson.parseErrors(response.body);
        StringBuilder message = new StringBuilder(call.describe()).append(" failed: HTTP ").append(response.status);
        if (!errors.isEmpty()) {
            message.append(" (");
            // names and properties are server text, already escaped and capped by ApiError
            for (int i = 0; i < Math.min(errors.size(), MAX_NAMED_ERRORS); i++) {
                ApiError error = errors.get(i);
                message.append(i == 0 ? "" : ", ").append(error.getName() != null ? error.getName() : "error");
                if (error.getProperty() != null) {
                    message.append(" on ").append(error.getProperty());
                }
            }
            if (errors.size() > MAX_NAMED_ERRORS) {
                message.append(" and ").append(errors.size() - MAX_NAMED_ERRORS).append(" more");
            }
            message.append(')');
        }
        Duration retryAfter = parseRetryAfter(response.retryAfter, Instant.now());
        if (retryAfter != null) {
            message.append(", retry after ").append(retryAfter.toSeconds()).append(" s");
        }
        if (unverifiedNote != null) {
            message.append(", ").append(unverifiedNote);
        }
        return new CardsavrException(reason, message.toString(), response.status, errors, retryAfter, null, verified);
    }

    /** A failure raised while processing a call, with the call named in front of its message. */
    static CardsavrException during(ApiCall call, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CardsavrException) {
            CardsavrException known = (CardsavrException) cause;
            String prefix = call.describe();
            return known.getMessage() != null && known.getMessage().startsWith(prefix) ? known
                    : known.withMessage(prefix + ": " + known.getMessage());
        }
        if (cause instanceof BoundedResponseConsumer.TooLargeException) {
            return new CardsavrException(CardsavrException.Reason.BODY_TOO_LARGE,
                    call.describe() + ": response body " + cause.getMessage(), cause);
        }
        if (cause instanceof HttpTransport.DeadlineExceededException) {
            return new CardsavrException(CardsavrException.Reason.TIMEOUT,
                    call.describe() + " timed out: it " + cause.getMessage(), cause);
        }
        // InterruptedIOException covers the socket and connect timeouts of the I/O reactor.
        if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
            return new CardsavrException(CardsavrException.Reason.TIMEOUT,
                    call.describe() + " timed out (" + cause.getClass().getSimpleName() + ")", cause);
        }
        if (cause instanceof SSLException) {
            return new CardsavrException(CardsavrException.Reason.CONNECTION,
                    call.describe() + " failed: TLS error (" + cause.getClass().getSimpleName() + ")" + tlsProblem(cause),
                    cause);
        }
        if (cause instanceof ConnectException || cause instanceof IOException || cause instanceof CancellationException) {
            return new CardsavrException(CardsavrException.Reason.CONNECTION,
                    call.describe() + " failed: connection problem (" + cause.getClass().getSimpleName() + ")", cause);
        }
        return new CardsavrException(CardsavrException.Reason.CONNECTION,
                call.describe() + " failed (" + cause.getClass().getSimpleName() + ")", cause);
    }

    /** The two TLS failures users meet, named; the exception's own text (which quotes names) is not repeated. */
    private static String tlsProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException || (t instanceof CertificateException && t.getMessage() != null
                    && (t.getMessage().contains("subject alternative") || t.getMessage().startsWith("No name matching")))) {
                return ": the server's certificate does not name the host of baseUrl";
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return ": the server's certificate is not trusted (its issuer is not in the trust store)";
            }
        }
        return "";
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Instant when = DateUtils.parseStandardDate(trimmed);
        if (when == null) {
            return null;
        }
        Duration wait = Duration.between(now, when);
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
