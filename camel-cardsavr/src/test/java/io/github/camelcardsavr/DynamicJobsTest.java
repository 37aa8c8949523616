package io.github.camelcardsavr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.consumer.AbstractCardsavrConsumer;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jobs handed to a running jobStatus consumer by a producer, many jobs in one consumer, and jobs let go at termination.
 */
class DynamicJobsTest extends CardsavrTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?dynamicJobs=true&delay=20&initialDelay=0&maxConcurrentPolls=8")
                        .routeId("status").to("mock:status");
                from("direct:newJob").to("cardsavr:jobStatus");
            }
        };
    }

    @Test
    void manyJobsAddedAtRunTimeAreDeliveredCompletelyAndInOrder() throws Exception {
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(createdJob(i % 2 == 0 ? SimulatorSites.GOOD_EMAIL : SimulatorSites.SITE_FAILURE));
        }
        for (int i = 0; i < jobs.size(); i++) {
            long id = jobs.get(i);
            if (i % 2 == 0) {
                template.sendBodyAndHeader("direct:newJob", null, CardsavrConstants.JOB_ID, id);
            } else {
                template.sendBody("direct:newJob", String.valueOf(id)); // e.g. a Kafka record value
            }
        }
        Map<Long, Long> before = new java.util.HashMap<>();
        jobs.forEach(id -> before.put(id, startWhenPolled(id)));

        MockEndpoint mock = getMockEndpoint("mock:status");
        await().until(() -> jobs.stream().allMatch(id -> job(id).isTerminated())
                            && mock.getReceivedCounter()
                               == jobs.stream().mapToLong(id -> published(id, before.get(id))).sum());
        for (long id : jobs) {
            List<Exchange> ofJob = mock.getReceivedExchanges().stream()
                    .filter(e -> e.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class) == id).toList();
            assertThat(ofJob).hasSize((int) published(id, before.get(id)));
            assertThat(message(ofJob.get(ofJob.size() - 1)).isTerminal()).isTrue();
            assertThat(ofJob.subList(0, ofJob.size() - 1)).noneMatch(e -> message(e).isTerminal());
        }
    }

    @Test
    void terminationStopsPollingWhileOtherJobsGoOn() throws Exception {
        long ending = admin().createJob(SimulatorSites.MANUAL).getJobId();
        long ongoing = admin().createJob(SimulatorSites.MANUAL).getJobId();
        template.sendBodyAndHeader("direct:newJob", null, CardsavrConstants.JOB_ID, ending);
        template.sendBodyAndHeader("direct:newJob", null, CardsavrConstants.JOB_ID, ongoing);
        awaitPolled(ending);
        awaitPolled(ongoing);

        admin().injectMessage(ending, Map.of("status", "SUCCESSFUL", "percent_complete", 100,
                "termination_type", "BILLABLE"));
        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 1);
        // it leaves once a call that was already on the wire has returned; after that nothing polls it
        await().until(() -> !consumer("status").getJobs().contains(ending));
        int pollsAtEnd = job(ending).totalBroadcastPolls();
        int ongoingPolls = job(ongoing).totalBroadcastPolls();

        await().until(() -> job(ongoing).totalBroadcastPolls() >= ongoingPolls + 5);
        assertThat(job(ending).totalBroadcastPolls()).isEqualTo(pollsAtEnd);

        // a job removed by a producer also stops being polled, while a third one goes on
        long reference = admin().createJob(SimulatorSites.MANUAL).getJobId();
        template.sendBodyAndHeader("direct:newJob", null, CardsavrConstants.JOB_ID, reference);
        awaitPolled(reference);
        template.sendBodyAndHeaders("direct:newJob", null,
                Map.of(CardsavrConstants.JOB_ID, ongoing, CardsavrConstants.JOB_ACTION, "remove"));
        await().until(() -> !consumer("status").getJobs().contains(ongoing));
        int removedPolls = job(ongoing).totalBroadcastPolls();
        int referenceNow = job(reference).totalBroadcastPolls();
        await().until(() -> job(reference).totalBroadcastPolls() >= referenceNow + 5);
        assertThat(job(ongoing).totalBroadcastPolls()).isEqualTo(removedPolls);
    }

    private AbstractCardsavrConsumer consumer(String routeId) {
        return (AbstractCardsavrConsumer) context.getRoute(routeId).getConsumer();
    }

    @Test
    void producerWithoutRunningConsumerFailsClearly() {
        assertThatThrownBy(() -> template.sendBodyAndHeader("cardsavr:jobStatus?consumerName=nobody", null,
                CardsavrConstants.JOB_ID, 101L))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("No running cardsavr:jobStatus consumer with consumerName 'nobody' and"
                                     + " dynamicJobs=true in this CamelContext");
    }

    @Test
    void credentialRequestsConsumerLetsAJobGoWhenAnotherConsumerSawItTerminate() throws Exception {
        long jobId = createdJob(SimulatorSites.GOOD_EMAIL);
        long reference = admin().createJob(SimulatorSites.MANUAL).getJobId();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?delay=20&initialDelay=0&jobId=" + jobId + "," + reference)
                        .routeId("requests").to("mock:requests");
            }
        });
        template.sendBodyAndHeader("direct:newJob", null, CardsavrConstants.JOB_ID, jobId);
        long before = startWhenPolled(jobId);
        await().until(() -> job(jobId).isTerminated()
                            && getMockEndpoint("mock:status").getReceivedCounter() == published(jobId, before));
        await().until(() -> !consumer("requests").getJobs().contains(jobId));
        int endedPolls = job(jobId).getCredentialRequestPolls();
        int referenceNow = job(reference).getCredentialRequestPolls();
        await().until(() -> job(reference).getCredentialRequestPolls() >= referenceNow + 5);
        assertThat(job(jobId).getCredentialRequestPolls()).isEqualTo(endedPolls);
    }
}
