package io.github.camelcardsavr.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponse;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.ReplyEncryption;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.client.SimulatorClients.pollUntilTerminal;
import static io.github.camelcardsavr.client.StubClients.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client reads both encryption schemes end to end: a server that answers every session in AES-256-CBC
 * (as an older server does) and one that answers in the scheme of the login, GCM for this client.
 */
class CbcRepliesSimulatorTest {

    private static final String CBC = "aes-256-cbc";
    private static final String GCM = "aes-256-gcm";

    @Test
    void aServerAnsweringInCbcServesLoginPollsAndAnswers() {
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5))
                .replyEncryption(ReplyEncryption.CBC).start();
                CardsavrClient client = CardsavrClient.create(SimulatorClients.signed(simulator).build())) {
            CreatedJob tfa = simulator.admin().createJob(SimulatorSites.TFA, null);
            CreatedJob security = simulator.admin().createJob(SimulatorSites.SECURITY, null);

            String subscription = await(client.subscribe(tfa.jobId())).getAccessKey();
            CredentialRequest tfaRequest = awaitRequest(client, tfa.jobId());
            await(client.putJobTfaCode(tfa.jobId(), tfaRequest.getEnvelopeId(), "1234"));
            CredentialRequest securityRequest = awaitRequest(client, security.jobId());
            await(client.postCredentialResponse(security.jobId(),
                    CredentialResponse.of(securityRequest.getEnvelopeId(), securityRequest.getType(), "Rover")));
            List<CardsavrMessage> subscribed = pollUntilTerminal(() -> client.pollJobBroadcasts(tfa.jobId(), subscription));
            List<CardsavrMessage> cardholder = pollUntilTerminal(() -> client.pollCardholderMessages(security.cardholderId()));

            assertThat(last(subscribed).getStatus().getTerminationType()).isEqualTo("BILLABLE");
            assertThat(last(cardholder).getStatus().getTerminationType()).isEqualTo("BILLABLE");
            Map<String, Long> replies = simulator.admin().encryptedReplies();
            assertThat(replies).containsOnlyKeys(CBC);
            assertThat(replies.get(CBC)).isGreaterThan(5);
        }
    }

    @Test
    void aServerAnsweringInTheLoginsSchemeAnswersThisClientInGcm() {
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5)).start();
                CardsavrClient client = CardsavrClient.create(SimulatorClients.signed(simulator).build())) {
            CreatedJob job = simulator.admin().createJob(SimulatorSites.GOOD_EMAIL, null);

            List<CardsavrMessage> messages = pollUntilTerminal(() -> client.pollJobBroadcasts(job.jobId(), job.accessKey()));

            assertThat(last(messages).getStatus().getTerminationType()).isEqualTo("BILLABLE");
            assertThat(simulator.admin().encryptedReplies()).containsOnlyKeys(GCM);
        }
    }

    private static CredentialRequest awaitRequest(CardsavrClient client, long jobId) {
        AtomicReference<CredentialRequest> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            List<CredentialRequest> requests = await(client.pollCredentialRequests(jobId));
            if (!requests.isEmpty()) {
                found.set(requests.get(0));
            }
            return found.get() != null;
        });
        return found.get();
    }

    private static CardsavrMessage last(List<CardsavrMessage> messages) {
        return messages.get(messages.size() - 1);
    }
}
