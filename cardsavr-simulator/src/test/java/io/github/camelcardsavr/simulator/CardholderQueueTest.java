package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.cardholder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cardholder's queue carries every message of all its jobs, destructively. */
class CardholderQueueTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    @Test
    void messagesOfAllJobsOfACardholderArriveInOneQueue() {
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");
        long cardholderId = SIM.admin().createCardholder();
        CreatedJob first = SIM.admin().createJob(SimulatorSites.MANUAL, cardholderId);
        CreatedJob second = SIM.admin().createJob(JobSpec.builder().site(SimulatorSites.MANUAL)
                .cardholderId(cardholderId).build());
        SIM.admin().injectMessage(first.jobId(), Map.of("status", "AUTH"));

        List<Map<String, Object>> messages = client.get(cardholder(cardholderId)).list();
        List<Map<String, Object>> again = client.get(cardholder(cardholderId) + "/").list();

        assertThat(first.cardholderId()).isEqualTo(cardholderId);
        assertThat(second.cardholderId()).isEqualTo(cardholderId);
        assertThat(messages).extracting(m -> m.get("job_id"))
                .containsExactly((int) first.jobId(), (int) second.jobId(), (int) first.jobId());
        assertThat(again).isEmpty();
        assertThat(SIM.admin().job(first.jobId()).cardholderMessagesDelivered()).isEqualTo(2);
        assertThat(SIM.admin().cardholderPolls(cardholderId)).isEqualTo(2);
    }

    @Test
    void aJobWithoutCardholderGetsANewOne() {
        CreatedJob a = SIM.admin().createJob(SimulatorSites.MANUAL, null);
        CreatedJob b = SIM.admin().createJob(SimulatorSites.MANUAL, null);

        assertThat(a.cardholderId()).isNotEqualTo(b.cardholderId());
        assertThat(b.jobId()).isGreaterThan(a.jobId()).isGreaterThan(100);
    }

    @Test
    void unknownCardholdersAreRefused() {
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");

        Reply reply = client.get(cardholder(987_654));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorProperty()).isEqualTo("cardholder_id");
        assertThatThrownBy(() -> SIM.admin().createJob(SimulatorSites.GOOD_EMAIL, 987_654L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("987654");
    }
}
