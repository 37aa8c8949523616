package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import io.github.camelcardsavr.model.ApiError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    private static final ApiCall POLL = new ApiCall("pollJobBroadcasts", "GET", "/messages/place_card_on_single_site_jobs/7/broadcasts", null,
            "cardsavr-messaging-access-key", "SECRET-ACCESS-KEY");

    private static RawResponse response(int status, String body, String retryAfter) {
        return new RawResponse(status, body.getBytes(StandardCharsets.UTF_8), null, null, null, retryAfter);
    }

    @Test
    void errorResponseCarriesStatusErrorsAndRetryAfter() {
        CardsavrException e = Failures.fromResponse(POLL, response(429,
                "{\"_errors\":[{\"name\":\"TooManyRequests\",\"message\":\"slow down, key SECRET-ACCESS-KEY\"}]}", "7"),
                CardsavrException.Reason.HTTP_STATUS);
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getErrors()).extracting(ApiError::getName).containsExactly("TooManyRequests");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("pollJobBroadcasts", "GET", "/messages/place_card_on_single_site_jobs/7/broadcasts",
                "429", "TooManyRequests", "retry after 7 s").doesNotContain("SECRET-ACCESS-KEY").doesNotContain("slow down");
    }

    @Test
    void accessKeyRejectionIsRecognised() {
        CardsavrException byProperty = Failures.fromResponse(POLL, response(401,
                "{\"_errors\":[{\"name\":\"Unauthorized\",\"message\":\"m\",\"property\":\"access_key\"}]}", null),
                CardsavrException.Reason.HTTP_STATUS);
        assertThat(byProperty.isAccessKeyRejected()).isTrue();
        assertThat(byProperty.isUnauthorized()).isTrue();
        assertThat(byProperty.getMessage()).contains("Unauthorized on access_key");

        CardsavrException byName = Failures.fromResponse(POLL, response(403,
                "{\"_errors\":[{\"name\":\"InvalidAccessKey\"}]}", null), CardsavrException.Reason.HTTP_STATUS);
        assertThat(byName.isAccessKeyRejected()).isTrue();

        CardsavrException session = Failures.fromResponse(POLL, response(401,
                "{\"_errors\":[{\"name\":\"InvalidSession\",\"property\":\"session\"}]}", null), CardsavrException.Reason.HTTP_STATUS);
        assertThat(session.isAccessKeyRejected()).isFalse();
        assertThat(Failures.fromResponse(POLL, response(404, "{\"_errors\":[{\"property\":\"access_key\"}]}", null),
                CardsavrException.Reason.HTTP_STATUS).isAccessKeyRejected()).isFalse();
    }

    @Test
    void unreadableErrorBodiesStillReportTheStatus() {
        CardsavrException e = Failures.fromResponse(POLL, response(502, "<html>bad gateway</html>", null), CardsavrException.Reason.HTTP_STATUS);
        assertThat(e.getStatusCode()).isEqualTo(502);
        assertThat(e.getErrors()).isEmpty();
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.HTTP_STATUS);
        assertThat(e.getMessage()).endsWith("failed: HTTP 502");
    }

    @Test
    void retryAfterSecondsAndHttpDates() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(Failures.parseRetryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Failures.parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Failures.parseRetryAfter("Sun, 31 Dec 2023 00:00:30 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(Failures.parseRetryAfter("soon", now)).isNull();
        assertThat(Failures.parseRetryAfter(null, now)).isNull();
    }

    @Test
    void transportFailuresAreClassified() {
        assertThat(Failures.during(POLL, new CompletionException(new TimeoutException("t"))).getReason())
                .isEqualTo(CardsavrException.Reason.TIMEOUT);
        assertThat(Failures.during(POLL, new java.net.SocketTimeoutException("read")).getReason())
                .isEqualTo(CardsavrException.Reason.TIMEOUT);
        assertThat(Failures.during(POLL, new java.net.ConnectException("refused")).getReason())
                .isEqualTo(CardsavrException.Reason.CONNECTION);
        assertThat(Failures.during(POLL, new javax.net.ssl.SSLHandshakeException("PKIX")).getMessage()).contains("TLS");
        CardsavrException tooLarge = Failures.during(POLL, new BoundedResponseConsumer.TooLargeException("exceeds 10 bytes"));
        assertThat(tooLarge.getReason()).isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
        assertThat(tooLarge.getMessage()).contains("pollJobBroadcasts", "exceeds 10 bytes");
        assertThat(tooLarge.getStatusCode()).isZero();
    }

    @Test
    void knownFailuresGetTheCallPrefixOnce() {
        CardsavrException parse = new CardsavrException(CardsavrException.Reason.MALFORMED_BODY, "Message list is truncated JSON");
        CardsavrException prefixed = Failures.during(POLL, parse);
        assertThat(prefixed.getMessage()).isEqualTo(POLL.describe() + ": Message list is truncated JSON");
        assertThat(Failures.during(POLL, prefixed)).isSameAs(prefixed);
        assertThat(prefixed.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
        assertThat(List.of(prefixed.getErrors())).hasSize(1);
    }

    @Test
    void serverErrorTextCannotForgeLogLinesAndIsCapped() {
        StringBuilder body = new StringBuilder("{\"_errors\":[");
        body.append("{\"name\":\"Denied\\r\\n2030-01-01 00:00:00 WARN [main] forged line\",\"property\":\"x\\u2028y\\u001b[31m\",")
                .append("\"message\":\"").append("m".repeat(10_000)).append("\"}");
        for (int i = 0; i < 99; i++) {
            body.append(",{\"name\":\"E").append(i).append("\"}");
        }
        body.append("]}");

        CardsavrException e = Failures.fromResponse(POLL, response(403, body.toString(), null), CardsavrException.Reason.HTTP_STATUS);

        assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u2028", "\u001b")
                .contains("Denied\\r\\n2030-01-01 00:00:00 WARN [main] forged line on x\\u2028y\\u001b[31m")
                .contains("E3 and 15 more)");
        ApiError first = e.getErrors().get(0);
        assertThat(first.getMessage()).hasSize(200 + "...".length()).endsWith("m...");
        assertThat(first.getName()).doesNotContain("\n");
        assertThat(e.getErrors()).as("entries kept").hasSize(20);
    }
}
