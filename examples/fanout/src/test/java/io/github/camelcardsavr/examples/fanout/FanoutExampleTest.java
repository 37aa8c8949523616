package io.github.camelcardsavr.examples.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import io.github.camelcardsavr.simulator.JobView;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README demo's application end to end against the simulator, at test speed, and checks
 * what it delivered: files, queue, answers and summary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanoutExampleTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Path outputDir = Path.of("target", "test-cardsavr-out");
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final ByteArrayOutputStream told = new ByteArrayOutputStream();
    private CardsavrTarget target;
    private EmbeddedArtemis artemis;
    private RunSummary summary;

    @BeforeAll
    void runTheDemoOnce() throws Exception {
        target = CardsavrTarget.simulated(Duration.ofMillis(5), FanoutExample.DEMO_SITES);
        artemis = EmbeddedArtemis.start();
        RunOptions options = RunOptions.forTests(new PrintStream(progress, true, StandardCharsets.UTF_8));
        summary = new FanoutApplication(target, artemis, options, outputDir,
                AnswersFile.fromClasspath(FanoutApplication.ANSWERS),
                PersonAtTerminal.nobody(new PrintStream(told, true, StandardCharsets.UTF_8))).run();
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
    void everyJobTerminatesWithTheTerminationItsSiteLeadsTo() {
        assertThat(summary.allTerminated()).isTrue();
        for (DemoJob job : target.jobs()) {
            assertThat(summary.job(job.jobId()).terminationType()).as("job on %s", job.site())
                    .isEqualTo(job.expectedTermination());
            assertThat(target.admin().job(job.jobId()).terminated()).isTrue();
        }
    }

    @Test
    void requestsForInputWereAnsweredOnceEach() {
        for (DemoJob job : target.jobs()) {
            JobView view = target.admin().job(job.jobId());
            int expectedAnswers = List.of("tfa", "bad_email", "security").contains(job.site()) ? 1 : 0;
            assertThat(view.answers()).as("answers to job on %s", job.site()).hasSize(expectedAnswers);
            assertThat(view.openCredentialRequests()).isEmpty();
        }
    }

    @Test
    void theAnswersFileAnsweredEverythingSoNobodyWasToldOfAMissingAnswer() {
        assertThat(told.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void eachMessageIsOneFileNamedInArrivalOrder() throws IOException {
        for (DemoJob job : target.jobs()) {
            List<Path> files = filesOf(job.jobId());
            JobView view = target.admin().job(job.jobId());
            assertThat(files).as("files of job on %s", job.site())
                    .hasSize(summary.job(job.jobId()).messages())
                    .hasSize((int) view.cardholderMessagesDelivered());
            double lastPercent = -1;
            for (int i = 0; i < files.size(); i++) {
                String name = files.get(i).getFileName().toString();
                assertThat(name).startsWith(String.format("%04d-", i + 1));
                JsonNode message = json.readTree(files.get(i).toFile());
                assertThat(message.path("job_id").asLong()).isEqualTo(job.jobId());
                JsonNode status = message.path("message");
                if (status.isObject() && status.has("percent_complete")) {
                    assertThat(name).isEqualTo(String.format("%04d-%s.json", i + 1, status.path("status").asText()));
                    assertThat(status.path("percent_complete").asDouble()).isGreaterThanOrEqualTo(lastPercent);
                    lastPercent = status.path("percent_complete").asDouble();
                }
            }
            JsonNode last = json.readTree(files.get(files.size() - 1).toFile());
            assertThat(last.path("message").path("termination_type").asText())
                    .isEqualTo(job.expectedTermination());
        }
    }

    @Test
    void theQueueReceivedEveryMessageInTheSameOrderAsTheFiles() throws Exception {
        Map<Long, List<String>> queued = new HashMap<>();
        try (JMSContext context = artemis.connectionFactory().createContext()) {
            JMSConsumer consumer = context.createConsumer(context.createQueue(FanoutRoutes.QUEUE));
            Message message;
            while ((message = consumer.receive(1000)) != null) {
                String body = ((TextMessage) message).getText();
                queued.computeIfAbsent(json.readTree(body).path("job_id").asLong(), id -> new ArrayList<>())
                        .add(body);
            }
        }
        assertThat(queued.values().stream().mapToInt(List::size).sum()).isEqualTo(summary.totalMessages());
        for (DemoJob job : target.jobs()) {
            List<JsonNode> fromFiles = new ArrayList<>();
            for (Path file : filesOf(job.jobId())) {
                fromFiles.add(json.readTree(file.toFile()));
            }
            List<JsonNode> fromQueue = new ArrayList<>();
            for (String body : queued.get(job.jobId())) {
                fromQueue.add(json.readTree(body));
            }
            assertThat(fromQueue).as("queue vs files of job on %s", job.site()).isEqualTo(fromFiles);
        }
    }

    @Test
    void summaryCountsWhatWasDelivered() {
        assertThat(summary.jobs()).hasSize(FanoutExample.DEMO_SITES.size());
        assertThat(summary.filesWritten()).isEqualTo(summary.totalMessages());
        assertThat(summary.deliveries()).containsEntry("Artemis queue " + FanoutRoutes.QUEUE, summary.totalMessages());
        String text = summary.format();
        assertThat(text).contains("all terminated", "files written:   " + summary.totalMessages());
        for (DemoJob job : target.jobs()) {
            assertThat(text).containsPattern("(?m)^  " + job.jobId() + " +" + job.site() + " +"
                    + summary.job(job.jobId()).messages() + " +" + summary.job(job.jobId()).messages() + " .*"
                    + job.expectedTermination() + "$");
        }
    }

    @Test
    void progressIsPrintedAsPlainLinesWhenNotOnATerminal() {
        String printed = progress.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("\u001b[");
        for (DemoJob job : target.jobs()) {
            assertThat(printed).containsPattern("job " + job.jobId() + " +" + job.site() + " +"
                    + job.expectedTermination() + " +100% \\[#+\\]");
        }
    }

    private List<Path> filesOf(long jobId) throws IOException {
        try (Stream<Path> files = Files.list(outputDir.resolve(Long.toString(jobId)))) {
            return files.sorted().toList();
        }
    }
}
