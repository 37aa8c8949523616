package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.Futures;
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
 * it, and a revoked access key takes its queue. These rows measure, with the recovery channel switched off
 * ({@code recoveryChannel=false}), exactly which messages go, and check that the consumer reports the fault and loses
 * nothing else: every message emitted after the fault arrives, in order. {@code RecoveryChannelTest} runs the same
 * faults with the default, the recovery channel on.
 */
class ProtocolLimitsTest {

    /**
     * The simulator drains a channel when it processes a poll, after the injected latency, as a real server would. The
     * latency (1.5 s) is past the client's deadline (responseTimeout=300, at most twice that in all), so every delayed
     * reply is one the client gave up on: what the server handed out in them is what is lost, exactly. Messages are
     * emitted only once each job has a delayed poll on the wire, and the fault stays on until the server has handed
     * out all of them, so that is all 10 per job.
     */
    @Test
    void responsesSlowerThanTheResponseTimeoutLoseWhatTheAbandonedPollsDrained() throws Exception {
        int duringFault = 10;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?recoveryChannel=false&responseTimeout=300&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            long handedOutBefore = handedOut(h, ids);
            h.admin().faults().onPath("/broadcasts").latency(Duration.ofMillis(1500));
            h.awaitANewPollOfEveryJob(ids);
            h.emit(ids, 1, duringFault, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> handedOut(h, ids) == handedOutBefore + (long) JOBS * duringFault
                                                   && h.health.sawFault());
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            // polls parked in the simulator before the reset are still served (late); wait until the last one was
            ReliabilityHarness.await().until(() -> h.admin().requestCount("GET", "/broadcasts") == drains(h, ids));
            long handedOutInDelayedReplies = handedOut(h, ids) - handedOutBefore;
            h.emit(ids, duringFault + 1, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("slow-beyond-timeout", h, lifted).print();
            assertThat((long) figures.lost()).as("lost = what the server handed out in the replies the client gave up on")
                    .isEqualTo(handedOutInDelayedReplies);
            ids.forEach(id -> assertThat(h.ledger.lostSeqs().get(id)).as("job " + id)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, duringFault).boxed().toList()));
            assertThat(h.handler.handled()).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(CardsavrException.class,
                    ce -> assertThat(ce.getReason()).isEqualTo(CardsavrException.Reason.TIMEOUT)));
            RowRecord.loss("slow-beyond-timeout", "every poll 1.5 s late, `responseTimeout=300`")
                    .counts(figures)
                    .lost(JOBS * duringFault, "what the server handed out in the replies the client gave up on: the "
                                              + duringFault + " messages per job emitted during the fault; everything"
                                              + " after arrived")
                    .duplicates(0)
                    .failuresOnePerFault(figures, JOBS, "delayed reply")
                    .log(logs, "timed out", h.secrets())
                    .record();
        }
    }

    /**
     * With {@code consumeOnFault} the simulator behaves like a server that deleted the messages before the connection
     * broke: the messages of a reply cut off mid-body are gone. (Without it, the default, the next poll gets them again;
     * see the dropped-connections row.) Every reply is cut while the fault is on, messages are emitted only once each
     * job has a poll that meets the fault, and the fault stays on until the server has handed out all of them: the
     * loss is exactly what the cut replies carried, 10 per job.
     */
    @Test
    void connectionsDroppedAfterTheServerCommittedLoseThatReply() throws Exception {
        int duringFault = 10;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?recoveryChannel=false&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            long handedOutBefore = handedOut(h, ids);
            h.admin().faults().consumeOnFault(true).onPath("/broadcasts").dropConnections(1.0);
            h.awaitANewPollOfEveryJob(ids);
            h.emit(ids, 1, duringFault, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> handedOut(h, ids) == handedOutBefore + (long) JOBS * duringFault
                                                   && h.health.sawFault());
            // replies stop being cut, but what a cut reply drained stays consumed until every job's cut reply is out
            // (a reply written after a full reset would put its messages back)
            h.admin().faults().dropConnections(0);
            h.awaitANewPollOfEveryJob(ids);
            h.admin().faults().reset();
            long handedOutInCutReplies = handedOut(h, ids) - handedOutBefore;
            long lifted = System.nanoTime();
            h.emit(ids, duringFault + 1, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("dropped-after-commit", h, lifted).print();
            assertThat((long) figures.lost()).as("lost = what the cut replies carried; lost " + h.ledger.lostSeqs()
                                                 + ", handed out per job " + ids.stream().map(id -> h.admin().job(id)
                    .getMessagesDelivered()).toList() + ", polls " + ids.stream().map(id -> h.admin().broadcastPolls(id))
                    .toList() + ", failures " + h.handler.handled().stream().map(Throwable::getMessage).toList())
                    .isEqualTo(handedOutInCutReplies);
            ids.forEach(id -> assertThat(h.ledger.lostSeqs().get(id)).as("job " + id)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, duringFault).boxed().toList()));
            RowRecord.loss("dropped-after-commit", "every reply cut mid-body, `consumeOnFault(true)`")
                    .counts(figures)
                    .lost(JOBS * duringFault, "what the cut replies carried: the " + duringFault
                                              + " messages per job emitted during the fault")
                    .duplicates(0)
                    .failuresOnePerFault(figures, JOBS, "cut reply")
                    .log(logs, "connection problem", h.secrets())
                    .record();
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
            h.startContext("jobStatus?recoveryChannel=false&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.emit(ids, 1, 10, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> ids.stream().allMatch(id -> h.ledger.deliveredSeqs(id).contains(10)));

            // hold the revoked jobs' polls so that 11..15 wait on their old keys, then revoke the keys
            for (long id : revoked) {
                h.admin().faults().onPath("/" + id + "/broadcasts").errorRate(1.0, 503);
            }
            h.awaitANewPollOfEveryJob(revoked);
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
            // a rejected key is handled within the call (WARN line, new subscription), not reported as a failure
            assertThat(h.handler.handled()).as("only the 503s that held the polls").isNotEmpty()
                    .allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(CardsavrException.class,
                            ce -> assertThat(ce.getStatusCode()).isEqualTo(503)));
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("HTTP 401"));
            RowRecord.loss("revoked-access-key", "2 of 4 jobs' keys revoked with 5 messages waiting on each")
                    .counts(figures)
                    .lost(5 * revoked.size(), "exactly those 5 + 5 (still on the cardholder channel)")
                    .duplicates(0)
                    .failures("the 503s that held the polls; the rejected key is handled in the call")
                    .log(logs, "rejected the access key", h.secrets())
                    .record();

            // the cardholder channel still has all 25 messages of a revoked job
            try (CardsavrClient client = CardsavrClient.create(ProtocolLimitsTest.signedClient(h))) {
                List<CardsavrMessage> all = Futures.value(client.pollCardholderMessages(h.cardholderOf(revoked.get(0))));
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
            h.startContext("jobStatus?recoveryChannel=false&maxResponseBytes=16384&jobId=" + id, null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
            h.awaitANewPollOfEveryJob(ids);
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
            assertThat(h.handler.handled()).filteredOn(e -> e instanceof CardsavrException ce
                    && ce.getReason() == CardsavrException.Reason.BODY_TOO_LARGE).hasSize(1);
            RowRecord.loss("reply-over-size-cap", "a reply of more than 32 KiB with `maxResponseBytes=16384`")
                    .counts(figures)
                    .lost(1, "the message in the oversized reply")
                    .duplicates(0)
                    .failures("one `BODY_TOO_LARGE`, and the 503s that queued the messages")
                    .log(logs, "response body declares", h.secrets())
                    .record();
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
            // without the recovery channel: the 503s that queue the batch would make it read the batch a second time
            // there, and the bad element would be reported once per channel (see the recovery rows)
            h.startContext("jobStatus?recoveryChannel=false&jobId=" + id, null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
            h.awaitANewPollOfEveryJob(ids);
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
            assertThat(h.handler.handled()).filteredOn(e -> e instanceof CardsavrException ce
                    && ce.getReason() == CardsavrException.Reason.MALFORMED_BODY).hasSize(1);
            RowRecord.absorbed("unexpected-shape-in-batch", "`job_id` as an object in one of 3 messages of a poll: the"
                                                            + " well-formed 2 delivered, the bad element reported")
                    .counts(figures)
                    .failures("one `MALFORMED_BODY`, and the 503s that queued the messages")
                    .notCheckedReadiness()
                    .log(logs, "$[1].job_id", h.secrets())
                    .record();
        }
    }

    static CardsavrClientConfig signedClient(ReliabilityHarness h) {
        return CardsavrClientConfig.builder().baseUrl(h.simulator.getBaseUrl())
                .authMode(AuthMode.SIGNED)
                .integratorName(h.simulator.getIntegratorName()).integratorKey(h.simulator.getIntegratorKey())
                .username(h.username()).password(h.password()).build();
    }

    /** Messages the server handed out on the jobs' broadcast channels so far. */
    private static long handedOut(ReliabilityHarness h, List<Long> ids) {
        return ids.stream().mapToLong(id -> h.admin().job(id).getMessagesDelivered()).sum();
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
