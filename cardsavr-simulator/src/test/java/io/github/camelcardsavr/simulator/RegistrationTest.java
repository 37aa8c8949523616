package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.registrations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both registration methods (seed: GET, SDK: POST {"job_id"}), trailing slashes, and the 405 switches. */
class RegistrationTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private RawCardsavrClient client;
    private long jobId;

    @BeforeEach
    void logIn() {
        client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");
        jobId = SIM.admin().createJob(SimulatorSites.MANUAL, null).jobId();
    }

    @Test
    void postAndGetBothRegisterWithDistinctKeys() {
        Reply post = client.post(registrations(jobId), Map.of("job_id", jobId));
        Reply get = client.get(registrations(jobId));
        Reply postWithStringId = client.post(registrations(jobId) + "/", Map.of("job_id", Long.toString(jobId)));
        Reply getWithSlash = client.get(registrations(jobId) + "/");

        assertThat(post.status()).isEqualTo(200);
        assertThat(get.status()).isEqualTo(200);
        assertThat(postWithStringId.status()).isEqualTo(200);
        assertThat(getWithSlash.status()).isEqualTo(200);
        assertThat(java.util.Set.of(post.map().get("access_key"), get.map().get("access_key"),
                postWithStringId.map().get("access_key"), getWithSlash.map().get("access_key"))).hasSize(4);
        // Four subscribers plus the creator's implicit channel.
        assertThat(SIM.admin().broadcastPolls(jobId)).hasSize(5);
    }

    @Test
    void aBodyForAnotherJobOrAnUnknownJobIsRefused() {
        Reply mismatch = client.post(registrations(jobId), Map.of("job_id", jobId + 1));
        Reply unknown = client.get(registrations(999_999));
        Reply notANumber = client.get("/messages/place_card_on_single_site_jobs/abc/broadcasts/registrations");

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.errorProperty()).isEqualTo("job_id");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorName()).isEqualTo("JobNotFound");
        assertThat(notANumber.status()).isEqualTo(400);
    }

    @Test
    void postCanBeSwitchedOffSoClientsFallBackToGet() {
        SIM.admin().faults().registrationPostUnsupported(true);

        Reply post = client.post(registrations(jobId), Map.of("job_id", jobId));
        Reply get = client.get(registrations(jobId));

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET");
        assertThat(post.errorName()).isEqualTo("MethodNotAllowed");
        assertThat(post.signatureValid()).isTrue();
        assertThat(get.status()).isEqualTo(200);
    }

    @Test
    void getCanBeSwitchedOffToo() {
        SIM.admin().faults().registrationGetUnsupported(true);

        assertThat(client.get(registrations(jobId)).status()).isEqualTo(405);
        assertThat(client.post(registrations(jobId), Map.of("job_id", jobId)).status()).isEqualTo(200);
        SIM.admin().faults().registrationPostUnsupported(true);
        assertThat(client.post(registrations(jobId), Map.of("job_id", jobId)).status()).isEqualTo(405);
    }

    @Test
    void otherMethodsAreNotAllowed() {
        Reply delete = client.call("DELETE", registrations(jobId), null, Map.of());

        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("GET, POST");
    }
}
