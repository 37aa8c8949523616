package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialRequests;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialResponses;
import static io.github.camelcardsavr.simulator.ApiPaths.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent's side of credential requests, as Strivve's JavaScript SDK calls it: {@code requestJobInformation}
 * ({@code POST .../credential_requests}) raises a request, {@code getJobInformationResponse}
 * ({@code GET .../credential_responses}) reads what was answered.
 */
class AgentCredentialCallsTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private RawCardsavrClient client;

    @BeforeEach
    void logIn() {
        client = RawCardsavrClient.of(SIM.getSimulator()).speakingCbc();
        client.signedLogin("agent", "agent-password");
    }

    @Test
    void aRequestRaisedTheSdkWayIsPolledAnnouncedAndAnswered() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        // Exactly the body the SDK's requestJobInformation builds (it spells the id "jobId").
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", created.jobId());
        body.put("type", "tfa");
        body.put("message", "Enter the code we sent to your phone");
        body.put("account_link", List.of(Map.of("key_name", "tfa", "label", "Code", "secret", true, "type", "text")));

        Reply raised = client.post(credentialRequests(created.jobId()), body);

        assertThat(raised.status()).isEqualTo(200);
        Map<String, Object> request = raised.map();
        String envelope = (String) request.get("envelope_id");
        assertThat(envelope).isNotBlank();
        assertThat(request).containsEntry("type", "tfa").containsEntry("job_id", (int) created.jobId())
                .containsEntry("message", "Enter the code we sent to your phone")
                .containsEntry("account_link", body.get("account_link"));
        assertThat(client.get(credentialRequests(created.jobId())).list()).containsExactly(request);
        assertThat(client.get(broadcasts(created.jobId()), ApiPaths.key(created.accessKey())).list())
                .anySatisfy(m -> assertThat(m).containsEntry("type", "tfa").containsEntry("envelope_id", envelope));
        assertThat(SIM.admin().job(created.jobId()).openCredentialRequests()).singleElement()
                .satisfies(open -> assertThat(open.fields()).containsExactly("tfa"));
        assertThat(SIM.admin().job(created.jobId()).status()).as("raising a request moves no status")
                .isEqualTo("REQUESTED");

        Reply answer = client.post(credentialResponses(created.jobId()),
                Map.of("envelope_id", envelope, "type", "tfa_response", "message", "1234"));

        assertThat(answer.map()).containsEntry("message", "submitted");
        assertThat(client.get(credentialRequests(created.jobId())).list()).isEmpty();
        assertThat(SIM.admin().answerValues(created.jobId())).containsExactly(Map.entry(envelope, "1234"));
    }

    @Test
    void aRequestWithoutFieldsOrMessageCarriesTheJobStatus() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.MANUAL, null);

        Map<String, Object> request = client.post(credentialRequests(created.jobId()),
                Map.of("job_id", created.jobId(), "type", "tfa_message")).map();

        assertThat(request.get("account_link")).asList().isEmpty();
        assertThat(request.get("message")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "REQUESTED");
    }

    @Test
    void responsesListEveryAnswerOfTheJobWithItsValueWhicheverWayItCame() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        assertThat(client.get(credentialResponses(created.jobId())).list()).isEmpty();
        String tfa = SIM.admin().injectCredentialRequest(created.jobId(), "tfa", List.of("tfa"));
        String creds = SIM.admin().injectCredentialRequest(created.jobId(), "credential_request",
                List.of("username", "password"));
        String nested = SIM.admin().injectCredentialRequest(created.jobId(), "tfa", List.of("tfa"));

        client.post(credentialResponses(created.jobId()), Map.of("envelope_id", tfa, "type", "tfa", "message", "11"));
        client.put(job(created.jobId()), Map.of("account", Map.of("account_link",
                Map.of("username", "u", "password", "p"))), Map.of("x-cardsavr-envelope-id", creds));
        client.put(job(created.jobId()), Map.of("account", Map.of("account_link", Map.of("tfa", "22"))),
                Map.of("x-cardsavr-envelope-id", nested));
        List<Map<String, Object>> responses = client.get(credentialResponses(created.jobId())).list();

        assertThat(responses).extracting(r -> r.get("envelope_id")).containsExactly(tfa, creds, nested);
        assertThat(responses).extracting(r -> r.get("type")).containsExactly("tfa", "credential_request", "tfa");
        assertThat(responses).allSatisfy(r -> assertThat(r).containsEntry("job_id", (int) created.jobId()));
        assertThat(responses.get(0)).containsEntry("message", "11");
        assertThat(responses.get(1)).containsEntry("message", Map.of("username", "u", "password", "p"));
        assertThat(client.get(credentialResponses(created.jobId())).list()).as("reading takes nothing away")
                .isEqualTo(responses);
    }

    @Test
    void badRequestsNameTheProblem() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        long id = created.jobId();

        Reply noType = client.post(credentialRequests(id), Map.of("job_id", id));
        Reply linkNotArray = client.post(credentialRequests(id), Map.of("type", "tfa", "account_link", "tfa"));
        Reply entryWithoutKey = client.post(credentialRequests(id),
                Map.of("type", "tfa", "account_link", List.of(Map.of("label", "Code"))));
        Reply otherJob = client.post(credentialRequests(id), Map.of("jobId", id + 1, "type", "tfa"));
        Reply numberMessage = client.post(credentialRequests(id), Map.of("type", "tfa", "message", 7));
        Reply unknownJob = client.post(credentialRequests(999_999), Map.of("type", "tfa"));
        SIM.admin().injectMessage(id, Map.of("status", "CANCELED", "termination_type", "USER_DATA_FAILURE"));
        Reply ended = client.post(credentialRequests(id), Map.of("type", "tfa"));

        assertThat(noType.errorProperty()).isEqualTo("type");
        assertThat(linkNotArray.errorProperty()).isEqualTo("account_link");
        assertThat(entryWithoutKey.errorProperty()).isEqualTo("account_link");
        assertThat(otherJob.errorProperty()).isEqualTo("job_id");
        assertThat(numberMessage.errorProperty()).isEqualTo("message");
        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(ended.status()).isEqualTo(409);
        assertThat(SIM.admin().job(id).openCredentialRequests()).isEmpty();
        assertThat(client.get(credentialResponses(999_999)).status()).isEqualTo(404);
    }
}
