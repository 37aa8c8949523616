package io.github.camelcardsavr.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelcardsavr.model.CardsavrMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.StubClients.await;
import static io.github.camelcardsavr.client.StubClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Lazy login, one shared session, single re-login under concurrency, and the three auth modes. */
class ClientSessionStubTest {

    private static final String POLL = "/messages/cardholders/5";

    private StubCardsavrServer stub;
    private CardsavrClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    private void startSigned() throws Exception {
        stub = new StubCardsavrServer(true);
        stub.on("GET", POLL, r -> StubCardsavrServer.Reply.json(200, "[{\"type\":\"job_status\",\"job_id\":1}]"));
        client = CardsavrClient.create(StubClients.signed(stub).build());
    }

    private List<CompletableFuture<ParsedList<CardsavrMessage>>> pollConcurrently(int count) {
        List<CompletableFuture<ParsedList<CardsavrMessage>>> polls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            polls.add(client.pollCardholderMessages(5));
        }
        return polls;
    }

    @Test
    void noLoginUntilTheFirstCall() throws Exception {
        startSigned();
        assertThat(stub.logins).hasValue(0);
        await(client.pollCardholderMessages(5));
        await(client.pollCardholderMessages(5));
        assertThat(stub.logins).hasValue(1);
    }

    @Test
    void concurrentFirstCallsShareOneLogin() throws Exception {
        startSigned();
        stub.loginGate = new CountDownLatch(1);
        List<CompletableFuture<ParsedList<CardsavrMessage>>> polls = pollConcurrently(200);
        stub.loginGate.countDown();
        polls.forEach(p -> assertThat(await(p)).hasSize(1));
        assertThat(stub.logins).hasValue(1);
    }

    @Test
    void expiredSessionCausesOneReloginForManyConcurrentCallers() throws Exception {
        startSigned();
        await(client.pollCardholderMessages(5));
        stub.expireSessions();
        stub.loginGate = new CountDownLatch(1);

        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<CompletableFuture<ParsedList<CardsavrMessage>>>> started = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                started.add(CompletableFuture.supplyAsync(() -> client.pollCardholderMessages(5), callers));
            }
            CompletableFuture.allOf(started.toArray(new CompletableFuture[0])).join();
            stub.loginGate.countDown();
            started.forEach(s -> assertThat(await(s.join())).hasSize(1));
        } finally {
            callers.shutdownNow();
        }
        assertThat(stub.logins).hasValue(2);
    }

    @Test
    void secondRejectionAfterReloginIsThrown() throws Exception {
        startSigned();
        stub.on("GET", POLL, r -> StubCardsavrServer.Reply.error(401, "InvalidSession", "session"));
        CardsavrException e = failure(client.pollCardholderMessages(5));
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(stub.requestsTo(POLL)).hasSize(2);
        assertThat(stub.logins).hasValue(2);
    }

    @Test
    void rejectedAccessKeyIsThrownWithoutRelogin() throws Exception {
        startSigned();
        stub.on("GET", "/messages/place_card_on_single_site_jobs/9/broadcasts",
                r -> StubCardsavrServer.Reply.error(401, "InvalidAccessKey", "access_key"));
        CardsavrException e = failure(client.pollJobBroadcasts(9, "revoked"));
        assertThat(e.isAccessKeyRejected()).isTrue();
        assertThat(e.getMessage()).doesNotContain("revoked");
        assertThat(stub.logins).hasValue(1);
    }

    @Test
    void wrongPasswordIsALoginFailureWithStatus() throws Exception {
        stub = new StubCardsavrServer(true);
        client = CardsavrClient.create(StubClients.signed(stub).password("wrong-password").build());
        CardsavrException e = failure(client.pollCardholderMessages(5));
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.LOGIN_FAILED);
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getMessage()).contains("login POST /session/login", "InvalidCredentials").doesNotContain("wrong-password");
        // The failed login is not cached: the next call tries again.
        failure(client.pollCardholderMessages(5));
        assertThat(stub.logins).hasValue(2);
    }

    @Test
    void wrongIntegratorKeyIsRefusedByTheServer() throws Exception {
        stub = new StubCardsavrServer(true);
        client = CardsavrClient.create(StubClients.signed(stub).integratorKey(java.util.Base64.getEncoder().encodeToString(new byte[32])).build());
        assertThat(failure(client.login()).getReason()).isEqualTo(CardsavrException.Reason.LOGIN_FAILED);
    }

    @Test
    void unsignedModeSendsPlainJson() throws Exception {
        stub = new StubCardsavrServer(false);
        stub.on("POST", "/messages/place_card_on_single_site_jobs/3/broadcasts/registrations",
                r -> StubCardsavrServer.Reply.json(200, "{\"access_key\":\"k\"}"));
        client = CardsavrClient.create(StubClients.unsigned(stub).build());
        assertThat(await(client.subscribe(3)).getAccessKey()).isEqualTo("k");
        StubCardsavrServer.Recorded request = stub.requestsTo("/messages/place_card_on_single_site_jobs/3/broadcasts/registrations").get(0);
        assertThat(request.body()).isEqualTo("{\"job_id\":3}");
        assertThat(request.headers()).containsKey("x-cardsavr-session-jwt").doesNotContainKey("x-cardsavr-signature");
        stub.expireSessions();
        assertThat(await(client.subscribe(3)).getAccessKey()).isEqualTo("k");
        assertThat(stub.logins).hasValue(2);
    }

    @Test
    void tokenModeNeverLogsInAndDoesNotRetry401() throws Exception {
        stub = new StubCardsavrServer(false);
        stub.on("GET", POLL, r -> StubCardsavrServer.Reply.json(200, "[]"));
        String token = stub.issueToken();
        client = CardsavrClient.create(StubClients.token(stub, token).build());
        assertThat(await(client.pollCardholderMessages(5))).isEmpty();
        assertThat(stub.requestsTo(POLL).get(0).headers()).containsEntry("x-cardsavr-session-jwt", token)
                .containsEntry("x-cardsavr-trace", "{\"key\":\"token-trace\"}");
        assertThat(await(client.login()).getSessionToken()).isEqualTo(token);

        stub.expireSessions();
        CardsavrException e = failure(client.pollCardholderMessages(5));
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(stub.logins).hasValue(0);
    }

    @Test
    void completionExecutorMovesCallbacksOffTheIoThreads() throws Exception {
        stub = new StubCardsavrServer(false);
        stub.on("GET", POLL, r -> StubCardsavrServer.Reply.json(200, "[]"));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "completion-thread"));
        try {
            client = CardsavrClient.create(StubClients.unsigned(stub).completionExecutor(executor).build());
            String thread = await(client.pollCardholderMessages(5).thenApply(m -> Thread.currentThread().getName()));
            assertThat(thread).isEqualTo("completion-thread");
        } finally {
            executor.shutdownNow();
        }
    }
}
