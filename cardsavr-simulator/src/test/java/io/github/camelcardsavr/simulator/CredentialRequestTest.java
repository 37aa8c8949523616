package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialRequests;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialResponses;
import static io.github.camelcardsavr.simulator.ApiPaths.job;
import static io.github.camelcardsavr.simulator.ApiPaths.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credential requests stay until answered (messages endpoint or PUT job) or until they expire. */
class CredentialRequestTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private RawCardsavrClient client;

    @BeforeEach
    void logIn() {
        client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");
    }

    @Test
    void tfaRequestStaysUntilAnsweredThroughTheMessagesEndpoint() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.TFA, null);
        Map<String, Object> request = awaitRequest(job.jobId());

        assertThat(request).containsEntry("type", "tfa_request").containsEntry("job_id", (int) job.jobId());
        assertThat((List<Map<String, Object>>) request.get("account_link")).extracting(f -> f.get("key_name"))
                .containsExactly("tfa");
        assertThat(client.get(credentialRequests(job.jobId()) + "/").list()).hasSize(1);
        assertThat(SIM.admin().job(job.jobId()).status()).isEqualTo("PENDING_TFA");
        String envelope = (String) request.get("envelope_id");

        Reply answer = client.post(credentialResponses(job.jobId()),
                Map.of("envelope_id", envelope, "type", "tfa_request", "message", "1234"));

        assertThat(answer.map()).containsEntry("type", "credential_response").containsEntry("job_id", (int) job.jobId())
                .containsEntry("envelope_id", envelope).containsEntry("message", "submitted");
        assertThat(client.get(credentialRequests(job.jobId())).list()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(job.jobId()).terminated());
        JobView view = SIM.admin().job(job.jobId());
        assertThat(view.terminationType()).isEqualTo("BILLABLE");
        assertThat(view.answers()).singleElement().satisfies(a -> {
            assertThat(a.envelopeId()).isEqualTo(envelope);
            assertThat(a.type()).isEqualTo("tfa_request");
            assertThat(a.via()).isEqualTo(ReceivedAnswer.VIA_MESSAGES);
        });
        assertThat(SIM.admin().answerValues(job.jobId())).containsExactly(Map.entry(envelope, "1234"));
        List<Map<String, Object>> stream = client.get(broadcasts(job.jobId()), key(job.accessKey())).list();
        assertThat(stream).extracting(m -> m.get("type")).contains("tfa_request");
        assertThat(ScenarioTest.statuses(stream)).extracting(s -> s.get("status"))
                .containsSubsequence("LOGIN_SUBMITTED", "PENDING_TFA", "TFA_CODE_RECEIVED", "TFA_SUBMITTED", "UPDATING",
                        "SUCCESSFUL");
    }

    @Test
    void aWrongTfaCodeEndsInUserDataFailure() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.TFA, null);
        String envelope = (String) awaitRequest(job.jobId()).get("envelope_id");

        client.post(credentialResponses(job.jobId()), Map.of("envelope_id", envelope, "type", "tfa", "message", "0000"));

        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(job.jobId()).terminated());
        assertThat(SIM.admin().job(job.jobId()).status()).isEqualTo("TFA_FAILURE");
        assertThat(SIM.admin().job(job.jobId()).terminationType()).isEqualTo("USER_DATA_FAILURE");
    }

    @Test
    void tfaCodesAnsweredThroughPutJobInBothBodyForms() {
        CreatedJob nested = SIM.admin().createJob(SimulatorSites.TFA, null);
        CreatedJob flat = SIM.admin().createJob(JobSpec.builder().site(SimulatorSites.TFA).tfaCode("777").build());
        String nestedEnvelope = (String) awaitRequest(nested.jobId()).get("envelope_id");
        String flatEnvelope = (String) awaitRequest(flat.jobId()).get("envelope_id");

        Reply nestedReply = client.put(job(nested.jobId()), Map.of("account", Map.of("tfa", "1234")),
                Map.of("x-cardsavr-envelope-id", nestedEnvelope));
        Reply flatReply = client.put(job(flat.jobId()) + "/", Map.of("tfa", "777"),
                Map.of("x-cardsavr-envelope-id", flatEnvelope));

        assertThat(nestedReply.map()).containsEntry("id", (int) nested.jobId()).containsEntry("status",
                "TFA_CODE_RECEIVED");
        assertThat(flatReply.map()).containsEntry("status", "TFA_CODE_RECEIVED");
        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(nested.jobId()).terminated()
                && SIM.admin().job(flat.jobId()).terminated());
        assertThat(SIM.admin().job(nested.jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(SIM.admin().job(flat.jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(SIM.admin().job(flat.jobId()).answers().get(0).via()).isEqualTo(ReceivedAnswer.VIA_JOB_PUT);
    }

    @Test
    void securityQuestionsAcceptAnyNonEmptyAnswers() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.SECURITY, null);
        Map<String, Object> request = awaitRequest(job.jobId());
        assertThat(request).containsEntry("type", "security");
        assertThat(SIM.admin().job(job.jobId()).status()).isEqualTo("PENDING");

        client.put(job(job.jobId()), Map.of("account", Map.of("account_link",
                Map.of("security_answer_1", "Smith", "security_answer_2", "Rex"))),
                Map.of("x-cardsavr-envelope-id", (String) request.get("envelope_id")));

        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(job.jobId()).terminated());
        assertThat(SIM.admin().job(job.jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(SIM.admin().answerValues(job.jobId()).values()).singleElement()
                .isEqualTo(Map.of("security_answer_1", "Smith", "security_answer_2", "Rex"));
    }

    @Test
    void badEmailAsksForNewCredentials() {
        CreatedJob viaPut = SIM.admin().createJob(SimulatorSites.BAD_EMAIL, null);
        CreatedJob viaMessage = SIM.admin().createJob(SimulatorSites.BAD_EMAIL, null);
        CreatedJob refused = SIM.admin().createJob(SimulatorSites.BAD_EMAIL, null);
        Map<String, Object> request = awaitRequest(viaPut.jobId());
        assertThat(request).containsEntry("type", "credential_request");
        assertThat((List<Map<String, Object>>) request.get("account_link"))
                .extracting(f -> f.get("key_name"), f -> f.get("secret"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("username", false),
                        org.assertj.core.groups.Tuple.tuple("password", true));
        assertThat(SIM.admin().job(viaPut.jobId()).status()).isEqualTo("PENDING_NEWCREDS");

        client.put(job(viaPut.jobId()), Map.of("account", Map.of("account_link",
                Map.of("username", "good_email", "password", "new-pass"))),
                Map.of("x-cardsavr-envelope-id", (String) request.get("envelope_id")));
        client.post(credentialResponses(viaMessage.jobId()), Map.of("envelope_id",
                awaitRequest(viaMessage.jobId()).get("envelope_id"), "type", "credential_request", "message", "success"));
        client.post(credentialResponses(refused.jobId()), Map.of("envelope_id",
                awaitRequest(refused.jobId()).get("envelope_id"), "type", "credential_request", "message", "nope"));

        await().atMost(Duration.ofSeconds(5)).until(() -> SIM.admin().job(viaPut.jobId()).terminated()
                && SIM.admin().job(viaMessage.jobId()).terminated() && SIM.admin().job(refused.jobId()).terminated());
        assertThat(SIM.admin().job(viaPut.jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(SIM.admin().job(viaMessage.jobId()).terminationType()).isEqualTo("BILLABLE");
        assertThat(SIM.admin().job(refused.jobId()).status()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(SIM.admin().job(refused.jobId()).terminationType()).isEqualTo("USER_DATA_FAILURE");
    }

    @Test
    void unansweredRequestsExpireOnTheSimulatorClock() {
        CreatedJob tfa = SIM.admin().createJob(SimulatorSites.TFA, null);
        CreatedJob badEmail = SIM.admin().createJob(SimulatorSites.BAD_EMAIL, null);
        String envelope = (String) awaitRequest(tfa.jobId()).get("envelope_id");
        awaitRequest(badEmail.jobId());

        SIM.admin().advanceClock(Duration.ofMinutes(3));
        assertThat(SIM.admin().job(tfa.jobId()).terminated()).isFalse();
        SIM.admin().advanceClock(Duration.ofMinutes(1).plusSeconds(1));

        assertThat(SIM.admin().job(tfa.jobId()).status()).isEqualTo("TIMEOUT_TFA");
        assertThat(SIM.admin().job(tfa.jobId()).terminationType()).isEqualTo("USER_DATA_FAILURE");
        assertThat(SIM.admin().job(badEmail.jobId()).status()).isEqualTo("TIMEOUT_CREDENTIALS");
        assertThat(client.get(credentialRequests(tfa.jobId())).list()).isEmpty();
        Reply late = client.post(credentialResponses(tfa.jobId()),
                Map.of("envelope_id", envelope, "type", "tfa_request", "message", "1234"));
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.errorName()).isEqualTo("EnvelopeNotFound");
    }

    @Test
    void requestsExpireInRealTimeWithAShortTimeout() {
        try (CardsavrSimulator quick = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(1))
                .credentialRequestTimeout(Duration.ofMillis(300)).start()) {
            CreatedJob job = quick.admin().createJob(SimulatorSites.TFA, null);

            await().atMost(Duration.ofSeconds(5)).until(() -> quick.admin().job(job.jobId()).terminated());

            assertThat(quick.admin().job(job.jobId()).status()).isEqualTo("TIMEOUT_TFA");
        }
    }

    @Test
    void injectedRequestsOnManualJobsAndTheirAnswers() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        String envelope = SIM.admin().injectCredentialRequest(job.jobId(), "tfa", List.of("tfa"));
        Map<String, Object> body = Map.of("envelope_id", envelope, "type", "tfa", "message", "42");

        Reply first = client.post(credentialResponses(job.jobId()), body);
        Reply repeated = client.post(credentialResponses(job.jobId()), body);
        Reply conflicting = client.post(credentialResponses(job.jobId()),
                Map.of("envelope_id", envelope, "type", "tfa", "message", "43"));
        Reply unknown = client.post(credentialResponses(job.jobId()),
                Map.of("envelope_id", "bm9wZQ==", "type", "tfa", "message", "1"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeated.status()).as("a retried identical answer is accepted again").isEqualTo(200);
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(SIM.admin().job(job.jobId()).answers()).hasSize(1);
        assertThat(SIM.admin().job(job.jobId()).status()).isEqualTo("REQUESTED");
    }

    @Test
    void malformedAnswersAreRefusedWithTheProperty() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        String envelope = SIM.admin().injectCredentialRequest(job.jobId(), "credential_request",
                List.of("username", "password"));

        Reply noEnvelope = client.post(credentialResponses(job.jobId()), Map.of("type", "t", "message", "m"));
        Reply noMessage = client.post(credentialResponses(job.jobId()), Map.of("envelope_id", envelope, "type", "t"));
        Reply noType = client.post(credentialResponses(job.jobId()), Map.of("envelope_id", envelope, "message", "m"));
        Reply putWithoutHeader = client.put(job(job.jobId()), Map.of("tfa", "1"), Map.of());
        Reply putWithoutAnswer = client.put(job(job.jobId()), Map.of("account", Map.of()),
                Map.of("x-cardsavr-envelope-id", envelope));

        assertThat(noEnvelope.errorProperty()).isEqualTo("envelope_id");
        assertThat(noMessage.errorProperty()).isEqualTo("message");
        assertThat(noType.errorProperty()).isEqualTo("type");
        assertThat(putWithoutHeader.status()).isEqualTo(400);
        assertThat(putWithoutHeader.errorProperty()).isEqualTo("x-cardsavr-envelope-id");
        assertThat(putWithoutAnswer.errorProperty()).isEqualTo("account");
        assertThat(SIM.admin().job(job.jobId()).openCredentialRequests()).hasSize(1);
        assertThat(client.get(job(job.jobId())).map()).containsEntry("status", "REQUESTED");
    }

    private Map<String, Object> awaitRequest(long jobId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.get(credentialRequests(jobId)).list().isEmpty());
        return client.get(credentialRequests(jobId)).list().get(0);
    }
}
