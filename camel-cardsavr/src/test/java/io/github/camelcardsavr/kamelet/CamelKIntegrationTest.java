package io.github.camelcardsavr.kamelet;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.testsupport.InJvmKafka;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/camel-k.md's Integration as the operator runs it: its flows become a YAML route file, its camel trait
 * properties and the mounted Secret become properties of a Camel Main application, the persistent volume a
 * temporary directory. Every message of both jobs lands on Kafka keyed by its job, and the state file is written.
 */
class CamelKIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theIntegrationRunsItsFlowsWithTheComponentAsAMavenDependency(@TempDir Path volume) throws Exception {
        Map<String, Object> integration = CamelKFiles.yaml("cardsavr-job-status.integration.yaml");
        String version = ComponentDiscoveryTest.cardsavrComponentProperties().getProperty("version");
        assertThat(CamelKFiles.list(integration, "spec", "dependencies"))
                .contains("mvn:io.github.camelcardsavr:camel-cardsavr:" + version);
        String pvc = CamelKFiles.at(CamelKFiles.yaml("cardsavr-state.pvc.yaml"), "metadata", "name");
        assertThat(CamelKFiles.list(integration, "spec", "traits", "mount", "volumes"))
                .containsExactly(pvc + ":/var/lib/cardsavr");
        Properties traitProperties = new Properties();
        for (String line : CamelKFiles.list(integration, "spec", "traits", "camel", "properties")) {
            traitProperties.load(new StringReader(line));
        }
        assertThat(traitProperties.getProperty("cardsavr.state-file")).startsWith("/var/lib/cardsavr/");
        Path flows = volume.resolve("flows.yaml");
        Files.writeString(flows, new Dump(DumpSettings.builder().build())
                .dumpToString(CamelKFiles.list(integration, "spec", "flows")), StandardCharsets.UTF_8);
        Path stateFile = volume.resolve("state.dat");

        try (KameletFixture f = KameletFixture.start(true); InJvmKafka kafka = InJvmKafka.start()) {
            String topic = CamelKFiles.at(CamelKFiles.yaml("cardsavr-job-status.kafkatopic.yaml"), "metadata", "name");
            // more partitions than the page's KafkaTopic: the record key is what keeps a job's messages in order
            kafka.createTopic(topic, 3);
            long first = f.createdJob(SimulatorSites.GOOD_EMAIL);
            long second = f.createdJob(SimulatorSites.SITE_FAILURE);
            assertThat(traitProperties.getProperty("cardsavr.job-ids")).isEqualTo(first + "," + second);

            Properties initial = new Properties();
            initial.putAll(traitProperties);
            initial.putAll(CamelKFiles.secretValuesFor(f));
            Properties overrides = new Properties();
            overrides.put("camel.component.kafka.brokers", kafka.bootstrapServers());
            overrides.put("cardsavr.state-file", stateFile.toString());
            try (MainRun integrationRuns = new MainRun(flows, initial, overrides)) {
                long firstBefore = f.startWhenPolled(first);
                long secondBefore = f.startWhenPolled(second);
                KameletFixture.await().until(() -> f.job(first).isTerminated() && f.job(second).isTerminated()
                                                   && kafka.records(topic).size()
                                                      == f.job(first).getMessagesPublished() - firstBefore
                                                         + f.job(second).getMessagesPublished() - secondBefore);
                List<ConsumerRecord<String, String>> records = kafka.records(topic);
                for (ConsumerRecord<String, String> r : records) {
                    assertThat(json.readTree(r.value()).path("job_id").asText()).isEqualTo(r.key());
                }
                assertThat(records).extracting(ConsumerRecord::key).containsOnly(Long.toString(first),
                        Long.toString(second));
                assertThat(stateFile).isNotEmptyFile();
            }
        }
    }
}
