package io.github.camelcardsavr.client;

import io.github.camelcardsavr.model.ApiError;
import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer;
import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer.SignedReplies;
import io.github.camelcardsavr.testsupport.ScriptedReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.Calls.await;
import static io.github.camelcardsavr.client.Calls.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error replies in signed mode: a signed one is verified and says so, an unsigned one is accepted but marked
 * unverified (a server that lost the session cannot sign with its key), and one whose signature is present but wrong
 * is no HTTP status at all, so nothing downstream acts on what it claims. A server that lost the session signs its
 * 401 with the integrator key, which the client trusts as well.
 */
class ForgedErrorRepliesScriptedTest extends ScriptedClientTestSupport {

    private static final String BROADCASTS = "/messages/place_card_on_single_site_jobs/42/broadcasts";

    @BeforeEach
    void start() {
        server.on("GET", BROADCASTS, ScriptedReply.error(401, "InvalidAccessKey", "access_key").withHeader("Retry-After", "9"));
        await(client.login());
    }

    @Test
    void anErrorReplyWithAWrongSignatureIsABadSignatureNotAStatus() {
        server.signedReplies(SignedReplies.WRONG_SIGNATURE);

        CardsavrException e = failure(client.pollJobBroadcasts(42, "k"));

        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE);
        assertThat(e.getMessage()).contains("pollJobBroadcasts GET " + BROADCASTS + " -> 401",
                "signature matches neither the session key nor the integrator key", "not trusted");
        // nothing the forged reply claims can be acted on
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.isAccessKeyRejected()).isFalse();
        assertThat(e.isUnauthorized()).isFalse();
        assertThat(e.getErrors()).isEmpty();
        assertThat(e.getRetryAfter()).isEmpty();
        assertThat(server.logins()).as("no new login for a forged 401").isEqualTo(1);
        // only that it was an error reply, not a success, is known (a success would have handed messages out)
        assertThat(e.getReplyStatus()).isEqualTo(401);
        assertThat(e.wasSent()).isTrue();
    }

    @Test
    void aSignedErrorReplyIsVerified() {
        CardsavrException e = failure(client.pollJobBroadcasts(42, "k"));

        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.HTTP_STATUS);
        assertThat(e.isVerified()).isTrue();
        assertThat(e.isAccessKeyRejected()).isTrue();
        assertThat(e.getMessage()).doesNotContain("unsigned");
    }

    @Test
    void anUnsignedErrorReplyIsAcceptedAsUnverified() {
        server.signedReplies(SignedReplies.WITHOUT_SIGNATURE);

        CardsavrException e = failure(client.pollJobBroadcasts(42, "k"));

        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.HTTP_STATUS);
        assertThat(e.isVerified()).isFalse();
        assertThat(e.isAccessKeyRejected()).isTrue();
        assertThat(e.getErrors()).extracting(ApiError::getName).containsExactly("InvalidAccessKey");
        assertThat(e.getMessage()).endsWith("HTTP 401 (InvalidAccessKey on access_key), retry after 9 s, unsigned reply");
    }

    @Test
    void anUnsignedSessionRejectionStillRenewsTheSession() {
        // the server that lost a session cannot sign its 401 with the session key: the client must still log in again
        server.on("GET", BROADCASTS, ScriptedReply.json("[]"));
        server.lostSessionReplies(ScriptedCardsavrServer.LostSessionReplies.UNSIGNED);
        server.expireSessions();

        assertThat(await(client.pollJobBroadcasts(42, "k"))).isEmpty();
        assertThat(server.logins()).isEqualTo(2);
    }

    @Test
    void aSessionRejectionSignedWithTheIntegratorKeyRenewsTheSession() {
        // a forged 401 would not renew anything (see the first test): this one must match the integrator key
        server.on("GET", BROADCASTS, ScriptedReply.json("[]"));
        server.expireSessions();

        assertThat(await(client.pollJobBroadcasts(42, "k"))).isEmpty();
        assertThat(server.logins()).isEqualTo(2);
    }
}
