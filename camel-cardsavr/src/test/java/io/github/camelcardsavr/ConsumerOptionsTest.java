package io.github.camelcardsavr;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcardsavr.consumer.AbstractCardsavrConsumer;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumer options that change what is polled and what is reported: each against the behaviour it switches. */
class ConsumerOptionsTest extends CardsavrTestSupport {

    /** Counts how often the consumer had to ask the repository, i.e. did not find an envelope in its own memory. */
    static final class CountingRepository extends MemoryIdempotentRepository {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public boolean contains(String key) {
            lookups.incrementAndGet();
            return super.contains(key);
        }
    }

    private final CountingRepository envelopes = new CountingRepository();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("envelopes", envelopes);
    }

    private AbstractCardsavrConsumer consumer(String routeId) {
        return (AbstractCardsavrConsumer) context.getRoute(routeId).getConsumer();
    }

    /**
     * With stopOnTermination=false a job whose last message came is polled on, and a message published after it is
     * delivered; with the default, the same job leaves the consumer.
     */
    @Test
    void withoutStopOnTerminationATerminatedJobKeepsBeingPolled() throws Exception {
        long kept = admin().createJob(SimulatorSites.MANUAL).getJobId();
        long stopped = admin().createJob(SimulatorSites.MANUAL).getJobId();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=" + kept + "&stopOnTermination=false&delay=20&initialDelay=0")
                        .routeId("kept").to("mock:kept");
                from("cardsavr:jobStatus?jobId=" + stopped + "&delay=20&initialDelay=0").routeId("stopped")
                        .to("mock:stopped");
            }
        });
        awaitPolled(kept);
        awaitPolled(stopped);
        Map<String, Object> last = Map.of("status", "SUCCESSFUL", "percent_complete", 100, "termination_type", "BILLABLE");
        admin().injectMessage(kept, last);
        admin().injectMessage(stopped, last);
        MockEndpoint keptMock = getMockEndpoint("mock:kept");
        await().until(() -> keptMock.getReceivedCounter() == 1 && consumer("stopped").getJobs().isEmpty());

        int polls = job(kept).totalBroadcastPolls();
        await().until(() -> job(kept).totalBroadcastPolls() > polls + 5);
        assertThat(consumer("kept").getJobs()).containsExactly(kept);
        admin().injectMessage(kept, Map.of("status", "AFTER_THE_END"));
        await().until(() -> keptMock.getReceivedCounter() == 2);
        assertThat(statuses(keptMock.getExchanges())).containsExactly("SUCCESSFUL", "AFTER_THE_END");
        assertThat(getMockEndpoint("mock:stopped").getReceivedCounter()).isEqualTo(1);
    }

    /**
     * Five open requests on one job, a memory of two envelopes per job: the consumer keeps forgetting envelopes while
     * the server lists all five on every poll, and asks the idempotent repository instead; each request is routed
     * exactly once however many polls follow.
     */
    @Test
    void envelopesEvictedPastMaxTrackedEnvelopesPerJobAreNotRoutedAgain() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        for (int i = 0; i < 5; i++) {
            admin().injectCredentialRequest(jobId, "security", List.of("security_answer_" + i));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?jobId=" + jobId + "&maxTrackedEnvelopesPerJob=2"
                     + "&idempotentRepository=#envelopes&delay=20&initialDelay=0").routeId("requests")
                        .to("mock:requests");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:requests");
        await().until(() -> mock.getReceivedCounter() == 5);
        int lookups = envelopes.lookups.get();
        int polls = job(jobId).getCredentialRequestPolls();
        await().until(() -> job(jobId).getCredentialRequestPolls() > polls + 10);

        assertThat(job(jobId).getOpenCredentialRequests()).as("still listed on every poll").hasSize(5);
        assertThat(mock.getReceivedCounter()).as("each request routed once").isEqualTo(5);
        assertThat(mock.getExchanges().stream().map(e -> e.getIn().getHeader(CardsavrConstants.ENVELOPE_ID)).distinct())
                .hasSize(5);
        assertThat(envelopes.lookups.get() - lookups).as("forgotten envelopes were looked up in the repository")
                .isGreaterThanOrEqualTo(10);
    }

    /**
     * healthCheckConsumerEnabled=false on a component: its consumers' checks report UNKNOWN and never DOWN while every
     * poll fails; the same route on a component with checks on is DOWN.
     */
    @Test
    void consumerChecksSwitchedOffOnTheComponentNeverReportDown() throws Exception {
        HealthCheckRegistry registry = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        HealthCheckRepository consumers = registry.getRepository("consumers")
                .orElse((HealthCheckRepository) registry.resolveById("consumers"));
        consumers.setEnabled(true);
        registry.register(consumers);
        CardsavrComponent silent = new CardsavrComponent();
        configure(silent.getConfiguration());
        silent.setHealthCheckConsumerEnabled(false);
        context.addComponent("cardsavr-silent", silent);

        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr-silent:jobStatus?jobId=" + jobId + "&delay=20&initialDelay=0").routeId("silent")
                        .to("mock:silent");
                from("cardsavr:jobStatus?jobId=" + jobId + "&delay=20&initialDelay=0").routeId("checked")
                        .to("mock:checked");
            }
        });
        await().until(() -> readiness("checked").map(HealthCheck.Result::getState).orElse(null)
                            == HealthCheck.State.DOWN);
        long failedPolls = admin().faults().injectedCounts().getOrDefault("ERROR_RATE", 0L);
        // disabled checks are left out of what a health endpoint shows; one asked directly answers UNKNOWN
        await().during(Duration.ofMillis(500)).until(() -> readiness("silent").isEmpty());
        assertThat(admin().faults().injectedCounts().get("ERROR_RATE")).as("polls kept failing meanwhile")
                .isGreaterThan(failedPolls);
        HealthCheck own = consumer("silent").getHealthCheck();
        assertThat(own.isEnabled()).isFalse();
        assertThat(own.call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS)).getState())
                .isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(consumer("checked").getHealthCheck().call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS))
                .getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    private Optional<HealthCheck.Result> readiness(String routeId) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst();
    }
}
