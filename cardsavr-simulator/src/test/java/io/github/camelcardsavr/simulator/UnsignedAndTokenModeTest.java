package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.registrations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Development (unsigned) instances and admin-minted session tokens: plain JSON, no signatures. */
class UnsignedAndTokenModeTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension UNSIGNED = CardsavrSimulatorExtension.configure(b -> b.signed(false));

    @Test
    void unsignedLoginAndCallsArePlainJson() {
        RawCardsavrClient client = RawCardsavrClient.of(UNSIGNED.getSimulator());
        long jobId = UNSIGNED.admin().createJob(SimulatorSites.MANUAL, null).jobId();

        Reply login = client.unsignedLogin("agent", "agent-password");
        Reply registration = client.post(registrations(jobId), Map.of("job_id", jobId));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.encrypted()).isFalse();
        assertThat(login.header("x-cardsavr-signature")).isNull();
        assertThat(login.map()).containsKeys("session_token", "user_id", "user").doesNotContainKey("server_public_key");
        assertThat(registration.status()).isEqualTo(200);
        assertThat(registration.rawBody()).startsWith("{\"access_key\"");
    }

    @Test
    void theSeedsUserNameSpellingIsAccepted() {
        RawCardsavrClient client = RawCardsavrClient.of(UNSIGNED.getSimulator());
        Reply login = client.send("POST", "/session/login",
                RawCardsavrClient.json(Map.of("userName", "agent", "password", "agent-password")), null, Map.of(),
                false);

        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsAndMissingFieldsAreRefused() {
        RawCardsavrClient client = RawCardsavrClient.of(UNSIGNED.getSimulator());

        assertThat(client.unsignedLogin("agent", "nope").status()).isEqualTo(401);
        Reply missing = client.send("POST", "/session/login", "{\"username\":\"agent\"}", null, Map.of(), false);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorProperty()).isEqualTo("password");
        Reply notJson = client.send("POST", "/session/login", "{not json", null, Map.of(), false);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorName()).isEqualTo("InvalidBody");
    }

    @Test
    void signedClientsStillWorkAgainstAnUnsignedInstance() {
        RawCardsavrClient client = RawCardsavrClient.of(UNSIGNED.getSimulator());
        long jobId = UNSIGNED.admin().createJob(SimulatorSites.MANUAL, null).jobId();

        assertThat(client.signedLogin("agent", "agent-password").status()).isEqualTo(200);
        Reply registration = client.post(registrations(jobId), Map.of("job_id", jobId));

        assertThat(registration.status()).isEqualTo(200);
        assertThat(registration.encrypted()).isTrue();
        assertThat(registration.signatureValid()).isTrue();
    }

    @Test
    void adminTokensWorkPlainEvenOnASignedInstance() {
        try (CardsavrSimulator signed = CardsavrSimulator.builder().stepDelay(java.time.Duration.ofMillis(5)).start()) {
            long jobId = signed.admin().createJob(SimulatorSites.MANUAL, null).jobId();
            RawCardsavrClient client = RawCardsavrClient.of(signed).useToken(signed.admin().issueSessionToken("agent"));

            Reply registration = client.get(registrations(jobId));

            assertThat(registration.status()).isEqualTo(200);
            assertThat(registration.encrypted()).isFalse();
            assertThat(registration.map()).containsKey("access_key");
        }
    }

    @Test
    void tokensOfAnotherInstanceOrUnknownUsersAreRefused() {
        String foreign;
        try (CardsavrSimulator other = CardsavrSimulator.builder().start()) {
            foreign = other.admin().issueSessionToken("agent");
        }
        RawCardsavrClient client = RawCardsavrClient.of(UNSIGNED.getSimulator()).useToken(foreign);
        long jobId = UNSIGNED.admin().createJob(SimulatorSites.MANUAL, null).jobId();

        assertThat(client.get(registrations(jobId)).errorName()).isEqualTo("InvalidSession");
        assertThatThrownBy(() -> UNSIGNED.admin().issueSessionToken("mallory"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mallory");
    }
}
