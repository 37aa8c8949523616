package io.github.camelcardsavr.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.camelcardsavr.client.CardsavrJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolCodecTest {

    private static final ProtocolKey SESSION_KEY = ProtocolKey.of("s3ss10n-k3y-s3ss10n-k3y-s3ss10n!".getBytes(StandardCharsets.US_ASCII));
    private static final String AUTH = "SWCH-HMAC-SHA256 Credentials=acme";

    private final ProtocolCodec codec = new ProtocolCodec(CardsavrClientConfig.builder().baseUrl("http://127.0.0.1:1/api")
            .integratorName("acme").integratorKey(CardsavrClientConfigTest.KEY).username("agent").password("pw")
            .traceKey("trace \"quoted\"").build());
    private final ReplayGuard accepted = new ReplayGuard(16, Duration.ofMinutes(1));

    private static Map<String, String> headers(OutgoingRequest request) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < request.headers.length; i += 2) {
            map.put(request.headers[i], request.headers[i + 1]);
        }
        return map;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signedRequestIsEncryptedSignedAndTraced() throws Exception {
        ApiCall call = new ApiCall("subscribe", "POST", "/messages/place_card_on_single_site_jobs/5/broadcasts/registrations",
                utf8("{\"job_id\":5}"));
        OutgoingRequest request = codec.encode(call, "jwt-token", SESSION_KEY);
        Map<String, String> headers = headers(request);

        assertThat(request.path).isEqualTo("/api/messages/place_card_on_single_site_jobs/5/broadcasts/registrations");
        assertThat(CardsavrJson.mapper().readTree(headers.get("x-cardsavr-trace")).get("key").asText()).isEqualTo("trace \"quoted\"");
        assertThat(headers).containsEntry("x-cardsavr-session-jwt", "jwt-token").containsEntry("x-cardsavr-authorization", AUTH);
        assertThat(RequestSigner.verify(SESSION_KEY, request.path, AUTH, headers.get("x-cardsavr-nonce"), request.body,
                headers.get("x-cardsavr-signature"))).isTrue();
        assertThat(Long.parseLong(headers.get("x-cardsavr-nonce"))).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));

        String wrapped = CardsavrJson.mapper().readTree(request.body).get("encrypted_body").asText();
        assertThat(new String(BodyCipher.decrypt(SESSION_KEY, wrapped), StandardCharsets.UTF_8)).isEqualTo("{\"job_id\":5}");
    }

    @Test
    void signedGetHasNoBodyAndExtraHeadersAreKept() {
        ApiCall call = new ApiCall("poll", "GET", "/x", null, "cardsavr-messaging-access-key", "k1");
        OutgoingRequest request = codec.encode(call, "jwt", SESSION_KEY);
        Map<String, String> headers = headers(request);
        assertThat(request.body).isNull();
        assertThat(headers).containsEntry("cardsavr-messaging-access-key", "k1");
        assertThat(RequestSigner.verify(SESSION_KEY, "/api/x", AUTH, headers.get("x-cardsavr-nonce"), null,
                headers.get("x-cardsavr-signature"))).isTrue();
    }

    @Test
    void plainRequestHasNoSignatureHeaders() {
        OutgoingRequest request = codec.encode(new ApiCall("put", "PUT", "/y", utf8("{\"a\":1}")), "jwt", null);
        assertThat(headers(request)).containsKey("x-cardsavr-trace").containsKey("x-cardsavr-session-jwt")
                .doesNotContainKey("x-cardsavr-signature").doesNotContainKey("x-cardsavr-nonce");
        assertThat(new String(request.body, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(headers(codec.encode(new ApiCall("login", "POST", "/session/login", utf8("{}")), null, null)))
                .doesNotContainKey("x-cardsavr-session-jwt");
    }

    private RawResponse signedResponse(String path, byte[] body) {
        String nonce = "1700000000001";
        return new RawResponse(200, body, RequestSigner.sign(SESSION_KEY, path, AUTH, nonce, body), AUTH, nonce, null);
    }

    @Test
    void signedEncryptedResponseIsVerifiedAndDecrypted() {
        ApiCall call = new ApiCall("poll", "GET", "/x", null);
        byte[] body = utf8(EncryptedEnvelope.wrap(BodyCipher.encrypt(SESSION_KEY, utf8("[{\"type\":\"job_status\"}]"))));
        assertThat(new String(codec.decode(call, signedResponse("/api/x", body), SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS),
                StandardCharsets.UTF_8)).isEqualTo("[{\"type\":\"job_status\"}]");
    }

    @Test
    void signedPlainResponseIsAccepted() {
        ApiCall call = new ApiCall("poll", "GET", "/x", null);
        assertThat(codec.decode(call, signedResponse("/api/x", utf8("[]")), SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS))
                .isEqualTo(utf8("[]"));
    }

    @Test
    void missingOrWrongResponseSignatureIsRejected() {
        ApiCall call = new ApiCall("poll", "GET", "/x", null);
        RawResponse unsigned = new RawResponse(200, utf8("[]"), null, null, null, null);
        assertThatThrownBy(() -> codec.decode(call, unsigned, SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS))
                .isInstanceOfSatisfying(CardsavrException.class, e -> assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE))
                .hasMessageContaining("poll GET /x -> 200: response has no x-cardsavr-signature");

        RawResponse good = signedResponse("/api/x", utf8("[]"));
        RawResponse tampered = new RawResponse(200, utf8("[{}]"), good.signature, good.authorization, good.nonce, null);
        assertThatThrownBy(() -> codec.decode(call, tampered, SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS))
                .hasMessageContaining("signature does not match");
        RawResponse otherPath = signedResponse("/api/other", utf8("[]"));
        assertThatThrownBy(() -> codec.decode(call, otherPath, SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS))
                .hasMessageContaining("signature does not match");
    }

    @Test
    void undecryptableResponsesAreErrors() {
        ApiCall call = new ApiCall("poll", "GET", "/x", null);
        ProtocolKey other = ProtocolKey.of(new byte[32]);
        byte[] body = utf8(EncryptedEnvelope.wrap(BodyCipher.encrypt(other, utf8("[]"))));
        assertThatThrownBy(() -> codec.decode(call, signedResponse("/api/x", body), SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS))
                .isInstanceOfSatisfying(CardsavrException.class, e -> assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.UNDECRYPTABLE_BODY))
                .hasMessageContaining("poll GET /x -> 200");
        RawResponse plainModeEncrypted = new RawResponse(200, body, null, null, null, null);
        assertThatThrownBy(() -> codec.decode(call, plainModeEncrypted, null, null, CardsavrException.Reason.HTTP_STATUS))
                .hasMessageContaining("not in SIGNED mode");
        RawResponse nonString = new RawResponse(200, utf8("{\"encrypted_body\":42}"), null, null, null, null);
        assertThatThrownBy(() -> codec.decode(call, nonString, null, null, CardsavrException.Reason.HTTP_STATUS))
                .hasMessageContaining("not a string");
    }

    @Test
    void errorStatusWinsOverSignatureChecks() {
        ApiCall call = new ApiCall("poll", "GET", "/x", null);
        RawResponse error = new RawResponse(401, utf8("{\"_errors\":[{\"name\":\"InvalidSession\"}]}"), null, null, null, null);
        assertThatThrownBy(() -> codec.decode(call, error, SESSION_KEY, accepted, CardsavrException.Reason.LOGIN_FAILED))
                .isInstanceOfSatisfying(CardsavrException.class, e -> {
                    assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.LOGIN_FAILED);
                    assertThat(e.getStatusCode()).isEqualTo(401);
                });
    }

    private static RawResponse errorSignedWith(ProtocolKey key, String nonce) {
        byte[] body = utf8("{\"_errors\":[{\"name\":\"InvalidAccessKey\",\"property\":\"access_key\"}]}");
        return new RawResponse(401, body, RequestSigner.sign(key, "/api/x", AUTH, nonce, body), AUTH, nonce, null);
    }

    private CardsavrException decodeError(ProtocolCodec codec, RawResponse response, ProtocolKey key) {
        ApiCall call = new ApiCall("poll", "GET", "/x", null);
        try {
            codec.decode(call, response, key, accepted, CardsavrException.Reason.HTTP_STATUS);
        } catch (CardsavrException e) {
            return e;
        }
        throw new AssertionError("an error reply must fail");
    }

    @Test
    void signedErrorRepliesAreVerifiedWithTheSessionKeyOrTheIntegratorKey() {
        ProtocolKey integratorKey = ProtocolKey.of(java.util.Base64.getDecoder().decode(CardsavrClientConfigTest.KEY));

        CardsavrException bySession = decodeError(codec, errorSignedWith(SESSION_KEY, "1700000000001"), SESSION_KEY);
        assertThat(bySession.getReason()).isEqualTo(CardsavrException.Reason.HTTP_STATUS);
        assertThat(bySession.isVerified()).isTrue();
        assertThat(bySession.isAccessKeyRejected()).isTrue();

        // a server that no longer knows the session signs with the only key it still shares with the client
        CardsavrException byIntegrator = decodeError(codec, errorSignedWith(integratorKey, "1700000000002"), SESSION_KEY);
        assertThat(byIntegrator.isVerified()).isTrue();
        assertThat(codec.integratorReplies().size()).isEqualTo(1);

        CardsavrException byAnyoneElse = decodeError(codec, errorSignedWith(ProtocolKey.of(new byte[32]), "1700000000003"),
                SESSION_KEY);
        assertThat(byAnyoneElse.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE);
        assertThat(byAnyoneElse.getStatusCode()).isZero();
        assertThat(byAnyoneElse.getMessage()).isEqualTo("poll GET /x -> 401: response is an error reply whose signature"
                + " matches neither the session key nor the integrator key; its status is not trusted");
    }

    @Test
    void unsignedErrorRepliesAreAcceptedAsUnverified() {
        RawResponse unsigned = new RawResponse(401, utf8("{\"_errors\":[{\"name\":\"InvalidAccessKey\"}]}"), null, null,
                null, null);
        CardsavrException signedMode = decodeError(codec, unsigned, SESSION_KEY);
        assertThat(signedMode.isVerified()).isFalse();
        assertThat(signedMode.isAccessKeyRejected()).isTrue();
        assertThat(signedMode.getMessage()).isEqualTo("poll GET /x failed: HTTP 401 (InvalidAccessKey), unsigned reply");

        // without a key nothing can be verified, signature headers or not; nothing to point out either
        CardsavrException unsignedMode = decodeError(codec, errorSignedWith(SESSION_KEY, "1700000000004"), null);
        assertThat(unsignedMode.isVerified()).isFalse();
        assertThat(unsignedMode.getMessage()).isEqualTo("poll GET /x failed: HTTP 401 (InvalidAccessKey on access_key)");
    }

    @Test
    void aRepeatedSuccessReplyIsRefused() {
        ApiCall call = new ApiCall("poll", "GET", "/x", null);
        RawResponse reply = signedResponse("/api/x", utf8("[]"));
        codec.decode(call, reply, SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS);
        assertThatThrownBy(() -> codec.decode(call, reply, SESSION_KEY, accepted, CardsavrException.Reason.HTTP_STATUS))
                .isInstanceOfSatisfying(CardsavrException.class,
                        e -> assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE))
                .hasMessage("poll GET /x -> 200: response repeats the nonce and signature of a response already accepted"
                        + " in this session (a replayed response)");
        // another session has its own memory
        codec.decode(call, reply, SESSION_KEY, codec.newReplayGuard(), CardsavrException.Reason.HTTP_STATUS);
    }

    @Test
    void aSessionRemembers4096RepliesAndRefusesOlderOnesBeyondTheDeadlinePlusAMinute() {
        // responseTimeout is 30 s by default: the slack is 2 x 30 s + 60 s
        ReplayGuard guard = codec.newReplayGuard();
        long first = 1_700_000_000_000L;
        for (int i = 0; i <= 4096; i++) {
            assertThat(guard.admit(Long.toString(first + i), signatureOf(i))).isNull();
        }
        assertThat(guard.size()).isEqualTo(4096);
        assertThat(guard.admit(Long.toString(first - 120_000), signatureOf(-1))).isNull();
        assertThat(guard.admit(Long.toString(first + 1 - 120_001), signatureOf(-2))).contains("older");
    }

    private static String signatureOf(long n) {
        return java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(32).putLong(n).array());
    }

    @Test
    void envelopeDetection() {
        assertThat(EncryptedEnvelope.extract(utf8(" {\"other\":{\"x\":[1]},\"encrypted_body\":\"abc\"}"))).isEqualTo("abc");
        assertThat(EncryptedEnvelope.extract(utf8("[{\"encrypted_body\":\"abc\"}]"))).isNull();
        assertThat(EncryptedEnvelope.extract(utf8("{\"access_key\":\"k\"}"))).isNull();
        assertThat(EncryptedEnvelope.extract(utf8("{\"encrypted_bo"))).isNull();
        assertThat(EncryptedEnvelope.extract(new byte[0])).isNull();
    }

    @Test
    void theWrapperAsServersWriteItReadsLikeAnyOtherJson() {
        assertThat(EncryptedEnvelope.extract(utf8(EncryptedEnvelope.wrap("Q1Q=$SVY=$aes-256-gcm"))))
                .isEqualTo("Q1Q=$SVY=$aes-256-gcm");
        assertThat(EncryptedEnvelope.extract(utf8("{\"encrypted_body\":\"a\\/b\"}"))).as("an escape is decoded")
                .isEqualTo("a/b");
        assertThat(EncryptedEnvelope.extract(utf8("{\"encrypted_body\":\"\u00e9t\u00e9\"}"))).as("non-ASCII text")
                .isEqualTo("\u00e9t\u00e9");
        assertThat(EncryptedEnvelope.extract(utf8("{\"encrypted_body\":\"a\",\"b\":\"c\"}"))).as("a second member")
                .isEqualTo("a");
        assertThat(EncryptedEnvelope.extract(utf8("{\"encrypted_body\":\"\"}"))).isEmpty();
    }
}
