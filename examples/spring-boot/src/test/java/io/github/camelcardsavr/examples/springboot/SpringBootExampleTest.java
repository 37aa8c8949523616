package io.github.camelcardsavr.examples.springboot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.simulator.JobView;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Spring Boot application in this JVM, on the embedded simulator at test speed, the way its main method
 * does, and checks what it delivered: files, the queue of Spring Boot's Artemis broker (read before the application
 * closes), the answers CardSavr received, the summary and the exit code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootExampleTest {

    private final Path outDir = Path.of("target", "test-cardsavr-out");
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Map<Long, List<JsonNode>> queued = new LinkedHashMap<>();
    private DemoSimulator simulator;
    private ExampleRunner.Outcome outcome;

    @BeforeAll
    void runTheExampleOnce() throws Exception {
        simulator = DemoSimulator.start(Duration.ofMillis(5));
        Map<String, Object> settings = Map.of("cardsavr.example.poll-delay", "20ms",
                "cardsavr.example.out-dir", outDir.toString());
        outcome = ExampleRunner.run(simulator, settings, new String[0],
                new PrintStream(output, true, StandardCharsets.UTF_8), false, this::readTheQueue);
    }

    @AfterAll
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void readTheQueue(ConfigurableApplicationContext context) {
        JmsTemplate jms = context.getBean(JmsTemplate.class);
        String queue = context.getBean(ExampleProperties.class).queue();
        jms.browse(queue, (session, browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                JsonNode message = MessageFiles.json(((TextMessage) messages.nextElement()).getText());
                queued.computeIfAbsent(message.path("job_id").asLong(), id -> new ArrayList<>()).add(message);
            }
            return null;
        });
    }

    @Test
    void exitsWithZeroOnceEveryJobTerminatedAsItsSiteDoes() {
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.summary().allTerminated()).isTrue();
        for (DemoJob job : simulator.jobs()) {
            assertThat(outcome.summary().job(job.jobId()).terminationType()).as("job on %s", job.site())
                    .isEqualTo(job.expectedTermination());
            assertThat(simulator.admin().job(job.jobId()).terminated()).isTrue();
        }
    }

    @Test
    void everyStatusMessageIsAFileNumberedFromOneInDeliveryOrder() {
        for (DemoJob job : simulator.jobs()) {
            List<JsonNode> messages = MessageFiles.checkJob(outDir, job.jobId(), job.expectedTermination());
            JobView view = simulator.admin().job(job.jobId());
            assertThat(messages).as("job on %s: one file per message, all but the creation message, published before"
                                    + " anyone could subscribe", job.site())
                    .hasSize((int) view.messagesPublished() - 1);
            assertThat(messages.get(0).path("message").path("status").asText()).as("the first status")
                    .isEqualTo("QUEUED");
            // handed out on the job's channel, and again when its recovery channel was drained as the job ended
            assertThat(view.messagesDelivered()).as("job on %s: messages handed out", job.site())
                    .isBetween((long) messages.size(), 2L * messages.size());
        }
    }

    @Test
    void theQueueHoldsTheSameMessagesInTheSameOrder() {
        for (DemoJob job : simulator.jobs()) {
            List<JsonNode> fromFiles = MessageFiles.of(outDir, job.jobId()).stream().map(MessageFiles::json).toList();
            assertThat(queued.get(job.jobId())).as("queue vs files of job on %s", job.site()).isEqualTo(fromFiles);
        }
    }

    @Test
    void credentialRequestsWereAnsweredFromTheAnswersFile() {
        for (DemoJob job : simulator.jobs()) {
            JobView view = simulator.admin().job(job.jobId());
            int expected = List.of("tfa", "bad_email", "security").contains(job.site()) ? 1 : 0;
            assertThat(view.answers()).as("answers to job on %s", job.site()).hasSize(expected);
            assertThat(view.openCredentialRequests()).isEmpty();
        }
    }

    @Test
    void printsTheDemosSummaryTable() {
        String printed = output.toString(StandardCharsets.UTF_8);
        long total = outcome.summary().totalMessages();
        assertThat(printed).contains("Summary: 5 job(s), all terminated in ")
                .contains("  job     site          msgs files  final status     termination")
                .contains("  files written:   " + total + " under ")
                .contains("  Artemis queue cardsavr.messages: " + total + " messages");
        for (DemoJob job : simulator.jobs()) {
            int messages = outcome.summary().job(job.jobId()).messages();
            assertThat(printed).containsPattern("(?m)^  " + job.jobId() + " +" + job.site() + " +" + messages + " +"
                                                + messages + " .*" + job.expectedTermination() + "$");
        }
    }
}
