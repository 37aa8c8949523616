package io.github.camelcardsavr.client;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one {@link Mac} per thread: looking a Mac up per request costs more than the hash itself. */
final class Hmac {

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });

    private Hmac() {
    }

    /** A thread-confined Mac initialised with the key; use it before any other call on this thread. */
    static Mac init(SecretKeySpec key) {
        Mac mac = MAC.get();
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 refused a " + key.getEncoded().length + "-byte key", e);
        }
        return mac;
    }

    static byte[] sha256(byte[] key, byte[] message) {
        return init(new SecretKeySpec(key, "HmacSHA256")).doFinal(message);
    }
}
