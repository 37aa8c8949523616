package io.github.camelcardsavr.client;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.client.StubCardsavrServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.StubClients.await;
import static io.github.camelcardsavr.client.StubClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Errors are reported with their cause, never turned into "no messages". */
class ClientFaultsStubTest {

    private static final String JOB = "/messages/place_card_on_single_site_jobs/42";
    private static final String BROADCASTS = JOB + "/broadcasts";
    private static final String REGISTRATIONS = JOB + "/broadcasts/registrations";

    private StubCardsavrServer stub;
    private CardsavrClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubCardsavrServer(true);
        client = CardsavrClient.create(StubClients.signed(stub).build());
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private void broadcastsAnswer(Reply reply) {
        stub.on("GET", BROADCASTS, r -> reply);
    }

    @Test
    void registrationFallsBackToGetOn405AndRemembersIt() {
        stub.on("POST", REGISTRATIONS, r -> Reply.error(405, "MethodNotAllowed", "method"));
        stub.on("GET", REGISTRATIONS, r -> Reply.json(200, "{\"access_key\":\"via-get\"}"));
        assertThat(await(client.subscribe(42)).getAccessKey()).isEqualTo("via-get");
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.GET);
        await(client.subscribe(42));
        assertThat(stub.requestsTo(REGISTRATIONS)).extracting(StubCardsavrServer.Recorded::method).containsExactly("POST", "GET", "GET");
    }

    @Test
    void registrationFallsBackToGetOn404() {
        stub.on("GET", REGISTRATIONS, r -> Reply.json(200, "{\"access_key\":\"via-get\"}"));
        assertThat(await(client.subscribe(42)).getAccessKey()).isEqualTo("via-get");
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.GET);
    }

    @Test
    void onceTheServerTookPostA404MeansTheJobIsUnknown() {
        stub.on("POST", REGISTRATIONS, r -> Reply.json(200, "{\"access_key\":\"k\"}"));
        await(client.subscribe(42));
        CardsavrException e = failure(client.subscribe(43));
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getMessage()).contains("subscribe POST /messages/place_card_on_single_site_jobs/43/broadcasts/registrations");
        assertThat(stub.requestsTo("/messages/place_card_on_single_site_jobs/43/broadcasts/registrations")).hasSize(1);
    }

    @Test
    void otherRegistrationErrorsDoNotFallBack() {
        stub.on("POST", REGISTRATIONS, r -> Reply.error(403, "Forbidden", "role"));
        assertThat(failure(client.subscribe(42)).getStatusCode()).isEqualTo(403);
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.UNKNOWN);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        broadcastsAnswer(Reply.error(429, "TooManyRequests", "rate").withHeader("Retry-After", "3"));
        CardsavrException e = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.getErrors()).extracting(io.github.camelcardsavr.model.ApiError::getName).containsExactly("TooManyRequests");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void serverErrorsCarryTheirStatus() {
        broadcastsAnswer(Reply.raw(503, "Service Unavailable").withHeader("Retry-After", "10"));
        CardsavrException unavailable = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(unavailable.getStatusCode()).isEqualTo(503);
        assertThat(unavailable.getRetryAfter()).contains(Duration.ofSeconds(10));
        broadcastsAnswer(Reply.error(500, "InternalError", "server"));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getStatusCode()).isEqualTo(500);
    }

    @Test
    void badMissingAndWrongKeySignaturesAreRejected() {
        broadcastsAnswer(Reply.json(200, "[]"));
        await(client.login());
        stub.tweak = StubCardsavrServer.Tweak.BAD_SIGNATURE;
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE);
        stub.tweak = StubCardsavrServer.Tweak.NO_SIGNATURE;
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getMessage()).contains("no x-cardsavr-signature");
        stub.tweak = StubCardsavrServer.Tweak.WRONG_KEY;
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getReason()).isEqualTo(CardsavrException.Reason.UNDECRYPTABLE_BODY);
    }

    @Test
    void cbcResponsesAreDecrypted() {
        broadcastsAnswer(Reply.json(200, "[{\"type\":\"job_status\",\"job_id\":42,\"message\":{\"status\":\"QUEUED\"}}]"));
        stub.tweak = StubCardsavrServer.Tweak.CBC;
        assertThat(await(client.pollJobBroadcasts(42, "k"))).singleElement()
                .satisfies(m -> assertThat(m.getStatus().getStatus()).isEqualTo("QUEUED"));
    }

    @Test
    void malformedAndTruncatedJsonAreErrors() {
        broadcastsAnswer(Reply.json(200, "[{\"type\":\"job_status\",\"job_id\":42,"));
        CardsavrException truncated = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(truncated.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
        assertThat(truncated.getMessage()).contains("pollJobBroadcasts GET " + BROADCASTS, "truncated");
        broadcastsAnswer(Reply.json(200, "{not json"));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getMessage()).contains("not valid JSON");
        broadcastsAnswer(Reply.json(200, "[{\"type\":\"job_status\",\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}]"));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getMessage()).contains("nesting depth");
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        client.close();
        client = CardsavrClient.create(StubClients.signed(stub).maxResponseBytes(2048).build());
        String big = "[" + "{\"type\":\"job_status\",\"job_id\":42},".repeat(200) + "{}]";
        broadcastsAnswer(Reply.raw(200, big));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getReason()).isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
        broadcastsAnswer(Reply.raw(200, big).chunkedEncoding());
        CardsavrException chunked = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(chunked.getReason()).isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
        assertThat(chunked.getMessage()).contains("exceeds 2048 bytes");
        // The client keeps working after refusing a body.
        broadcastsAnswer(Reply.json(200, "[]"));
        assertThat(await(client.pollJobBroadcasts(42, "k"))).isEmpty();
    }

    @Test
    void slowResponsesTimeOut() throws Exception {
        client.close();
        client = CardsavrClient.create(StubClients.signed(stub).responseTimeout(Duration.ofMillis(300)).build());
        await(client.login());
        CountDownLatch release = new CountDownLatch(1);
        stub.on("GET", BROADCASTS, r -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json(200, "[]");
        });
        try {
            CardsavrException e = failure(client.pollJobBroadcasts(42, "k"));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.TIMEOUT);
            assertThat(e.isRetryable()).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void refusedConnectionsAndClosedClientsAreConnectionErrors() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (CardsavrClient nowhere = CardsavrClient.create(CardsavrClientConfig.builder().authMode(AuthMode.TOKEN)
                .sessionToken("t").baseUrl("http://127.0.0.1:" + freePort).build())) {
            CardsavrException e = failure(nowhere.pollCardholderMessages(1));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.CONNECTION);
            assertThat(e.getMessage()).contains("pollCardholderMessages GET /messages/cardholders/1");
        }
        client.close();
        assertThat(client.isClosed()).isTrue();
        assertThat(failure(client.pollCardholderMessages(1)).getMessage()).contains("closed");
    }
}
