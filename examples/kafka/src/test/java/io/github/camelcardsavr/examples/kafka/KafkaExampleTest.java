package io.github.camelcardsavr.examples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the Kafka example against the simulator and an in-JVM KRaft broker, then reads the status topic
 * back: every announced job — all of them added to already running consumers — followed to its end,
 * each job's messages in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaExampleTest {

    private final ObjectMapper json = new ObjectMapper();
    private EmbeddedKafka kafka;
    private CardsavrTarget target;
    private RunSummary summary;
    private Map<Long, List<ConsumerRecord<String, String>>> recordsByJob;

    @BeforeAll
    void runTheExample() throws Exception {
        kafka = EmbeddedKafka.start();
        target = CardsavrTarget.simulated(Duration.ofMillis(5), List.of());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        summary = new KafkaApplication(target, kafka.bootstrapServers(), RunOptions.forTests(quiet),
                AnswersFile.fromClasspath(KafkaApplication.ANSWERS), PersonAtTerminal.nobody(quiet)).run();
        recordsByJob = readStatusTopic(summary.totalMessages());
    }

    @AfterAll
    void stop() {
        if (target != null) {
            target.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyAnnouncedJobWasFollowedToItsEnd() {
        assertThat(target.jobs()).extracting(DemoJob::site)
                .containsExactlyElementsOf(concat(KafkaApplication.FIRST_WAVE, KafkaApplication.SECOND_WAVE));
        assertThat(summary.allTerminated()).isTrue();
        for (DemoJob job : target.jobs()) {
            assertThat(summary.job(job.jobId()).terminationType()).as("job on %s", job.site())
                    .isEqualTo(job.expectedTermination());
        }
    }

    @Test
    void eachJobsMessagesAreOnTheTopicInOrderUnderItsKey() throws Exception {
        assertThat(recordsByJob.keySet()).containsExactlyInAnyOrderElementsOf(
                target.jobs().stream().map(DemoJob::jobId).toList());
        for (DemoJob job : target.jobs()) {
            List<ConsumerRecord<String, String>> records = recordsByJob.get(job.jobId());
            assertThat(records).extracting(ConsumerRecord::partition).as("one partition per job").containsOnly(
                    records.get(0).partition());
            assertThat(records).extracting(ConsumerRecord::offset).isSorted();
            List<JsonNode> statuses = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                statuses.add(json.readTree(record.value()).path("message"));
            }
            // The creator's channel was handed over, so nothing before the hand-over was missed.
            assertThat(statuses.get(0).path("status").asText()).isEqualTo("REQUESTED");
            assertThat(records).hasSize((int) target.admin().job(job.jobId()).messagesPublished());
            // Credential requests travel on the same channel; only status messages carry a percentage.
            assertThat(statuses.stream().filter(s -> s.has("percent_complete"))
                    .map(s -> s.path("percent_complete").asDouble()).toList()).isSorted();
            assertThat(statuses.get(statuses.size() - 1).path("termination_type").asText())
                    .isEqualTo(job.expectedTermination());
        }
    }

    @Test
    void jobsNeedingAnswersWereAnsweredThroughTheDynamicCredentialRequestsConsumer() {
        for (DemoJob job : target.jobs()) {
            int expected = List.of("tfa", "bad_email").contains(job.site()) ? 1 : 0;
            assertThat(target.admin().job(job.jobId()).answers()).as("answers to job on %s", job.site())
                    .hasSize(expected);
        }
    }

    private Map<Long, List<ConsumerRecord<String, String>>> readStatusTopic(long expectedRecords) {
        Map<Long, List<ConsumerRecord<String, String>>> byJob = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, EmbeddedKafka.PARTITIONS)
                    .mapToObj(p -> new TopicPartition(KafkaRoutes.STATUS_TOPIC, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return all.size() >= expectedRecords;
            });
            all.forEach(r -> byJob.computeIfAbsent(Long.parseLong(r.key()), k -> new ArrayList<>()).add(r));
        }
        return byJob;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
