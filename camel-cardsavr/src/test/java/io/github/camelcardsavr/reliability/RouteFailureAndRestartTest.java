package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelcardsavr.reliability.FaultRows.JOBS;
import static io.github.camelcardsavr.reliability.FaultRows.MESSAGES;
import static io.github.camelcardsavr.reliability.FaultRows.PERIOD_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the consumer's side: a downstream step that fails (for some attempts, or for a while), and a process that
 * stops in the middle of jobs and starts again with the same FileStateRepository, gracefully or by dying.
 */
class RouteFailureAndRestartTest {

    @TempDir
    Path dir;

    /** Every 10th message of each job fails three times: redelivered, then the ones after it, in order. */
    @Test
    void downstreamFailingSomeAttemptsRedeliversInOrder() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            Map<Long, List<Integer>> attempts = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
            h.downstream((jobId, seq) -> {
                attempts.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(seq);
                if (seq % 10 == 0 && failures.computeIfAbsent(jobId + "/" + seq, k -> new AtomicInteger()).incrementAndGet() <= 3) {
                    throw new IllegalStateException("broker refused message " + seq);
                }
            });
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            long started = System.nanoTime();
            h.emitAll(ids, MESSAGES, PERIOD_MILLIS);
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("downstream-fails-3-attempts", h, started).print();
            for (long id : ids) {
                List<Integer> tried = attempts.get(id);
                for (int failing : List.of(10, 20)) {
                    int first = tried.indexOf(failing);
                    assertThat(tried.subList(first, first + 4)).as("job " + id + " retried " + failing + " before anything"
                                                                    + " newer").containsOnly(failing);
                }
            }
            RowRecord.absorbed("downstream-fails-3-attempts", "every 10th message fails 3 times in the route")
                    .counts(figures)
                    .failuresExactly(figures, JOBS * 2 * 3)
                    .readinessUp(h)
                    .log(logs, "broker refused message", h.secrets())
                    .record();
        }
    }

    /**
     * The downstream "broker" is down while messages keep coming, until buffers have filled up to
     * maxBufferedMessagesPerJob and polling of those jobs paused (readiness DOWN "buffers are full"); once the broker is
     * back everything arrives, in order per job, and each refused exchange was reported once.
     */
    @Test
    void downstreamDownUntilBuffersAreFullDeliversEverythingAfterwards() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            AtomicBoolean brokerDown = new AtomicBoolean(true);
            AtomicInteger refused = new AtomicInteger();
            h.downstream((jobId, seq) -> {
                if (brokerDown.get()) {
                    refused.incrementAndGet();
                    throw new IllegalStateException("broker unavailable");
                }
            });
            h.startContext("jobStatus?maxBufferedMessagesPerJob=10&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            CompletableFuture<Void> emitting = h.emit(ids, 1, MESSAGES, MESSAGES, PERIOD_MILLIS);
            ReliabilityHarness.await().until(() -> h.health.samples().stream()
                    .anyMatch(sample -> sample.message().contains("buffers are full")));
            brokerDown.set(false);
            long lifted = System.nanoTime();
            emitting.join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("downstream-down-until-buffers-full", h, lifted).print();
            assertThat(figures.failures()).as("each refused exchange reported once").isEqualTo(refused.get())
                    .isPositive();
            RowRecord.absorbed("downstream-down-until-buffers-full", "every exchange fails until buffers are full,"
                                                                     + " `maxBufferedMessagesPerJob=10`")
                    .counts(figures)
                    .failures("one per refused exchange")
                    .readiness("DOWN \"buffers are full\"")
                    .log(logs, "broker unavailable", h.secrets())
                    .record();
        }
    }

    /**
     * The CamelContext is stopped twice in the middle of the jobs (each time while a message is being delivered) and a
     * new one started with a new FileStateRepository on the same file, while messages keep arriving on the server.
     * Nothing is lost or delivered twice, and the restarted consumers keep the access keys (no new subscription).
     */
    @Test
    void gracefulRestartsWithFileStateRepositoryLoseNothing() throws Exception {
        Path store = dir.resolve("cardsavr-state.dat");
        int messages = 40;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, messages);
            String endpoint = "jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids);
            Map<Integer, Gate> gates = Map.of(10, new Gate(), 25, new Gate());
            long firstJob = ids.get(0);
            h.downstream((jobId, seq) -> {
                Gate gate = jobId == firstJob ? gates.get(seq) : null;
                if (gate != null) {
                    gate.pass();
                }
            });
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.awaitSubscribed(ids);
            CompletableFuture<Void> emitting = h.emit(ids, 1, messages, messages, 15);
            long restarted = 0;
            for (int at : List.of(10, 25)) {
                Gate gate = gates.get(at);
                ReliabilityHarness.await().until(gate::isReached);
                stopWhileHeld(h, gate);
                restarted = System.nanoTime();
                h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            }
            emitting.join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("restart-graceful", h, restarted).print();
            // each job's channel and its recovery channel, registered once before the first restart
            assertThat(h.admin().requestCount("registrations")).as("restarts reuse the stored access keys")
                    .isEqualTo(2 * JOBS);
            String content = Files.readString(store);
            h.secrets().forEach(secret -> assertThat(content).doesNotContain(secret));
            RowRecord.absorbed("restart-graceful", "context stopped twice mid-jobs, new context + same"
                                                   + " `FileStateRepository`; no new subscription")
                    .counts(figures)
                    .noFailures(figures)
                    .readinessUp(h)
                    .log(logs, null, h.secrets())
                    .record();
        }
    }

    /**
     * The context is stopped while broadcast polls are on the wire (the server answers after 400 ms and deletes what it
     * returns). Camel's shutdown waits for the running poll, whose messages are stored before the consumer stops; the
     * restarted context delivers them. Holds as long as Camel's shutdown timeout (45 s by default) is longer than the
     * poll can take (responseTimeout, 30 s by default).
     */
    @Test
    void gracefulStopDuringAnInFlightPollKeepsWhatThatPollFetched() throws Exception {
        Path store = dir.resolve("cardsavr-state.dat");
        int messages = 10;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, messages);
            String endpoint = "jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids);
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.awaitSubscribed(ids);
            h.emit(ids, 1, 3, messages, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> h.ledger.deliveredCount() == 3 * JOBS);
            h.admin().faults().onPath("/broadcasts").latency(Duration.ofMillis(400));
            h.emit(ids, 4, 6, messages, PERIOD_MILLIS).join();
            long onTheWire = h.admin().requestCount("GET", "/broadcasts");
            ReliabilityHarness.await().until(() -> h.admin().requestCount("GET", "/broadcasts") >= onTheWire + JOBS);
            h.stopContext();
            h.admin().faults().reset();

            long restarted = System.nanoTime();
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.emit(ids, 7, messages, messages, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("restart-during-inflight-poll", h, restarted).print();
            RowRecord.absorbed("restart-during-inflight-poll", "context stopped while polls are on the wire (400 ms"
                                                               + " late), restarted with the same `FileStateRepository`")
                    .counts(figures)
                    .noFailures(figures)
                    .readinessUp(h)
                    .log(logs, null, h.secrets())
                    .record();
        }
    }

    /**
     * Stopped while a poll is on the wire: the server answers the call after the stop began (here 1.5 s late; its
     * session is not ended because /session/end fails) and deletes what it returns. Stop waits for such calls (at
     * most the worst case of one call) and stores what they fetched without routing it: a restart delivers it.
     */
    @Test
    void gracefulStopWhileAPollIsOnTheWireKeepsWhatTheLateCallFetched() throws Exception {
        Path store = dir.resolve("cardsavr-state.dat");
        int messages = 10;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(1, messages);
            long id = ids.get(0);
            String endpoint = "jobStatus?jobId=" + id;
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.awaitSubscribed(ids);
            h.emit(ids, 1, 3, messages, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> h.ledger.deliveredCount() == 3);
            h.admin().faults().onPath("/session/end").errorRate(1.0, 503)
                    .onPath("/broadcasts").latency(Duration.ofMillis(1500));
            h.emit(ids, 4, 6, messages, PERIOD_MILLIS).join();
            long sent = h.admin().requestCount("GET", "/broadcasts");
            // a poll reached the server after messages 4..6 were published: its reply is 1.5 s away
            ReliabilityHarness.await().until(() -> h.admin().requestCount("GET", "/broadcasts") > sent);
            h.stopContext();
            ReliabilityHarness.await().until(() -> h.admin().requestCount("GET", "/broadcasts")
                                                   == h.admin().job(id).totalBroadcastPolls());
            h.admin().faults().reset();

            long restarted = System.nanoTime();
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.emit(ids, 7, messages, messages, PERIOD_MILLIS).join();
            h.awaitAllDelivered();
            FaultFigures figures = FaultFigures.of("stop-while-a-poll-is-on-the-wire", h, restarted).print();
            RowRecord.absorbed("stop-while-a-poll-is-on-the-wire", "context stopped while a poll 1.5 s late is on the"
                                                                   + " wire; stop waits for it and stores what it fetched")
                    .counts(figures)
                    .noFailures(figures)
                    .readinessUp(h)
                    .log(logs, null, h.secrets())
                    .record();
        }
    }

    /**
     * Without a state repository the consumer's buffer lives in memory only. The route fails from message 3 on, so
     * messages 3..5 wait in the buffer (the server has deleted them); the context is stopped and a new one started
     * without a repository: it subscribes again (a new channel), so 3..5 and message 6, published while no consumer
     * was subscribed, are lost. (The old recovery channel still holds 3..6, but its key was in memory only.) The same sequence with a FileStateRepository loses nothing (restart-graceful).
     */
    @Test
    void restartWithoutAStateRepositoryLosesTheBufferAndTheGap() throws Exception {
        int messages = 10;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(1, messages);
            long id = ids.get(0);
            String endpoint = "jobStatus?jobId=" + id;
            boolean[] failing = { true };
            h.downstream((jobId, seq) -> {
                if (failing[0] && seq >= 3) {
                    throw new IllegalStateException("broker unavailable");
                }
            });
            h.startContext(endpoint, null);
            h.awaitSubscribed(ids);
            h.emit(ids, 1, 5, messages, PERIOD_MILLIS).join();
            // handed out on the primary (the recovery channel, read once after the subscription, may add copies)
            ReliabilityHarness.await().until(() -> h.ledger.deliveredSeqs(id).size() == 2
                                                   && h.admin().job(id).getMessagesDelivered() >= 5);
            h.stopContext();
            h.emit(ids, 6, 6, messages, PERIOD_MILLIS).join();
            failing[0] = false;
            long restarted = System.nanoTime();
            h.startContext(endpoint, null);
            // the new channel exists once it has been polled (the creator's; the consumer's old and new key, each with
            // a recovery channel, read once after its primary subscription)
            ReliabilityHarness.await().until(() -> h.admin().broadcastPolls(id).size() == 5
                    && h.admin().broadcastPolls(id).values().stream().filter(polls -> polls > 0).count() == 4);
            h.emit(ids, 7, messages, messages, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("restart-without-state-repository", h, restarted).print();
            assertThat(h.ledger.lostSeqs()).containsExactly(Map.entry(id, List.of(3, 4, 5, 6)));
            assertThat(figures.failures()).isPositive();
            RowRecord.loss("restart-without-state-repository", "route failing, context restarted without a repository")
                    .counts(figures)
                    .lost(4, "the 3 buffered messages and the 1 published before the new subscription")
                    .duplicates(0)
                    .failures("the failed exchanges of the buffered messages (≥ 1)")
                    .log(logs, "broker unavailable", h.secrets())
                    .record();
        }
    }

    /**
     * The process dies after the route completed two messages of a poll's batch but before the consumer recorded that
     * (modelled by restoring the state file as it was at that moment): those two messages are delivered again after
     * the restart. This is the one place the component delivers a message twice. One job, so that no other call is on
     * the wire at the moment of death: what such a call fetched would be gone with the process (the server deleted it).
     */
    @Test
    void processDeathInTheMiddleOfABatchRedeliversThatBatch() throws Exception {
        Path store = dir.resolve("cardsavr-state.dat");
        Path snapshot = dir.resolve("snapshot.dat");
        int messages = 10;
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(1, messages);
            String endpoint = "jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids);
            long firstJob = ids.get(0);
            Gate gate = new Gate();
            h.downstream((jobId, seq) -> {
                if (jobId == firstJob && seq == 3 && !gate.isReached()) {
                    gate.pass();
                }
            });
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.awaitSubscribed(ids);
            // messages 1..5 wait on the server so that one poll fetches them as one batch
            h.admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
            h.awaitANewPollOfEveryJob(ids);
            h.emit(ids, 1, 5, messages, PERIOD_MILLIS).join();
            h.admin().faults().reset();
            ReliabilityHarness.await().until(gate::isReached);
            Files.copy(store, snapshot, StandardCopyOption.REPLACE_EXISTING);
            stopWhileHeld(h, gate, true);
            Files.copy(snapshot, store, StandardCopyOption.REPLACE_EXISTING);

            long restarted = System.nanoTime();
            h.startContext(endpoint, FileStateRepository.fileStateRepository(store.toFile()));
            h.emit(ids, 6, messages, messages, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("restart-after-crash", h, restarted).print();
            figures.assertAtLeastOnceInOrder();
            assertThat(h.ledger.deliveredSeqs(firstJob)).startsWith(1, 2, 1, 2, 3, 4, 5);
            assertThat(h.handler.handled()).as("the interrupted delivery")
                    .filteredOn(e -> String.valueOf(e.getMessage()).contains("simulated process death")).hasSize(1);
            RowRecord.loss("restart-after-crash", "process death in the middle of a batch (state file as of that moment)")
                    .counts(figures)
                    .lost(0, "nothing; the 2 completed messages of the interrupted batch came twice")
                    .duplicates(2)
                    .failures("the interrupted delivery, and the 503s that queued the batch")
                    .log(logs, "simulated process death", h.secrets())
                    .record();
        }
    }

    private static void stopWhileHeld(ReliabilityHarness h, Gate gate) {
        stopWhileHeld(h, gate, false);
    }

    /** Stops the context while the route is held at the gate, lets the held step finish (or die), waits for the stop. */
    private static void stopWhileHeld(ReliabilityHarness h, Gate gate, boolean crash) {
        CamelContext context = h.context();
        Consumer consumer = context.getRoute(ReliabilityHarness.ROUTE_ID).getConsumer();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(h::stopContext);
        // Camel suspends the consumer first and stops it once the in-flight exchange is done
        ReliabilityHarness.await().until(() -> ((ServiceSupport) consumer).isSuspendingOrSuspended()
                                               || ((ServiceSupport) consumer).isStoppingOrStopped());
        if (crash) {
            gate.crash();
        } else {
            gate.release();
        }
        stopping.join();
    }
}
