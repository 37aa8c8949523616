package io.github.camelcardsavr.client;

import javax.crypto.spec.SecretKeySpec;

/**
 * A 32-byte protocol key (the integrator key, or an ECDH session key) prepared once for both uses: HMAC-SHA256
 * signing and AES-256 body encryption. Never printed.
 */
final class ProtocolKey {

    static final int LENGTH = 32;

    private final SecretKeySpec hmacKey;
    private final SecretKeySpec aesKey;

    private ProtocolKey(byte[] raw) {
        this.hmacKey = new SecretKeySpec(raw, "HmacSHA256");
        this.aesKey = new SecretKeySpec(raw, "AES");
    }

    static ProtocolKey of(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException("A CardSavr key must be " + LENGTH + " bytes, got "
                    + (raw == null ? "none" : raw.length + " bytes"));
        }
        return new ProtocolKey(raw);
    }

    SecretKeySpec hmacKey() {
        return hmacKey;
    }

    SecretKeySpec aesKey() {
        return aesKey;
    }

    @Override
    public String toString() {
        return "ProtocolKey[****]";
    }
}
