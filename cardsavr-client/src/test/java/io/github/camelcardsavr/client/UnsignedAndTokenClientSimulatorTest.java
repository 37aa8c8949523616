package io.github.camelcardsavr.client;

import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.SimulatorClients.pollUntilTerminal;
import static io.github.camelcardsavr.client.StubClients.await;
import static io.github.camelcardsavr.client.StubClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The unsigned and token modes against an unsigned simulator instance. */
class UnsignedAndTokenClientSimulatorTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = CardsavrSimulatorExtension.configure(b -> b.signed(false));

    @Test
    void unsignedClientRunsATfaJob() {
        SimulatorAdmin admin = SIM.getSimulator().admin();
        try (CardsavrClient client = CardsavrClient.create(SimulatorClients.unsigned(SIM.getSimulator()).build())) {
            CreatedJob job = admin.createJob(SimulatorSites.TFA, null);
            String accessKey = await(client.subscribe(job.jobId())).getAccessKey();
            java.util.concurrent.atomic.AtomicReference<CredentialRequest> request = new java.util.concurrent.atomic.AtomicReference<>();
            await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
                List<CredentialRequest> open = await(client.pollCredentialRequests(job.jobId()));
                open.stream().findFirst().ifPresent(request::set);
                return request.get() != null;
            });
            await(client.putJobTfaCode(job.jobId(), request.get().getEnvelopeId(), "1234"));
            List<CardsavrMessage> messages = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), accessKey));
            assertThat(messages.get(messages.size() - 1).getStatus().getTerminationType()).isEqualTo("BILLABLE");

            long loginsBefore = admin.requestCount("/session/login");
            admin.faults().expireSessions();
            assertThat(await(client.pollCardholderMessages(job.cardholderId()))).isNotNull();
            assertThat(admin.requestCount("/session/login") - loginsBefore).isEqualTo(1);
        }
    }

    @Test
    void tokenClientUsesTheGivenSessionAndNeverLogsIn() {
        SimulatorAdmin admin = SIM.getSimulator().admin();
        long loginsBefore = admin.requestCount("/session/login");
        try (CardsavrClient client = CardsavrClient.create(SimulatorClients.token(SIM.getSimulator()).build())) {
            CreatedJob job = admin.createJob(SimulatorSites.GOOD_EMAIL, null);
            String accessKey = await(client.subscribe(job.jobId())).getAccessKey();
            List<CardsavrMessage> messages = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), accessKey));
            assertThat(messages.get(messages.size() - 1).isTerminal()).isTrue();
            assertThat(await(client.pollCredentialRequests(job.jobId()))).isEmpty();

            admin.faults().expireSessions();
            CardsavrException e = failure(client.pollCardholderMessages(job.cardholderId()));
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.isAccessKeyRejected()).isFalse();
        }
        assertThat(admin.requestCount("/session/login")).isEqualTo(loginsBefore);
    }

    @Test
    void tokenClientAgainstASignedInstanceTalksPlainJson() {
        try (var signedSim = io.github.camelcardsavr.simulator.CardsavrSimulator.builder()
                .stepDelay(CardsavrSimulatorExtension.TEST_STEP_DELAY).start();
             CardsavrClient client = CardsavrClient.create(SimulatorClients.token(signedSim).build())) {
            CreatedJob job = signedSim.admin().createJob(SimulatorSites.MANUAL, null);
            signedSim.admin().injectMessage(job.jobId(), Map.of("status", "QUEUED"));
            assertThat(await(client.pollJobBroadcasts(job.jobId(), job.accessKey())))
                    .anySatisfy(m -> assertThat(m.getStatus().getStatus()).isEqualTo("QUEUED"));
        }
    }
}
