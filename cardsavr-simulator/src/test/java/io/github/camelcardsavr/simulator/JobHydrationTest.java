package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.credentialRequests;
import static io.github.camelcardsavr.simulator.ApiPaths.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code x-cardsavr-hydration: ["credential_requests"]} on the job: how Strivve's JavaScript SDK
 * ({@code CardholderQuery}) finds the request behind a PENDING status.
 */
class JobHydrationTest {

    private static final Map<String, String> HYDRATE = Map.of("x-cardsavr-hydration", "[\"credential_requests\"]");

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private RawCardsavrClient client;

    @BeforeEach
    void logIn() {
        client = RawCardsavrClient.of(SIM.getSimulator()).speakingCbc();
        client.signedLogin("agent", "agent-password");
    }

    @Test
    void aPendingJobCarriesItsOpenRequestWhenHydrated() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.TFA, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.get(credentialRequests(created.jobId())).list().isEmpty());

        Map<String, Object> hydrated = client.get(job(created.jobId()), HYDRATE).map();
        Map<String, Object> plain = client.get(job(created.jobId())).map();

        assertThat(hydrated).containsEntry("id", (int) created.jobId()).containsEntry("status", "PENDING_TFA");
        List<Map<String, Object>> requests = requests(hydrated);
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request).containsEntry("type", "tfa_request").containsEntry("job_id", (int) created.jobId());
            assertThat(request.get("envelope_id")).isEqualTo(
                    SIM.admin().job(created.jobId()).openCredentialRequests().get(0).envelopeId());
            assertThat(request.get("account_link")).asList().hasSize(1);
        });
        assertThat(requests).isEqualTo(client.get(credentialRequests(created.jobId())).list());
        assertThat(plain).doesNotContainKey("credential_requests");
    }

    @Test
    void aJobWithNothingOpenHydratesAnEmptyArrayAndAnAnswerReplyIsHydratedToo() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        assertThat(requests(client.get(job(created.jobId()), HYDRATE).map())).isEmpty();
        String first = SIM.admin().injectCredentialRequest(created.jobId(), "tfa", List.of("tfa"));
        String second = SIM.admin().injectCredentialRequest(created.jobId(), "tfa", List.of("tfa"));

        Map<String, String> headers = Map.of("x-cardsavr-envelope-id", first, "x-cardsavr-hydration",
                "[\"card\", \"credential_requests\", \"cardholder\"]");
        Reply answered = client.put(job(created.jobId()), Map.of("tfa", "42"), headers);

        assertThat(requests(answered.map())).extracting(r -> r.get("envelope_id")).containsExactly(second);
    }

    @Test
    void aMalformedHydrationHeaderIsRefusedBeforeAnythingHappens() {
        CreatedJob created = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        String envelope = SIM.admin().injectCredentialRequest(created.jobId(), "tfa", List.of("tfa"));

        Reply notArray = client.get(job(created.jobId()), Map.of("x-cardsavr-hydration", "credential_requests"));
        Reply notNames = client.put(job(created.jobId()), Map.of("tfa", "42"),
                Map.of("x-cardsavr-envelope-id", envelope, "x-cardsavr-hydration", "[1]"));

        assertThat(notArray.status()).isEqualTo(400);
        assertThat(notArray.errorProperty()).isEqualTo("x-cardsavr-hydration");
        assertThat(notNames.status()).isEqualTo(400);
        assertThat(SIM.admin().job(created.jobId()).answers()).as("the refused PUT answered nothing").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> requests(Map<String, Object> job) {
        assertThat(job).containsKey("credential_requests");
        return (List<Map<String, Object>>) job.get("credential_requests");
    }
}
