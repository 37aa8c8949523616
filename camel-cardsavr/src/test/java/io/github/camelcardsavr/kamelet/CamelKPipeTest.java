package io.github.camelcardsavr.kamelet;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.testsupport.InJvmKafka;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/camel-k.md's Pipe, loaded by Camel's YAML DSL as Camel JBang loads it: the Secret's properties stand for the
 * mounted Secret, the broker address for what Camel K's Strimzi binding fills in, the topic is created as the page's
 * KafkaTopic describes it. Every status message of both jobs lands on the topic, in order.
 */
class CamelKPipeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePipeSendsEveryStatusMessageOfItsJobsToKafkaInOrder() throws Exception {
        Map<String, Object> topic = CamelKFiles.yaml("cardsavr-job-status.kafkatopic.yaml");
        String topicName = CamelKFiles.at(topic, "metadata", "name");
        Map<String, Object> pipe = CamelKFiles.yaml("cardsavr-job-status-to-kafka.pipe.yaml");
        assertThat(CamelKFiles.<String> at(pipe, "spec", "sink", "ref", "name")).isEqualTo(topicName);
        assertThat(CamelKFiles.list(pipe, "spec", "traits", "mount", "configs"))
                .containsExactly("secret:" + CamelKFiles.at(CamelKFiles.yaml("cardsavr-credentials.secret.yaml"),
                        "metadata", "name"));

        try (KameletFixture f = KameletFixture.start(true); InJvmKafka kafka = InJvmKafka.start()) {
            kafka.createTopic(topicName, CamelKFiles.<Integer> at(topic, "spec", "partitions"));
            long first = f.createdJob(SimulatorSites.GOOD_EMAIL);
            long second = f.createdJob(SimulatorSites.SITE_FAILURE);
            // the page's Pipe follows jobs 101 and 102: a fresh simulator's first two
            assertThat(CamelKFiles.<String> at(pipe, "spec", "source", "properties", "jobId"))
                    .isEqualTo(first + "," + second);
            Properties brokers = new Properties();
            brokers.put("camel.component.kafka.brokers", kafka.bootstrapServers());
            try (MainRun pipeRuns = new MainRun(CamelKFiles.DIR.resolve("cardsavr-job-status-to-kafka.pipe.yaml"),
                    CamelKFiles.secretValuesFor(f), brokers)) {
            long firstBefore = f.startWhenPolled(first);
            long secondBefore = f.startWhenPolled(second);

            KameletFixture.await().until(() -> f.job(first).isTerminated() && f.job(second).isTerminated()
                                               && kafka.records(topicName).size()
                                                  == f.job(first).getMessagesPublished() - firstBefore
                                                     + f.job(second).getMessagesPublished() - secondBefore);
            List<ConsumerRecord<String, String>> records = kafka.records(topicName);
            assertInOrder(records, first, "BILLABLE");
            assertInOrder(records, second, "SITE_INTERACTION_FAILURE");
            }
        }
    }

    private void assertInOrder(List<ConsumerRecord<String, String>> records, long jobId, String termination)
            throws Exception {
        double percent = -1;
        JsonNode last = null;
        for (ConsumerRecord<String, String> r : records) {
            JsonNode message = json.readTree(r.value());
            if (message.path("job_id").asLong() != jobId) {
                continue;
            }
            double p = message.path("message").path("percent_complete").asDouble();
            assertThat(p).as("percent_complete never goes backwards").isGreaterThanOrEqualTo(percent);
            percent = p;
            last = message;
        }
        assertThat(last).as("messages of job %d", jobId).isNotNull();
        assertThat(last.path("message").path("termination_type").asText()).isEqualTo(termination);
    }
}
