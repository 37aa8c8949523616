package io.github.camelcardsavr.client;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcdhKeyAgreementTest {

    @Test
    void bothSidesDeriveTheSame32ByteKeyFromRawPoints() {
        KeyPair client = EcdhKeyAgreement.generateKeyPair();
        KeyPair server = EcdhKeyAgreement.generateKeyPair();
        String clientPublic = EcdhKeyAgreement.encodePublicKey((ECPublicKey) client.getPublic());
        String serverPublic = EcdhKeyAgreement.encodePublicKey((ECPublicKey) server.getPublic());

        byte[] raw = Base64.getDecoder().decode(clientPublic);
        assertThat(raw).hasSize(65);
        assertThat(raw[0]).isEqualTo((byte) 0x04);

        byte[] clientSecret = EcdhKeyAgreement.sharedSecret(client.getPrivate(),
                EcdhKeyAgreement.decodePublicKey(serverPublic, ((ECPrivateKey) client.getPrivate()).getParams()));
        byte[] serverSecret = EcdhKeyAgreement.sharedSecret(server.getPrivate(),
                EcdhKeyAgreement.decodePublicKey(clientPublic, ((ECPrivateKey) server.getPrivate()).getParams()));
        assertThat(clientSecret).hasSize(32).isEqualTo(serverSecret);
    }

    @Test
    void x509EncodedServerKeyIsTolerated() {
        KeyPair client = EcdhKeyAgreement.generateKeyPair();
        KeyPair server = EcdhKeyAgreement.generateKeyPair();
        String spki = Base64.getEncoder().encodeToString(server.getPublic().getEncoded());
        ECPublicKey decoded = EcdhKeyAgreement.decodePublicKey(spki, ((ECPrivateKey) client.getPrivate()).getParams());
        assertThat(decoded.getW()).isEqualTo(((ECPublicKey) server.getPublic()).getW());
    }

    @Test
    void pointsOffTheCurveAndGarbageAreRejected() {
        KeyPair client = EcdhKeyAgreement.generateKeyPair();
        var curve = ((ECPrivateKey) client.getPrivate()).getParams();
        byte[] raw = Base64.getDecoder().decode(EcdhKeyAgreement.encodePublicKey((ECPublicKey) client.getPublic()));
        raw[64] ^= 0x01;
        assertLoginFailed(() -> EcdhKeyAgreement.decodePublicKey(Base64.getEncoder().encodeToString(raw), curve), "not a point on P-256");
        assertLoginFailed(() -> EcdhKeyAgreement.decodePublicKey("%%%", curve), "not valid base64");
        assertLoginFailed(() -> EcdhKeyAgreement.decodePublicKey(Base64.getEncoder().encodeToString(new byte[33]), curve),
                "not an uncompressed P-256 point");
    }

    private static void assertLoginFailed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CardsavrException.class,
                e -> assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.LOGIN_FAILED)).hasMessageContaining(message);
    }
}
