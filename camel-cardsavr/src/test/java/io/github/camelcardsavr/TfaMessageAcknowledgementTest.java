package io.github.camelcardsavr;

import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.simulator.ReceivedAnswer;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code tfa_message} asks for no field: the cardholder only confirms it (e.g. approved a push notification), and the
 * answer is the text {@code ack}. Both producers send it from the credentialRequests consumer's exchange: jobCredentials
 * as the job update CardSavr prefers ({@code {"account":{"tfa":"ack"}}}), credentialResponse as a message.
 */
class TfaMessageAcknowledgementTest extends CardsavrTestSupport {

    @Test
    void aTfaMessageIsAcknowledgedThroughTheJobUpdate() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        String envelope = admin().injectCredentialRequest(jobId, "tfa_message", List.of());
        answerWith(jobId, "jobCredentials");

        await().until(() -> job(jobId).getOpenCredentialRequests().isEmpty());
        assertThat(job(jobId).getAnswers()).singleElement().satisfies(answer -> {
            assertThat(answer.envelopeId()).isEqualTo(envelope);
            assertThat(answer.type()).isEqualTo("tfa_message");
            assertThat(answer.via()).isEqualTo(ReceivedAnswer.VIA_JOB_PUT);
        });
        assertThat(admin().answerValues(jobId)).containsExactly(Map.entry(envelope, "ack"));
        assertThat(getMockEndpoint("mock:requests").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aTfaMessageIsAcknowledgedThroughACredentialResponse() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        String envelope = admin().injectCredentialRequest(jobId, "tfa_message", List.of());
        answerWith(jobId, "credentialResponse");

        await().until(() -> job(jobId).getOpenCredentialRequests().isEmpty());
        assertThat(job(jobId).getAnswers()).singleElement().satisfies(answer -> {
            assertThat(answer.envelopeId()).isEqualTo(envelope);
            assertThat(answer.type()).isEqualTo("tfa_message");
            assertThat(answer.via()).isEqualTo(ReceivedAnswer.VIA_MESSAGES);
        });
        assertThat(admin().answerValues(jobId)).containsExactly(Map.entry(envelope, "ack"));
    }

    /** Routes the job's requests; a tfa_message, which names no field, is answered "ack" through the given producer. */
    private void answerWith(long jobId, String producer) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?jobId=" + jobId + "&delay=20&initialDelay=0").routeId("requests")
                        .to("mock:requests")
                        .process(e -> {
                            CredentialRequest request = e.getIn().getBody(CredentialRequest.class);
                            assertThat(request.getType()).isEqualTo("tfa_message");
                            assertThat(request.getAccountLink()).isEmpty();
                            e.getIn().setBody("ack");
                        })
                        .to("cardsavr:" + producer);
            }
        });
    }
}
