package io.github.camelcardsavr.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponse;
import io.github.camelcardsavr.model.CredentialResponseReply;
import io.github.camelcardsavr.model.Subscription;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.SimulatorClients.pollUntilTerminal;
import static io.github.camelcardsavr.client.StubClients.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The signed client against the independent simulator: ECDH login, signatures and encryption both ways. */
class SignedClientSimulatorTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private CardsavrSimulator simulator;
    private SimulatorAdmin admin;
    private CardsavrClient client;

    @BeforeEach
    void connect() {
        simulator = SIM.getSimulator();
        admin = simulator.admin();
        client = CardsavrClient.create(SimulatorClients.signed(simulator).build());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private CredentialRequest awaitCredentialRequest(long jobId) {
        AtomicReference<CredentialRequest> found = new AtomicReference<>();
        await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(20)).until(() -> {
            List<CredentialRequest> requests = await(client.pollCredentialRequests(jobId));
            if (!requests.isEmpty()) {
                found.set(requests.get(0));
            }
            return found.get() != null;
        });
        return found.get();
    }

    @Test
    void signedLoginAndASubscribedJobRunToTheEnd() {
        CreatedJob job = admin.createJob(SimulatorSites.GOOD_EMAIL, null);
        Subscription subscription = await(client.subscribe(job.jobId()));
        assertThat(subscription.getAccessKey()).isNotBlank().isNotEqualTo(job.accessKey());
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.POST);

        List<CardsavrMessage> messages = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), subscription.getAccessKey()));
        CardsavrMessage last = messages.get(messages.size() - 1);
        assertThat(last.isTerminal()).isTrue();
        assertThat(last.getStatus().getTerminationType()).isEqualTo("BILLABLE");
        assertThat(messages).allSatisfy(m -> assertThat(m.getJobId()).isEqualTo(job.jobId()));
        assertThat(admin.broadcastPolls(job.jobId())).containsKey(subscription.getAccessKey());
        assertThat(admin.requestCount("/session/login")).isPositive();
    }

    @Test
    void creatorChannelAndCardholderQueue() {
        CreatedJob job = admin.createJob(SimulatorSites.GOOD_EMAIL, null);
        List<CardsavrMessage> viaCreatorKey = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        assertThat(viaCreatorKey.get(viaCreatorKey.size() - 1).getStatus().getStatus()).isEqualTo("SUCCESSFUL");
        List<CardsavrMessage> viaCardholder = pollUntilTerminal(() -> client.pollCardholderMessages(job.cardholderId()));
        assertThat(viaCardholder).extracting(CardsavrMessage::getJobId).containsOnly(job.jobId());
    }

    @Test
    void tfaAnsweredThroughPutJob() {
        CreatedJob job = admin.createJob(SimulatorSites.TFA, null);
        CredentialRequest request = awaitCredentialRequest(job.jobId());
        assertThat(request.isTfa()).isTrue();
        assertThat(request.getEnvelopeId()).isNotBlank();
        Map<String, Object> updated = await(client.putJobTfaCode(job.jobId(), request.getEnvelopeId(), "1234"));
        assertThat(updated).isNotEmpty();
        List<CardsavrMessage> messages = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        assertThat(messages.get(messages.size() - 1).getStatus().getTerminationType()).isEqualTo("BILLABLE");
        assertThat(admin.answerValues(job.jobId())).containsKey(request.getEnvelopeId());
    }

    @Test
    void newCredentialsThroughPutJob() {
        CreatedJob job = admin.createJob(SimulatorSites.BAD_EMAIL, null);
        CredentialRequest request = awaitCredentialRequest(job.jobId());
        assertThat(request.getAccountLink()).isNotEmpty();
        await(client.putJobCredentials(job.jobId(), request.getEnvelopeId(), Map.of("username", "good_email", "password", "pw-2")));
        List<CardsavrMessage> messages = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        assertThat(messages.get(messages.size() - 1).getStatus().getTerminationType()).isEqualTo("BILLABLE");
    }

    @Test
    void securityAnswersThroughTheMessagesEndpoint() {
        CreatedJob job = admin.createJob(SimulatorSites.SECURITY, null);
        CredentialRequest request = awaitCredentialRequest(job.jobId());
        CredentialResponseReply reply = await(client.postCredentialResponse(job.jobId(),
                CredentialResponse.of(request.getEnvelopeId(), request.getType(), "Rover")));
        assertThat(reply.getEnvelopeId()).isEqualTo(request.getEnvelopeId());
        assertThat(reply.getMessage()).isEqualTo("submitted");
        List<CardsavrMessage> messages = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        assertThat(messages.get(messages.size() - 1).getStatus().getTerminationType()).isEqualTo("BILLABLE");
    }

    @Test
    void registrationFallsBackToGetWhenPostIsUnsupported() {
        admin.faults().registrationPostUnsupported(true);
        CreatedJob job = admin.createJob(SimulatorSites.MANUAL, null);
        long getsBefore = admin.requestCount("GET", "/broadcasts/registrations");
        long postsBefore = admin.requestCount("POST", "/broadcasts/registrations");

        assertThat(await(client.subscribe(job.jobId())).getAccessKey()).isNotBlank();
        assertThat(client.registrationMethod()).isEqualTo(CardsavrClient.RegistrationMethod.GET);
        await(client.subscribe(job.jobId()));
        assertThat(admin.requestCount("POST", "/broadcasts/registrations") - postsBefore).isEqualTo(1);
        assertThat(admin.requestCount("GET", "/broadcasts/registrations") - getsBefore).isEqualTo(2);
    }

    @Test
    void expiredSessionsCauseOneReloginForManyConcurrentCalls() {
        CreatedJob job = admin.createJob(SimulatorSites.MANUAL, null);
        await(client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        long loginsBefore = admin.requestCount("/session/login");
        admin.faults().expireSessions();

        List<CompletableFuture<ParsedList<CardsavrMessage>>> polls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            polls.add(client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        }
        polls.forEach(p -> assertThat(await(p)).isNotNull());
        assertThat(admin.requestCount("/session/login") - loginsBefore).isEqualTo(1);
    }

    @Test
    void injectedMessagesArriveIntact() {
        CreatedJob job = admin.createJob(SimulatorSites.MANUAL, null);
        admin.injectMessage(job.jobId(), Map.of("status", "UPDATING", "percent_complete", 54.5, "custom_field", "kept"));
        List<CardsavrMessage> messages = await(client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.getStatus().getPercentComplete()).isEqualTo(54.5);
            assertThat(m.getStatus().getExtras()).containsEntry("custom_field", "kept");
        });
    }

    @Test
    void endSessionThenTheNextCallLogsInAgain() {
        CreatedJob job = admin.createJob(SimulatorSites.MANUAL, null);
        await(client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        long loginsBefore = admin.requestCount("/session/login");
        await(client.endSession());
        assertThat(admin.requestCount("/session/end")).isPositive();
        await(client.pollJobBroadcasts(job.jobId(), job.accessKey()));
        assertThat(admin.requestCount("/session/login") - loginsBefore).isEqualTo(1);
    }
}
