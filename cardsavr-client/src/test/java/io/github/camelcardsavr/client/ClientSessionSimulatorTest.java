package io.github.camelcardsavr.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.SessionLoginReply;
import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.Calls.await;
import static io.github.camelcardsavr.client.Calls.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed client's session against the simulator: lazy login, one login shared by concurrent callers, a single
 * re-login when the session expires, refused logins, refresh and end. {@link SessionHolderTest} pins the
 * single-flight rules deterministically; here a slow login keeps the callers waiting on it together.
 */
class ClientSessionSimulatorTest {

    private static final String LOGIN = "/session/login";
    /** Long enough for all callers to be waiting on the first login, and no test waits for a poll behind it. */
    private static final Duration SLOW_LOGIN = Duration.ofMillis(500);

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private SimulatorAdmin admin;
    private CardsavrClient client;
    private CreatedJob job;
    private long loginsBefore;

    @BeforeEach
    void connect() {
        admin = SIM.admin();
        job = admin.createJob(SimulatorSites.MANUAL, null);
        loginsBefore = admin.requestCount(LOGIN);
        client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator()).build());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private long logins() {
        return admin.requestCount(LOGIN) - loginsBefore;
    }

    private CompletableFuture<ParsedList<CardsavrMessage>> poll() {
        return client.pollCardholderMessages(job.cardholderId());
    }

    @Test
    void noLoginUntilTheFirstCall() {
        assertThat(logins()).isZero();
        await(poll());
        await(poll());
        assertThat(logins()).isEqualTo(1);
    }

    @Test
    void concurrentFirstCallsShareOneLogin() {
        admin.faults().onPath(LOGIN).latency(SLOW_LOGIN);
        List<CompletableFuture<ParsedList<CardsavrMessage>>> polls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            polls.add(poll());
        }
        polls.forEach(p -> assertThat(await(p)).isNotNull());
        assertThat(logins()).isEqualTo(1);
    }

    @Test
    void expiredSessionCausesOneReloginForManyConcurrentCallers() {
        await(poll());
        admin.faults().expireSessions();
        admin.faults().onPath(LOGIN).latency(SLOW_LOGIN);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<CompletableFuture<ParsedList<CardsavrMessage>>>> started = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                started.add(CompletableFuture.supplyAsync(this::poll, callers));
            }
            started.forEach(s -> assertThat(await(s.join())).isNotNull());
        } finally {
            callers.shutdownNow();
        }
        assertThat(logins()).isEqualTo(2);
    }

    @Test
    void secondRejectionAfterReloginIsThrown() {
        admin.faults().onPath("/messages/cardholders/").errorRate(1.0, 401);
        long pollsBefore = admin.requestCount("/messages/cardholders/");
        CardsavrException e = failure(poll());
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(admin.requestCount("/messages/cardholders/") - pollsBefore).isEqualTo(2);
        assertThat(logins()).isEqualTo(2);
    }

    @Test
    void wrongPasswordIsALoginFailureWithStatus() {
        client.close();
        client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator()).password("wrong-password").build());
        CardsavrException e = failure(poll());
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.LOGIN_FAILED);
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getMessage()).contains("login POST /session/login", "InvalidCredentials").doesNotContain("wrong-password");
        // The failed login is not cached: the next call tries again.
        failure(poll());
        assertThat(logins()).isEqualTo(2);
    }

    @Test
    void wrongIntegratorKeyIsRefusedByTheServer() {
        client.close();
        client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator())
                .integratorKey(Base64.getEncoder().encodeToString(new byte[32])).build());
        CardsavrException e = failure(client.login());
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.LOGIN_FAILED);
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getMessage()).contains("InvalidSignature", "does not match the configured integratorKey");
        assertThat(e.isVerified()).isFalse();
    }

    @Test
    void loginExposesTheReplyWithoutPrintingTheToken() {
        SessionLoginReply reply = await(client.login());
        assertThat(reply.getSessionToken()).isNotBlank();
        assertThat(reply.getUserId()).isPositive();
        assertThat(reply.toString()).doesNotContain(reply.getSessionToken());
        await(client.login());
        assertThat(logins()).isEqualTo(1);
    }

    @Test
    void refreshAndEndSession() {
        long endsBefore = admin.requestCount("/session/end");
        await(client.refreshSession());
        assertThat(admin.requestCount("/session/refresh")).isPositive();
        await(client.endSession());
        assertThat(admin.requestCount("/session/end") - endsBefore).isEqualTo(1);
        // No session now: ending again sends nothing, the next call logs in again.
        await(client.endSession());
        assertThat(admin.requestCount("/session/end") - endsBefore).isEqualTo(1);
        await(client.refreshSession());
        assertThat(logins()).isEqualTo(2);
    }

    @Test
    void invalidArgumentsFailWithoutTouchingTheServer() {
        long requestsBefore = admin.requestCount("/");
        assertThat(failure(client.pollJobBroadcasts(0, "k")).getReason()).isEqualTo(CardsavrException.Reason.INVALID_REQUEST);
        assertThat(failure(client.pollJobBroadcasts(1, " ")).getMessage()).contains("accessKey");
        assertThat(failure(client.putJobTfaCode(1, null, "1")).getMessage()).contains("envelopeId");
        assertThat(failure(client.putJobCredentials(1, "e", Map.of())).getMessage()).contains("accountLink");
        assertThat(failure(client.putJobTfaCode(1, "e", "")).getMessage()).contains("TFA code");
        assertThat(failure(client.postCredentialResponse(1, null)).getReason()).isEqualTo(CardsavrException.Reason.INVALID_REQUEST);
        assertThat(failure(client.pollCardholderMessages(-4)).getMessage()).contains("cardholderId");
        assertThat(failure(client.subscribe(0)).getMessage()).contains("jobId");
        assertThat(admin.requestCount("/")).isEqualTo(requestsBefore);
    }

    @Test
    void completionExecutorMovesCallbacksOffTheIoThreads() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "completion-thread"));
        try (CardsavrClient withExecutor = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator())
                .completionExecutor(executor).build())) {
            String thread = await(withExecutor.pollCardholderMessages(job.cardholderId())
                    .thenApply(m -> Thread.currentThread().getName()));
            assertThat(thread).isEqualTo("completion-thread");
        } finally {
            executor.shutdownNow();
        }
    }
}
