package io.github.camelcardsavr.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.testsupport.LogRecorder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults of {@link ProtocolLimitsTest} that lose messages without the recovery channel, run with the default
 * ({@code recoveryChannel=true}): a reply that drained the job's channel and never arrived, or could not be read, is
 * made good from the job's second registration. Every message is delivered once and in order; the size cap is the one
 * case the recovery channel cannot serve (reading it is over the cap too).
 */
class RecoveryChannelTest {

    private static final int JOBS = 4;
    private static final int MESSAGES = 25;
    private static final long PERIOD_MILLIS = 10;

    @Test
    void repliesSlowerThanTheResponseTimeoutAreRecovered() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?responseTimeout=500&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").latency(Duration.ofMillis(1200));
            h.emit(ids, 1, 10, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> timeouts(h) >= JOBS && h.health.sawFault());
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            // polls the client gave up on are still served (late) and drain the channel as they are: wait for them,
            // as a real server finishes what it started
            ReliabilityHarness.await().until(() -> h.admin().requestCount("GET", "/broadcasts") == drains(h, ids));
            h.emit(ids, 11, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("slow-beyond-timeout-recovered", h, lifted).print();
            assertRecoveryLogged(logs);
            RowRecord.recovered("slow-beyond-timeout-recovered", "every poll 1.2 s late, `responseTimeout=500`")
                    .counts(figures)
                    .lost(0, "nothing: what the replies the client gave up on held was read from the jobs' recovery"
                             + " channels")
                    .duplicates(0)
                    .failuresAtLeast(figures, JOBS, "one per timed-out reply")
                    .log(logs, "timed out", h.secrets())
                    .record();
        }
    }

    /**
     * The reproduction of the recovery channel's issue: a server that drains a job's channel and then cuts the
     * connection on every third reply that carries messages. Without the recovery channel 9 of 25 messages were lost.
     * Signed, and unsigned (the component's other mode) below.
     */
    @Test
    void repliesCutAfterTheServerCommittedAreRecovered() throws Exception {
        cutAfterCommit("cut-after-commit-recovered", UnaryOperator.identity(), "");
    }

    @Test
    void repliesCutAfterTheServerCommittedAreRecoveredUnsigned() throws Exception {
        cutAfterCommit("cut-after-commit-recovered-unsigned", b -> b.signed(false), ", unsigned mode");
    }

    /** A reply that arrives spoiled (truncated) after the server drained the channel: signed and unsigned. */
    @Test
    void repliesSpoiledAfterTheServerCommittedAreRecovered() throws Exception {
        spoiledAfterCommit("spoiled-after-commit-recovered", UnaryOperator.identity(), "");
    }

    @Test
    void repliesSpoiledAfterTheServerCommittedAreRecoveredUnsigned() throws Exception {
        spoiledAfterCommit("spoiled-after-commit-recovered-unsigned", b -> b.signed(false), ", unsigned mode");
    }

    private static void spoiledAfterCommit(String row, UnaryOperator<CardsavrSimulator.Builder> mode, String modeText)
            throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(mode); LogRecorder logs = new LogRecorder(Level.INFO)) {
            List<Long> ids = h.manualJobs(1, MESSAGES);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").spoilDrainingReplies(3);
            emitOnePerReply(h, ids.get(0));
            long lifted = System.nanoTime();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of(row, h, lifted).print();
            assertThat(h.admin().faults().injectedCounts().getOrDefault("SPOILED_AFTER_DRAIN", 0L))
                    .isGreaterThanOrEqualTo(3);
            assertRecoveryLogged(logs);
            RowRecord.recovered(row, "the server drains the channel, then every third reply that carries messages"
                                     + " arrives truncated" + modeText)
                    .counts(figures)
                    .lost(0, "nothing: each spoiled reply's messages were read from the job's recovery channel")
                    .duplicates(0)
                    .failuresAtLeast(figures, 3, "one per spoiled reply")
                    .log(logs, "truncated JSON", h.secrets())
                    .record();
        }
    }

    private static void cutAfterCommit(String row, UnaryOperator<CardsavrSimulator.Builder> mode, String modeText)
            throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(mode); LogRecorder logs = new LogRecorder(Level.INFO)) {
            List<Long> ids = h.manualJobs(1, MESSAGES);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.admin().faults().onPath("/broadcasts").cutDrainingReplies(3);
            emitOnePerReply(h, ids.get(0));
            long lifted = System.nanoTime();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of(row, h, lifted).print();
            assertThat(figures.faults()).isGreaterThanOrEqualTo(3);
            assertThat(h.health.sawFault()).as("the readiness check showed the fault").isTrue();
            assertRecoveryLogged(logs);
            RowRecord.recovered(row, "the server drains the channel, then cuts every third reply that carries"
                                     + " messages" + modeText)
                    .counts(figures)
                    .lost(0, "nothing: each cut reply's messages were read from the job's recovery channel")
                    .duplicates(0)
                    .failuresAtLeast(figures, 3, "one per cut reply")
                    .log(logs, "connection problem", h.secrets())
                    .record();
        }
    }

    /**
     * 30 % of all replies cut at random after the drain, recovery reads included: a job loses messages only where the
     * read of its recovery channel was cut as well, which the log says.
     */
    @Test
    void randomCutsLoseOnlyWhereTheRecoveryReadWasCutToo() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
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

            FaultFigures figures = FaultFigures.of("random-cuts-with-recovery", h, lifted).print();
            assertThat(figures.duplicates()).isZero();
            for (long job : h.ledger.lostSeqs().keySet()) {
                assertThat(logs.lines()).as("job " + job + " lost messages only after a recovery read was cut too")
                        .anySatisfy(line -> assertThat(line.message()).contains("recovery channel of job " + job
                                                                             + " failed as well"));
            }
            assertRecoveryLogged(logs);
        }
    }

    /**
     * A registration gets only what is published after it, so the recovery channel must exist before the job's own:
     * registered later, it would miss what came between, and reading it after a failed poll would route later
     * messages before those. When registering it fails, the job's own channel is not opened in that call.
     */
    @Test
    void theRecoveryChannelIsRegisteredBeforeTheJobsOwnEvenWhenItsRegistrationFails() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness()) {
            long id = h.manualJobs(1, MESSAGES).get(0);
            List<String> arrivals = new CopyOnWriteArrayList<>();
            h.admin().observeRequests((method, path) -> {
                if (path.contains("/" + id + "/broadcasts")) {
                    arrivals.add(method);
                }
            });
            h.admin().faults().onPath("/registrations").errorBurst(1, 500);
            h.startContext("jobStatus?jobId=" + id, null);
            h.awaitSubscribed(List.of(id));
            h.admin().observeRequests(null);

            // the failed registration, the recovery channel's, the job's own, then its first poll
            assertThat(arrivals.subList(0, arrivals.indexOf("GET") + 1)).containsExactly("POST", "POST", "POST", "GET");
            h.emit(List.of(id), 1, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();
            assertThat(FaultFigures.of("registration-order", h, System.nanoTime()).outOfOrder()).isEmpty();
        }
    }

    @Test
    void whatWaitedOnARevokedAccessKeyIsRecovered() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            List<Long> revoked = ids.subList(0, 2);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.emit(ids, 1, 10, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> ids.stream().allMatch(id -> h.ledger.deliveredSeqs(id).contains(10)));
            for (long id : revoked) {
                h.admin().faults().onPath("/" + id + "/broadcasts").errorRate(1.0, 503);
            }
            h.emit(ids, 11, 15, MESSAGES, PERIOD_MILLIS).join();
            // only the key the consumer polls with: the channel polled most (the recovery channel was read once, after
            // the subscription)
            for (long id : revoked) {
                h.admin().broadcastPolls(id).entrySet().stream().max(Map.Entry.comparingByValue())
                        .ifPresent(e -> h.admin().faults().revokeAccessKey(e.getKey()));
            }
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            h.emit(ids, 16, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("revoked-access-key-recovered", h, lifted).print();
            assertRecoveryLogged(logs);
            RowRecord.recovered("revoked-access-key-recovered", "2 of 4 jobs' polled keys revoked with 5 messages"
                                                                + " waiting on each")
                    .counts(figures)
                    .lost(0, "nothing: the 5 + 5 messages queued on the revoked keys came from the recovery channels")
                    .duplicates(0)
                    .failuresAtLeast(figures, 1, "the 503s that held the polls")
                    .log(logs, "rejected the access key", h.secrets())
                    .record();
        }
    }

    /**
     * A process dies while a call is on the wire: the server handed the messages out, the process never stored them.
     * Modelled by restoring the state file as it was before the call (the route of the first run fails those
     * messages, so nothing of them is delivered before the "death"). The restarted consumer reads each job's recovery
     * channel first and delivers what the dead process took.
     */
    @Test
    void whatAProcessThatDiedTookWithItsLastCallIsReadBackOnRestart(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("cardsavr-state.dat");
        Path snapshot = dir.resolve("snapshot.dat");
        int taken = 5;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            String endpoint = "jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids);
            h.downstream((jobId, seq) -> {
                if (seq <= taken) {
                    throw new IllegalStateException("the process dies before these are stored");
                }
            });
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.awaitSubscribed(ids);
            // both registrations of every job are in the file: the state a process leaves when it dies between calls
            ReliabilityHarness.await().until(() -> h.admin().requestCount("registrations") == 2L * JOBS
                                                   && Files.readString(store).split("\"r\":").length == JOBS + 1);
            Files.copy(store, snapshot, StandardCopyOption.REPLACE_EXISTING);
            long handedOutBefore = ids.stream().mapToLong(id -> h.admin().job(id).getMessagesDelivered()).sum();
            h.emit(ids, 1, taken, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> ids.stream().mapToLong(id -> h.admin().job(id).getMessagesDelivered())
                                                           .sum() == handedOutBefore + (long) JOBS * taken);
            h.stopContext();
            Files.copy(snapshot, store, StandardCopyOption.REPLACE_EXISTING);
            assertThat(h.ledger.deliveredCount()).as("nothing of the dead process's last calls was delivered").isZero();

            h.downstream((jobId, seq) -> { });
            long restarted = System.nanoTime();
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.emit(ids, taken + 1, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("process-death-with-calls-on-the-wire-recovered", h, restarted).print();
            assertRecoveryLogged(logs);
            assertThat(h.admin().requestCount("registrations")).as("the restart reused the stored keys")
                    .isEqualTo(2L * JOBS);
            RowRecord.recovered("process-death-with-calls-on-the-wire-recovered", "the process dies after its calls"
                                                                                  + " fetched " + taken + " messages per"
                                                                                  + " job and before it stored them"
                                                                                  + " (state file as before those calls)")
                    .counts(figures)
                    .lost(0, "nothing: the restarted consumer read each job's recovery channel first")
                    .duplicates(0)
                    .failuresAtLeast(figures, 1, "the first run's refused exchanges")
                    .log(logs, "the process dies before these are stored", h.secrets())
                    .record();
        }
    }

    /** Reading the recovery channel returns the same oversized message: the recovery channel cannot serve this case. */
    @Test
    void aReplyOverTheSizeCapIsNotRecoverableAndTheJobGoesOn() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
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
            ReliabilityHarness.await().until(() -> h.handler.handled().stream()
                    .filter(e -> e instanceof CardsavrException ce
                                 && ce.getReason() == CardsavrException.Reason.BODY_TOO_LARGE).count() >= 2);
            for (int seq = 2; seq <= 4; seq++) {
                h.inject(id, seq, 4);
            }
            h.awaitAllDelivered();
            FaultFigures figures = FaultFigures.of("reply-over-size-cap-with-recovery", h, lifted).print();
            assertThat(h.ledger.lostSeqs()).containsExactly(Map.entry(id, List.of(1)));
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line.message())
                    .contains("recovery channel of job " + id + " failed as well"));
            RowRecord.recovered("reply-over-size-cap-with-recovery", "a reply of more than 32 KiB with"
                                                                     + " `maxResponseBytes=16384`")
                    .counts(figures)
                    .lost(1, "the message in the oversized reply: reading the recovery channel is over the cap too;"
                             + " the job goes on")
                    .duplicates(0)
                    .failuresAtLeast(figures, 2, "`BODY_TOO_LARGE`, primary and recovery reading")
                    .log(logs, "response body declares", h.secrets())
                    .record();
        }
    }

    /**
     * cardholderMessages: the cardholder's channel is cut after the drain on every third reply that carries messages;
     * the jobs' own broadcasts, registered when each job was first seen, bring back what the cut replies held.
     */
    @Test
    void cardholderRepliesCutAfterTheServerCommittedAreRecoveredThroughTheJobsBroadcasts() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.INFO)) {
            long cardholder = h.admin().createCardholder();
            List<Long> ids = h.manualJobs(2, MESSAGES, cardholder);
            h.startContext("cardholderMessages?cardholderId=" + cardholder, null);
            // each job is seen (and its recovery channel registered) with its first message
            h.emit(ids, 1, 1, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> ids.stream().allMatch(id -> h.ledger.deliveredSeqs(id).contains(1)
                                                                             && h.admin().broadcastPolls(id).size() >= 2));
            h.admin().faults().onPath("/messages/cardholders/").cutDrainingReplies(3);
            long lifted = System.nanoTime();
            h.emit(ids, 2, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            // one recovery channel per job: a second would bring back again what the first did
            ids.forEach(id -> assertThat(h.admin().broadcastPolls(id)).hasSize(2));
            FaultFigures figures = FaultFigures.of("cardholder-cut-after-commit-recovered", h, lifted).print();
            assertThat(h.health.sawFault()).as("the readiness check showed the fault").isTrue();
            assertRecoveryLogged(logs);
            RowRecord.recovered("cardholder-cut-after-commit-recovered", "`cardholderMessages`: every third cardholder"
                                                                         + " reply with messages cut after the drain")
                    .counts(figures)
                    .lost(0, "nothing: what the cut replies held came from the jobs' own broadcasts, one recovery"
                             + " registration per job")
                    .duplicates(0)
                    .failuresAtLeast(figures, 1, "one per cut reply")
                    .log(logs, "connection problem", h.secrets())
                    .record();
        }
    }

    // each message is handed out before the next is published, so every one makes its own reply that carries
    // messages: the every-n-th faults hit a fixed share of them, however the machine schedules the threads
    private static void emitOnePerReply(ReliabilityHarness h, long id) {
        for (int seq = 1; seq <= MESSAGES; seq++) {
            long handedOut = h.admin().job(id).getMessagesDelivered();
            h.inject(id, seq, MESSAGES);
            ReliabilityHarness.await().until(() -> h.admin().job(id).getMessagesDelivered() > handedOut);
        }
    }

    private static void assertRecoveryLogged(LogRecorder logs) {
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line.message())
                .contains("its recovery channel brought back").doesNotContain("brought back 0 "));
    }

    private static long drains(ReliabilityHarness h, List<Long> ids) {
        return ids.stream().mapToLong(id -> h.admin().job(id).totalBroadcastPolls()).sum();
    }

    private static long timeouts(ReliabilityHarness h) {
        return h.handler.handled().stream().filter(e -> e instanceof CardsavrException ce
                                                       && ce.getReason() == CardsavrException.Reason.TIMEOUT).count();
    }
}
