package io.github.camelcardsavr.simulator.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash primitives of the CardSavr protocol, written against the JDK only so the simulator never shares
 * code (or a bug) with the client it is meant to check.
 */
public final class Hashing {

    /** CardSavr's fixed PBKDF2 cost for the password proof. */
    public static final int PASSWORD_PBKDF2_ITERATIONS = 5000;
    private static final int KEY_BYTES = 32;

    /** Provider lookup is the slow part of a MAC; every request signs or verifies at least once. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    });

    private Hashing() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** HMAC-SHA256 of the parts one after the other, as if they were one array. */
    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public static byte[] pbkdf2Sha256(String password, byte[] salt, int iterations, int lengthBytes) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, lengthBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(chars, '\0');
        }
    }

    /** The key a password proof is computed with: PBKDF2(password, SHA-256(username), 5000, 32 bytes). */
    public static byte[] passwordKey(String username, String password) {
        return pbkdf2Sha256(password, sha256(username.getBytes(StandardCharsets.UTF_8)),
                PASSWORD_PBKDF2_ITERATIONS, KEY_BYTES);
    }

    /** password_proof as sent in a signed login: base64(HMAC-SHA256(passwordKey, raw integrator key)). */
    public static String passwordProof(byte[] passwordKey, byte[] integratorKey) {
        return Base64.getEncoder().encodeToString(hmacSha256(passwordKey, integratorKey));
    }

    /** Constant-time comparison, so a wrong signature or proof leaks nothing through timing. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
