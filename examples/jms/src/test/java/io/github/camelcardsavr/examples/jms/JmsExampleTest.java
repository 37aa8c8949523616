package io.github.camelcardsavr.examples.jms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import io.github.camelcardsavr.simulator.JobView;
import jakarta.jms.QueueBrowser;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Runs the JMS example against the simulator and an embedded broker, then reads what the queues hold. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JmsExampleTest {

    private final ObjectMapper json = new ObjectMapper();
    private CardsavrTarget target;
    private EmbeddedArtemis artemis;
    private AnsweringDesk desk;
    private RunSummary summary;

    @BeforeAll
    void runTheExample() throws Exception {
        target = CardsavrTarget.simulated(Duration.ofMillis(5), JmsExample.SITES);
        artemis = EmbeddedArtemis.start();
        desk = AnsweringDesk.open(artemis.connectionFactory(), AnswersFile.fromClasspath(JmsExample.ANSWERS),
                target::siteOf);
        RunOptions options = RunOptions.forTests(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        summary = new JmsApplication(target, artemis, options).run();
    }

    @AfterAll
    void stop() {
        desk.close();
        artemis.close();
        target.close();
    }

    @Test
    void jobsThatNeededAnswersCompleted() {
        assertThat(summary.allTerminated()).isTrue();
        assertThat(summary.job(job("tfa").jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(summary.job(job("bad_email").jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(summary.job(job("good_email").jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(summary.job(job("site_failure").jobId()).terminationType()).isEqualTo("SITE_INTERACTION_FAILURE");
        assertThat(target.admin().job(job("tfa").jobId()).answers()).hasSize(1);
        assertThat(target.admin().job(job("bad_email").jobId()).answers()).hasSize(1);
    }

    @Test
    void eachCredentialRequestReachedTheDeskOnceAndWasAnswered() {
        assertThat(desk.requestsSeen())
                .extracting(AnsweringDesk.Request::jobId, AnsweringDesk.Request::answered)
                .containsExactlyInAnyOrder(tuple(job("tfa").jobId(), true), tuple(job("bad_email").jobId(), true));
        assertThat(artemis.messageCount(JmsRoutes.REQUEST_QUEUE)).isZero();
        assertThat(artemis.messageCount(JmsRoutes.REPLY_QUEUE)).isZero();
    }

    @Test
    void everyMessageIsOnTheQueueOfItsTypeWithItsJobAsAProperty() throws Exception {
        Map<String, Long> queues = artemis.messageCounts(JmsRoutes.MESSAGE_QUEUE_PREFIX);
        assertThat(queues).containsKey(JmsRoutes.MESSAGE_QUEUE_PREFIX + "job_status");
        assertThat(queues.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(summary.totalMessages());

        for (String queue : queues.keySet()) {
            String type = queue.substring(JmsRoutes.MESSAGE_QUEUE_PREFIX.length());
            for (Message message : browse(queue)) {
                JsonNode body = json.readTree(((TextMessage) message).getText());
                assertThat(body.path("type").asText()).isEqualTo(type);
                assertThat(message.getLongProperty(JmsRoutes.JOB_ID)).isEqualTo(body.path("job_id").asLong());
            }
        }
    }

    @Test
    void jobStatusQueueHoldsEachJobsStatusesInOrder() throws Exception {
        Set<Long> ids = Set.copyOf(target.jobs().stream().map(DemoJob::jobId).toList());
        List<JsonNode> statuses = new ArrayList<>();
        for (Message message : browse(JmsRoutes.MESSAGE_QUEUE_PREFIX + "job_status")) {
            statuses.add(json.readTree(((TextMessage) message).getText()));
        }
        for (long id : ids) {
            List<Double> percents = statuses.stream().filter(s -> s.path("job_id").asLong() == id)
                    .map(s -> s.path("message").path("percent_complete").asDouble()).toList();
            JobView view = target.admin().job(id);
            assertThat(percents).as("job %d", id).isNotEmpty().isSorted();
            assertThat(view.terminated()).isTrue();
        }
    }

    private DemoJob job(String site) {
        return target.jobs().stream().filter(j -> j.site().equals(site)).findFirst().orElseThrow();
    }

    private List<Message> browse(String queue) throws Exception {
        List<Message> messages = new ArrayList<>();
        try (JMSContext context = artemis.connectionFactory().createContext()) {
            QueueBrowser browser = context.createBrowser(context.createQueue(queue));
            Enumeration<?> enumeration = browser.getEnumeration();
            while (enumeration.hasMoreElements()) {
                messages.add((Message) enumeration.nextElement());
            }
        }
        return messages;
    }
}
