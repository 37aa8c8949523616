package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;

/**
 * CardSavr message signatures: {@code base64(HMAC-SHA256(key, path + authorization + nonce + body))}, where the
 * path is URL-decoded and includes the query, and the body is the exact text sent (empty for a GET). Used for
 * requests, responses and webhooks alike.
 */
final class RequestSigner {

    static final String AUTHORIZATION_PREFIX = "SWCH-HMAC-SHA256 Credentials=";
    private static final byte[] EMPTY = new byte[0];

    private RequestSigner() {
    }

    static String authorization(String integratorName) {
        return AUTHORIZATION_PREFIX + integratorName;
    }

    static String sign(ProtocolKey key, String path, String authorization, String nonce, byte[] body) {
        return Base64.getEncoder().encodeToString(mac(key, path, authorization, nonce, body));
    }

    /** Constant-time check of a base64 signature; a missing or non-base64 signature does not match. */
    static boolean verify(ProtocolKey key, String path, String authorization, String nonce, byte[] body,
                          String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] provided;
        try {
            provided = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(key, path, authorization, nonce, body), provided);
    }

    private static byte[] mac(ProtocolKey key, String path, String authorization, String nonce, byte[] body) {
        Mac mac = Hmac.init(key.hmacKey());
        mac.update(utf8(path));
        mac.update(utf8(authorization));
        mac.update(utf8(nonce));
        mac.update(body == null ? EMPTY : body);
        return mac.doFinal();
    }

    private static byte[] utf8(String text) {
        return text == null ? EMPTY : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Percent-decodes a path the way the server sees it before signing. Unlike form decoding, '+' stays '+'.
     */
    static String decodePath(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        byte[] in = path.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int length = 0;
        for (int i = 0; i < in.length; i++) {
            int high = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int low = high >= 0 ? Character.digit(in[i + 2], 16) : -1;
            if (in[i] == '%' && low >= 0) {
                out[length++] = (byte) ((high << 4) | low);
                i += 2;
            } else {
                out[length++] = in[i];
            }
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }
}
