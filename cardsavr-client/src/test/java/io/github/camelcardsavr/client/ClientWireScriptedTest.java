package io.github.camelcardsavr.client;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponse;
import io.github.camelcardsavr.model.CredentialResponseReply;
import io.github.camelcardsavr.model.Subscription;
import io.github.camelcardsavr.simulator.internal.crypto.Hashing;
import io.github.camelcardsavr.testsupport.RecordedRequest;
import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer;
import io.github.camelcardsavr.testsupport.ScriptedReply;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.Calls.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every messaging call as the server receives it: paths, methods, headers and bodies. Signed calls go to a server that
 * verifies and decrypts them with the simulator's crypto, not the client's.
 */
class ClientWireScriptedTest extends ScriptedClientTestSupport {

    private static final String JOB = "/messages/place_card_on_single_site_jobs/101";

    @Override
    CardsavrClientConfig.Builder configure(CardsavrClientConfig.Builder config) {
        return config.traceKey("my_trace");
    }

    private static JsonNode json(String text) {
        try {
            return CardsavrJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void subscribePostsTheJobIdAndReturnsTheKey() {
        server.on("POST", JOB + "/broadcasts/registrations", ScriptedReply.json("{\"access_key\":\"ak-1\"}"));
        Subscription subscription = await(client.subscribe(101));
        assertThat(subscription.getAccessKey()).isEqualTo("ak-1");
        assertThat(subscription.getJobId()).isEqualTo(101L);
        RecordedRequest request = server.requestsTo(JOB + "/broadcasts/registrations").get(0);
        assertThat(json(request.body())).isEqualTo(json("{\"job_id\":101}"));
        assertThat(json(request.headers().get("x-cardsavr-trace"))).isEqualTo(json("{\"key\":\"my_trace\"}"));
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.POST);
        assertThat(server.logins()).isEqualTo(1);
    }

    @Test
    void signedLoginCarriesTheUsernameAndAPasswordProofNeverThePassword() {
        await(client.login());
        RecordedRequest login = server.requestsTo("/session/login").get(0);
        assertThat(json(login.body()).path("username").asText()).isEqualTo(ScriptedCardsavrServer.USERNAME);
        // the proof as the simulator's independent code computes it from the same secrets
        assertThat(json(login.body()).path("password_proof").asText()).isEqualTo(Hashing.passwordProof(
                Hashing.passwordKey(ScriptedCardsavrServer.USERNAME, ScriptedCardsavrServer.PASSWORD),
                Base64.getDecoder().decode(server.integratorKey())));
        assertThat(login.body()).doesNotContain(ScriptedCardsavrServer.PASSWORD);
    }

    @Test
    void pollJobBroadcastsSendsBothAccessKeySpellings() {
        server.on("GET", JOB + "/broadcasts", ScriptedReply.json(
                "[{\"type\":\"job_status\",\"job_id\":101,\"message\":{\"status\":\"AUTH\",\"percent_complete\":1.5}}]"));
        List<CardsavrMessage> messages = await(client.pollJobBroadcasts(101, "ak-1"));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.getStatus().getPercentComplete()).isEqualTo(1.5));
        Map<String, String> headers = server.requestsTo(JOB + "/broadcasts").get(0).headers();
        assertThat(headers).containsEntry("cardsavr-messaging-access-key", "ak-1")
                .containsEntry("x-cardsavr-cardsavr-messaging-access-key", "ak-1");
    }

    @Test
    void pollCardholderMessages() {
        server.on("GET", "/messages/cardholders/77", ScriptedReply.json(
                "[{\"job_id\":\"1585\",\"type\":\"job_status\",\"message\":{\"status\":\"AUTH\"}}]"));
        assertThat(await(client.pollCardholderMessages(77))).extracting(CardsavrMessage::getJobId).containsExactly(1585L);
    }

    @Test
    void pollCredentialRequestsAcceptsObjectArrayAndEmpty() {
        String request = "{\"type\":\"tfa\",\"job_id\":101,\"envelope_id\":\"env-1\",\"account_link\":[{\"key_name\":\"tfa\",\"label\":\"Code\",\"secret\":true}]}";
        server.on("GET", JOB + "/credential_requests", ScriptedReply.json(request));
        assertThat(await(client.pollCredentialRequests(101))).singleElement().satisfies(r -> assertThat(r.isTfa()).isTrue());
        server.on("GET", JOB + "/credential_requests", ScriptedReply.json("[" + request + "," + request + "]"));
        assertThat(await(client.pollCredentialRequests(101))).hasSize(2);
        server.on("GET", JOB + "/credential_requests", ScriptedReply.json("[]"));
        assertThat(await(client.pollCredentialRequests(101))).isEmpty();
        server.on("GET", JOB + "/credential_requests", ScriptedReply.json(""));
        List<CredentialRequest> none = await(client.pollCredentialRequests(101));
        assertThat(none).isEmpty();
    }

    @Test
    void postCredentialResponse() {
        server.on("POST", JOB + "/credential_responses", ScriptedReply.json(
                "{\"type\":\"credential_response\",\"job_id\":101,\"envelope_id\":\"env-1\",\"message\":\"submitted\"}"));
        CredentialResponseReply reply = await(client.postCredentialResponse(101, CredentialResponse.of("env-1", "tfa_request", "1234")));
        assertThat(reply.getMessage()).isEqualTo("submitted");
        assertThat(json(server.requestsTo(JOB + "/credential_responses").get(0).body()))
                .isEqualTo(json("{\"envelope_id\":\"env-1\",\"type\":\"tfa_request\",\"message\":\"1234\"}"));
    }

    @Test
    void putJobCredentialsAndTfaCodeCarryTheEnvelopeHeader() {
        server.on("PUT", "/place_card_on_single_site_jobs/101", ScriptedReply.json("{\"id\":101,\"status\":\"CREDS_RECEIVED\"}"));
        Map<String, String> link = new LinkedHashMap<>();
        link.put("username", "good_email");
        link.put("password", "s3cret");
        assertThat(await(client.putJobCredentials(101, "env-2", link))).containsEntry("status", "CREDS_RECEIVED");
        assertThat(await(client.putJobTfaCode(101, "env-3", "1234"))).containsEntry("id", 101);

        List<RecordedRequest> puts = server.requestsTo("/place_card_on_single_site_jobs/101");
        assertThat(puts.get(0).headers()).containsEntry("x-cardsavr-envelope-id", "env-2");
        assertThat(json(puts.get(0).body())).isEqualTo(json("{\"account\":{\"account_link\":{\"username\":\"good_email\",\"password\":\"s3cret\"}}}"));
        assertThat(puts.get(1).headers()).containsEntry("x-cardsavr-envelope-id", "env-3");
        assertThat(json(puts.get(1).body())).isEqualTo(json("{\"account\":{\"tfa\":\"1234\"}}"));
    }

    @Test
    void unsignedModeSendsPlainJson() {
        try (ScriptedCardsavrServer plain = ScriptedCardsavrServer.unsigned();
             CardsavrClient unsigned = CardsavrClient.create(ScriptedClients.unsigned(plain).build())) {
            plain.on("POST", "/messages/place_card_on_single_site_jobs/3/broadcasts/registrations", ScriptedReply.json("{\"access_key\":\"k\"}"));
            assertThat(await(unsigned.subscribe(3)).getAccessKey()).isEqualTo("k");

            assertThat(json(plain.requestsTo("/session/login").get(0).body())).isEqualTo(json(
                    "{\"username\":\"" + ScriptedCardsavrServer.USERNAME + "\",\"password\":\"" + ScriptedCardsavrServer.PASSWORD + "\"}"));
            RecordedRequest request = plain.requestsTo("/messages/place_card_on_single_site_jobs/3/broadcasts/registrations").get(0);
            assertThat(request.body()).isEqualTo("{\"job_id\":3}");
            assertThat(request.headers()).containsKey("x-cardsavr-session-jwt").doesNotContainKey("x-cardsavr-signature");
        }
    }

    @Test
    void tokenModeSendsTheGivenTokenAndTraceWithoutLoggingIn() {
        try (ScriptedCardsavrServer plain = ScriptedCardsavrServer.unsigned()) {
            String token = plain.issueToken();
            try (CardsavrClient withToken = CardsavrClient.create(ScriptedClients.token(plain, token).build())) {
                plain.on("GET", "/messages/cardholders/5", ScriptedReply.json("[]"));
                assertThat(await(withToken.pollCardholderMessages(5))).isEmpty();
                assertThat(plain.requestsTo("/messages/cardholders/5").get(0).headers())
                        .containsEntry("x-cardsavr-session-jwt", token)
                        .containsEntry("x-cardsavr-trace", "{\"key\":\"token-trace\"}");
                assertThat(await(withToken.login()).getSessionToken()).isEqualTo(token);
                assertThat(plain.logins()).isZero();
            }
        }
    }
}
