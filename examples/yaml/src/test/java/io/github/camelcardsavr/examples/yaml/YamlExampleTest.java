package io.github.camelcardsavr.examples.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the YAML routes with application.properties, overridden to point at the simulator, and checks
 * what came out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YamlExampleTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Path outputDir = Path.of("target", "test-cardsavr-out");
    private CardsavrTarget target;
    private EmbeddedArtemis artemis;
    private RunSummary summary;

    @BeforeAll
    void runTheRoutes() throws Exception {
        target = CardsavrTarget.simulated(Duration.ofMillis(5), YamlExample.SITES);
        artemis = EmbeddedArtemis.start();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        summary = new YamlApplication(target, artemis, RunOptions.forTests(quiet), outputDir,
                AnswersFile.fromClasspath(YamlApplication.ANSWERS), PersonAtTerminal.nobody(quiet)).run();
    }

    @AfterAll
    void stop() {
        if (artemis != null) {
            artemis.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void everyJobTerminatedAsItsSiteDoes() {
        assertThat(summary.allTerminated()).isTrue();
        for (DemoJob job : target.jobs()) {
            assertThat(summary.job(job.jobId()).terminationType()).as("job on %s", job.site())
                    .isEqualTo(job.expectedTermination());
        }
    }

    @Test
    void filesAndQueueHoldEveryMessage() throws IOException {
        assertThat(summary.filesWritten()).isEqualTo(summary.totalMessages()).isPositive();
        assertThat(artemis.messageCount(YamlApplication.QUEUE)).isEqualTo(summary.totalMessages());
        for (DemoJob job : target.jobs()) {
            List<Path> files;
            try (Stream<Path> list = Files.list(outputDir.resolve(Long.toString(job.jobId())))) {
                files = list.sorted().toList();
            }
            assertThat(files).hasSize((int) target.admin().job(job.jobId()).cardholderMessagesDelivered());
            assertThat(files.get(0).getFileName().toString()).startsWith("0001-");
            assertThat(json.readTree(files.get(files.size() - 1).toFile()).path("message")
                    .path("termination_type").asText()).isEqualTo(job.expectedTermination());
        }
    }

    @Test
    void jobsThatAskedForInputWereAnswered() {
        for (DemoJob job : target.jobs()) {
            int expected = List.of("tfa", "bad_email", "security").contains(job.site()) ? 1 : 0;
            assertThat(target.admin().job(job.jobId()).answers()).as("answers to job on %s", job.site())
                    .hasSize(expected);
        }
    }
}
