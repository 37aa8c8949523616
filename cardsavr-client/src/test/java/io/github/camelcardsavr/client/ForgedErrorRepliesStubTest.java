package io.github.camelcardsavr.client;

import io.github.camelcardsavr.client.StubCardsavrServer.Reply;
import io.github.camelcardsavr.model.ApiError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.StubClients.await;
import static io.github.camelcardsavr.client.StubClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error replies in signed mode: a signed one is verified and says so, an unsigned one is accepted but marked
 * unverified (a server that lost the session cannot sign), and one whose signature is present but wrong is no HTTP
 * status at all, so nothing downstream acts on what it claims.
 */
class ForgedErrorRepliesStubTest {

    private static final String BROADCASTS = "/messages/place_card_on_single_site_jobs/42/broadcasts";

    private StubCardsavrServer stub;
    private CardsavrClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubCardsavrServer(true);
        client = CardsavrClient.create(StubClients.signed(stub).build());
        stub.on("GET", BROADCASTS, r -> Reply.error(401, "InvalidAccessKey", "access_key").withHeader("Retry-After", "9"));
        await(client.login());
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void anErrorReplyWithAWrongSignatureIsABadSignatureNotAStatus() {
        stub.tweak = StubCardsavrServer.Tweak.BAD_SIGNATURE;

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
        assertThat(stub.logins.get()).as("no new login for a forged 401").isEqualTo(1);
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
        stub.tweak = StubCardsavrServer.Tweak.NO_SIGNATURE;

        CardsavrException e = failure(client.pollJobBroadcasts(42, "k"));

        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.HTTP_STATUS);
        assertThat(e.isVerified()).isFalse();
        assertThat(e.isAccessKeyRejected()).isTrue();
        assertThat(e.getErrors()).extracting(ApiError::getName).containsExactly("InvalidAccessKey");
        assertThat(e.getMessage()).endsWith("HTTP 401 (InvalidAccessKey on access_key), retry after 9 s, unsigned reply");
    }

    @Test
    void anUnsignedSessionRejectionStillRenewsTheSession() {
        // the server that lost a session cannot sign its 401: the client must still log in again
        stub.on("GET", BROADCASTS, r -> Reply.json(200, "[]"));
        stub.expireSessions();

        assertThat(await(client.pollJobBroadcasts(42, "k"))).isEmpty();
        assertThat(stub.logins.get()).isEqualTo(2);
    }
}
