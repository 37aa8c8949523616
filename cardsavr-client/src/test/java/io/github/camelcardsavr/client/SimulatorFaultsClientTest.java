package io.github.camelcardsavr.client;

import java.time.Duration;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.StubClients.await;
import static io.github.camelcardsavr.client.StubClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's fault switches, seen through the signed client: every fault is an error with its cause. */
class SimulatorFaultsClientTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private SimulatorAdmin admin;
    private CardsavrClient client;
    private CreatedJob job;

    @BeforeEach
    void connect() {
        CardsavrSimulator simulator = SIM.getSimulator();
        admin = simulator.admin();
        client = CardsavrClient.create(SimulatorClients.signed(simulator).responseTimeout(Duration.ofSeconds(2)).build());
        job = admin.createJob(SimulatorSites.MANUAL, null);
        await(client.login());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private CardsavrException pollFailure() {
        return failure(client.pollJobBroadcasts(job.jobId(), job.accessKey()));
    }

    @Test
    void tooManyRequestsCarriesStatusAndRetryAfter() {
        admin.faults().tooManyRequests(1, 7);
        CardsavrException e = pollFailure();
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.isRetryable()).isTrue();
        assertThat(await(client.pollJobBroadcasts(job.jobId(), job.accessKey()))).isNotNull();
    }

    @Test
    void serverErrorsCarryTheirStatus() {
        admin.faults().errorBurst(1, 503);
        assertThat(pollFailure().getStatusCode()).isEqualTo(503);
        admin.faults().onPath("/broadcasts").errorRate(1.0, 500);
        CardsavrException e = pollFailure();
        assertThat(e.getStatusCode()).isEqualTo(500);
        assertThat(e.getStatusCode()).isEqualTo(500);
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.HTTP_STATUS);
    }

    @Test
    void tamperedResponseSignatureIsRejected() {
        admin.faults().badSignature(1.0);
        CardsavrException e = pollFailure();
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.BAD_SIGNATURE);
        assertThat(e.getMessage()).contains("pollJobBroadcasts GET").contains("signature does not match");
    }

    @Test
    void malformedJsonIsRejected() {
        admin.injectMessage(job.jobId(), java.util.Map.of("status", "AUTH", "percent_complete", 1.5));
        admin.faults().malformedJson(1.0);
        CardsavrException e = pollFailure();
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.MALFORMED_BODY);
        admin.faults().reset();
        // Spoiled responses did not consume the message: it is delivered on the next poll.
        assertThat(await(client.pollJobBroadcasts(job.jobId(), job.accessKey()))).isNotEmpty();
    }

    @Test
    void undecryptableBodyIsRejected() {
        admin.injectMessage(job.jobId(), java.util.Map.of("status", "AUTH"));
        admin.faults().undecryptableBody(1.0);
        assertThat(pollFailure().getReason()).isEqualTo(CardsavrException.Reason.UNDECRYPTABLE_BODY);
    }

    @Test
    void droppedConnectionsAreConnectionErrors() {
        admin.injectMessage(job.jobId(), java.util.Map.of("status", "AUTH"));
        admin.faults().dropConnections(1.0);
        CardsavrException e = pollFailure();
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.CONNECTION);
        assertThat(e.getMessage()).contains("pollJobBroadcasts GET", "connection problem");
    }

    @Test
    void latencyBeyondTheResponseTimeoutIsATimeout() {
        admin.faults().latency(Duration.ofSeconds(4));
        assertThat(pollFailure().getReason()).isEqualTo(CardsavrException.Reason.TIMEOUT);
    }

    @Test
    void revokedAccessKeyIsReportedWithoutRelogin() {
        long loginsBefore = admin.requestCount("/session/login");
        admin.faults().revokeAccessKey(job.accessKey());
        CardsavrException e = pollFailure();
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.isAccessKeyRejected()).isTrue();
        assertThat(e.getMessage()).doesNotContain(job.accessKey());
        assertThat(admin.requestCount("/session/login")).isEqualTo(loginsBefore);
    }

    @Test
    void unknownJobIsA404() {
        CardsavrException e = failure(client.subscribe(987_654));
        assertThat(e.getStatusCode()).isEqualTo(404);
    }
}
