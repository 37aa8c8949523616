package io.github.camelcardsavr.kamelet;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cardsavr-job-status-source, handed its key and password in each of the three ways, against a signed and an
 * unsigned CardSavr: every status message of two jobs reaches the capture endpoint, in order, as JSON with the
 * CamelCardsavr* headers.
 */
class JobStatusSourceTest {

    private static final String KAMELET = "cardsavr-job-status-source";
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.camelcardsavr.kamelet.HandOver#withAuthModes")
    void deliversEveryStatusMessageOfEveryJobInOrder(HandOver handOver, boolean signed) throws Exception {
        try (KameletFixture f = KameletFixture.start(signed)) {
            long first = f.createdJob(SimulatorSites.GOOD_EMAIL);
            long second = f.createdJob(SimulatorSites.SITE_FAILURE);
            String yaml = new KameletYaml(handOver, f.properties)
                    .sourceTo(KAMELET, f.source("jobId", first + "," + second), List.of(), "mock:captured");
            f.load("job-status.yaml", yaml);
            f.start();
            MockEndpoint captured = f.mock("mock:captured");

            long firstBefore = f.startWhenPolled(first);
            long secondBefore = f.startWhenPolled(second);
            long expected = f.job(first).getMessagesPublished() - firstBefore;
            KameletFixture.await().until(() -> f.job(first).isTerminated() && f.job(second).isTerminated()
                                               && captured.getReceivedCounter()
                                                  == f.job(first).getMessagesPublished() - firstBefore
                                                     + f.job(second).getMessagesPublished() - secondBefore);

            assertJobDeliveredInOrder(captured, first, f.job(first).getMessagesPublished() - firstBefore, "BILLABLE");
            assertJobDeliveredInOrder(captured, second, f.job(second).getMessagesPublished() - secondBefore,
                    "SITE_INTERACTION_FAILURE");
            assertThat(expected).isPositive();
        }
    }

    private void assertJobDeliveredInOrder(MockEndpoint captured, long jobId, long published, String termination)
            throws Exception {
        List<Exchange> ofJob = captured.getReceivedExchanges().stream()
                .filter(e -> e.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class) == jobId).toList();
        assertThat(ofJob).hasSize((int) published);
        double percent = -1;
        for (Exchange e : ofJob) {
            assertThat(e.getIn().getBody()).isInstanceOf(String.class);
            assertThat(e.getIn().getHeader("Content-Type")).isEqualTo("application/json");
            JsonNode message = json.readTree(e.getIn().getBody(String.class));
            assertThat(message.path("job_id").asLong()).isEqualTo(jobId);
            assertThat(e.getIn().getHeader(CardsavrConstants.STATUS))
                    .isEqualTo(message.path("message").path("status").asText());
            double p = message.path("message").path("percent_complete").asDouble();
            assertThat(p).as("percent_complete never goes backwards").isGreaterThanOrEqualTo(percent);
            percent = p;
        }
        Exchange last = ofJob.get(ofJob.size() - 1);
        assertThat(last.getIn().getHeader(CardsavrConstants.TERMINAL, Boolean.class)).isTrue();
        assertThat(last.getIn().getHeader(CardsavrConstants.TERMINATION_TYPE)).isEqualTo(termination);
    }
}
