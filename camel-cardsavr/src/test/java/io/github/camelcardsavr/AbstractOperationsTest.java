package io.github.camelcardsavr;

import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponseReply;
import io.github.camelcardsavr.model.Subscription;
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.ReceivedAnswer;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation end to end against the simulator; run once signed and once unsigned by the subclasses.
 */
abstract class AbstractOperationsTest extends CardsavrTestSupport {

    private void addRoute(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    // the seed pages spell the header one way, Strivve's SDK another; a server may know only one of them
    @ParameterizedTest
    @ValueSource(strings = { "cardsavr-messaging-access-key", "x-cardsavr-cardsavr-messaging-access-key" })
    void jobStatusWorksWithAServerThatReadsOnlyOneAccessKeyHeaderSpelling(String spelling) throws Exception {
        admin().faults().onlyAccessKeyHeader(spelling);
        long jobId = createdJob(SimulatorSites.GOOD_EMAIL);
        MockEndpoint mock = getMockEndpoint("mock:status");
        addRoute("cardsavr:jobStatus?jobId=" + jobId + "&delay=20&initialDelay=0", "mock:status");
        long before = startWhenPolled(jobId);

        await().until(() -> job(jobId).isTerminated() && mock.getReceivedCounter() == published(jobId, before));
        assertThat(message(mock.getReceivedExchanges().get(mock.getReceivedCounter() - 1)).isTerminal()).isTrue();
    }

    @Test
    void jobStatusDeliversEveryMessageInOrderAndStopsAtTermination() throws Exception {
        long jobId = createdJob(SimulatorSites.GOOD_EMAIL);
        MockEndpoint mock = getMockEndpoint("mock:status");
        addRoute("cardsavr:jobStatus?jobId=" + jobId + "&delay=20&initialDelay=0", "mock:status");
        long before = startWhenPolled(jobId);

        await().until(() -> job(jobId).isTerminated() && mock.getReceivedCounter() == published(jobId, before));
        List<Exchange> received = mock.getReceivedExchanges();
        CardsavrMessage last = message(received.get(received.size() - 1));
        assertThat(last.isTerminal()).isTrue();
        assertThat(last.getStatus().getTerminationType()).isEqualTo("BILLABLE");
        assertThat(received.get(received.size() - 1).getIn().getHeader(CardsavrConstants.TERMINATION_TYPE))
                .isEqualTo("BILLABLE");
        // percent_complete never goes backwards: server order is kept
        List<Double> percents = received.stream()
                .map(e -> e.getIn().getHeader(CardsavrConstants.PERCENT_COMPLETE, Double.class))
                .filter(p -> p != null).toList();
        assertThat(percents).isSorted();
        received.forEach(e -> assertThat(e.getIn().getHeader(CardsavrConstants.JOB_ID)).isEqualTo(jobId));
    }

    @Test
    void cardholderMessagesDeliversEveryJobOfTheCardholderInOrder() throws Exception {
        long cardholderId = admin().createCardholder();
        long first = createdJob(SimulatorSites.GOOD_EMAIL, cardholderId);
        long second = createdJob(SimulatorSites.SITE_FAILURE, cardholderId);
        MockEndpoint mock = getMockEndpoint("mock:cardholder");
        addRoute("cardsavr:cardholderMessages?cardholderId=" + cardholderId + "&delay=20&initialDelay=0",
                "mock:cardholder");
        admin().startJob(first);
        admin().startJob(second);

        await().until(() -> job(first).isTerminated() && job(second).isTerminated()
                            && mock.getReceivedCounter()
                               == job(first).getMessagesPublished() + job(second).getMessagesPublished());
        for (long id : List.of(first, second)) {
            List<Exchange> ofJob = mock.getReceivedExchanges().stream()
                    .filter(e -> e.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class) == id).toList();
            assertThat(message(ofJob.get(ofJob.size() - 1)).isTerminal()).isTrue();
            assertThat(ofJob).allMatch(e -> e.getIn().getHeader(CardsavrConstants.CARDHOLDER_ID, Long.class)
                                            == cardholderId);
        }
        assertThat(job(second).getTerminationType()).isEqualTo("SITE_INTERACTION_FAILURE");
    }

