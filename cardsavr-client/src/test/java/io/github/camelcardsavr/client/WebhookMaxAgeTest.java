package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A correctly signed webhook recorded and sent again later is refused once its nonce is past the maximum age. */
class WebhookMaxAgeTest {

    private static JsonNode webhook;
    private static long signedAt;

    @BeforeAll
    static void loadWebhook() throws Exception {
        webhook = CardsavrJson.mapper().readTree(Fixtures.webhookVector());
        signedAt = Long.parseLong(webhook.get("nonce").asText());
    }

    private static WebhookSignatureVerifier verifier() {
        return WebhookSignatureVerifier.of(webhook.get("integrator_key").asText(), null);
    }

    private static Clock at(long epochMillis) {
        return Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static boolean valid(WebhookSignatureVerifier verifier) {
        return verifier.isValid(webhook.get("path").asText(), webhook.get("authorization").asText(),
                webhook.get("nonce").asText(), webhook.get("body").asText(), webhook.get("signature").asText());
    }

    @Test
    void aWebhookSignedLongAgoIsRefusedByDefault() {
        // the vector was signed by a real server in 2023: correctly signed, but a replay today
        assertThat(valid(verifier())).isFalse();
        assertThatThrownBy(() -> verifier().verify(webhook.get("path").asText(), webhook.get("authorization").asText(),
                webhook.get("nonce").asText(), webhook.get("body").asText().getBytes(StandardCharsets.UTF_8),
                webhook.get("signature").asText()))
                .isInstanceOfSatisfying(CardsavrException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE))
                .hasMessageContaining("s old, beyond the maximum age of 300 s");
    }

    @Test
    void theDefaultMaximumAgeIsFiveMinutesEitherWay() {
        assertThat(WebhookSignatureVerifier.DEFAULT_MAX_AGE).isEqualTo(Duration.ofMinutes(5));
        long limit = Duration.ofMinutes(5).toMillis();
        assertThat(valid(verifier().withClock(at(signedAt + limit)))).isTrue();
        assertThat(valid(verifier().withClock(at(signedAt + limit + 1)))).isFalse();
        // a signer whose clock runs ahead of ours
        assertThat(valid(verifier().withClock(at(signedAt - limit)))).isTrue();
        assertThat(valid(verifier().withClock(at(signedAt - limit - 1)))).isFalse();
    }

    @Test
    void theMaximumAgeIsConfigurable() {
        long anHourLater = signedAt + Duration.ofHours(1).toMillis();
        assertThat(valid(verifier().withClock(at(anHourLater)))).isFalse();
        assertThat(valid(verifier().withMaxAge(Duration.ofMinutes(61)).withClock(at(anHourLater)))).isTrue();
        assertThat(verifier().withMaxAge(Duration.ofSeconds(30)).getMaxAge()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> verifier().withMaxAge(Duration.ZERO)).hasMessageContaining("maxAge must be a positive");
        assertThat(verifier().withMaxAge(Duration.ofSeconds(30)).toString()).contains("maxAge=PT30S");
    }

    @Test
    void aNonceThatIsNoClockIsRefusedEvenWhenSigned() {
        byte[] key = Base64.getDecoder().decode(webhook.get("integrator_key").asText());
        String authorization = webhook.get("authorization").asText();
        String url = webhook.get("path").asText();
        byte[] body = webhook.get("body").asText().getBytes(StandardCharsets.UTF_8);
        String signature = RequestSigner.sign(ProtocolKey.of(key), RequestSigner.decodePath(url), authorization, "abc", body);

        assertThatThrownBy(() -> verifier().verify(url, authorization, "abc", body, signature))
                .hasMessageContaining("not epoch milliseconds");
    }
}
