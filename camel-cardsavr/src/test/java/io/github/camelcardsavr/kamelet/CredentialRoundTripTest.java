package io.github.camelcardsavr.kamelet;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.simulator.ReceivedAnswer;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cardsavr-credential-requests-source, a step that sets the answer, cardsavr-credential-response-sink: each TFA
 * request of two jobs reaches the route once and CardSavr receives one answer to it, whichever way the two kamelets
 * were handed their credentials.
 */
class CredentialRoundTripTest {

    private static final String SOURCE = "cardsavr-credential-requests-source";
    private static final String SINK = "cardsavr-credential-response-sink";
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}, signed={1}")
    @MethodSource("io.github.camelcardsavr.kamelet.HandOver#withAuthModes")
    void answersEachRequestOnce(HandOver handOver, boolean signed) throws Exception {
        try (KameletFixture f = KameletFixture.start(signed)) {
            long first = f.createdJob(SimulatorSites.TFA);
            long second = f.createdJob(SimulatorSites.TFA);
            String yaml = new KameletYaml(handOver, f.properties).sourceAnswerSink(
                    SOURCE, f.source("jobId", first + "," + second), SimulatorSites.DEFAULT_TFA_CODE,
                    SINK, f.connection(), "mock:requests", "mock:replies");
            f.load("answer-tfa.yaml", yaml);
            f.start();
            f.admin().startJob(first);
            f.admin().startJob(second);

            KameletFixture.await().until(() -> f.job(first).isTerminated() && f.job(second).isTerminated());
            MockEndpoint requests = f.mock("mock:requests");
            assertThat(requests.getReceivedExchanges()).hasSize(2);
            for (long jobId : List.of(first, second)) {
                assertThat(f.job(jobId).getStatus()).isEqualTo("SUCCESSFUL");
                assertThat(f.job(jobId).getAnswers()).as("answers to job %d", jobId).hasSize(1);
                ReceivedAnswer answer = f.job(jobId).getAnswers().get(0);
                assertThat(answer.getVia()).isEqualTo(ReceivedAnswer.VIA_MESSAGES);
                assertThat(f.admin().answerValues(jobId)).containsExactly(
                        Map.entry(answer.getEnvelopeId(), SimulatorSites.DEFAULT_TFA_CODE));
                Exchange request = requests.getReceivedExchanges().stream()
                        .filter(e -> e.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class) == jobId)
                        .findFirst().orElseThrow();
                assertThat(request.getIn().getHeader(CardsavrConstants.ENVELOPE_ID)).isEqualTo(answer.getEnvelopeId());
                JsonNode body = json.readTree(request.getIn().getBody(String.class));
                assertThat(body.path("envelope_id").asText()).isEqualTo(answer.getEnvelopeId());
            }
            if (handOver != HandOver.PIPE) {
                // the sink's reply: CardSavr's credential_response, as JSON
                MockEndpoint replies = f.mock("mock:replies");
                assertThat(replies.getReceivedExchanges()).hasSize(2).allSatisfy(e -> assertThat(
                        json.readTree(e.getIn().getBody(String.class)).path("message").asText()).isEqualTo("submitted"));
            }
        }
    }
}
