package io.github.camelcardsavr.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelcardsavr.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;
import io.github.camelcardsavr.simulator.internal.crypto.Ecdh;
import io.github.camelcardsavr.simulator.internal.crypto.Hashing;
import io.github.camelcardsavr.simulator.internal.crypto.HmacJwt;
import io.github.camelcardsavr.simulator.internal.crypto.RequestSignature;
import io.github.camelcardsavr.simulator.internal.crypto.SelfSignedCertificate;

/** The simulator's crypto against the published interoperability vectors (PROTOCOL.md), and round trips. */
class CryptoVectorsTest {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final String SALT_TEXT = "Ouz/hj6TER8Sf+nI2t8h3PICweZ0Jb2o8c4OySIjIIU=";

    @Test
    void sha256MatchesTheSdkVector() {
        assertThat(B64.encodeToString(Hashing.sha256("This is a string to test".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("phNlTjUfBv63D27bmLEIeIYHqe9zbSVaF0K3EFvbHUA=");
    }

    @Test
    void pbkdf2MatchesTheSdkVector() {
        byte[] key = Hashing.pbkdf2Sha256("password", SALT_TEXT.getBytes(StandardCharsets.US_ASCII), 5000, 32);
        assertThat(B64.encodeToString(key)).isEqualTo("ykWREt8EZn335UvJXPcSmRkU13ca4VKuvnRRj07SVyo=");
    }

    @Test
    void passwordKeyHmacMatchesTheSdkVector() {
        byte[] passwordKey = Hashing.passwordKey("username", "password");
        assertThat(Hashing.passwordProof(passwordKey, SALT_TEXT.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("BCWnfGG2Hb70aFXne6A2pFCZgn8NCSjENwOZVf8L9ko=");
    }

    @Test
    void webhookSignatureMatchesTheRealServerVector() throws Exception {
        Map<String, Object> vector;
        vector = RawCardsavrClient.JSON.readValue(Fixtures.webhookVector(), Map.class);
        byte[] key = Base64.getDecoder().decode((String) vector.get("integrator_key"));
        String signature = RequestSignature.sign(key, (String) vector.get("path"), (String) vector.get("authorization"),
                (String) vector.get("nonce"), (String) vector.get("body"));
        assertThat(signature).isEqualTo(vector.get("signature")).isEqualTo("IvP5sku4yDw9ALA3hkaqodHNNCmPqYEYzfGtwY2ZdNE=");
        assertThat(RequestSignature.verify(key, (String) vector.get("path"), (String) vector.get("authorization"),
                (String) vector.get("nonce"), (String) vector.get("body"), signature)).isTrue();
        assertThat(RequestSignature.verify(key, (String) vector.get("path"), (String) vector.get("authorization"),
                (String) vector.get("nonce"), vector.get("body") + " ", signature)).isFalse();
        assertThat(RequestSignature.verify(key, "/p", "a", "1", "", "not base64!")).isFalse();
    }

    @Test
    void gcmRoundTripUsesTheWireFormatAndFreshIvs() throws Exception {
        byte[] key = new byte[32];
        key[3] = 7;
        String first = BodyEncryption.encryptGcm(key, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String second = BodyEncryption.encryptGcm(key, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(first).endsWith("$aes-256-gcm").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.split("\\$")[1])).hasSize(12);
        assertThat(BodyEncryption.decryptToString(key, first)).isEqualTo("{\"a\":1}");
    }

    @Test
    void cbcBodiesOfTheOlderSdkAreDecrypted() throws Exception {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        iv[0] = 1;
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        String wire = B64.encodeToString(cipher.doFinal("{\"b\":2}".getBytes(StandardCharsets.UTF_8))) + "$"
                + B64.encodeToString(iv);
        assertThat(BodyEncryption.decryptToString(key, wire)).isEqualTo("{\"b\":2}");
    }

    @Test
    void tamperedOrMalformedBodiesAreRejectedWithoutDetails() {
        byte[] key = new byte[32];
        String good = BodyEncryption.encryptGcm(key, "secret-value".getBytes(StandardCharsets.UTF_8));
        String tampered = "A" + good.substring(1);
        assertThatThrownBy(() -> BodyEncryption.decrypt(key, tampered))
                .isInstanceOf(BodyEncryption.UndecryptableBodyException.class)
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> BodyEncryption.decrypt(key, "only-one-part"))
                .hasMessageContaining("parts");
        assertThatThrownBy(() -> BodyEncryption.decrypt(key, "###$###$aes-256-gcm"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> BodyEncryption.decrypt(new byte[32], BodyEncryption.encryptGcm(key(9), new byte[1])))
                .hasMessageContaining("could not be decrypted");
    }

    @Test
    void ecdhRawPointsRoundTripAndBothSidesDeriveTheSameKey() throws Exception {
        KeyPair a = Ecdh.generateKeyPair();
        KeyPair b = Ecdh.generateKeyPair();
        byte[] rawA = Ecdh.encodeRawPoint(a.getPublic());
        assertThat(rawA).hasSize(65);
        assertThat(rawA[0]).isEqualTo((byte) 4);
        byte[] ab = Ecdh.sharedSecret(a.getPrivate(), Ecdh.decodePublicKey(Ecdh.encodeRawPoint(b.getPublic())));
        byte[] ba = Ecdh.sharedSecret(b.getPrivate(), Ecdh.decodePublicKey(rawA));
        assertThat(ab).hasSize(32).isEqualTo(ba);
        // X.509 encodings are accepted too.
        assertThat(Ecdh.sharedSecret(b.getPrivate(), Ecdh.decodePublicKey(a.getPublic().getEncoded()))).isEqualTo(ab);
    }

    @Test
    void jwtsVerifyOnlyWhenUntouchedAndOnlyForTheirSigner() {
        HmacJwt signer = HmacJwt.withRandomSecret();
        String token = signer.mint(Map.of("sid", "abc"));
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(signer.verify(token)).hasValueSatisfying(claims -> assertThat(claims).containsEntry("sid", "abc"));
        assertThat(signer.verify(token.substring(0, token.length() - 2) + "xx")).isEmpty();
        assertThat(HmacJwt.withRandomSecret().verify(token)).isEmpty();
        assertThat(signer.verify("garbage")).isEmpty();
        assertThat(signer.verify(null)).isEmpty();
    }

    @Test
    void selfSignedCertificateNamesLoopbackAndVerifies() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate("127.0.0.1");
        generated.certificate().verify(generated.certificate().getPublicKey());
        generated.certificate().checkValidity();
        List<String> names = generated.certificate().getSubjectAlternativeNames().stream()
                .map(entry -> String.valueOf(entry.get(1))).toList();
        assertThat(names).contains("localhost", "127.0.0.1");
        assertThat(generated.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(generated.toPem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }
}
