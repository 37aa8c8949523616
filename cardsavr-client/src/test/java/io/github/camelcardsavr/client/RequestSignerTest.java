package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignerTest {

    private static final byte[] RAW = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ProtocolKey KEY = ProtocolKey.of(RAW);
    private static final String AUTH = "SWCH-HMAC-SHA256 Credentials=acme";

    private static String expected(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RAW, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signsPathAuthorizationNonceAndBodyConcatenated() throws Exception {
        String body = "{\"encrypted_body\":\"abc$def$aes-256-gcm\"}";
        String signature = RequestSigner.sign(KEY, "/messages/cardholders/5", AUTH, "1700000000000", body.getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo(expected("/messages/cardholders/5" + AUTH + "1700000000000" + body));
        assertThat(RequestSigner.authorization("acme")).isEqualTo(AUTH);
    }

    @Test
    void getRequestsSignWithoutBody() throws Exception {
        assertThat(RequestSigner.sign(KEY, "/session/end", AUTH, "1", null)).isEqualTo(expected("/session/end" + AUTH + "1"));
    }

    @Test
    void verifyAcceptsOnlyTheExactSignature() {
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        String signature = RequestSigner.sign(KEY, "/p", AUTH, "9", body);
        assertThat(RequestSigner.verify(KEY, "/p", AUTH, "9", body, signature)).isTrue();
        assertThat(RequestSigner.verify(KEY, "/p", AUTH, "9", "[ ]".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(RequestSigner.verify(KEY, "/q", AUTH, "9", body, signature)).isFalse();
        assertThat(RequestSigner.verify(KEY, "/p", AUTH, "10", body, signature)).isFalse();
        assertThat(RequestSigner.verify(ProtocolKey.of(new byte[32]), "/p", AUTH, "9", body, signature)).isFalse();
        assertThat(RequestSigner.verify(KEY, "/p", AUTH, "9", body, "not-base64!")).isFalse();
        assertThat(RequestSigner.verify(KEY, "/p", AUTH, "9", body, "")).isFalse();
        assertThat(RequestSigner.verify(KEY, "/p", AUTH, "9", body, null)).isFalse();
    }

    @Test
    void pathIsPercentDecodedButPlusIsKept() {
        assertThat(RequestSigner.decodePath("/a%20b/c+d?x=%2F%zz")).isEqualTo("/a b/c+d?x=/%zz");
        assertThat(RequestSigner.decodePath("/caf%C3%A9")).isEqualTo("/café");
        assertThat(RequestSigner.decodePath("/plain/path")).isEqualTo("/plain/path");
        assertThat(RequestSigner.decodePath("/end%")).isEqualTo("/end%");
    }

    @Test
    void keysMustBe32BytesAndNeverPrint() {
        assertThat(KEY.toString()).doesNotContain("0123");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtocolKey.of(new byte[16])).hasMessageContaining("16 bytes");
    }
}
