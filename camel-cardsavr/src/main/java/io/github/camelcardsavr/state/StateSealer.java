package io.github.camelcardsavr.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.spi.StateRepository;

/**
 * Encrypts access keys before they go into a state repository. Repositories log what they store (FileStateRepository
 * does at DEBUG) and their files are rarely protected like a secret store; an access key lets anyone drain a job's
 * channel. The key is derived from the configured credentials, so a restarted route with the same credentials can read
 * it back and nobody with the file alone can: from the integrator key (256 random bits) directly, and from a password,
 * session token or explicit stateSecret with PBKDF2 and a random salt kept next to the state, so that the file does not
 * invite a dictionary attack on the password.
 */
public final class StateSealer {

    private static final String PREFIX = "g1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "camel-cardsavr state v1".getBytes(StandardCharsets.UTF_8);

    /** PBKDF2-HMAC-SHA256 work factor for password-like secrets (OWASP's recommendation for this hash). */
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    // derivations already made in this JVM: a restarted route does not pay the work factor again
    private static final Map<String, byte[]> DERIVED = new ConcurrentHashMap<>();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * A sealer for a password-like secret: PBKDF2 with the salt stored under {@code saltKey} in the repository (made
     * and stored on first use).
     */
    public static StateSealer fromPassword(String secret, StateRepository<String, String> repository, String saltKey) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A secret is required to seal consumer state");
        }
        String salt = repository.getState(saltKey);
        if (salt == null || salt.isBlank()) {
            byte[] fresh = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(fresh);
            salt = Base64.getUrlEncoder().withoutPadding().encodeToString(fresh);
            repository.setState(saltKey, salt);
        }
        byte[] saltBytes = Base64.getUrlDecoder().decode(salt.trim());
        byte[] derived = DERIVED.computeIfAbsent(cacheKey(secret, saltBytes), k -> pbkdf2(secret, saltBytes));
        return new StateSealer(new SecretKeySpec(derived, "AES"));
    }

    /** A sealer for a high-entropy secret, e.g. the base64 integrator key. */
    public static StateSealer fromKey(String secret) {
        return new StateSealer(secret);
    }

    private StateSealer(SecretKeySpec key) {
        this.key = key;
    }

    private static byte[] pbkdf2(String secret, byte[] salt) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return factory.generateSecret(new PBEKeySpec(secret.toCharArray(), salt, PBKDF2_ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    // a digest, so the cache holds no secret in the clear beyond the derived key it protects
    private static String cacheKey(String secret, byte[] salt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return Base64.getEncoder().encodeToString(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private StateSealer(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A secret is required to seal consumer state");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(CONTEXT), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return PREFIX + b64.encodeToString(iv) + "." + b64.encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    /**
     * @return the plain value, or empty when the value was sealed with other credentials or is damaged
     */
    public Optional<String> unseal(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = sealed.substring(PREFIX.length()).split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, b64.decode(parts[0])));
            return Optional.of(new String(cipher.doFinal(b64.decode(parts[1])), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
