package io.github.camelcardsavr.client;

import java.time.Duration;

import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer;
import io.github.camelcardsavr.testsupport.ScriptedReply;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.Calls.await;
import static io.github.camelcardsavr.client.Calls.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies the simulator does not send, in a signed session: each is reported with its cause, never turned into "no
 * messages". The simulator's faults (5xx, 429, latency, drops, bad signatures, undecryptable bodies) are in
 * {@link SimulatorFaultsClientTest}.
 */
class ClientRepliesScriptedTest extends ScriptedClientTestSupport {

    private static final String JOB = "/messages/place_card_on_single_site_jobs/42";
    private static final String BROADCASTS = JOB + "/broadcasts";
    private static final String REGISTRATIONS = JOB + "/broadcasts/registrations";

    private void broadcastsAnswer(ScriptedReply reply) {
        server.on("GET", BROADCASTS, reply);
    }

    @Test
    void registrationFallsBackToGetOn404() {
        server.on("GET", REGISTRATIONS, ScriptedReply.json("{\"access_key\":\"via-get\"}"));
        assertThat(await(client.subscribe(42)).getAccessKey()).isEqualTo("via-get");
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.GET);
        assertThat(server.requestsTo(REGISTRATIONS)).extracting(r -> r.method()).containsExactly("POST", "GET");
    }

    @Test
    void plainTextErrorsCarryTheirStatusAndRetryAfter() {
        broadcastsAnswer(ScriptedReply.raw(503, "Service Unavailable").withHeader("Retry-After", "10"));
        CardsavrException unavailable = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(unavailable.getStatusCode()).isEqualTo(503);
        assertThat(unavailable.getRetryAfter()).contains(Duration.ofSeconds(10));
        assertThat(unavailable.getErrors()).isEmpty();
        assertThat(unavailable.isRetryable()).isTrue();
    }

    @Test
    void missingResponseSignatureIsRejected() {
        broadcastsAnswer(ScriptedReply.json("[]"));
        await(client.login());
        server.signedReplies(ScriptedCardsavrServer.SignedReplies.WITHOUT_SIGNATURE);
        CardsavrException e = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE);
        assertThat(e.getMessage()).contains("no x-cardsavr-signature");
    }

    @Test
    void cbcResponsesAreDecrypted() {
        broadcastsAnswer(ScriptedReply.json("[{\"type\":\"job_status\",\"job_id\":42,\"message\":{\"status\":\"QUEUED\"}}]"));
        server.signedReplies(ScriptedCardsavrServer.SignedReplies.CBC);
        assertThat(await(client.pollJobBroadcasts(42, "k"))).singleElement()
                .satisfies(m -> assertThat(m.getStatus().getStatus()).isEqualTo("QUEUED"));
    }

    @Test
    void malformedAndTruncatedJsonAreErrors() {
        broadcastsAnswer(ScriptedReply.json("[{\"type\":\"job_status\",\"job_id\":42,"));
        CardsavrException truncated = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(truncated.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
        assertThat(truncated.getMessage()).contains("pollJobBroadcasts GET " + BROADCASTS, "truncated");
        broadcastsAnswer(ScriptedReply.json("{not json"));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getMessage()).contains("not valid JSON");
        broadcastsAnswer(ScriptedReply.json("[{\"type\":\"job_status\",\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}]"));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getMessage()).contains("nesting depth");
    }

    @Test
    void oversizedBodiesAreRefused() {
        client.close();
        client = CardsavrClient.create(ScriptedClients.signed(server).maxResponseBytes(2048).build());
        String big = "[" + "{\"type\":\"job_status\",\"job_id\":42},".repeat(200) + "{}]";
        broadcastsAnswer(ScriptedReply.raw(200, big));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).getReason()).isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
        broadcastsAnswer(ScriptedReply.raw(200, big).chunked());
        CardsavrException chunked = failure(client.pollJobBroadcasts(42, "k"));
        assertThat(chunked.getReason()).isEqualTo(CardsavrException.Reason.BODY_TOO_LARGE);
        assertThat(chunked.getMessage()).contains("exceeds 2048 bytes");
        // The client keeps working after refusing a body.
        broadcastsAnswer(ScriptedReply.json("[]"));
        assertThat(await(client.pollJobBroadcasts(42, "k"))).isEmpty();
    }
}
