package io.github.camelcardsavr.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import io.github.camelcardsavr.simulator.internal.crypto.RequestSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signatures the scripted double puts on replies, seen from the wire with the simulator's crypto: client tests
 * that rely on a forged, unsigned or fixed-nonce reply would pass for the wrong reason if the double sent something
 * else. A session the server lost is the one reply a bare HTTP client can provoke in a signed server.
 */
class ScriptedCardsavrServerTest {

    private static final String BROADCASTS = "/messages/place_card_on_single_site_jobs/7/broadcasts";

    private final ScriptedCardsavrServer server = ScriptedCardsavrServer.signed();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A call in a session the server does not know; a signed one carries signature headers, whatever their value. */
    private HttpResponse<String> poll(String sessionToken, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + BROADCASTS))
                .header("x-cardsavr-trace", "{\"key\":\"t\"}").header("x-cardsavr-session-jwt", sessionToken);
        if (signed) {
            request.header(RequestSignature.AUTHORIZATION_HEADER, RequestSignature.authorizationFor(
                    ScriptedCardsavrServer.INTEGRATOR_NAME)).header(RequestSignature.NONCE_HEADER, "1")
                    .header(RequestSignature.SIGNATURE_HEADER, "c2lnbmVk");
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean signedWithTheIntegratorKey(HttpResponse<String> reply) {
        return RequestSignature.verify(Base64.getDecoder().decode(server.integratorKey()), BROADCASTS,
                header(reply, RequestSignature.AUTHORIZATION_HEADER), header(reply, RequestSignature.NONCE_HEADER),
                reply.body(), header(reply, RequestSignature.SIGNATURE_HEADER));
    }

    private static String header(HttpResponse<?> reply, String name) {
        return reply.headers().firstValue(name).orElse(null);
    }

    @Test
    void aLostSessionGetsA401SignedWithTheIntegratorKey() throws Exception {
        HttpResponse<String> reply = poll("never-issued", true);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).contains("InvalidSession");
        assertThat(signedWithTheIntegratorKey(reply)).isTrue();
    }

    @Test
    void aLostSessionReplyCanGoUnsigned() throws Exception {
        server.lostSessionReplies(ScriptedCardsavrServer.LostSessionReplies.UNSIGNED);

        HttpResponse<String> reply = poll("never-issued", true);

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.headers().firstValue(RequestSignature.SIGNATURE_HEADER)).isEmpty();
    }

    @Test
    void expiredSessionsAreLost() throws Exception {
        String token = server.issueToken();
        assertThat(poll(token, false).statusCode()).as("a known plain session gets the fallback").isEqualTo(404);

        server.expireSessions();

        HttpResponse<String> reply = poll(token, false);
        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).contains("InvalidSession");
        assertThat(reply.headers().firstValue(RequestSignature.SIGNATURE_HEADER)).as("a plain session is answered plain")
                .isEmpty();
    }

    @Test
    void aWrongSignatureAndAFixedNonceAreWhatGoesOut() throws Exception {
        server.fixedNonce("1700000000000");
        server.signedReplies(ScriptedCardsavrServer.SignedReplies.WRONG_SIGNATURE);

        HttpResponse<String> forged = poll("never-issued", true);
        assertThat(header(forged, RequestSignature.NONCE_HEADER)).isEqualTo("1700000000000");
        assertThat(header(forged, RequestSignature.SIGNATURE_HEADER)).isNotBlank();
        assertThat(signedWithTheIntegratorKey(forged)).isFalse();

        server.signedReplies(ScriptedCardsavrServer.SignedReplies.GCM);
        HttpResponse<String> genuine = poll("never-issued", true);
        assertThat(header(genuine, RequestSignature.NONCE_HEADER)).isEqualTo("1700000000000");
        assertThat(signedWithTheIntegratorKey(genuine)).isTrue();

        server.fixedNonce(null);
        assertThat(header(poll("never-issued", true), RequestSignature.NONCE_HEADER)).isNotEqualTo("1700000000000");
    }
}
