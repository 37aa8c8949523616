package io.github.camelcardsavr.kamelet;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cardsavr-cardholder-messages-source: every message of every job of the cardholder, in order per job, whichever way
 * the kamelet was handed its credentials.
 */
class CardholderMessagesSourceTest {

    private static final String KAMELET = "cardsavr-cardholder-messages-source";
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.camelcardsavr.kamelet.HandOver#withAuthModes")
    void deliversEveryMessageOfEveryJobOfTheCardholderInOrder(HandOver handOver, boolean signed) throws Exception {
        try (KameletFixture f = KameletFixture.start(signed)) {
            long cardholderId = f.admin().createCardholder();
            long first = f.createdJob(SimulatorSites.GOOD_EMAIL, cardholderId);
            long second = f.createdJob(SimulatorSites.SITE_FAILURE, cardholderId);
            String yaml = new KameletYaml(handOver, f.properties).sourceTo(KAMELET,
                    f.source("cardholderId", Long.toString(cardholderId)), List.of(), "mock:captured");
            f.load("cardholder.yaml", yaml);
            f.start();
            MockEndpoint captured = f.mock("mock:captured");
            f.admin().startJob(first);
            f.admin().startJob(second);

            KameletFixture.await().until(() -> f.job(first).isTerminated() && f.job(second).isTerminated()
                                               && received(captured, first) == f.job(first).getMessagesPublished()
                                               && received(captured, second) == f.job(second).getMessagesPublished());
            assertDeliveredInOrder(ofJob(captured, first), cardholderId, "BILLABLE");
            assertDeliveredInOrder(ofJob(captured, second), cardholderId, "SITE_INTERACTION_FAILURE");
        }
    }

    private void assertDeliveredInOrder(List<Exchange> ofJob, long cardholderId, String termination) throws Exception {
        double percent = -1;
        for (Exchange e : ofJob) {
            assertThat(e.getIn().getHeader(CardsavrConstants.CARDHOLDER_ID, Long.class)).isEqualTo(cardholderId);
            double p = json.readTree(e.getIn().getBody(String.class)).path("message").path("percent_complete")
                    .asDouble();
            assertThat(p).as("percent_complete never goes backwards").isGreaterThanOrEqualTo(percent);
            percent = p;
        }
        assertThat(ofJob.get(ofJob.size() - 1).getIn().getHeader(CardsavrConstants.TERMINATION_TYPE))
                .isEqualTo(termination);
    }

    private static long received(MockEndpoint captured, long jobId) {
        return ofJob(captured, jobId).size();
    }

    private static List<Exchange> ofJob(MockEndpoint captured, long jobId) {
        return captured.getReceivedExchanges().stream()
                .filter(e -> e.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class) == jobId).toList();
    }
}
