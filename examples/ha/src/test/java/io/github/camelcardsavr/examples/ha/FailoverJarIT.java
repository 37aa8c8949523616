package io.github.camelcardsavr.examples.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.github.camelcardsavr.state.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas of the packaged example, each a process of its own, on one PostgreSQL and one lock directory. The
 * active one is killed with SIGKILL in the middle of a burst of messages, the next one is stopped with SIGTERM in the
 * middle of the next burst, and the last one finishes the jobs and exits 0. Every message of every job is in the
 * output directory, in order by file name; a duplicate only for the exchange the killed replica was in; the credential
 * request answered once.
 * <p>
 * Bursts are made deterministic with the simulator: cardholder polls are refused (503, which consumes nothing) while a
 * burst is queued, so the next poll takes it whole and the replica stores it before routing any of it; the kill comes
 * once the first file of the burst exists, when no poll can carry anything else.
 */
class FailoverJarIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int BURST = 300;
    /** Longer than the followers' patience with a silent leader (3 missed 1 s heartbeats). */
    private static final Duration FROZEN = Duration.ofSeconds(6);
    private static final String DB_USER = "cardsavr_replica";
    private static final String DB_PASSWORD = "db-password-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path work;

    private final CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5)).start();
    private final List<ReplicaProcess> replicas = new ArrayList<>();
    private final Map<Long, Integer> published = new HashMap<>();

    @AfterEach
    void stop() {
        replicas.forEach(ReplicaProcess::destroy);
        simulator.close();
    }

    @Test
    void theActiveReplicaKilledAndThenStoppedLosesNothing() throws Exception {
        long cardholder = simulator.admin().createCardholder();
        long j1 = manualJob(cardholder);
        long j2 = manualJob(cardholder);
        Path out = work.resolve("out");
        Map<String, String> env = environment(cardholder, List.of(j1, j2), out);

        ReplicaProcess a = start("a", env);
        await().atMost(PATIENCE).until(a::isActive);
        ReplicaProcess b = start("b", env);
        ReplicaProcess c = start("c", env);
        await().atMost(PATIENCE).until(() -> b.saidStandby() && c.saidStandby());

        // a leads: messages and a TFA request
        publish(j1, 10);
        publish(j2, 10);
        String envelope = simulator.admin().injectCredentialRequest(j1, "tfa", List.of("tfa"));
        await().atMost(PATIENCE).until(() -> allWritten(out, j1, j2)
                                             && simulator.admin().job(j1).getAnswers().size() == 1);

        // frozen for longer than the followers wait for its heartbeat: it keeps the lock, nobody takes over
        long frozenAt = System.nanoTime();
        a.freeze();
        publish(j1, 5);
        await().atLeast(FROZEN).atMost(PATIENCE).until(() -> System.nanoTime() - frozenAt > FROZEN.toNanos());
        boolean takenOverWhileFrozen = b.isActive() || c.isActive();
        a.thaw();
        await().atMost(PATIENCE).until(() -> allWritten(out, j1, j2));
        assertThat(takenOverWhileFrozen).as("a standby became active while the leader was frozen").isFalse();
        int freezeDuplicates = duplicates(out, j1, j2);

        // SIGKILL in the middle of a burst
        burst(j1, BURST, j2, 10);
        int beforeKill = published.get(j1) - BURST;
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> MessageFiles.highest(out, j1) > beforeKill);
        long killedAt = epochMicros();
        a.kill();
        await().atMost(PATIENCE).until(() -> b.isActive() || c.isActive());
        ReplicaProcess second = b.isActive() ? b : c;
        ReplicaProcess last = second == b ? c : b;
        await().atMost(PATIENCE).until(() -> allWritten(out, j1, j2));
        // until the next active replica wrote its first message (the dead one writes nothing more)
        long killTakeOverMs = (firstWrittenAfter(out, second.activeSinceMicros(), j1, j2) - killedAt) / 1000;
        long writtenBeforeKill = MessageFiles.of(out, j1).stream().filter(f -> f.seq() > beforeKill && f.n() < killedAt)
                .count();
        int killDuplicates = duplicates(out, j1, j2) - freezeDuplicates;

        // SIGTERM in the middle of the next burst
        burst(j1, BURST, j2, 10);
        int before = published.get(j1) - BURST;
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> MessageFiles.highest(out, j1) > before);
        long stoppedAt = epochMicros();
        second.terminate();
        int secondExit = second.awaitExit();
        await().atMost(PATIENCE).until(last::isActive);
        await().atMost(PATIENCE).until(() -> allWritten(out, j1, j2));
        // the stopped one finishes its exchange and lets go of the lock before the next one can start
        long stopTakeOverMs = (firstWrittenAfter(out, last.activeSinceMicros(), j1, j2) - stoppedAt) / 1000;
        int stopDuplicates = duplicates(out, j1, j2) - killDuplicates - freezeDuplicates;
        String stopReport = "stopped at " + stoppedAt + ", " + last.name + " active since " + last.activeSinceMicros()
                            + "; repeated: " + repeated(out, j1, j2) + "\n" + second.output();

        // the last replica ends the jobs, and ends itself
        finish(j1);
        finish(j2);
        assertThat(last.awaitExit()).as(last.output()).isZero();

        for (long job : List.of(j1, j2)) {
            List<Integer> sequence = MessageFiles.sequence(out, job);
            assertThat(sequence).as("job %d in order by file name", job).isSorted();
            assertThat(new LinkedHashSet<>(sequence)).as("job %d: every message", job)
                    .containsExactlyElementsOf(IntStream.rangeClosed(0, published.get(job)).boxed().toList());
        }
        assertThat(freezeDuplicates).as("SIGSTOP: the frozen leader goes on, nobody else read").isZero();
        assertThat(killDuplicates).as("SIGKILL: at most the exchange the replica was in").isBetween(0, 1);
        assertThat(stopDuplicates).as("SIGTERM: a graceful stop commits its last exchange\n%s", stopReport).isZero();
        assertThat(secondExit).as(second.output()).isIn(0, 143);
        assertThat(simulator.admin().job(j1).getAnswers()).as("the TFA request answered once")
                .hasSize(1).allSatisfy(answer -> assertThat(answer.envelopeId()).isEqualTo(envelope));
        for (ReplicaProcess replica : replicas) {
            assertThat(replica.output()).doesNotContain(simulator.getIntegratorKey(), "agent-password", DB_PASSWORD);
        }

        HaFigures.row("failover-sigstop").with("replicas", 3).with("frozenMs", FROZEN.toMillis()).with("lost", 0)
                .with("duplicates", freezeDuplicates).with("duplicateBound", 0).with("takenOver", takenOverWhileFrozen)
                .print();
        HaFigures.row("failover-sigkill").with("replicas", 3).with("burst", BURST + 10).with("lost", 0)
                .with("writtenBeforeKill", writtenBeforeKill)
                .with("duplicates", killDuplicates).with("duplicateBound", 1).with("takeOverMs", killTakeOverMs)
                .with("lockIntervalMs", ClusterServices.LOCK_INTERVAL_SECONDS * 1000)
                .with("heartbeatTimeoutMultiplier", ClusterServices.HEARTBEAT_TIMEOUT_MULTIPLIER).print();
        HaFigures.row("failover-sigterm").with("replicas", 2).with("burst", BURST + 10).with("lost", 0)
                .with("duplicates", stopDuplicates).with("duplicateBound", 0).with("takeOverMs", stopTakeOverMs)
                .print();
    }

    private long manualJob(long cardholder) {
        long job = simulator.admin().createJob(JobSpec.builder().site(SimulatorSites.MANUAL).cardholderId(cardholder)
                .build()).getJobId();
        published.put(job, 0);
        return job;
    }

    private Map<String, String> environment(long cardholder, List<Long> jobs, Path out) {
        // a role of its own with a password, so the test can check that no replica prints it
        TestDatabases.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + DB_USER
                              + "') THEN CREATE ROLE " + DB_USER + " LOGIN SUPERUSER; END IF; END $$");
        TestDatabases.execute("ALTER ROLE " + DB_USER + " PASSWORD '" + DB_PASSWORD + "'");
        Map<String, String> env = new HashMap<>();
        env.put("CARDSAVR_BASE_URL", simulator.getBaseUrl());
        env.put("CARDSAVR_INTEGRATOR_NAME", simulator.getIntegratorName());
        env.put("CARDSAVR_INTEGRATOR_KEY", simulator.getIntegratorKey());
        env.put("CARDSAVR_USERNAME", "agent");
        env.put("CARDSAVR_PASSWORD", "agent-password");
        env.put("CARDSAVR_CARDHOLDER_ID", Long.toString(cardholder));
        env.put("CARDSAVR_JOB_IDS", jobs.get(0) + "," + jobs.get(1));
        env.put("CARDSAVR_OUT_DIR", out.toString());
        env.put("CARDSAVR_CLUSTER_DIR", work.resolve("cluster").toString());
        env.put("CARDSAVR_STATE_JDBC_URL", "jdbc:postgresql://localhost:" + TestDatabases.postgres().getPort()
                                           + "/postgres");
        env.put("CARDSAVR_STATE_JDBC_USER", DB_USER);
        env.put("CARDSAVR_STATE_JDBC_PASSWORD", DB_PASSWORD);
        env.put("CARDSAVR_POLL_DELAY_MS", "100");
        return env;
    }

    private ReplicaProcess start(String name, Map<String, String> env) throws Exception {
        ReplicaProcess replica = ReplicaProcess.start(name, work, env);
        replicas.add(replica);
        return replica;
    }

    private void publish(long job, int count) {
        for (int i = 0; i < count; i++) {
            int seq = published.merge(job, 1, Integer::sum);
            simulator.admin().injectMessage(job, Map.of("status", "S" + seq, "percent_complete", 50));
        }
    }

    private void finish(long job) {
        int seq = published.merge(job, 1, Integer::sum);
        simulator.admin().injectMessage(job, Map.of("status", "S" + seq, "percent_complete", 100,
                "termination_type", "BILLABLE"));
    }

    // queued while cardholder polls are refused, so that one poll takes it whole
    private void burst(long job, int count, long other, int otherCount) {
        long refusedBefore = refusedPolls();
        simulator.admin().faults().onPath("/messages/cardholders").errorRate(1.0, 503);
        // a poll that started before the refusal is over once one is refused (a channel has one call at a time)
        await().atMost(PATIENCE).until(() -> refusedPolls() > refusedBefore);
        publish(job, count);
        publish(other, otherCount);
        simulator.admin().faults().reset();
    }

    private long refusedPolls() {
        return simulator.admin().faults().injectedCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    private int written(Path out, long job) {
        return new LinkedHashSet<>(MessageFiles.sequence(out, job)).size();
    }

    // REQUESTED and S1..Sn
    private boolean allWritten(Path out, long... jobs) {
        for (long job : jobs) {
            if (written(out, job) < published.get(job) + 1) {
                return false;
            }
        }
        return true;
    }

    private static int duplicates(Path out, long... jobs) {
        return repeated(out, jobs).values().stream().mapToInt(times -> times.size() - 1).sum();
    }

    // each message written more than once, with the delivery times of its files
    private static Map<String, List<Long>> repeated(Path out, long... jobs) {
        Map<String, List<Long>> files = new TreeMap<>();
        for (long job : jobs) {
            for (MessageFiles.Written file : MessageFiles.of(out, job)) {
                files.computeIfAbsent(job + "/S" + file.seq(), k -> new ArrayList<>()).add(file.n());
            }
        }
        files.values().removeIf(times -> times.size() < 2);
        return files;
    }

    private long firstWrittenAfter(Path out, long micros, long... jobs) {
        long first = Long.MAX_VALUE;
        for (long job : jobs) {
            for (MessageFiles.Written file : MessageFiles.of(out, job)) {
                if (file.n() > micros) {
                    first = Math.min(first, file.n());
                }
            }
        }
        return first;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
