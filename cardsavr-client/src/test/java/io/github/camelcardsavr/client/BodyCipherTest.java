package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] RAW_KEY = randomBytes(32);
    private static final ProtocolKey KEY = ProtocolKey.of(RAW_KEY);
    private static final byte[] PLAIN = "{\"job_id\":101,\"text\":\"grüße\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void gcmRoundTripUsesTheWireForm() {
        String encrypted = BodyCipher.encrypt(KEY, PLAIN);
        String[] parts = encrypted.split("\\$");
        assertThat(parts).hasSize(3);
        assertThat(parts[2]).isEqualTo("aes-256-gcm");
        assertThat(Base64.getDecoder().decode(parts[1])).hasSize(12);
        assertThat(Base64.getDecoder().decode(parts[0])).hasSize(PLAIN.length + 16);
        assertThat(BodyCipher.decrypt(KEY, encrypted)).isEqualTo(PLAIN);
    }

    @Test
    void gcmMatchesAnIndependentJdkDecryption() throws Exception {
        String[] parts = BodyCipher.encrypt(KEY, PLAIN).split("\\$");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(RAW_KEY, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
        assertThat(cipher.doFinal(Base64.getDecoder().decode(parts[0]))).isEqualTo(PLAIN);
    }

    @Test
    void ivIsNeverReused() {
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ivs.add(BodyCipher.encrypt(KEY, PLAIN).split("\\$")[1]);
        }
        assertThat(ivs).hasSize(500);
    }

    @Test
    void legacyCbcIsDecrypted() throws Exception {
        byte[] iv = randomBytes(16);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(RAW_KEY, "AES"), new IvParameterSpec(iv));
        String wire = Base64.getEncoder().encodeToString(cipher.doFinal(PLAIN)) + "$" + Base64.getEncoder().encodeToString(iv);
        assertThat(BodyCipher.decrypt(KEY, wire)).isEqualTo(PLAIN);
    }

    @Test
    void tamperedGcmCiphertextIsRejected() {
        String[] parts = BodyCipher.encrypt(KEY, PLAIN).split("\\$");
        byte[] ciphertext = Base64.getDecoder().decode(parts[0]);
        ciphertext[3] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(ciphertext) + "$" + parts[1] + "$" + parts[2];
        assertUndecryptable(tampered, "does not decrypt");
    }

    @Test
    void tamperedTagAndWrongKeyAreRejected() {
        String encrypted = BodyCipher.encrypt(KEY, PLAIN);
        String[] parts = encrypted.split("\\$");
        byte[] ciphertext = Base64.getDecoder().decode(parts[0]);
        ciphertext[ciphertext.length - 1] ^= (byte) 0x80;
        assertUndecryptable(Base64.getEncoder().encodeToString(ciphertext) + "$" + parts[1] + "$" + parts[2], "does not decrypt");
        assertUndecryptable(encrypted.replace(parts[1], Base64.getEncoder().encodeToString(randomBytes(12))), "does not decrypt");
        assertThatThrownBy(() -> BodyCipher.decrypt(ProtocolKey.of(randomBytes(32)), encrypted))
                .isInstanceOf(CardsavrException.class).hasMessageContaining("does not decrypt");
    }

    @Test
    void unknownFormsAndWrongIvSizesAreRejected() {
        assertUndecryptable("onlyonepart", "unknown format");
        assertUndecryptable("a$b$c$d", "unknown format");
        assertUndecryptable("AAAA$AAAA$aes-128-ctr", "unknown format");
        assertUndecryptable("!!!$AAAAAAAAAAAAAAAA", "not valid base64");
        assertUndecryptable(BodyCipher.encrypt(KEY, PLAIN).split("\\$")[0] + "$" + Base64.getEncoder().encodeToString(randomBytes(16))
                + "$aes-256-gcm", "16-byte IV");
        assertUndecryptable("AAAA$" + Base64.getEncoder().encodeToString(randomBytes(12)), "12-byte IV");
    }

    private static void assertUndecryptable(String wire, String expected) {
        assertThatThrownBy(() -> BodyCipher.decrypt(KEY, wire))
                .isInstanceOfSatisfying(CardsavrException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.UNDECRYPTABLE_BODY))
                .hasMessageContaining(expected);
    }
}
