package io.github.camelcardsavr.quarkus.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in a running Quarkus application against the simulator, driven only over HTTP: the application's
 * endpoints and Quarkus' health endpoint.
 */
@QuarkusTest
@WithTestResource(CardsavrSimulatorResource.class)
class CardsavrTest {

    @InjectSimulator
    CardsavrSimulator simulator;

    @AfterEach
    void resetFaults() {
        simulator.admin().faults().reset();
    }

    @Test
    void followsAJobToItsEndAndAnswersItsTfaRequest() {
        long jobId = createdJob(SimulatorSites.TFA);
        given().post("/cardsavr/consumers/followed/jobs/{jobId}", jobId).then().statusCode(204);
        // both consumers have a channel before the job publishes its first message
        await().until(() -> job(jobId).totalBroadcastPolls() > 0 && job(jobId).getCredentialRequestPolls() > 0);
        simulator.admin().startJob(jobId);

        await().until(() -> job(jobId).isTerminated() && !messages(jobId).isEmpty()
                && messages(jobId).get(messages(jobId).size() - 1).contains("termination_type"));
        JobView job = job(jobId);
        assertThat(job.getTerminationType()).isEqualTo("BILLABLE");
        assertThat(job.getAnswers()).singleElement().satisfies(a -> assertThat(a.toString()).contains("tfa"));
        List<String> messages = messages(jobId);
        assertThat(JsonPath.from(messages.get(0)).getLong("job_id")).isEqualTo(jobId);
        assertThat(messages).anyMatch(m -> m.contains("\"status\":\"TFA_CODE_RECEIVED\""));
        assertThat(JsonPath.from(messages.get(messages.size() - 1)).getString("message.termination_type"))
                .isEqualTo("BILLABLE");
    }

    @Test
    void readinessIsDownWithTheHttpStatusWhileAConsumersPollsFail() {
        long jobId = createdJob(SimulatorSites.MANUAL);
        awaitReady();
        given().post("/cardsavr/consumers/failing/jobs/{jobId}", jobId).then().statusCode(204);
        await().until(() -> job(jobId).totalBroadcastPolls() > 0);
        simulator.admin().faults().onPath("/" + jobId + "/broadcasts").errorRate(1.0, 503);

        await().until(() -> downConsumerCheck().isPresent());
        Map<String, Object> check = downConsumerCheck().orElseThrow();
        assertThat(data(check)).containsEntry("route.id", CardsavrRoutes.FAILING)
                .containsEntry("http.response.code", "503")
                .hasEntrySatisfying("error.message", m -> assertThat(m.toString()).contains("503"));
        assertThat(check.toString()).doesNotContain(CardsavrSimulatorResource.PASSWORD)
                .doesNotContain(simulator.getIntegratorKey());
        assertThat(readiness(503).getString("status")).isEqualTo("DOWN");

        simulator.admin().faults().reset();
        awaitReady();
    }

    @Test
    void readinessIsDownWhileAConsumersBuffersAreFull() {
        long jobId = createdJob(SimulatorSites.MANUAL);
        awaitReady();
        given().post("/cardsavr/downstream/false").then().statusCode(204);
        try {
            given().post("/cardsavr/consumers/stuck/jobs/{jobId}", jobId).then().statusCode(204);
            await().until(() -> job(jobId).totalBroadcastPolls() > 0);
            for (int i = 1; i <= 3; i++) {
                simulator.admin().injectMessage(jobId, Map.of("status", "S" + i));
            }

            await().until(() -> downConsumerCheck().isPresent());
            assertThat(data(downConsumerCheck().orElseThrow())).containsEntry("route.id", CardsavrRoutes.STUCK)
                    .containsEntry("cardsavr.jobs.paused", "1");
            assertThat(readiness(503).getString("status")).isEqualTo("DOWN");
        } finally {
            given().post("/cardsavr/downstream/true").then().statusCode(204);
        }
        // the route catches up, the job is polled again and readiness comes back
        awaitReady();
        assertThat(data(consumersCheck())).doesNotContainKey("cardsavr.jobs.paused");
    }

    private long createdJob(String site) {
        return simulator.admin().createJob(JobSpec.builder().site(site).autoStart(false).build()).getJobId();
    }

    private JobView job(long jobId) {
        return simulator.admin().job(jobId);
    }

    private static List<String> messages(long jobId) {
        return when().get("/cardsavr/jobs/{jobId}/messages", jobId).then().statusCode(200).extract().jsonPath()
                .getList("$", String.class);
    }

    private static JsonPath readiness(int expectedStatus) {
        return when().get("/q/health/ready").then().statusCode(expectedStatus).extract().jsonPath();
    }

    /** Camel's consumer checks, aggregated by camel-microprofile-health into one check that is DOWN if one is. */
    private static Map<String, Object> consumersCheck() {
        List<Map<String, Object>> checks = when().get("/q/health/ready").then().extract().jsonPath().getList("checks");
        return checks.stream().filter(c -> "camel-consumers".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("No camel-consumers check in " + checks));
    }

    private static Optional<Map<String, Object>> downConsumerCheck() {
        return Optional.of(consumersCheck()).filter(c -> "DOWN".equals(c.get("status")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        return (Map<String, Object>) check.getOrDefault("data", Map.of());
    }

    private static void awaitReady() {
        await().until(() -> when().get("/q/health/ready").then().extract().statusCode() == 200);
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }
}
