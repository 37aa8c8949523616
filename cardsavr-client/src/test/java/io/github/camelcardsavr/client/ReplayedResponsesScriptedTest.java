package io.github.camelcardsavr.client;

import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer.SignedReplies;
import io.github.camelcardsavr.testsupport.ScriptedReply;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.Calls.await;
import static io.github.camelcardsavr.client.Calls.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed reply sent again (same nonce, same signature) is refused: replaying a recorded reply, say an empty poll
 * result, would otherwise hide messages or deliver old ones twice. A repeated error reply is reported but not
 * verified. Equal nonces alone are fine.
 */
class ReplayedResponsesScriptedTest extends ScriptedClientTestSupport {

    private static final String BROADCASTS = "/messages/place_card_on_single_site_jobs/42/broadcasts";
    private static final String ONE_MESSAGE = "[{\"type\":\"job_status\",\"job_id\":42,\"message\":{\"status\":\"QUEUED\"}}]";

    @Test
    void aReplayedPollReplyIsRefused() {
        server.on("GET", BROADCASTS, ScriptedReply.json(ONE_MESSAGE));
        assertThat(await(client.pollJobBroadcasts(42, "k"))).hasSize(1);

        server.signedReplies(SignedReplies.REPLAYED);
        CardsavrException replayed = failure(client.pollJobBroadcasts(42, "k"));

        assertThat(replayed.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE);
        assertThat(replayed.getMessage()).contains("pollJobBroadcasts GET " + BROADCASTS + " -> 200",
                "repeats the nonce and signature of a response already accepted in this session", "replayed");
        server.signedReplies(SignedReplies.GCM);
        assertThat(await(client.pollJobBroadcasts(42, "k"))).as("fresh replies are still accepted").hasSize(1);
    }

    @Test
    void aReplayedErrorReplyIsReportedButNotVerified() {
        server.on("GET", BROADCASTS, ScriptedReply.error(401, "InvalidAccessKey", "access_key"));
        assertThat(failure(client.pollJobBroadcasts(42, "k")).isVerified()).isTrue();

        server.signedReplies(SignedReplies.REPLAYED);
        CardsavrException replayed = failure(client.pollJobBroadcasts(42, "k"));

        // concurrent identical calls can get identical plain error bodies in one millisecond, so a repeat is no proof
        // of a replay; but it proves nothing either
        assertThat(replayed.getStatusCode()).isEqualTo(401);
        assertThat(replayed.isVerified()).isFalse();
        assertThat(replayed.getMessage()).endsWith("unverified: the reply repeats the nonce and signature of a response"
                + " already accepted in this session (a replayed response)");
    }

    @Test
    void equalNoncesWithDifferentRepliesAreAccepted() {
        server.on("GET", BROADCASTS, ScriptedReply.json(ONE_MESSAGE));
        server.fixedNonce("1700000000000");
        for (int i = 0; i < 3; i++) {
            // each body is encrypted with a fresh IV: same nonce, different signatures
            assertThat(await(client.pollJobBroadcasts(42, "k"))).hasSize(1);
        }
    }
}
