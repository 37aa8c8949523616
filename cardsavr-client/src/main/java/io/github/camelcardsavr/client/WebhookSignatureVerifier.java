package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies CardSavr webhook (completion notification) signatures. Webhooks are signed like API messages, with
 * the integrator key, over {@code url + authorization + nonce + body}; during key rotation a webhook may be signed
 * with the previous key, so both are accepted.
 * <p>
 * A valid signature alone does not make a webhook fresh: one recorded and sent again later verifies as well. The nonce
 * is the signer's clock in epoch milliseconds, so a webhook whose nonce is further than {@link #getMaxAge()} from this
 * verifier's clock (default {@link #DEFAULT_MAX_AGE}, either way, to allow for clock differences) is refused. Within
 * that window, deduplicate on the nonce and signature if a repeat matters to you.
 */
public final class WebhookSignatureVerifier {

    /** How far a webhook's nonce may be from the verifier's clock by default. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    private final List<ProtocolKey> keys;
    private final Duration maxAge;
    private final Clock clock;

    private WebhookSignatureVerifier(List<ProtocolKey> keys, Duration maxAge, Clock clock) {
        this.keys = keys;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * A verifier with the default maximum age and the system clock.
     *
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
        return new WebhookSignatureVerifier(List.copyOf(keys), DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    /**
     * This verifier with another maximum age: how far a webhook's nonce may be from the clock, either way.
     *
     * @throws IllegalArgumentException when the age is not positive
     */
    public WebhookSignatureVerifier withMaxAge(Duration maxAge) {
        if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must be a positive duration, got " + maxAge);
        }
        return new WebhookSignatureVerifier(keys, maxAge, clock);
    }

    /** This verifier reading the time from another clock (tests, or a clock synchronised with the signer's). */
    public WebhookSignatureVerifier withClock(Clock clock) {
        return new WebhookSignatureVerifier(keys, maxAge, Objects.requireNonNull(clock, "clock"));
    }

    public Duration getMaxAge() {
        return maxAge;
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
     * @return true when the current or the previous key produced the signature and the nonce is within the maximum age
     */
    public boolean isValid(String url, String authorization, String nonce, byte[] body, String signature) {
        return problem(url, authorization, nonce, body, signature) == null;
    }

    public boolean isValid(String url, String authorization, String nonce, String body, String signature) {
        return isValid(url, authorization, nonce, body == null ? null : body.getBytes(StandardCharsets.UTF_8), signature);
    }

    /**
     * Like {@link #isValid} but throws {@link CardsavrException} (reason BAD_SIGNATURE) naming what is wrong: the
     * signature, or the age of the nonce.
     */
    public void verify(String url, String authorization, String nonce, byte[] body, String signature) {
        String problem = problem(url, authorization, nonce, body, signature);
        if (problem != null) {
            throw new CardsavrException(CardsavrException.Reason.BAD_SIGNATURE, problem);
        }
    }

    private String problem(String url, String authorization, String nonce, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return "Webhook has no x-cardsavr-signature";
        }
        if (!signedByAKey(url, authorization, nonce, body, signature)) {
            return "Webhook signature matches neither the current nor the previous integrator key";
        }
        if (nonce == null || nonce.isEmpty() || nonce.length() > 18 || !nonce.chars().allMatch(Character::isDigit)) {
            return "Webhook x-cardsavr-nonce is not epoch milliseconds, so its age cannot be checked";
        }
        long ageMillis = clock.millis() - Long.parseLong(nonce);
        if (Math.abs(ageMillis) > maxAge.toMillis()) {
            return "Webhook nonce is " + Math.abs(ageMillis) / 1000 + " s " + (ageMillis > 0 ? "old" : "in the future")
                    + ", beyond the maximum age of " + maxAge.toSeconds() + " s (a replayed or long-delayed webhook,"
                    + " or clocks apart)";
        }
        return null;
    }

    private boolean signedByAKey(String url, String authorization, String nonce, byte[] body, String signature) {
        String path = RequestSigner.decodePath(url);
        for (ProtocolKey key : keys) {
            if (RequestSigner.verify(key, path, authorization, nonce, body, signature)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "WebhookSignatureVerifier[keys=" + keys.size() + ", maxAge=" + maxAge + "]";
    }
}
