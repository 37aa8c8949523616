package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrClientConfig;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.model.CardsavrMessage;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.reliability.FaultRows.JOBS;
import static io.github.camelcardsavr.reliability.FaultRows.MESSAGES;
import static io.github.camelcardsavr.reliability.FaultRows.PERIOD_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults where the server, not the consumer, decides that messages are gone: a broadcast poll deletes what it
 * returns, so a reply the client never gets (timed out, cut off after the server committed) takes its messages with
 * it, and a revoked access key takes its queue. These rows measure exactly which messages go, and check that the
 * consumer reports the fault and loses nothing else: every message emitted after the fault arrives, in order.
 */
class ProtocolLimitsTest {

    /** The simulator drains a channel when it processes a poll, after the injected latency, as a real server would. */
    @Test
    void responsesSlowerThanTheResponseTimeoutLoseWhatTheAbandonedPollsDrained() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?responseTimeout=500&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").latency(Duration.ofMillis(1200));
            int duringFault = 10;
            h.emit(ids, 1, duringFault, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> timeouts(h) >= JOBS && h.health.sawFault());
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            // polls parked in the simulator before the reset are still served (late); wait until the last one was
            ReliabilityHarness.await().until(() -> h.admin().requestCount("GET", "/broadcasts") == drains(h, ids));
            h.emit(ids, duringFault + 1, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("slow-beyond-timeout", h, lifted).print();
            assertOnlyLostWhileFaulty(h, duringFault);
            assertThat(figures.duplicates()).isZero();
            assertThat(figures.outOfOrder()).isEmpty();
            assertThat(figures.healthFault()).isTrue();
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("timed out"));
            FaultRows.assertNoSecret("slow-beyond-timeout", logs.lines(), h.secrets());
        }
    }

    /**
     * With {@code consumeOnFault} the simulator behaves like a server that deleted the messages before the connection
     * broke: the messages of a reply cut off mid-body are gone. (Without it, the default, the next poll gets them again;
     * see the dropped-connections row.)
     */
    @Test
    void connectionsDroppedAfterTheServerCommittedLoseThatReply() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.admin().faults().seed(FaultRows.SEED).consumeOnFault(true).onPath("/broadcasts").dropConnections(0.3);
            h.emit(ids, 1, MESSAGES - 1, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> FaultRows.injected(h) >= 20);
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            h.emit(ids, MESSAGES, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("dropped-after-commit", h, lifted).print();
            assertOnlyLostWhileFaulty(h, MESSAGES - 1);
            assertThat(figures.duplicates()).isZero();
            assertThat(figures.outOfOrder()).isEmpty();
            figures.assertFaultVisible();
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("connection problem"));
        }
    }

    /**
     * Two of four jobs get their access keys revoked while five messages wait on them. The consumer subscribes again
     * and receives everything published after that; the five messages queued on the old key are gone from the
     * broadcast channel (the server dropped it), but still in the cardholder's channel, which is independent.
     */
    @Test
    void revokedAccessKeyLeadsToANewSubscriptionAndLosesWhatWasQueuedOnTheOldKey() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            List<Long> revoked = ids.subList(0, 2);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.emit(ids, 1, 10, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> ids.stream().allMatch(id -> h.ledger.deliveredSeqs(id).contains(10)));

            // hold the revoked jobs' polls so that 11..15 wait on their old keys, then revoke the keys
            for (long id : revoked) {
                h.admin().faults().onPath("/" + id + "/broadcasts").errorRate(1.0, 503);
            }
            h.emit(ids, 11, 15, MESSAGES, PERIOD_MILLIS).join();
            long registrations = h.admin().requestCount("registrations");
            revoked.forEach(id -> h.admin().faults().revokeAccessKeys(id));
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            ReliabilityHarness.await().until(() -> h.admin().requestCount("registrations") >= registrations + revoked.size()
                                                   && revoked.stream().allMatch(id -> newChannelPolled(h, id)));
            h.emit(ids, 16, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("revoked-access-key", h, lifted).print();
            for (long id : revoked) {
                assertThat(h.ledger.lostSeqs().get(id)).as("job " + id + " lost exactly what waited on the old key")
                        .containsExactly(11, 12, 13, 14, 15);
            }
            ids.subList(2, ids.size()).forEach(id -> assertThat(h.ledger.lostSeqs()).doesNotContainKey(id));
            assertThat(figures.lost()).isEqualTo(5 * revoked.size());
            assertThat(figures.duplicates()).isZero();
            assertThat(figures.outOfOrder()).isEmpty();
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text())
                    .contains("rejected the access key", "HTTP 401"));
            FaultRows.assertNoSecret("revoked-access-key", logs.lines(), h.secrets());

            // the cardholder channel still has all 25 messages of a revoked job
            try (CardsavrClient client = CardsavrClient.create(ProtocolLimitsTest.signedClient(h))) {
                List<CardsavrMessage> all = ServerInputTest.value(client.pollCardholderMessages(h.cardholderOf(revoked.get(0))));
                assertThat(all.stream().map(ReliabilityHarness::seqOf).filter(seq -> seq > 0).toList())
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, MESSAGES).boxed().toList());
            }
        }
    }

    /**
     * A reply larger than maxResponseBytes is cut off and reported (BODY_TOO_LARGE): the cap protects the JVM, but the
     * server deleted what that reply carried. Later messages arrive normally.
     */
    @Test
    void replyOverTheSizeCapIsReportedAndLosesWhatItCarried() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(1, 4);
            long id = ids.get(0);
            h.startContext("jobStatus?maxResponseBytes=16384&jobId=" + id, null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
            h.inject(id, 1, 4);
            h.admin().injectMessage(id, Map.of("type", "job_status", "padding", "x".repeat(32 * 1024),
                    "message", Map.of("status", "LARGE")));
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            ReliabilityHarness.await().until(() -> h.handler.handled().stream().anyMatch(e -> e instanceof CardsavrException ce
                    && ce.getReason() == CardsavrException.Reason.BODY_TOO_LARGE));
            for (int seq = 2; seq <= 4; seq++) {
                h.inject(id, seq, 4);
            }
            h.awaitAllDelivered();
            FaultFigures figures = FaultFigures.of("reply-over-size-cap", h, lifted).print();
            assertThat(h.ledger.lostSeqs()).containsExactly(Map.entry(id, List.of(1)));
            assertThat(figures.duplicates()).isZero();
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("response body declares"));
        }
    }

    /**
     * One message of unexpected shape ({@code job_id} as an object) arrives in the same poll as two good ones. The poll
     * fails with MALFORMED_BODY naming {@code $[1].job_id}, which is the documented parse; but the server has already
     * deleted all three, so the two good messages are lost with the bad one. Expected: the good ones are delivered and
     * the bad one is reported.
     */
    @Test
    void wellFormedMessagesOfAPollWithOneMalformedMessageAreDelivered() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(1, 4);
            long id = ids.get(0);
            h.startContext("jobStatus?jobId=" + id, null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
            h.inject(id, 1, 4);
            h.admin().injectMessage(id, Map.of("type", "job_status", "job_id", Map.of("id", id),
                    "message", Map.of("status", "ODD")));
            h.inject(id, 2, 4);
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            ReliabilityHarness.await().until(() -> h.handler.handled().stream()
                    .anyMatch(e -> e.getMessage().contains("$[1].job_id")));
            h.inject(id, 3, 4);
            h.inject(id, 4, 4);
            h.awaitAllDelivered();
            FaultFigures figures = FaultFigures.of("unexpected-shape-in-batch", h, lifted).print();
            figures.assertExactlyOnceInOrder();
        }
    }

    static CardsavrClientConfig signedClient(ReliabilityHarness h) {
        return CardsavrClientConfig.builder().baseUrl(h.simulator.getBaseUrl())
                .authMode(AuthMode.SIGNED)
                .integratorName(h.simulator.getIntegratorName()).integratorKey(h.simulator.getIntegratorKey())
                .username(ReliabilityHarness.USERNAME).password(ReliabilityHarness.PASSWORD).build();
    }

    /** Messages were lost only among those emitted while the fault was on; everything after arrived. */
    private static void assertOnlyLostWhileFaulty(ReliabilityHarness h, int lastSeqDuringFault) {
        for (Map.Entry<Long, List<Integer>> lost : h.ledger.lostSeqs().entrySet()) {
            assertThat(lost.getValue()).as("job " + lost.getKey() + " lost only messages emitted during the fault")
                    .allSatisfy(seq -> assertThat(seq).isLessThanOrEqualTo(lastSeqDuringFault));
        }
    }

    private static long timeouts(ReliabilityHarness h) {
        return h.handler.handled().stream().filter(e -> e instanceof CardsavrException ce
                                                       && ce.getReason() == CardsavrException.Reason.TIMEOUT).count();
    }

    private static long drains(ReliabilityHarness h, List<Long> ids) {
        return ids.stream().mapToLong(id -> h.admin().job(id).totalBroadcastPolls()).sum();
    }

    /** The job has a channel besides the creator's and the revoked one, and it was polled. */
    private static boolean newChannelPolled(ReliabilityHarness h, long jobId) {
        Map<String, Integer> polls = h.admin().broadcastPolls(jobId);
        return polls.size() >= 3 && polls.values().stream().filter(n -> n > 0).count() >= 2;
    }
}
