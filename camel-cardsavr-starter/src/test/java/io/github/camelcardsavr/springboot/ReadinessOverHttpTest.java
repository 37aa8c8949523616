package io.github.camelcardsavr.springboot;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, as Kubernetes probes it: with nothing configured but the probes, the readiness group (Spring Boot's,
 * whose only own member is readinessState) goes DOWN (503) while a cardsavr consumer's polls fail or while its
 * buffers are full, and comes back UP when CardSavr does; /actuator/health says which route and why.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                // no readiness group property: any would define a group of its own, with every indicator in it
                properties = { "management.endpoint.health.probes.enabled=true",
                               "management.endpoint.health.show-details=always" })
@ContextConfiguration(initializers = EnvironmentVariables.IntegratorKey.class)
@DirtiesContext
class ReadinessOverHttpTest {

    private static final String READINESS = "/health/readiness";
    private static final String HEALTH = "/health";

    @DynamicPropertySource
    static void connection(DynamicPropertyRegistry registry) {
        TestSimulator.connect(registry);
        registry.add("camel.component.cardsavr.password", () -> TestSimulator.PASSWORD);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private CamelContext camelContext;

    private final SimulatorAdmin admin = TestSimulator.get().admin();

    @AfterEach
    void removeRoutesAndFaults() throws Exception {
        admin.faults().reset();
        for (var route : camelContext.getRoutes()) {
            camelContext.getRouteController().stopRoute(route.getRouteId());
            camelContext.removeRoute(route.getRouteId());
        }
    }

    @Test
    void failingPollsTakeTheInstanceOutOfReadinessUntilCardsavrAnswersAgain() throws Exception {
        long jobId = admin.createJob(SimulatorSites.MANUAL).getJobId();
        // secrets in the URI too: health details show the endpoint URI, which must not carry them
        follow("polling", "cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId + "&integratorKey=RAW("
                          + TestSimulator.get().getIntegratorKey() + ")&password=RAW(" + TestSimulator.PASSWORD + ")");
        TestSimulator.await().until(() -> readiness().status() == 200);
        assertThat(cardsavrDetails("polling").path("state").asText()).isEqualTo("UP");

        admin.faults().onPath("/broadcasts").errorRate(1.0, 503);

        TestSimulator.await().until(() -> readiness().status() == 503);
        assertThat(readiness().json().path("status").asText()).isEqualTo("DOWN");
        TestSimulator.await().until(() -> cardsavrDetails("polling").has("http.response.code"));
        JsonNode details = cardsavrDetails("polling");
        assertThat(details.path("state").asText()).isEqualTo("DOWN");
        assertThat(details.path("http.response.code").asInt()).isEqualTo(503);
        assertThat(details.path("message").asText()).contains("failed polling");
        assertThat(details.path("endpoint.uri").asText()).contains("integratorKey=xxxxxx", "password=xxxxxx");
        String health = new ActuatorHttp(port).get(HEALTH).body();
        assertThat(health).doesNotContain(TestSimulator.PASSWORD).doesNotContain(TestSimulator.USERNAME)
                .doesNotContain(TestSimulator.get().getIntegratorKey());

        admin.faults().reset();
        TestSimulator.await().until(() -> readiness().status() == 200);
        assertThat(readiness().json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aRouteThatDoesNotKeepUpTakesTheInstanceOutOfReadiness() throws Exception {
        long stuck = admin.createJob(SimulatorSites.MANUAL).getJobId();
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&maxBufferedMessagesPerJob=2&jobId=" + stuck)
                        .routeId("stuck")
                        .throwException(new IllegalStateException("downstream is down"));
            }
        });
        TestSimulator.await().until(() -> admin.job(stuck).totalBroadcastPolls() >= 1);
        // ready once the consumer's first call (registrations included) has come back
        TestSimulator.await().until(() -> readiness().status() == 200);

        for (int i = 1; i <= 3; i++) {
            admin.injectMessage(stuck, Map.of("status", "S" + i));
        }

        TestSimulator.await().until(() -> readiness().status() == 503);
        assertThat(readiness().json().path("status").asText()).isEqualTo("DOWN");
        JsonNode details = cardsavrDetails("stuck");
        assertThat(details.path("state").asText()).isEqualTo("DOWN");
        assertThat(details.path("message").asText()).contains("buffers are full");
        assertThat(details.path("cardsavr.jobs.paused").asInt()).isEqualTo(1);
        // next to Camel's own indicator
        assertThat(new ActuatorHttp(port).get(HEALTH).json().path("components").has("camelHealth")).isTrue();
    }

    private void follow(String routeId, String uri) throws Exception {
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).log("${header.CamelCardsavrStatus}");
            }
        });
    }

    private ActuatorHttp.Reply readiness() {
        return new ActuatorHttp(port).get(READINESS);
    }

    /** The cardsavr indicator's entry for a route, from /actuator/health (the probes show no details). */
    private JsonNode cardsavrDetails(String routeId) {
        return new ActuatorHttp(port).get(HEALTH).json().path("components").path("cardsavr").path("details")
                .path(routeId);
    }
}
