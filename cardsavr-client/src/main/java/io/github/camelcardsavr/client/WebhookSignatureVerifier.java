package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Verifies CardSavr webhook (completion notification) signatures. Webhooks are signed like API messages, with
 * the integrator key, over {@code url + authorization + nonce + body}; during key rotation a webhook may be signed
 * with the previous key, so both are accepted.
 */
public final class WebhookSignatureVerifier {

    private final List<ProtocolKey> keys;

    private WebhookSignatureVerifier(List<ProtocolKey> keys) {
        this.keys = keys;
    }

    /**
     * @param currentIntegratorKey  base64 of the current 32-byte integrator key
     * @param previousIntegratorKey base64 of the previous key, or null when there is none
     * @throws IllegalArgumentException when a key is not base64 of 32 bytes (the message does not show the key)
     */
    public static WebhookSignatureVerifier of(String currentIntegratorKey, String previousIntegratorKey) {
        List<ProtocolKey> keys = new ArrayList<>(2);
        keys.add(decode(currentIntegratorKey, "currentIntegratorKey"));
        if (previousIntegratorKey != null && !previousIntegratorKey.isBlank()) {
            keys.add(decode(previousIntegratorKey, "previousIntegratorKey"));
        }
        return new WebhookSignatureVerifier(List.copyOf(keys));
    }

    private static ProtocolKey decode(String base64, String name) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64");
        }
        if (raw.length != ProtocolKey.LENGTH) {
            throw new IllegalArgumentException(name + " must be base64 of " + ProtocolKey.LENGTH + " bytes, got " + raw.length);
        }
        return ProtocolKey.of(raw);
    }

    /**
     * @param url           the webhook URL as the server signed it (the vector signs the full URL)
     * @param authorization the {@code x-cardsavr-authorization} header
     * @param nonce         the {@code x-cardsavr-nonce} header
     * @param body          the raw request body
     * @param signature     the {@code x-cardsavr-signature} header
     * @return true when the current or the previous key produced the signature
     */
    public boolean isValid(String url, String authorization, String nonce, byte[] body, String signature) {
        String path = RequestSigner.decodePath(url);
        for (ProtocolKey key : keys) {
            if (RequestSigner.verify(key, path, authorization, nonce, body, signature)) {
                return true;
            }
        }
        return false;
    }

    public boolean isValid(String url, String authorization, String nonce, String body, String signature) {
        return isValid(url, authorization, nonce, body == null ? null : body.getBytes(StandardCharsets.UTF_8), signature);
    }

    /** Like {@link #isValid} but throws {@link CardsavrException} (reason BAD_SIGNATURE) on a mismatch. */
    public void verify(String url, String authorization, String nonce, byte[] body, String signature) {
        if (!isValid(url, authorization, nonce, body, signature)) {
            throw new CardsavrException(CardsavrException.Reason.BAD_SIGNATURE,
                    signature == null || signature.isBlank()
                            ? "Webhook has no x-cardsavr-signature"
                            : "Webhook signature matches neither the current nor the previous integrator key");
        }
    }

    @Override
    public String toString() {
        return "WebhookSignatureVerifier[keys=" + keys.size() + "]";
    }
}
