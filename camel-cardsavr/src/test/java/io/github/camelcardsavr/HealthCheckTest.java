package io.github.camelcardsavr;

import java.util.Map;

import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer readiness check: DOWN with the HTTP status after failed polls, DOWN while a job's buffer is full,
 * and never showing a secret.
 */
class HealthCheckTest extends CardsavrTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = context.getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
        HealthCheckRepository consumers = registry.getRepository("consumers")
                .orElse((HealthCheckRepository) registry.resolveById("consumers"));
        consumers.setEnabled(true);
        registry.register(consumers);
        return context;
    }

    private HealthCheck.Result readiness(String routeId) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + routeId)).findFirst().orElseThrow();
    }

    @Test
    void failedPollsMakeTheConsumerDownWithTheHttpCodeAndAMaskedUri() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId + "&password=RAW(" + PASSWORD + ")")
                        .routeId("failing").to("mock:never");
            }
        });

        await().until(() -> readiness("failing").getState() == HealthCheck.State.DOWN
                            && readiness("failing").getDetails().get(HealthCheck.HTTP_RESPONSE_CODE) != null);
        HealthCheck.Result result = readiness("failing");
        assertThat(result.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("failed polling"));
        assertThat(result.getError()).hasValueSatisfying(e -> assertThat(e.getMessage()).contains("503"));
        String uri = (String) result.getDetails().get(HealthCheck.ENDPOINT_URI);
        assertThat(uri).contains("cardsavr").contains("password=xxxxxx").doesNotContain(PASSWORD);
        assertThat(result.getDetails().toString()).doesNotContain(PASSWORD)
                .doesNotContain(simulator.getIntegratorKey());

        admin().faults().reset();
        await().until(() -> readiness("failing").getState() == HealthCheck.State.UP);
    }

    @Test
    void fullBufferPausesTheJobAndMakesReadinessDown() throws Exception {
        long stuck = admin().createJob(SimulatorSites.MANUAL).getJobId();
        long reference = admin().createJob(SimulatorSites.MANUAL).getJobId();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&maxBufferedMessagesPerJob=2&jobId=" + stuck + ","
                     + reference)
                        .routeId("stuck")
                        .throwException(new IllegalStateException("downstream is down"));
            }
        });
        awaitPolled(stuck);
        for (int i = 1; i <= 3; i++) {
            admin().injectMessage(stuck, Map.of("status", "S" + i));
        }

        await().until(() -> readiness("stuck").getState() == HealthCheck.State.DOWN);
        HealthCheck.Result result = readiness("stuck");
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("buffers are full"));
        assertThat(result.getDetails()).containsEntry("cardsavr.jobs.paused", 1);

        // the full job is no longer polled (the server keeps its messages) while the other job is
        long stuckRequests = admin().requestCount("/" + stuck + "/broadcasts");
        int referencePolls = job(reference).totalBroadcastPolls();
        await().until(() -> job(reference).totalBroadcastPolls() >= referencePolls + 5);
        assertThat(admin().requestCount("/" + stuck + "/broadcasts")).isEqualTo(stuckRequests);
    }

    @Test
    void aStateRepositoryThatRefusesWritesMakesReadinessDownUntilItTakesThemAgain() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        RefusingStateRepository repository = new RefusingStateRepository();
        context.getRegistry().bind("refusing", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&stateRepository=#refusing&jobId=" + jobId)
                        .routeId("stateless").to("mock:out");
            }
        });
        awaitPolled(jobId);
        repository.refusing = true;
        admin().injectMessage(jobId, Map.of("status", "S1"));
        await().until(() -> readiness("stateless").getState() == HealthCheck.State.DOWN);
        assertThat(readiness("stateless").getMessage())
                .hasValueSatisfying(m -> assertThat(m).contains("stateRepository").contains("nothing more is fetched"));
        // fetched before the refusal began: delivered all the same
        await().until(() -> context.getEndpoint("mock:out", org.apache.camel.component.mock.MockEndpoint.class)
                .getReceivedCounter() == 1);
        repository.refusing = false;
        await().until(() -> readiness("stateless").getState() == HealthCheck.State.UP);
    }

    /** Writes fail while told to, as a database that is down. */
    static final class RefusingStateRepository extends org.apache.camel.support.processor.state.MemoryStateRepository {
        volatile boolean refusing;

        @Override
        public void setState(String key, String value) {
            if (refusing) {
                throw new IllegalStateException("database unavailable");
            }
            super.setState(key, value);
        }
    }
}
