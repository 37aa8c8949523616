package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.key;
import static io.github.camelcardsavr.simulator.ApiPaths.registrations;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Destructive per-channel queues: every access key drains its own copy, once, within the retention. */
class BroadcastChannelTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = CardsavrSimulatorExtension.configure(
            b -> b.clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC)));

    private RawCardsavrClient client;
    private CreatedJob job;

    @BeforeEach
    void setUp() {
        client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");
        job = SIM.admin().createJob(SimulatorSites.MANUAL, null);
    }

    @Test
    void theCreatorsChannelHoldsEverythingSinceCreation() {
        List<Map<String, Object>> messages = client.get(broadcasts(job.jobId()), key(job.accessKey())).list();

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0)).containsEntry("type", "job_status").containsEntry("job_id", (int) job.jobId());
        assertThat((Map<String, Object>) messages.get(0).get("message")).containsEntry("status", "REQUESTED");
    }

    @Test
    void eachChannelDrainsItsOwnCopyOnce() {
        String second = (String) client.get(registrations(job.jobId())).map().get("access_key");
        client.get(broadcasts(job.jobId()), key(job.accessKey()));
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "AUTH", "percent_complete", 1.5));
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "AUTH", "percent_complete", 3));

        List<Map<String, Object>> first = client.get(broadcasts(job.jobId()), key(job.accessKey())).list();
        List<Map<String, Object>> firstAgain = client.get(broadcasts(job.jobId()), key(job.accessKey())).list();
        List<Map<String, Object>> other = client.get(broadcasts(job.jobId()) + "/",
                Map.of(ApiPaths.SDK_ACCESS_KEY, second)).list();

        assertThat(first).hasSize(2);
        assertThat(first).extracting(m -> (Object) ((Map<?, ?>) m.get("message")).get("percent_complete"))
                .containsExactly(1.5, 3);
        assertThat(firstAgain).isEmpty();
        assertThat(other).isEqualTo(first);
        JobView view = SIM.admin().job(job.jobId());
        assertThat(view.broadcastPolls()).containsEntry(job.accessKey(), 3).containsEntry(second, 1);
        assertThat(view.messagesDelivered()).isEqualTo(1 + 2 + 2);
        assertThat(view.messagesPublished()).isEqualTo(3);
    }

    @Test
    void aLateSubscriberSeesOnlyWhatIsPublishedAfterItRegistered() {
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "QUEUED"));
        String late = (String) client.post(registrations(job.jobId()), Map.of("job_id", job.jobId())).map()
                .get("access_key");
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "AUTH"));

        assertThat(client.get(broadcasts(job.jobId()), key(late)).list())
                .extracting(m -> (Object) ((Map<?, ?>) m.get("message")).get("status")).containsExactly("AUTH");
    }

    @Test
    void unknownMissingForeignOrRevokedKeysAreRefused() {
        CreatedJob other = SIM.admin().createJob(SimulatorSites.MANUAL, null);

        Reply unknown = client.get(broadcasts(job.jobId()), key("bm90LWEta2V5"));
        Reply missing = client.get(broadcasts(job.jobId()));
        Reply foreign = client.get(broadcasts(job.jobId()), key(other.accessKey()));
        SIM.admin().faults().revokeAccessKey(job.accessKey());
        Reply revoked = client.get(broadcasts(job.jobId()), key(job.accessKey()));

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorName()).isEqualTo("InvalidAccessKey");
        assertThat(unknown.errorProperty()).isEqualTo("access_key");
        assertThat(unknown.signatureValid()).isTrue();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorProperty()).isEqualTo("access_key");
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.errorName()).isEqualTo("InvalidAccessKey");
    }

    @Test
    void messagesOlderThanTheRetentionAreDropped() {
        client.get(broadcasts(job.jobId()), key(job.accessKey()));
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "AUTH"));
        SIM.admin().advanceClock(Duration.ofMinutes(59));
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "LOGIN_SUBMITTED"));

        SIM.admin().advanceClock(Duration.ofMinutes(2));
        List<Map<String, Object>> afterOneHour = client.get(broadcasts(job.jobId()), key(job.accessKey())).list();

        assertThat(afterOneHour).extracting(m -> (Object) ((Map<?, ?>) m.get("message")).get("status"))
                .containsExactly("LOGIN_SUBMITTED");
        assertThat(SIM.admin().job(job.jobId()).messagesExpired()).isEqualTo(1);
    }

    @Test
    void injectedMessagesWithATypeAreSentAsTheyAre() {
        client.get(broadcasts(job.jobId()), key(job.accessKey()));
        SIM.admin().injectMessage(job.jobId(), Map.of("type", "tfa_request", "message", "this is not used",
                "envelope_id", "abc=="));

        Map<String, Object> message = client.get(broadcasts(job.jobId()), key(job.accessKey())).list().get(0);

        assertThat(message).containsEntry("type", "tfa_request").containsEntry("message", "this is not used")
                .containsEntry("job_id", (int) job.jobId());
    }

    @Test
    void anInjectedTerminationEndsTheJob() {
        SIM.admin().injectMessage(job.jobId(), Map.of("status", "SUCCESSFUL", "percent_complete", 100,
                "termination_type", "BILLABLE"));

        JobView view = SIM.admin().job(job.jobId());
        assertThat(view.terminated()).isTrue();
        assertThat(view.getTerminationType()).isEqualTo("BILLABLE");
        assertThat(view.getStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void aServerThatKnowsOneHeaderSpellingIgnoresTheOther() {
        SIM.admin().faults().onlyAccessKeyHeader(ApiPaths.SDK_ACCESS_KEY);
        Reply seedSpellingOnly = client.get(broadcasts(job.jobId()), Map.of("cardsavr-messaging-access-key",
                job.accessKey()));
        Reply sdkSpelling = client.get(broadcasts(job.jobId()), Map.of(ApiPaths.SDK_ACCESS_KEY, job.accessKey()));

        assertThat(seedSpellingOnly.status()).isEqualTo(400);
        assertThat(sdkSpelling.status()).isEqualTo(200);
        assertThat(sdkSpelling.list()).hasSize(1);
    }
}
