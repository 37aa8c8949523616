package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialRequests;
import static io.github.camelcardsavr.simulator.ApiPaths.key;
import static io.github.camelcardsavr.simulator.ApiPaths.registrations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault switch, observed from the client side. The extension resets faults after each test. */
class FaultsTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private RawCardsavrClient client;
    private CreatedJob job;
    private Faults faults;

    @BeforeEach
    void setUp() {
        faults = SIM.admin().faults();
        client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");
        job = SIM.admin().createJob(SimulatorSites.MANUAL, null);
    }

    @Test
    void errorRateAnswersSignedErrorsOnlyOnTheChosenPath() {
        faults.onPath("/credential_requests").errorRate(1.0, 503);

        Reply faulted = client.get(credentialRequests(job.jobId()));
        Reply elsewhere = client.get(broadcasts(job.jobId()), key(job.accessKey()));

        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.errorName()).isEqualTo("ServiceUnavailable");
        assertThat(faulted.signatureValid()).isTrue();
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.list()).hasSize(1);
        faults.errorRate(0, 503);
        assertThat(client.get(credentialRequests(job.jobId())).status()).isEqualTo(200);
        assertThat(faults.injectedCounts()).containsEntry("ERROR_RATE", 1L);
    }

    @Test
    void errorBurstsHitTheNextRequestsOnly() {
        faults.errorBurst(2, 502);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.get(credentialRequests(job.jobId())).status());
        }

        assertThat(statuses).containsExactly(502, 502, 200);
    }

    @Test
    void loginAndRegistrationCanFailToo() {
        faults.onPath("/session/login").errorBurst(1, 500).onPath("/registrations").errorBurst(1, 503);
        RawCardsavrClient fresh = RawCardsavrClient.of(SIM.getSimulator());

        Reply login = fresh.signedLogin("agent", "agent-password");
        assertThat(login.status()).isEqualTo(500);
        assertThat(login.signatureValid()).as("signed with the integrator key").isTrue();
        assertThat(fresh.signedLogin("agent", "agent-password").status()).isEqualTo(200);
        assertThat(fresh.get(registrations(job.jobId())).status()).isEqualTo(503);
        assertThat(fresh.get(registrations(job.jobId())).status()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsCarryRetryAfter() {
        faults.tooManyRequests(1, 7);

        Reply limited = client.get(credentialRequests(job.jobId()));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        assertThat(limited.errorName()).isEqualTo("TooManyRequests");
        assertThat(client.get(credentialRequests(job.jobId())).status()).isEqualTo(200);
    }

    /**
     * With one worker thread, three requests delayed for a minute are parked, not held on the worker: a fourth request
     * is answered while all three are still waiting (with a held worker it would wait behind them).
     */
    @Test
    void latencyDelaysWithoutHoldingWorkerThreads() {
        try (CardsavrSimulator single = CardsavrSimulator.builder().workerThreads(1).start()) {
            RawCardsavrClient slowClient = RawCardsavrClient.of(single).useToken(single.admin().issueSessionToken("agent"));
            long jobId = single.admin().createJob(SimulatorSites.MANUAL, null).jobId();
            single.admin().faults().onPath("/credential_requests").latency(Duration.ofMinutes(1));

            List<CompletableFuture<Reply>> slow = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                slow.add(slowClient.callAsync("GET", credentialRequests(jobId), null, Map.of()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> single.admin().requestCount("/credential_requests") == 3);
            Reply fast = slowClient.get(registrations(jobId));

            assertThat(fast.status()).isEqualTo(200);
            assertThat(slow).as("the delayed requests are still waiting").noneMatch(CompletableFuture::isDone);
        }
    }

    /** A delayed request is answered no sooner than the latency (a lower bound; how much later is not a test matter). */
    @Test
    void latencyDelaysTheAnswerByAtLeastTheLatency() {
        faults.onPath("/credential_requests").latency(Duration.ofMillis(300));

        long start = System.nanoTime();
        Reply slow = client.get(credentialRequests(job.jobId()));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(slow.status()).isEqualTo(200);
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
        assertThat(faults.injectedCounts()).containsEntry("LATENCY", 1L);
    }

    @Test
    void droppedConnectionsCutTheResponseAndKeepTheMessages() {
        faults.dropConnections(1.0);

        assertThatThrownBy(() -> client.get(broadcasts(job.jobId()), key(job.accessKey())))
                .hasRootCauseInstanceOf(IOException.class);
        faults.reset();

        assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list()).hasSize(1);
    }

    @Test
    void withConsumeOnFaultASpoiledPollLosesItsMessages() {
        faults.consumeOnFault(true).dropConnections(1.0);

        assertThatThrownBy(() -> client.get(broadcasts(job.jobId()), key(job.accessKey())))
                .hasRootCauseInstanceOf(IOException.class);
        faults.reset();

        assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list()).isEmpty();
    }

    @Test
    void malformedJsonIsTruncatedInsideAValidEncryptedSignedBody() {
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "AUTH"));
        faults.malformedJson(1.0);

        Reply spoiled = client.get(broadcasts(job.jobId()), key(job.accessKey()));
        faults.reset();

        assertThat(spoiled.status()).isEqualTo(200);
        assertThat(spoiled.signatureValid()).isTrue();
        assertThat(spoiled.encrypted()).isTrue();
        assertThat(spoiled.problem()).isEqualTo("malformed");
        assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list()).hasSize(2);
    }

    @Test
    void malformedJsonInPlainSessions() {
        client.useToken(SIM.admin().issueSessionToken("agent"));
        faults.malformedJson(1.0);

        Reply spoiled = client.get(broadcasts(job.jobId()), key(job.accessKey()));

        assertThat(spoiled.problem()).isEqualTo("malformed");
        assertThat(spoiled.rawBody()).startsWith("[{").doesNotEndWith("]");
    }

    @Test
    void badSignaturesAreDetectableAndKeepTheMessages() {
        faults.badSignature(1.0);

        Reply spoiled = client.get(broadcasts(job.jobId()), key(job.accessKey()));
        faults.reset();

        assertThat(spoiled.signatureValid()).isFalse();
        assertThat(spoiled.list()).hasSize(1);
        assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list()).hasSize(1);
    }

    @Test
    void undecryptableBodiesKeepAValidSignature() {
        faults.undecryptableBody(1.0);

        Reply spoiled = client.get(broadcasts(job.jobId()), key(job.accessKey()));
        faults.reset();

        assertThat(spoiled.signatureValid()).isTrue();
        assertThat(spoiled.problem()).isEqualTo("undecryptable");
        assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list()).hasSize(1);
    }

    @Test
    void expiredSessionsAnswerSignedInvalidSessionUntilTheClientLogsInAgain() {
        faults.expireSessions();

        Reply expired = client.get(credentialRequests(job.jobId()));

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorName()).isEqualTo("InvalidSession");
        assertThat(expired.signatureValid()).isTrue();
        assertThat(client.signedLogin("agent", "agent-password").status()).isEqualTo(200);
        assertThat(client.get(credentialRequests(job.jobId())).status()).isEqualTo(200);
    }

    @Test
    void revokingAJobsKeysRefusesEveryChannel() {
        String second = (String) client.get(registrations(job.jobId())).map().get("access_key");

        faults.revokeAccessKeys(job.jobId());

        assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).errorName()).isEqualTo("InvalidAccessKey");
        assertThat(client.get(broadcasts(job.jobId()), key(second)).errorName()).isEqualTo("InvalidAccessKey");
        String fresh = (String) client.get(registrations(job.jobId())).map().get("access_key");
        assertThat(client.get(broadcasts(job.jobId()), key(fresh)).status()).isEqualTo(200);
        assertThatThrownBy(() -> faults.revokeAccessKeys(424_242)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeedMakesRandomFaultsReproducible() {
        assertThat(statusesWithSeed(42)).isEqualTo(statusesWithSeed(42)).contains(200, 500);
    }

    @Test
    void resetSwitchesEverythingOffAndRequestsAreCounted() {
        long before = faults.requestCount("/credential_requests");
        faults.errorRate(1.0, 500).badSignature(1.0).latency(Duration.ofMillis(1)).registrationPostUnsupported(true);

        faults.reset();
        Reply reply = client.get(credentialRequests(job.jobId()) + "/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.signatureValid()).isTrue();
        assertThat(client.post(registrations(job.jobId()), Map.of("job_id", job.jobId())).status()).isEqualTo(200);
        assertThat(faults.requestCount("/credential_requests")).isEqualTo(before + 1);
        assertThat(SIM.admin().requestCount("POST", "/registrations")).isGreaterThanOrEqualTo(1);
        assertThat(SIM.admin().requestCounts()).containsKey("POST /session/login");
    }

    @Test
    void faultArgumentsAreValidated() {
        assertThatThrownBy(() -> faults.errorRate(1.5, 500)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> faults.errorRate(0.5, 200)).hasMessageContaining("400..599");
        assertThatThrownBy(() -> faults.tooManyRequests(1, -1)).hasMessageContaining("retryAfterSeconds");
        assertThatThrownBy(() -> faults.latency(Duration.ofMillis(-1))).hasMessageContaining("latency");
    }

    private List<Integer> statusesWithSeed(long seed) {
        faults.reset().seed(seed).errorRate(0.5, 500);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(client.get(credentialRequests(job.jobId())).status());
        }
        faults.reset();
        return statuses;
    }

    @Test
    void everyThirdReplyThatCarriesMessagesIsCutAfterTheDrain() {
        CardsavrSimulator simulator = SIM.getSimulator();
        RawCardsavrClient client = RawCardsavrClient.of(simulator);
        client.signedLogin("agent", "agent-password");
        CreatedJob job = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        client.get(broadcasts(job.jobId()), key(job.accessKey()));
        SIM.admin().faults().onPath("/broadcasts").cutDrainingReplies(3);
        List<Object> received = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            SIM.admin().injectMessage(job.jobId(), Map.of("status", "S" + i));
            try {
                // a cut reply's request may be retried by the JDK client: the retry finds the channel drained
                received.addAll(client.get(broadcasts(job.jobId()), key(job.accessKey())).list());
            } catch (RuntimeException connectionClosed) {
                // the cut itself
            }
            // an empty poll is never counted nor cut
            assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list()).isEmpty();
        }
        assertThat(received).as("the 3rd and 6th replies carrying a message were cut after the drain").hasSize(4);
        assertThat(SIM.admin().faults().injectedCounts()).containsEntry("CUT_AFTER_DRAIN", 2L);
    }

    @Test
    void everyThirdReplyThatCarriesMessagesArrivesSpoiledAfterTheDrain() {
        CardsavrSimulator simulator = SIM.getSimulator();
        RawCardsavrClient client = RawCardsavrClient.of(simulator);
        client.signedLogin("agent", "agent-password");
        CreatedJob job = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        client.get(broadcasts(job.jobId()), key(job.accessKey()));
        SIM.admin().faults().onPath("/broadcasts").spoilDrainingReplies(3);
        int whole = 0;
        int spoiled = 0;
        for (int i = 1; i <= 6; i++) {
            SIM.admin().injectMessage(job.jobId(), Map.of("status", "S" + i));
            try {
                whole += client.get(broadcasts(job.jobId()), key(job.accessKey())).list().size();
            } catch (AssertionError truncated) {
                // the reply decrypts to a JSON text cut in half
                spoiled++;
            }
            // the spoiled reply's message was taken all the same: nothing comes again
            assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list()).isEmpty();
        }
        assertThat(whole).as("the 3rd and 6th replies carrying a message arrived truncated").isEqualTo(4);
        assertThat(spoiled).isEqualTo(2);
        assertThat(SIM.admin().faults().injectedCounts()).containsEntry("SPOILED_AFTER_DRAIN", 2L);
        SIM.admin().faults().reset();
    }
}
