package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published vectors from Strivve's own SDK tests and a webhook signed by a real CardSavr server. */
class InteroperabilityVectorsTest {

    private static final String SALT_TEXT = "Ouz/hj6TER8Sf+nI2t8h3PICweZ0Jb2o8c4OySIjIIU=";
    private static JsonNode webhook;

    @BeforeAll
    static void loadWebhook() throws Exception {
        webhook = CardsavrJson.mapper().readTree(Fixtures.webhookVector());
    }

    /** The vector's webhook was signed in 2023: verify it with a clock at its signing time. */
    private static WebhookSignatureVerifier atSigningTime(WebhookSignatureVerifier verifier) {
        long signedAt = Long.parseLong(webhook.get("nonce").asText());
        return verifier.withClock(Clock.fixed(Instant.ofEpochMilli(signedAt).plusSeconds(2), ZoneOffset.UTC));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void sha256() {
        assertThat(b64(PasswordProof.sha256("This is a string to test".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("phNlTjUfBv63D27bmLEIeIYHqe9zbSVaF0K3EFvbHUA=");
    }

    @Test
    void pbkdf2WithAsciiSalt() {
        byte[] derived = PasswordProof.pbkdf2("password", SALT_TEXT.getBytes(StandardCharsets.US_ASCII), 5000, 32);
        assertThat(b64(derived)).isEqualTo("ykWREt8EZn335UvJXPcSmRkU13ca4VKuvnRRj07SVyo=");
    }

    @Test
    void passwordProofConstruction() {
        byte[] derived = PasswordProof.pbkdf2("password", PasswordProof.sha256("username".getBytes(StandardCharsets.UTF_8)), 5000, 32);
        assertThat(b64(Hmac.sha256(derived, SALT_TEXT.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("BCWnfGG2Hb70aFXne6A2pFCZgn8NCSjENwOZVf8L9ko=");
        // compute() is the same construction with the raw integrator key as the message.
        assertThat(PasswordProof.compute("username", "password", SALT_TEXT.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("BCWnfGG2Hb70aFXne6A2pFCZgn8NCSjENwOZVf8L9ko=");
    }

    @Test
    void realWebhookSignatureVerifies() {
        WebhookSignatureVerifier verifier = atSigningTime(WebhookSignatureVerifier.of(webhook.get("integrator_key").asText(), null));
        assertThat(verifier.isValid(webhook.get("path").asText(), webhook.get("authorization").asText(),
                webhook.get("nonce").asText(), webhook.get("body").asText(), webhook.get("signature").asText())).isTrue();
        assertThat(webhook.get("signature").asText()).isEqualTo("IvP5sku4yDw9ALA3hkaqodHNNCmPqYEYzfGtwY2ZdNE=");
    }

    @Test
    void webhookSignedWithThePreviousKeyIsAcceptedDuringRotation() {
        String newKey = b64(new byte[32]);
        WebhookSignatureVerifier verifier = atSigningTime(WebhookSignatureVerifier.of(newKey, webhook.get("integrator_key").asText()));
        assertThat(verifier.isValid(webhook.get("path").asText(), webhook.get("authorization").asText(),
                webhook.get("nonce").asText(), webhook.get("body").asText(), webhook.get("signature").asText())).isTrue();
    }

    @Test
    void tamperedWebhookIsRejected() {
        WebhookSignatureVerifier verifier = atSigningTime(WebhookSignatureVerifier.of(webhook.get("integrator_key").asText(), null));
        String body = webhook.get("body").asText().replace("BILLABLE", "PROCESS_FAILURE");
        assertThat(verifier.isValid(webhook.get("path").asText(), webhook.get("authorization").asText(),
                webhook.get("nonce").asText(), body, webhook.get("signature").asText())).isFalse();
        assertThat(verifier.isValid(webhook.get("path").asText(), webhook.get("authorization").asText(),
                "1695884151470", webhook.get("body").asText(), webhook.get("signature").asText())).isFalse();
        assertThatThrownBy(() -> verifier.verify(webhook.get("path").asText(), webhook.get("authorization").asText(),
                webhook.get("nonce").asText(), body.getBytes(StandardCharsets.UTF_8), webhook.get("signature").asText()))
                .isInstanceOfSatisfying(CardsavrException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE))
                .hasMessageNotContaining(webhook.get("integrator_key").asText());
        assertThat(verifier.isValid(webhook.get("path").asText(), webhook.get("authorization").asText(),
                webhook.get("nonce").asText(), webhook.get("body").asText(), null)).isFalse();
    }

    @Test
    void verifierRejectsBadKeysWithoutShowingThem() {
        assertThatThrownBy(() -> WebhookSignatureVerifier.of("c2hvcnQ=", null))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> WebhookSignatureVerifier.of("not base64 !!", null)).hasMessageContaining("base64");
        assertThat(WebhookSignatureVerifier.of(b64(new byte[32]), null).toString()).doesNotContain("AAAA");
    }
}
