package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The signed-login password proof: {@code base64(HMAC-SHA256(PBKDF2-HMAC-SHA256(password, SHA-256(username),
 * 5000, 32 bytes), integratorKey))}. The password itself never leaves the client.
 */
final class PasswordProof {

    static final int ITERATIONS = 5000;
    static final int KEY_BYTES = 32;

    private PasswordProof() {
    }

    static String compute(String username, String password, byte[] integratorKey) {
        byte[] derived = pbkdf2(password, sha256(username.getBytes(StandardCharsets.UTF_8)), ITERATIONS, KEY_BYTES);
        try {
            return Base64.getEncoder().encodeToString(Hmac.sha256(derived, integratorKey));
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** PBKDF2-HMAC-SHA256; the JDK encodes the password characters as UTF-8, as the SDKs do. */
    static byte[] pbkdf2(String password, byte[] salt, int iterations, int lengthBytes) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, lengthBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
