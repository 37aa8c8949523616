package io.github.camelcardsavr.client;

import java.net.ServerSocket;
import java.time.Duration;

import io.github.camelcardsavr.model.ApiError;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.Calls.await;
import static io.github.camelcardsavr.client.Calls.failure;
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
        assertThat(e.getErrors()).extracting(ApiError::getName).containsExactly("TooManyRequests");
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
        assertThat(e.getErrors()).extracting(ApiError::getName).containsExactly("InternalServerError");
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.HTTP_STATUS);
    }

    @Test
    void aCallWhoseSessionLoginFailedSaysItWasNeverSent() {
        CardsavrClient fresh = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator())
                .responseTimeout(Duration.ofSeconds(2)).build());
        try (fresh) {
            long polls = admin.requestCount("GET", "/broadcasts");
            admin.faults().onPath("/session/login").errorBurst(1, 503);
            CardsavrException e = failure(fresh.pollJobBroadcasts(job.jobId(), job.accessKey()));
            assertThat(e.getStatusCode()).isEqualTo(503);
            assertThat(e.getMessage()).contains("login");
            assertThat(e.wasSent()).as("the poll never left: its login failed").isFalse();
            assertThat(admin.requestCount("GET", "/broadcasts")).isEqualTo(polls);

            admin.faults().reset().onPath("/broadcasts").errorBurst(1, 503);
            CardsavrException polled = failure(fresh.pollJobBroadcasts(job.jobId(), job.accessKey()));
            assertThat(polled.getStatusCode()).isEqualTo(503);
            assertThat(polled.wasSent()).isTrue();
            assertThat(polled.getReplyStatus()).isEqualTo(503);
        }
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
        CardsavrException e = pollFailure();
        assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.TIMEOUT);
        assertThat(e.isRetryable()).isTrue();
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
    void onceTheServerTookPostA404MeansTheJobIsUnknown() {
        await(client.subscribe(job.jobId()));
        String unknown = "/messages/place_card_on_single_site_jobs/987654/broadcasts/registrations";
        long before = admin.requestCount(unknown);
        CardsavrException e = failure(client.subscribe(987_654));
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getMessage()).contains("subscribe POST " + unknown);
        assertThat(admin.requestCount(unknown) - before).isEqualTo(1);
    }

    @Test
    void otherRegistrationErrorsDoNotFallBack() {
        admin.faults().onPath("/broadcasts/registrations").errorBurst(1, 403);
        long before = admin.requestCount("/broadcasts/registrations");
        assertThat(failure(client.subscribe(job.jobId())).getStatusCode()).isEqualTo(403);
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.UNKNOWN);
        assertThat(admin.requestCount("/broadcasts/registrations") - before).isEqualTo(1);
    }

    @Test
    void refusedConnectionsAndClosedClientsAreConnectionErrors() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (CardsavrClient nowhere = CardsavrClient.create(CardsavrClientConfig.builder().authMode(AuthMode.TOKEN)
                .sessionToken("t").baseUrl("http://127.0.0.1:" + freePort).build())) {
            CardsavrException e = failure(nowhere.pollCardholderMessages(1));
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.CONNECTION);
            assertThat(e.getMessage()).contains("pollCardholderMessages GET /messages/cardholders/1");
        }
        client.close();
        assertThat(client.isClosed()).isTrue();
        assertThat(failure(client.pollCardholderMessages(job.cardholderId())).getMessage()).contains("closed");
    }
}
