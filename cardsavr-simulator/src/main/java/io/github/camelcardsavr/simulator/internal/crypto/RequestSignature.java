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
        return sign(key, pathWithQuery, authorization, nonce, utf8(body));
    }

    /** The signature of a body already in its wire bytes. */
    public static String sign(byte[] key, String pathWithQuery, String authorization, String nonce, byte[] body) {
        return Base64.getEncoder().encodeToString(mac(key, pathWithQuery, authorization, nonce, body));
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
        return Hashing.constantTimeEquals(mac(key, pathWithQuery, authorization, nonce, utf8(body)), presented);
    }

    // the parts are hashed one after the other rather than joined first: a reply's body is copied once less
    private static byte[] mac(byte[] key, String pathWithQuery, String authorization, String nonce, byte[] body) {
        return Hashing.hmacSha256(key, utf8(pathWithQuery), utf8(authorization), utf8(nonce), body);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
