package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.registrations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signed login (password proof + ECDH), signature checks in both directions, encrypted bodies. */
class SignedSessionTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = CardsavrSimulatorExtension.configure(
            b -> b.integratorName("signed-test").user("agent", "s3cret-pass").user("other", "pw-2"));

    private RawCardsavrClient client;
    private long jobId;

    @BeforeEach
    void setUp() {
        client = RawCardsavrClient.of(SIM.getSimulator());
        jobId = SIM.admin().createJob(SimulatorSites.MANUAL, null).jobId();
    }

    @Test
    void signedLoginAnswersEncryptedAndSignedWithTheIntegratorKey() {
        Reply login = client.signedLogin("agent", "s3cret-pass");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.signatureValid()).isTrue();
        assertThat(login.encrypted()).isTrue();
        assertThat(login.rawBody()).contains("encrypted_body").contains("$aes-256-gcm").doesNotContain("session_token");
        assertThat(login.map()).containsKeys("server_public_key", "session_token", "user_id", "user");
        assertThat(Base64.getDecoder().decode((String) login.map().get("server_public_key"))).hasSize(65);
        assertThat(login.map().get("user_id")).isEqualTo(1);
        assertThat(login.header("x-cardsavr-authorization")).isEqualTo("SWCH-HMAC-SHA256 Credentials=signed-test");
        assertThat(client.sessionKey()).hasSize(32);
    }

    @Test
    void sessionCallsAreSignedEncryptedAndVerifiedWithTheSessionKey() {
        client.signedLogin("other", "pw-2");

        Reply registration = client.post(registrations(jobId), Map.of("job_id", jobId));

        assertThat(registration.status()).isEqualTo(200);
        assertThat(registration.signatureValid()).isTrue();
        assertThat(registration.encrypted()).isTrue();
        assertThat(registration.map()).containsKey("access_key");
    }

    @Test
    void cbcEncryptedRequestBodiesAreAccepted() {
        client.signedLogin("agent", "s3cret-pass");
        String wire = RawCardsavrClient.cbcEncryptedBody(client.sessionKey(), Map.of("job_id", jobId));

        Reply reply = client.send("POST", registrations(jobId), wire, client.sessionKey(),
                Map.of("x-cardsavr-session-jwt", client.sessionToken()), true);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.map()).containsKey("access_key");
    }

    @Test
    void wrongPasswordIsRefusedWithASignedPlainError() {
        Reply login = client.signedLogin("agent", "wrong");

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.signatureValid()).isTrue();
        assertThat(login.encrypted()).isFalse();
        assertThat(login.errorName()).isEqualTo("InvalidCredentials");
        assertThat(client.signedLogin("nobody", "s3cret-pass").errorName()).isEqualTo("InvalidCredentials");
    }

    @Test
    void unsignedLoginIsRefusedBySignedInstances() {
        Reply login = client.unsignedLogin("agent", "s3cret-pass");

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.errorName()).isEqualTo("InvalidSignature");
    }

    @Test
    void aWrongIntegratorNameOrKeyIsRefused() {
        RawCardsavrClient wrongName = new RawCardsavrClient(SIM.getBaseUrl(), "someone-else",
                SIM.getSimulator().getIntegratorKey(), null);
        assertThat(wrongName.signedLogin("agent", "s3cret-pass").errorProperty()).isEqualTo("x-cardsavr-authorization");

        RawCardsavrClient wrongKey = new RawCardsavrClient(SIM.getBaseUrl(), "signed-test",
                Base64.getEncoder().encodeToString(new byte[32]), null);
        Reply reply = wrongKey.signedLogin("agent", "s3cret-pass");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorName()).isEqualTo("InvalidSignature");
    }

    @Test
    void tamperedOrMissingSignaturesAreRefused() {
        client.signedLogin("agent", "s3cret-pass");
        String body = RawCardsavrClient.encryptedBody(client.sessionKey(), Map.of("job_id", jobId));
        Map<String, String> session = Map.of("x-cardsavr-session-jwt", client.sessionToken());

        Reply wrongKey = client.send("POST", registrations(jobId), body, new byte[32], session, true);
        Reply unsigned = client.send("POST", registrations(jobId), body, client.sessionKey(), session, false);
        Reply otherPath = client.send("POST", registrations(jobId) + "/", body, client.sessionKey(),
                Map.of("x-cardsavr-session-jwt", client.sessionToken(), "x-cardsavr-signature",
                        RawCardsavrClient.signature(client.sessionKey(), "/elsewhere", "x", "1", body),
                        "x-cardsavr-nonce", "1", "x-cardsavr-authorization",
                        "SWCH-HMAC-SHA256 Credentials=signed-test"),
                false);

        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.errorName()).isEqualTo("InvalidSignature");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.errorProperty()).isEqualTo("x-cardsavr-signature");
        assertThat(otherPath.status()).isEqualTo(401);
        // Errors in a signed session are plain JSON but still signed with the session key.
        assertThat(unsigned.signatureValid()).isTrue();
        assertThat(unsigned.encrypted()).isFalse();
    }

    @Test
    void plainBodiesInASignedSessionAreStillParsedWhenSigned() {
        client.signedLogin("agent", "s3cret-pass");
        String plain = RawCardsavrClient.json(Map.of("job_id", jobId));

        Reply reply = client.send("POST", registrations(jobId), plain, client.sessionKey(),
                Map.of("x-cardsavr-session-jwt", client.sessionToken()), true);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void undecryptableRequestBodiesAreRefused() {
        client.signedLogin("agent", "s3cret-pass");
        String garbage = RawCardsavrClient.json(Map.of("encrypted_body", "AAAA$AAAAAAAAAAAAAAAA$aes-256-gcm"));

        Reply reply = client.send("POST", registrations(jobId), garbage, client.sessionKey(),
                Map.of("x-cardsavr-session-jwt", client.sessionToken()), true);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorProperty()).isEqualTo("encrypted_body");
    }

    @Test
    void endedSessionsAnswerInvalidSessionAndRefreshKeepsThemAlive() {
        client.signedLogin("agent", "s3cret-pass");

        Reply refresh = client.put("/session/refresh", null, Map.of());
        Reply end = client.get("/session/end");
        Reply after = client.post(registrations(jobId), Map.of("job_id", jobId));

        assertThat(refresh.status()).isEqualTo(200);
        assertThat(end.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorName()).isEqualTo("InvalidSession");
        assertThat(after.signatureValid()).as("the 401 is signed with the old session key").isTrue();
        assertThat(client.signedLogin("agent", "s3cret-pass").status()).isEqualTo(200);
        assertThat(client.post(registrations(jobId), Map.of("job_id", jobId)).status()).isEqualTo(200);
    }

    @Test
    void missingOrForgedSessionTokensAnswerInvalidSession() {
        client.signedLogin("agent", "s3cret-pass");
        String token = client.sessionToken();
        client.useToken(null);
        Reply missing = client.get(ApiPaths.credentialRequests(jobId));
        client.useToken(token.substring(0, token.length() - 3) + "abc");
        Reply forged = client.get(ApiPaths.credentialRequests(jobId));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorName()).isEqualTo("InvalidSession");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.errorName()).isEqualTo("InvalidSession");
    }
}
