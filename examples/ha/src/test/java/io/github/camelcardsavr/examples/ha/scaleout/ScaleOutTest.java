package io.github.camelcardsavr.examples.ha.scaleout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcardsavr.testsupport.InJvmKafka;
import io.github.camelcardsavr.examples.ha.HaFigures;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.github.camelcardsavr.state.jdbc.testing.TestDatabases;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * jobStatus scaled out over a Kafka consumer group: three replicas, 300 jobs keyed by job id over six partitions, one
 * replica killed in the middle of an exchange. Every message of every job is delivered, in order; the only duplicates
 * are the exchanges the dead replica had not committed (at most one per partition it owned, and here at least the one
 * it died in); partitions move with their jobs and access keys (no job subscribed twice); no partition is followed by
 * two live replicas at once.
 */
class ScaleOutTest {

    private static final int JOBS = 300;
    private static final int PARTITIONS = 6;
    private static final int MESSAGES_PER_JOB = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5)).start();
    private final HikariDataSource database = TestDatabases.postgresPool(12);
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final List<TestReplica.Event> timeline = TestReplica.newTimeline();
    private final List<TestReplica> replicas = new ArrayList<>();
    private InJvmKafka kafka;

    @AfterEach
    void close() throws Exception {
        replicas.forEach(TestReplica::close);
        if (kafka != null) {
            kafka.close();
        }
        database.close();
        simulator.close();
    }

    private TestReplica replica(String name) throws Exception {
        TestReplica replica = new TestReplica(name, simulator, kafka.bootstrapServers(), database, ledger, timeline);
        replicas.add(replica);
        return replica;
    }

    @Test
    void threeReplicasThreeHundredJobsOneKilledMidExchange() throws Exception {
        kafka = InJvmKafka.start();
        kafka.createTopic(TestReplica.TOPIC, PARTITIONS);
        long cardholder = simulator.admin().createCardholder();
        List<Long> jobs = IntStream.range(0, JOBS).mapToObj(i -> simulator.admin().createJob(JobSpec.builder()
                .site(SimulatorSites.MANUAL).cardholderId(cardholder).build()).getJobId()).toList();

        // one replica takes every job, and subscribes to each once (its channel and its recovery channel)
        TestReplica a = replica("a");
        kafka.publish(TestReplica.TOPIC, jobs.stream().map(id -> Map.entry(Long.toString(id), Long.toString(id))).toList());
        await().atMost(PATIENCE).until(() -> simulator.admin().requestCount("registrations") == 2 * JOBS
                                             && jobs.stream().allMatch(j -> polledOnce(j)));

        // two more join: partitions move, with their jobs, while the first round is on the wire
        TestReplica b = replica("b");
        TestReplica c = replica("c");
        round(jobs, 1);
        await().atMost(PATIENCE).until(() -> a.partitions().size() == 2 && b.partitions().size() == 2
                                             && c.partitions().size() == 2);
        await().atMost(PATIENCE).until(() -> ledger.hasAll(jobs, 1));
        for (int seq = 2; seq <= 3; seq++) {
            round(jobs, seq);
            int s = seq;
            await().atMost(PATIENCE).until(() -> ledger.hasAll(jobs, s));
        }

        // the partitions moved while round 1 was delivered: no message twice
        int movedDuplicates = 0;
        for (long job : jobs) {
            movedDuplicates += ledger.sequence(job).size() - 3;
        }
        assertThat(movedDuplicates).as("duplicates while partitions moved between live replicas").isZero();
        long joinMoves = moves();
        long joinMaxMoveMs = maxMoveMillis();

        // round 4: b dies inside the exchange of its first S4, once every S4 is fetched and stored
        TestReplica victim = b;
        Set<Integer> victimPartitions = victim.partitions();
        victim.holdExchangeWhen(e -> "S4".equals(e.getMessage().getHeader("CamelCardsavrStatus")));
        Map<Long, Integer> pollsBefore = polls(jobs);
        round(jobs, 4);
        assertThat(victim.awaitHeld(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> everyMessageFetchedAndStored(jobs, 4, pollsBefore));
        int deliveredBeforeKill = ledger.total();
        long killedAt = System.nanoTime();
        victim.kill();
        await().atMost(PATIENCE).until(() -> ledger.hasAll(jobs, 4));
        long takeOverNanos = firstTakenOverDelivery(victim, victimPartitions, killedAt) - killedAt;

        for (int seq = 5; seq <= MESSAGES_PER_JOB; seq++) {
            round(jobs, seq);
            int s = seq;
            await().atMost(PATIENCE).until(() -> ledger.hasAll(jobs, s));
        }
        // the last message lets each job go
        await().atMost(PATIENCE).until(() -> replicas.stream().filter(r -> r != victim)
                .allMatch(r -> r.followedJobs() == 0));

        // every message of every job, in order; duplicates only what the dead replica had not committed
        int duplicates = 0;
        for (long job : jobs) {
            List<Integer> sequence = ledger.sequence(job);
            assertThat(sequence).as("job %d in order", job).isSorted();
            assertThat(new LinkedHashSet<>(sequence)).as("job %d complete", job)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, MESSAGES_PER_JOB).boxed().toList());
            duplicates += sequence.size() - MESSAGES_PER_JOB;
        }
        assertThat(ledger.total()).isEqualTo(JOBS * MESSAGES_PER_JOB + duplicates);
        assertThat(duplicates).as("the exchange the replica died in, at most one per partition it owned")
                .isBetween(1, victimPartitions.size());
        assertThat(deliveredBeforeKill).isPositive();
        // the jobs moved with their access keys (both channels'): nobody subscribed again
        assertThat(simulator.admin().requestCount("registrations")).isEqualTo(2 * JOBS);
        assertNoPartitionFollowedTwice(victim, killedAt);

        HaFigures.row("scale-out-replicas-joined")
                .with("replicas", 3).with("jobs", JOBS).with("partitions", PARTITIONS).with("lost", 0)
                .with("duplicates", movedDuplicates).with("duplicateBound", 0)
                .with("partitionMoves", joinMoves).with("maxMoveMs", joinMaxMoveMs)
                .print();
        HaFigures.row("scale-out-replica-killed")
                .with("replicas", 3).with("jobs", JOBS).with("partitions", PARTITIONS)
                .with("messages", JOBS * MESSAGES_PER_JOB).with("lost", 0).with("duplicates", duplicates)
                .with("duplicateBound", victimPartitions.size())
                .with("takeOverMs", TimeUnit.NANOSECONDS.toMillis(takeOverNanos))
                .print();
    }

    private void round(List<Long> jobs, int seq) {
        Map<String, Object> message = new HashMap<>();
        message.put("status", "S" + seq);
        message.put("percent_complete", seq == MESSAGES_PER_JOB ? 100 : seq * 10);
        if (seq == MESSAGES_PER_JOB) {
            message.put("termination_type", "BILLABLE");
        }
        jobs.forEach(job -> simulator.admin().injectMessage(job, message));
    }

    private boolean polledOnce(long job) {
        return simulator.admin().job(job).totalBroadcastPolls() >= 1;
    }

    private Map<Long, Integer> polls(List<Long> jobs) {
        Map<Long, Integer> polls = new HashMap<>();
        jobs.forEach(job -> polls.put(job, simulator.admin().job(job).totalBroadcastPolls()));
        return polls;
    }

    // the server handed out the job's message, and the job was polled again since: a channel is called again only
    // once its last reply is stored, so what that reply carried is in the database
    private boolean everyMessageFetchedAndStored(List<Long> jobs, int seq, Map<Long, Integer> pollsBefore) {
        for (long job : jobs) {
            var view = simulator.admin().job(job);
            if (view.getMessagesDelivered() < seq || view.totalBroadcastPolls() < pollsBefore.get(job) + 2) {
                return false;
            }
        }
        return true;
    }

    // the first message of the dead replica's partitions that another replica delivered
    private long firstTakenOverDelivery(TestReplica victim, Set<Integer> victimPartitions, long killedAt) {
        return ledger.all().stream()
                .filter(d -> d.nanos() > killedAt && !d.replica().equals(victim.name)
                             && victimPartitions.contains(partitionOf(d.jobId())))
                .mapToLong(DeliveryLedger.Delivery::nanos).min().orElseThrow();
    }

    // where Kafka's default partitioner puts a record keyed by the job id
    private static int partitionOf(long jobId) {
        return Utils.toPositive(Utils.murmur2(Long.toString(jobId).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    // a partition is followed by one live replica at a time; a killed one follows nothing from its death on
    private void assertNoPartitionFollowedTwice(TestReplica victim, long killedAt) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            int p = partition;
            List<TestReplica.Event> events = timeline.stream().filter(e -> e.partition() == p)
                    .sorted(Comparator.comparingLong(TestReplica.Event::nanos)).toList();
            Set<String> following = new HashSet<>();
            for (TestReplica.Event event : events) {
                if (event.nanos() > killedAt) {
                    following.remove(victim.name);
                    if (event.replica().equals(victim.name)) {
                        continue;
                    }
                }
                if (event.following()) {
                    assertThat(following).as("partition %d taken by %s while followed by %s", p, event.replica(),
                            following).isEmpty();
                    following.add(event.replica());
                } else {
                    following.remove(event.replica());
                }
            }
        }
    }

    private long moves() {
        return timeline.stream().filter(TestReplica.Event::following).count() - PARTITIONS;
    }

    // from a partition being let go by one replica to it being followed by the next
    private long maxMoveMillis() {
        long max = 0;
        Map<Integer, Long> releasedAt = new HashMap<>();
        for (TestReplica.Event event : timeline.stream().sorted(Comparator.comparingLong(TestReplica.Event::nanos))
                .toList()) {
            if (!event.following()) {
                releasedAt.put(event.partition(), event.nanos());
            } else if (releasedAt.containsKey(event.partition())) {
                max = Math.max(max, event.nanos() - releasedAt.remove(event.partition()));
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(max);
    }
}
