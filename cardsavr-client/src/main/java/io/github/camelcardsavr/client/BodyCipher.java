package io.github.camelcardsavr.client;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * CardSavr body encryption. Sends {@code <b64 ciphertext+tag>$<b64 12-byte iv>$aes-256-gcm}; reads that and the
 * older CBC form {@code <b64 ciphertext>$<b64 16-byte iv>} (PKCS#7). Ciphers are kept per thread because looking
 * one up costs more than encrypting a small body.
 */
final class BodyCipher {

    static final String GCM_SUFFIX = "aes-256-gcm";
    static final int GCM_IV_BYTES = 12;
    static final int GCM_TAG_BITS = 128;
    static final int CBC_IV_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));
    private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(() -> cipher("AES/CBC/PKCS5Padding"));

    private BodyCipher() {
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException(transformation + " is not available in this JVM", e);
        }
    }

    /** Encrypts with a fresh random IV into the GCM wire form. */
    static String encrypt(ProtocolKey key, byte[] plaintext) {
        byte[] iv = new byte[GCM_IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(GCM_TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext);
            Base64.Encoder b64 = Base64.getEncoder();
            return b64.encodeToString(ciphertext) + '$' + b64.encodeToString(iv) + '$' + GCM_SUFFIX;
        } catch (GeneralSecurityException e) {
            throw new CardsavrException(CardsavrException.Reason.INVALID_REQUEST,
                    "Cannot encrypt the request body (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Decrypts either wire form.
     *
     * @throws CardsavrException reason UNDECRYPTABLE_BODY when the form is unknown, the IV has the wrong size, or
     *                           the ciphertext does not authenticate or unpad under this key
     */
    static byte[] decrypt(ProtocolKey key, String encrypted) {
        String[] parts = encrypted.split("\\$", -1);
        boolean gcm = parts.length == 3 && GCM_SUFFIX.equalsIgnoreCase(parts[2].trim());
        boolean cbc = parts.length == 2;
        if (!gcm && !cbc) {
            throw undecryptable("has an unknown format (expected ciphertext$iv[$aes-256-gcm])", null);
        }
        byte[] ciphertext;
        byte[] iv;
        try {
            ciphertext = Base64.getDecoder().decode(parts[0].trim());
            iv = Base64.getDecoder().decode(parts[1].trim());
        } catch (IllegalArgumentException e) {
            throw undecryptable("is not valid base64", null);
        }
        int expectedIv = gcm ? GCM_IV_BYTES : CBC_IV_BYTES;
        if (iv.length != expectedIv) {
            throw undecryptable("has a " + iv.length + "-byte IV, expected " + expectedIv + " for " + (gcm ? "GCM" : "CBC"), null);
        }
        try {
            if (gcm) {
                Cipher cipher = GCM.get();
                cipher.init(Cipher.DECRYPT_MODE, key.aesKey(), new GCMParameterSpec(GCM_TAG_BITS, iv));
                return cipher.doFinal(ciphertext);
            }
            Cipher cipher = CBC.get();
            cipher.init(Cipher.DECRYPT_MODE, key.aesKey(), new IvParameterSpec(iv));
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw undecryptable("does not decrypt under the " + (gcm ? "GCM" : "CBC") + " key ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static CardsavrException undecryptable(String problem, Exception cause) {
        return new CardsavrException(CardsavrException.Reason.UNDECRYPTABLE_BODY, "Encrypted body " + problem, cause);
    }
}
