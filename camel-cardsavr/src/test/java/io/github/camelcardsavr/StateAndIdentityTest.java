package io.github.camelcardsavr;

import java.util.Map;

import io.github.camelcardsavr.consumer.AbstractCardsavrConsumer;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;
import io.github.camelcardsavr.state.StateNamespace;
import io.github.camelcardsavr.state.StateSealer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where consumers keep their state, whose it is, and when it is written. */
class StateAndIdentityTest extends CardsavrTestSupport {

    private final MemoryStateRepository repository = new MemoryStateRepository();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("state", repository);
    }

    private Map<Long, JobRecord> stored(String operation, String consumerName) {
        String prefix = StateNamespace.prefix(operation, consumerName, simulator.getBaseUrl());
        return CardsavrStateStore.of(repository, prefix, StateSealer.fromKey(simulator.getIntegratorKey())).readAll();
    }

    @Test
    void aJobHandedToADynamicConsumerIsStoredBeforeTheProducersExchangeCompletes() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no poll for a minute: whatever is stored was stored by the hand-over
                from("cardsavr:jobStatus?dynamicJobs=true&stateRepository=#state&initialDelay=60000").to("mock:status");
                from("direct:job").to("cardsavr:jobStatus");
            }
        });
        CreatedJob job = admin().createJob(SimulatorSites.MANUAL);
        template.sendBodyAndHeaders("direct:job", null,
                Map.of(CardsavrConstants.JOB_ID, job.getJobId(), CardsavrConstants.ACCESS_KEY, job.getAccessKey()));
        Map<Long, JobRecord> stored = stored("jobStatus", "default");
        assertThat(stored).containsOnlyKeys(job.getJobId());
        assertThat(stored.get(job.getJobId()).accessKey()).isEqualTo(job.getAccessKey());
        assertThat(job(job.getJobId()).totalBroadcastPolls()).isZero();
    }

    @Test
    void twoRunningConsumersWithOneIdentityOnOneRepositoryAreRefused() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=1&stateRepository=#state&initialDelay=60000").routeId("first")
                        .to("mock:a");
            }
        });
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=2&stateRepository=#state&initialDelay=60000").routeId("second")
                        .to("mock:b");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("consumerName")
                .hasMessageNotContaining(simulator.getIntegratorKey());
        // a consumer of its own name shares the repository without sharing channels
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=3&consumerName=other&stateRepository=#state&initialDelay=60000")
                        .routeId("third").to("mock:c");
            }
        });
        assertThat(context.getRouteController().getRouteStatus("third").isStarted()).isTrue();
        // once the first one stops, its identity is free again
        context.getRouteController().stopRoute("first");
        context.removeRoute("first");
        context.removeRoute("second");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=2&stateRepository=#state&initialDelay=60000").routeId("fourth")
                        .to("mock:d");
            }
        });
        assertThat(context.getRouteController().getRouteStatus("fourth").isStarted()).isTrue();
    }

    @Test
    void stateKeysNameTheInstance() {
        assertThat(StateNamespace.prefix("jobStatus", "default", "https://api.acme.cardsavr.io"))
                .isEqualTo("cardsavr.jobStatus.default.api.acme.cardsavr.io");
        assertThat(StateNamespace.prefix("cardholderMessages", "x", "http://127.0.0.1:8080/v2/", "42"))
                .isEqualTo("cardsavr.cardholderMessages.x.127.0.0.1_8080_v2_.42");
    }

    @Test
    void aRestartedConsumerReadsItsStoredKeysAndPollsNoJobAgainThatEnded() throws Exception {
        long ending = admin().createJob(SimulatorSites.MANUAL).getJobId();
        long going = admin().createJob(SimulatorSites.MANUAL).getJobId();
        String uri = "cardsavr:jobStatus?jobId=" + ending + "," + going + "&stateRepository=#state&delay=50&initialDelay=0";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("status").to("mock:status");
            }
        });
        awaitPolled(ending);
        awaitPolled(going);
        admin().injectMessage(ending, Map.of("status", "SUCCESSFUL", "percent_complete", 100,
                "termination_type", "BILLABLE"));
        AbstractCardsavrConsumer consumer = (AbstractCardsavrConsumer) context.getRoute("status").getConsumer();
        await().until(() -> !consumer.getJobs().contains(ending));
        long registrations = admin().requestCount("registrations");
        context.getRouteController().stopRoute("status");
        int endingPolls = job(ending).totalBroadcastPolls();
        int goingPolls = job(going).totalBroadcastPolls();

        context.getRouteController().startRoute("status");
        await().until(() -> job(going).totalBroadcastPolls() > goingPolls + 2);
        assertThat(job(ending).totalBroadcastPolls()).as("an ended job is not polled after a restart").isEqualTo(endingPolls);
        assertThat(admin().requestCount("registrations")).as("the stored key is used, no new subscription")
                .isEqualTo(registrations);
    }
}
