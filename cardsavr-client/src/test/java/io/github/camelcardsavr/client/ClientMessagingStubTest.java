package io.github.camelcardsavr.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponse;
import io.github.camelcardsavr.model.CredentialResponseReply;
import io.github.camelcardsavr.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.StubClients.await;
import static io.github.camelcardsavr.client.StubClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Every messaging call in signed mode: paths, methods, headers and bodies as the server receives them. */
class ClientMessagingStubTest {

    private static final String JOB = "/messages/place_card_on_single_site_jobs/101";

    private StubCardsavrServer stub;
    private CardsavrClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubCardsavrServer(true);
        client = CardsavrClient.create(StubClients.signed(stub).traceKey("my_trace").build());
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
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
        stub.on("POST", JOB + "/broadcasts/registrations", r -> StubCardsavrServer.Reply.json(200, "{\"access_key\":\"ak-1\"}"));
        Subscription subscription = await(client.subscribe(101));
        assertThat(subscription.getAccessKey()).isEqualTo("ak-1");
        assertThat(subscription.getJobId()).isEqualTo(101L);
        StubCardsavrServer.Recorded request = stub.requestsTo(JOB + "/broadcasts/registrations").get(0);
        assertThat(json(request.body())).isEqualTo(json("{\"job_id\":101}"));
        assertThat(json(request.headers().get("x-cardsavr-trace"))).isEqualTo(json("{\"key\":\"my_trace\"}"));
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.POST);
        assertThat(stub.logins).hasValue(1);
    }

    @Test
    void pollJobBroadcastsSendsBothAccessKeySpellings() {
        stub.on("GET", JOB + "/broadcasts", r -> StubCardsavrServer.Reply.json(200,
                "[{\"type\":\"job_status\",\"job_id\":101,\"message\":{\"status\":\"AUTH\",\"percent_complete\":1.5}}]"));
        List<CardsavrMessage> messages = await(client.pollJobBroadcasts(101, "ak-1"));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.getStatus().getPercentComplete()).isEqualTo(1.5));
        Map<String, String> headers = stub.requestsTo(JOB + "/broadcasts").get(0).headers();
        assertThat(headers).containsEntry("cardsavr-messaging-access-key", "ak-1")
                .containsEntry("x-cardsavr-cardsavr-messaging-access-key", "ak-1");
    }

    @Test
    void pollCardholderMessages() {
        stub.on("GET", "/messages/cardholders/77", r -> StubCardsavrServer.Reply.json(200,
                "[{\"job_id\":\"1585\",\"type\":\"job_status\",\"message\":{\"status\":\"AUTH\"}}]"));
        assertThat(await(client.pollCardholderMessages(77))).extracting(CardsavrMessage::getJobId).containsExactly(1585L);
    }

    @Test
    void pollCredentialRequestsAcceptsObjectArrayAndEmpty() {
        String request = "{\"type\":\"tfa\",\"job_id\":101,\"envelope_id\":\"env-1\",\"account_link\":[{\"key_name\":\"tfa\",\"label\":\"Code\",\"secret\":true}]}";
        stub.on("GET", JOB + "/credential_requests", r -> StubCardsavrServer.Reply.json(200, request));
        assertThat(await(client.pollCredentialRequests(101))).singleElement().satisfies(r -> assertThat(r.isTfa()).isTrue());
        stub.on("GET", JOB + "/credential_requests", r -> StubCardsavrServer.Reply.json(200, "[" + request + "," + request + "]"));
        assertThat(await(client.pollCredentialRequests(101))).hasSize(2);
        stub.on("GET", JOB + "/credential_requests", r -> StubCardsavrServer.Reply.json(200, "[]"));
        assertThat(await(client.pollCredentialRequests(101))).isEmpty();
        stub.on("GET", JOB + "/credential_requests", r -> StubCardsavrServer.Reply.json(200, ""));
        List<CredentialRequest> none = await(client.pollCredentialRequests(101));
        assertThat(none).isEmpty();
    }

    @Test
    void postCredentialResponse() {
        stub.on("POST", JOB + "/credential_responses", r -> StubCardsavrServer.Reply.json(200,
                "{\"type\":\"credential_response\",\"job_id\":101,\"envelope_id\":\"env-1\",\"message\":\"submitted\"}"));
        CredentialResponseReply reply = await(client.postCredentialResponse(101, CredentialResponse.of("env-1", "tfa_request", "1234")));
        assertThat(reply.getMessage()).isEqualTo("submitted");
        assertThat(json(stub.requestsTo(JOB + "/credential_responses").get(0).body()))
                .isEqualTo(json("{\"envelope_id\":\"env-1\",\"type\":\"tfa_request\",\"message\":\"1234\"}"));
    }

    @Test
    void putJobCredentialsAndTfaCodeCarryTheEnvelopeHeader() {
        stub.on("PUT", "/place_card_on_single_site_jobs/101", r -> StubCardsavrServer.Reply.json(200,
                "{\"id\":101,\"status\":\"CREDS_RECEIVED\"}"));
        Map<String, String> link = new LinkedHashMap<>();
        link.put("username", "good_email");
        link.put("password", "s3cret");
        assertThat(await(client.putJobCredentials(101, "env-2", link))).containsEntry("status", "CREDS_RECEIVED");
        assertThat(await(client.putJobTfaCode(101, "env-3", "1234"))).containsEntry("id", 101);

        List<StubCardsavrServer.Recorded> puts = stub.requestsTo("/place_card_on_single_site_jobs/101");
        assertThat(puts.get(0).headers()).containsEntry("x-cardsavr-envelope-id", "env-2");
        assertThat(json(puts.get(0).body())).isEqualTo(json("{\"account\":{\"account_link\":{\"username\":\"good_email\",\"password\":\"s3cret\"}}}"));
        assertThat(puts.get(1).headers()).containsEntry("x-cardsavr-envelope-id", "env-3");
        assertThat(json(puts.get(1).body())).isEqualTo(json("{\"account\":{\"tfa\":\"1234\"}}"));
    }

    @Test
    void refreshAndEndSession() {
        stub.on("PUT", "/session/refresh", r -> StubCardsavrServer.Reply.json(200, ""));
        stub.on("GET", "/session/end", r -> StubCardsavrServer.Reply.json(200, "{}"));
        await(client.refreshSession());
        await(client.endSession());
        assertThat(stub.requestsTo("/session/end")).hasSize(1);
        // No session now: ending again sends nothing, the next call logs in again.
        await(client.endSession());
        assertThat(stub.requestsTo("/session/end")).hasSize(1);
        await(client.refreshSession());
        assertThat(stub.logins).hasValue(2);
    }

    @Test
    void invalidArgumentsFailWithoutTouchingTheServer() {
        assertThat(failure(client.pollJobBroadcasts(0, "k")).getReason()).isEqualTo(CardsavrException.Reason.INVALID_REQUEST);
        assertThat(failure(client.pollJobBroadcasts(1, " ")).getMessage()).contains("accessKey");
        assertThat(failure(client.putJobTfaCode(1, null, "1")).getMessage()).contains("envelopeId");
        assertThat(failure(client.putJobCredentials(1, "e", Map.of())).getMessage()).contains("accountLink");
        assertThat(failure(client.putJobTfaCode(1, "e", "")).getMessage()).contains("TFA code");
        assertThat(failure(client.postCredentialResponse(1, null)).getReason()).isEqualTo(CardsavrException.Reason.INVALID_REQUEST);
        assertThat(failure(client.pollCardholderMessages(-4)).getMessage()).contains("cardholderId");
        assertThat(failure(client.subscribe(0)).getMessage()).contains("jobId");
        assertThat(stub.logins).hasValue(0);
        assertThat(stub.requests).isEmpty();
    }

    @Test
    void loginExposesTheReplyWithoutPrintingTheToken() {
        var reply = await(client.login());
        assertThat(reply.getSessionToken()).startsWith("stub-jwt-");
        assertThat(reply.getUserId()).isEqualTo(1L);
        assertThat(reply.toString()).doesNotContain(reply.getSessionToken());
        await(client.login());
        assertThat(stub.logins).hasValue(1);
    }
}
