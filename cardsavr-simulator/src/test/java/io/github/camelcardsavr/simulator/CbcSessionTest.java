package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialRequests;
import static io.github.camelcardsavr.simulator.ApiPaths.job;
import static io.github.camelcardsavr.simulator.ApiPaths.registrations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each signed session is answered in the scheme its login came in: AES-256-CBC to a client that speaks CBC
 * (Strivve's JavaScript SDK can read nothing else), GCM to a GCM client; requests are read in either.
 */
class CbcSessionTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    @Test
    void aCbcLoginIsAnsweredInCbcWithASixteenByteIv() {
        Reply login = RawCardsavrClient.of(SIM.getSimulator()).speakingCbc().signedLogin("agent", "agent-password");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.signatureValid()).isTrue();
        assertThat(login.encryption()).isEqualTo(Reply.CBC);
        String encryptedBody = (String) readJson(login.rawBody()).get("encrypted_body");
        String[] parts = encryptedBody.split("\\$", -1);
        assertThat(parts).hasSize(2);
        // The JS SDK refuses any reply whose IV is not exactly 24 base64 characters.
        assertThat(parts[1]).hasSize(24);
        assertThat(login.map()).containsKeys("server_public_key", "session_token", "user_id");
    }

    @Test
    void everyLaterReplyOfACbcSessionIsCbcWhicheverSchemeTheRequestUsed() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.TFA, null);
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator()).speakingCbc();
        client.signedLogin("agent", "agent-password");

        Reply registration = client.post(registrations(created.jobId()), Map.of("job_id", created.jobId()));
        String gcmBody = RawCardsavrClient.encryptedBody(client.sessionKey(), Map.of("job_id", created.jobId()));
        Reply gcmRequest = client.send("POST", registrations(created.jobId()), gcmBody, client.sessionKey(),
                Map.of("x-cardsavr-session-jwt", client.sessionToken()), true);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !client.get(credentialRequests(created.jobId())).list().isEmpty());
        Reply requests = client.get(credentialRequests(created.jobId()));
        String envelope = (String) requests.list().get(0).get("envelope_id");
        Reply answer = client.put(job(created.jobId()), Map.of("account", Map.of("tfa", "1234")),
                Map.of("x-cardsavr-envelope-id", envelope));
        Reply poll = client.get(broadcasts(created.jobId()), ApiPaths.key(created.accessKey()));
        Reply refresh = client.put("/session/refresh", Map.of(), Map.of());
        Reply end = client.get("/session/end");

        for (Reply reply : List.of(registration, gcmRequest, requests, answer, poll, refresh, end)) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.signatureValid()).isTrue();
            assertThat(reply.encryption()).isEqualTo(Reply.CBC);
            assertThat(reply.problem()).isNull();
        }
        assertThat(answer.map()).containsEntry("status", "TFA_CODE_RECEIVED");
        assertThat(poll.list()).isNotEmpty();
    }

    @Test
    void aGcmSessionStaysGcmEvenWhenItSendsACbcBody() {
        long jobId = SIM.admin().createJob(SimulatorSites.MANUAL, null).jobId();
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator());
        Reply login = client.signedLogin("agent", "agent-password");
        String cbcBody = RawCardsavrClient.cbcEncryptedBody(client.sessionKey(), Map.of("job_id", jobId));

        Reply reply = client.send("POST", registrations(jobId), cbcBody, client.sessionKey(),
                Map.of("x-cardsavr-session-jwt", client.sessionToken()), true);

        assertThat(login.encryption()).isEqualTo(Reply.GCM);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.encryption()).isEqualTo(Reply.GCM);
        assertThat(reply.map()).containsKey("access_key");
    }

    @Test
    void twoSessionsAtOnceAreEachAnsweredInTheirOwnScheme() {
        long jobId = SIM.admin().createJob(SimulatorSites.MANUAL, null).jobId();
        RawCardsavrClient cbc = RawCardsavrClient.of(SIM.getSimulator()).speakingCbc();
        RawCardsavrClient gcm = RawCardsavrClient.of(SIM.getSimulator());
        cbc.signedLogin("agent", "agent-password");
        gcm.signedLogin("agent", "agent-password");
        Map<String, Long> before = SIM.admin().encryptedReplies();

        Reply fromCbc = cbc.get(credentialRequests(jobId));
        Reply fromGcm = gcm.get(credentialRequests(jobId));

        assertThat(fromCbc.encryption()).isEqualTo(Reply.CBC);
        assertThat(fromGcm.encryption()).isEqualTo(Reply.GCM);
        Map<String, Long> after = SIM.admin().encryptedReplies();
        assertThat(after.get(Reply.CBC) - before.get(Reply.CBC)).isEqualTo(1);
        assertThat(after.get(Reply.GCM) - before.get(Reply.GCM)).isEqualTo(1);
    }

    @Test
    void anUndecryptableCbcReplyCannotBeDecryptedButIsStillSigned() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.GOOD_EMAIL, null);
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator()).speakingCbc();
        client.signedLogin("agent", "agent-password");
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(created.jobId()).terminated());
        SIM.admin().faults().onPath("/broadcasts").undecryptableBody(1.0);

        Reply spoiled = client.get(broadcasts(created.jobId()), ApiPaths.key(created.accessKey()));
        SIM.admin().faults().reset();
        Reply again = client.get(broadcasts(created.jobId()), ApiPaths.key(created.accessKey()));

        assertThat(spoiled.status()).isEqualTo(200);
        assertThat(spoiled.encryption()).isEqualTo(Reply.CBC);
        assertThat(spoiled.signatureValid()).isTrue();
        assertThat(spoiled.problem()).isEqualTo("undecryptable");
        assertThat(again.list()).as("the spoiled poll took nothing away").isNotEmpty();
    }

    @Test
    void aSimulatorCanAnswerEverySessionInOneScheme() {
        try (CardsavrSimulator cbcOnly = CardsavrSimulator.builder().replyEncryption(ReplyEncryption.CBC).start();
                CardsavrSimulator gcmOnly = CardsavrSimulator.builder().replyEncryption(ReplyEncryption.GCM).start()) {
            Reply gcmClientLogin = RawCardsavrClient.of(cbcOnly).signedLogin("agent", "agent-password");
            Reply cbcClientLogin = RawCardsavrClient.of(gcmOnly).speakingCbc().signedLogin("agent", "agent-password");

            assertThat(gcmClientLogin.encryption()).isEqualTo(Reply.CBC);
            assertThat(gcmClientLogin.map()).containsKey("session_token");
            assertThat(cbcClientLogin.encryption()).isEqualTo(Reply.GCM);
            assertThat(cbcClientLogin.map()).containsKey("session_token");
            assertThat(cbcOnly.getReplyEncryption()).isEqualTo(ReplyEncryption.CBC);
        }
    }

    private static Map<String, Object> readJson(String raw) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = RawCardsavrClient.JSON.readValue(raw, Map.class);
            return map;
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + raw, e);
        }
    }
}
