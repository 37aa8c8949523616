package io.github.camelcardsavr.client;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.CredentialResponse;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.github.camelcardsavr.testsupport.LogRecorder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.Calls.await;
import static io.github.camelcardsavr.client.Calls.failure;
import static io.github.camelcardsavr.client.SimulatorClients.awaitCredentialRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the component's loggers at TRACE, a full session logs method, path, status and timing, and no secret: password,
 * integrator key, session tokens and session keys (both sessions), access keys, the TFA code and the account values
 * answered (username, password, security answer). The agent's login name reaches no log line either.
 */
class LogSecrecySimulatorTest {

    private static final String ACCOUNT_USERNAME = "acct-user-7c41";

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    @Test
    void noSecretReachesTheLogsOrExceptionTexts() {
        CardsavrSimulator simulator = SIM.getSimulator();
        List<String> secrets = new ArrayList<>(List.of(SimulatorClients.PASSWORD, simulator.getIntegratorKey(), "1234",
                ACCOUNT_USERNAME, "new-s3cret-pw", "s3cret-security-answer"));
        List<String> texts = new ArrayList<>();
        CardsavrClientConfig config = SimulatorClients.signed(simulator).build();
        try (LogRecorder logs = new LogRecorder(Level.TRACE, "io.github.camelcardsavr");
             CardsavrClient client = CardsavrClient.create(config)) {
            secrets.add(await(client.login()).getSessionToken());
            secrets.add(sessionKey(client));
            CreatedJob tfaJob = simulator.admin().createJob(SimulatorSites.TFA, null);
            secrets.add(tfaJob.accessKey());
            String accessKey = await(client.subscribe(tfaJob.jobId())).getAccessKey();
            secrets.add(accessKey);
            await(client.pollJobBroadcasts(tfaJob.jobId(), accessKey));
            CredentialRequest tfa = awaitCredentialRequest(client, tfaJob.jobId());
            await(client.putJobTfaCode(tfaJob.jobId(), tfa.getEnvelopeId(), "1234"));

            CreatedJob badEmail = simulator.admin().createJob(SimulatorSites.BAD_EMAIL, null);
            CredentialRequest creds = awaitCredentialRequest(client, badEmail.jobId());
            await(client.putJobCredentials(badEmail.jobId(), creds.getEnvelopeId(), Map.of("username", ACCOUNT_USERNAME, "password", "new-s3cret-pw")));
            CreatedJob security = simulator.admin().createJob(SimulatorSites.SECURITY, null);
            CredentialRequest question = awaitCredentialRequest(client, security.jobId());
            CredentialResponse answer = CredentialResponse.of(question.getEnvelopeId(), question.getType(), "s3cret-security-answer");
            texts.add(answer.toString());
            await(client.postCredentialResponse(security.jobId(), answer));

            simulator.admin().faults().expireSessions();
            await(client.pollCardholderMessages(tfaJob.cardholderId()));
            secrets.add(await(client.login()).getSessionToken());
            secrets.add(sessionKey(client));
            simulator.admin().faults().revokeAccessKey(accessKey);
            texts.add(failure(client.pollJobBroadcasts(tfaJob.jobId(), accessKey)).getMessage());
            simulator.admin().faults().badSignature(1.0);
            texts.add(failure(client.pollJobBroadcasts(tfaJob.jobId(), tfaJob.accessKey())).getMessage());
            simulator.admin().faults().reset();
            await(client.endSession());

            texts.add(config.toString());
            texts.add(client.toString());
            texts.addAll(logs.texts());
            assertThat(logs.texts()).anySatisfy(line -> assertThat(line).matches("GET /messages/\\S+ -> 200 in \\d+ ms"));
            assertThat(logs.texts()).anySatisfy(line -> assertThat(line).contains("401"));
            // the agent's login name is an identifier the configuration prints on purpose, but no log line needs it
            assertThat(logs.texts()).as("log lines naming the agent").noneSatisfy(
                    line -> assertThat(line).containsPattern("\\b" + SimulatorClients.USERNAME + "\\b"));
        }
        for (String secret : secrets) {
            assertThat(texts).as("no text may contain a secret").noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }

    /** The ECDH session key, base64: the secret both sides derive and never send. */
    private static String sessionKey(CardsavrClient client) {
        return Base64.getEncoder().encodeToString(client.establishedSession().key.hmacKey().getEncoded());
    }
}