    @Test
    void credentialRequestIsEmittedOnceAndAnsweredWithCredentialResponse() throws Exception {
        long jobId = createdJob(SimulatorSites.TFA);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?jobId=" + jobId + "&delay=20&initialDelay=0")
                        .to("mock:requests")
                        .setBody(constant("1234"))
                        .to("cardsavr:credentialResponse")
                        .to("mock:replies");
            }
        });
        admin().startJob(jobId);

        await().until(() -> job(jobId).isTerminated());
        assertThat(job(jobId).getStatus()).isEqualTo("SUCCESSFUL");
        MockEndpoint requests = getMockEndpoint("mock:requests");
        assertThat(requests.getReceivedCounter()).isEqualTo(1);
        Exchange request = requests.getReceivedExchanges().get(0);
        assertThat(request.getIn().getBody()).isInstanceOf(CredentialRequest.class);
        assertThat(request.getIn().getHeader(CardsavrConstants.ENVELOPE_ID, String.class)).isNotBlank();
        assertThat(job(jobId).getAnswers()).singleElement()
                .satisfies(a -> assertThat(a.getVia()).isEqualTo(ReceivedAnswer.VIA_MESSAGES));
        Object reply = getMockEndpoint("mock:replies").getReceivedExchanges().get(0).getIn().getBody();
        assertThat(reply).isInstanceOf(CredentialResponseReply.class);
        assertThat(((CredentialResponseReply) reply).getMessage()).isEqualTo("submitted");
    }

    @Test
    void newCredentialsAreAnsweredWithJobCredentials() throws Exception {
        long jobId = createdJob(SimulatorSites.BAD_EMAIL);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?jobId=" + jobId + "&delay=20&initialDelay=0")
                        .to("mock:requests")
                        .setBody(constant(Map.of("username", "good_email", "password", "new-secret")))
                        .to("cardsavr:jobCredentials")
                        .to("mock:jobs");
            }
        });
        admin().startJob(jobId);

        await().until(() -> job(jobId).isTerminated());
        assertThat(job(jobId).getStatus()).isEqualTo("SUCCESSFUL");
        assertThat(getMockEndpoint("mock:requests").getReceivedCounter()).isEqualTo(1);
        assertThat(job(jobId).getAnswers()).singleElement()
                .satisfies(a -> assertThat(a.getVia()).isEqualTo(ReceivedAnswer.VIA_JOB_PUT));
        Exchange put = getMockEndpoint("mock:jobs").getReceivedExchanges().get(0);
        assertThat(put.getIn().getBody(Map.class)).containsKey("status");
        assertThat(put.getIn().getHeader(CardsavrConstants.STATUS, String.class)).isNotBlank();
    }

    @Test
    void tfaCodeIsAnsweredWithJobCredentials() throws Exception {
        long jobId = createdJob(SimulatorSites.TFA);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?jobId=" + jobId + "&delay=20&initialDelay=0")
                        .setBody(constant(SimulatorSites.DEFAULT_TFA_CODE))
                        .to("cardsavr:jobCredentials");
            }
        });
        admin().startJob(jobId);

        await().until(() -> job(jobId).isTerminated());
        JobView view = job(jobId);
        assertThat(view.getStatus()).isEqualTo("SUCCESSFUL");
        assertThat(view.getAnswers()).singleElement()
                .satisfies(a -> assertThat(a.getVia()).isEqualTo(ReceivedAnswer.VIA_JOB_PUT));
    }

    @Test
    void subscribeReturnsTheAccessKeyInHeaderAndBody() throws Exception {
        long jobId = createdJob(SimulatorSites.GOOD_EMAIL);
        Exchange reply = template.request("cardsavr:subscribe",
                e -> e.getIn().setHeader(CardsavrConstants.JOB_ID, jobId));

        assertThat(reply.getException()).isNull();
        String key = reply.getMessage().getHeader(CardsavrConstants.ACCESS_KEY, String.class);
        assertThat(key).isNotBlank();
        Subscription subscription = reply.getMessage().getBody(Subscription.class);
        assertThat(subscription.getAccessKey()).isEqualTo(key);
        assertThat(subscription.toString()).doesNotContain(key);

        // the key works for a consumer given it explicitly
        MockEndpoint mock = getMockEndpoint("mock:keyed");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId + "&accessKey=RAW(" + key + ")")
                        .to("mock:keyed");
            }
        });
        long before = startWhenPolled(jobId);
        await().until(() -> job(jobId).isTerminated() && mock.getReceivedCounter() == published(jobId, before));
        assertThat(job(jobId).getBroadcastPolls()).containsKey(key);
    }
}
