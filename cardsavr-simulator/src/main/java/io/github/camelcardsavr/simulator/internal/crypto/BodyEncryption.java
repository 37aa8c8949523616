package io.github.camelcardsavr.simulator.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code encrypted_body} wire format in its two schemes: {@code <b64 ct+tag>$<b64 12-byte iv>$aes-256-gcm}
 * and the JavaScript SDK's CBC form {@code <b64 ct>$<b64 16-byte iv>} (PKCS#7 padding). Both are read; a
 * reply is written in the scheme its session speaks.
 */
public final class BodyEncryption {

    /** The two schemes, named as the admin API reports them. */
    public enum Scheme {
        GCM("aes-256-gcm"), CBC("aes-256-cbc");

        private final String wireName;

        Scheme(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public static final String GCM_SUFFIX = "aes-256-gcm";
    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final int CBC_IV_BYTES = 16;
    // one generator per thread: the default one is shared behind a lock and reads /dev/urandom for every IV; of the
    // JDK's others SHA1PRNG draws a 12-byte IV fastest (DRBG took three times the default's time)
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(BodyEncryption::newRandom);
    // looking a Cipher up costs more than encrypting a small reply, and every signed reply is encrypted
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));
    private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(() -> cipher("AES/CBC/PKCS5Padding"));

    private BodyEncryption() {
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The SHA1PRNG SecureRandom is not available in this JVM", e);
        }
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available in this JVM", e);
        }
    }

    public static String encryptGcm(byte[] key, byte[] plaintext) {
        byte[] iv = new byte[GCM_IV_BYTES];
        RANDOM.get().nextBytes(iv);
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder b64 = Base64.getEncoder();
            return b64.encodeToString(ciphertext) + "$" + b64.encodeToString(iv) + "$" + GCM_SUFFIX;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    public static String encrypt(Scheme scheme, byte[] key, byte[] plaintext) {
        return scheme == Scheme.CBC ? encryptCbc(key, plaintext) : encryptGcm(key, plaintext);
    }

    public static String encryptCbc(byte[] key, byte[] plaintext) {
        byte[] iv = new byte[CBC_IV_BYTES];
        RANDOM.get().nextBytes(iv);
        try {
            Cipher cipher = CBC.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder b64 = Base64.getEncoder();
            return b64.encodeToString(ciphertext) + "$" + b64.encodeToString(iv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC encryption failed", e);
        }
    }

    /** The scheme an {@code encrypted_body} is written in, judged by its shape alone; null when it is neither. */
    public static Scheme schemeOf(String encryptedBody) {
        if (encryptedBody == null) {
            return null;
        }
        String[] parts = encryptedBody.split("\\$", -1);
        if (parts.length == 3 && GCM_SUFFIX.equalsIgnoreCase(parts[2])) {
            return Scheme.GCM;
        }
        return parts.length == 2 ? Scheme.CBC : null;
    }

    /** Decrypts either form; every failure (format, key, tag) becomes an {@link UndecryptableBodyException}. */
    public static byte[] decrypt(byte[] key, String encryptedBody) throws UndecryptableBodyException {
        if (encryptedBody == null || encryptedBody.isEmpty()) {
            throw new UndecryptableBodyException("encrypted_body is empty");
        }
        String[] parts = encryptedBody.split("\\$", -1);
        try {
            if (parts.length == 3 && GCM_SUFFIX.equalsIgnoreCase(parts[2])) {
                byte[] iv = Base64.getDecoder().decode(parts[1]);
                if (iv.length != GCM_IV_BYTES) {
                    throw new UndecryptableBodyException("GCM IV must be 12 bytes, was " + iv.length);
                }
                Cipher cipher = GCM.get();
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(GCM_TAG_BITS, iv));
                return cipher.doFinal(Base64.getDecoder().decode(parts[0]));
            }
            if (parts.length == 2) {
                byte[] iv = Base64.getDecoder().decode(parts[1]);
                if (iv.length != CBC_IV_BYTES) {
                    throw new UndecryptableBodyException("CBC IV must be 16 bytes, was " + iv.length);
                }
                Cipher cipher = CBC.get();
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
                return cipher.doFinal(Base64.getDecoder().decode(parts[0]));
            }
            throw new UndecryptableBodyException(
                    "encrypted_body must be '<ct>$<iv>$aes-256-gcm' or '<ct>$<iv>', found " + parts.length + " parts");
        } catch (IllegalArgumentException e) {
            throw new UndecryptableBodyException("encrypted_body is not valid base64");
        } catch (GeneralSecurityException | java.security.ProviderException e) {
            // The JDK reports a too-short GCM input as a ProviderException; both mean "not ours".
            throw new UndecryptableBodyException("encrypted_body could not be decrypted with the session key");
        }
    }

    public static String decryptToString(byte[] key, String encryptedBody) throws UndecryptableBodyException {
        return new String(decrypt(key, encryptedBody), StandardCharsets.UTF_8);
    }

    /** Thrown for any body that cannot be turned back into plaintext; carries no key or body material. */
    public static final class UndecryptableBodyException extends Exception {
        private static final long serialVersionUID = 1L;

        public UndecryptableBodyException(String message) {
            super(message);
        }
    }
}
