package io.github.camelcardsavr;

import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.consumer.AbstractCardsavrConsumer;
import io.github.camelcardsavr.consumer.CardsavrFailureLog;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.github.camelcardsavr.testsupport.LogRecorder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When jobs leave a consumer, what a restart routes again, and what a failure looks like in the log. */
class JobLifecycleTest extends CardsavrTestSupport {

    private final MemoryIdempotentRepository envelopes = new MemoryIdempotentRepository();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("envelopes", envelopes);
    }

    private AbstractCardsavrConsumer consumer(String routeId) {
        return (AbstractCardsavrConsumer) context.getRoute(routeId).getConsumer();
    }

    @Test
    void aJobWhoseLastMessageNeverComesIsLetGoAfterItsJobTimeout() throws Exception {
        long silent = admin().createJob(SimulatorSites.MANUAL).getJobId();
        long reference = admin().createJob(SimulatorSites.MANUAL).getJobId();
        try (LogRecorder logs = new LogRecorder(Level.WARN)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?jobId=" + silent + "," + reference
                         + "&delay=50&initialDelay=0&jobTimeoutMargin=300").routeId("status").to("mock:status");
                }
            });
            awaitPolled(silent);
            // the job says it times out in 100 ms, then falls silent
            admin().injectMessage(silent, Map.of("status", "UPDATING", "percent_complete", 40, "job_timeout", 100));
            await().until(() -> consumer("status").getJobs().equals(List.of(reference)));
            int polls = job(silent).totalBroadcastPolls();
            assertThat(logs.texts()).anyMatch(line -> line.contains("Job " + silent) && line.contains("job_timeout"));
            Map<String, Object> details = consumer("status").getHealthCheck()
                    .call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS)).getDetails();
            assertThat(details).containsEntry("cardsavr.jobs.timedOut", 1);
            int referencePolls = job(reference).totalBroadcastPolls();
            await().until(() -> job(reference).totalBroadcastPolls() > referencePolls + 5);
            assertThat(job(silent).totalBroadcastPolls()).isEqualTo(polls);
        }
    }

    @Test
    void aJobEndingOnOneInstanceDoesNotStopTheSameJobIdOfAnother() throws Exception {
        try (CardsavrSimulator other = simulatorBuilder().start()) {
            long here = admin().createJob(SimulatorSites.MANUAL).getJobId();
            long there = other.admin().createJob(SimulatorSites.MANUAL).getJobId();
            assertThat(there).as("both instances number their jobs alike").isEqualTo(here);
            String otherInstance = "baseUrl=" + other.getBaseUrl() + "&integratorName=" + other.getIntegratorName()
                                   + "&integratorKey=RAW(" + other.getIntegratorKey() + ")";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?jobId=" + here + "&delay=50&initialDelay=0").routeId("status")
                            .to("mock:status");
                    from("cardsavr:credentialRequests?jobId=" + there + "&delay=50&initialDelay=0&" + otherInstance)
                            .routeId("requests").to("mock:requests");
                }
            });
            awaitPolled(here);
            admin().injectMessage(here, Map.of("status", "SUCCESSFUL", "percent_complete", 100,
                    "termination_type", "BILLABLE"));
            await().until(() -> consumer("status").getJobs().isEmpty());
            int polls = other.admin().job(there).getCredentialRequestPolls();
            await().until(() -> other.admin().job(there).getCredentialRequestPolls() > polls + 3);
            assertThat(consumer("requests").getJobs()).containsExactly(there);
        }
    }

    @Test
    void aCompletedCredentialRequestIsNotRoutedAgainAfterARestartWithTheSameRepository() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        admin().injectCredentialRequest(jobId, "tfa", List.of("tfa"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?jobId=" + jobId + "&delay=50&initialDelay=0"
                     + "&idempotentRepository=#envelopes").routeId("requests").to("mock:requests");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:requests");
        await().until(() -> mock.getReceivedCounter() == 1);
        // unanswered, the request is still listed on every poll; a restart must not route it again
        context.getRouteController().stopRoute("requests");
        context.getRouteController().startRoute("requests");
        int polls = job(jobId).getCredentialRequestPolls();
        await().until(() -> job(jobId).getCredentialRequestPolls() > polls + 3);
        assertThat(mock.getReceivedCounter()).isEqualTo(1);
        assertThat(envelopes.getCacheSize()).isEqualTo(1);
    }

    @Test
    void aFailedCallIsOneWarnLineWithoutAStackTraceAndSaysWhenItIsTriedAgain() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        try (LogRecorder logs = new LogRecorder(Level.DEBUG, "io.github.camelcardsavr")) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?jobId=" + jobId + "&delay=50&initialDelay=0").routeId("status")
                            .to("mock:status");
                }
            });
            awaitPolled(jobId);
            assertThat(consumer("status").getExceptionHandler()).isInstanceOf(CardsavrFailureLog.class);
            admin().faults().onPath("/broadcasts").errorBurst(3, 503);
            int polls = job(jobId).totalBroadcastPolls();
            // three polls fail; once the job has been polled successfully a few times, nothing more is coming
            await().until(() -> job(jobId).totalBroadcastPolls() > polls + 3);
            List<LogRecorder.Line> warnings = logs.warnings().stream().filter(l -> l.message().contains("HTTP 503"))
                    .toList();
            assertThat(warnings).hasSize(3).allSatisfy(line -> {
                assertThat(line.thrown()).as("no stack trace at WARN").isEmpty();
                assertThat(line.message()).contains("job " + jobId).contains("polled again at its next turn");
            });
            assertThat(logs.texts()).noneMatch(line -> line.contains("Failed polling endpoint"));
            assertThat(logs.lines()).anyMatch(line -> line.level() == Level.DEBUG && !line.thrown().isEmpty()
                                                      && line.message().contains("HTTP 503"));
        }
    }
}
