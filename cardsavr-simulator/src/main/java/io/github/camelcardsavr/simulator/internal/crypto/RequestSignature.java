package io.github.camelcardsavr.simulator.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CardSavr's request/response signature: base64(HMAC-SHA256(key, path + authorization + nonce + body)).
 * The same computation verifies incoming requests, signs responses and checks webhook vectors.
 */
public final class RequestSignature {

    public static final String AUTHORIZATION_HEADER = "x-cardsavr-authorization";
    public static final String NONCE_HEADER = "x-cardsavr-nonce";
    public static final String SIGNATURE_HEADER = "x-cardsavr-signature";
    public static final String SCHEME_PREFIX = "SWCH-HMAC-SHA256 Credentials=";

    private RequestSignature() {
    }

    public static String authorizationFor(String integratorName) {
        return SCHEME_PREFIX + integratorName;
    }

    public static String sign(byte[] key, String pathWithQuery, String authorization, String nonce, String body) {
        String material = pathWithQuery + authorization + nonce + (body == null ? "" : body);
        return Base64.getEncoder().encodeToString(
                Hashing.hmacSha256(key, material.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when {@code signature} is the valid signature; malformed base64 counts as invalid. */
    public static boolean verify(byte[] key, String pathWithQuery, String authorization, String nonce, String body,
            String signature) {
        if (signature == null || authorization == null || nonce == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(sign(key, pathWithQuery, authorization, nonce, body));
        return Hashing.constantTimeEquals(expected, presented);
    }
}
