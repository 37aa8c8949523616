package io.github.camelcardsavr.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirehoseTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    @Test
    @SuppressWarnings("unchecked")
    void everyPollAnswersTheSameMessagesOfItsJobWithoutDrainingAndIsObserved() {
        CardsavrSimulator simulator = SIM.getSimulator();
        CreatedJob job = simulator.admin().createJob(SimulatorSites.MANUAL);
        List<Long> observed = new CopyOnWriteArrayList<>();
        simulator.admin().observeFirehosePolls(observed::add);
        simulator.admin().firehose(3);
        RawCardsavrClient client = RawCardsavrClient.of(simulator);
        client.signedLogin("agent", "agent-password");
        try {
            for (int poll = 0; poll < 2; poll++) {
                List<Map<String, Object>> messages = client.get(broadcasts(job.jobId()), key(job.accessKey())).list();
                assertThat(messages).hasSize(3).allSatisfy(m -> {
                    assertThat(m).containsEntry("type", "job_status");
                    assertThat(((Number) m.get("job_id")).longValue()).isEqualTo(job.jobId());
                    assertThat((Map<String, Object>) m.get("message")).containsEntry("status", "UPDATING")
                            .doesNotContainKey("termination_type");
                });
            }
            assertThat(observed).containsExactly(job.jobId(), job.jobId());
            simulator.admin().firehose(0);
            simulator.admin().observeFirehosePolls(null);
            assertThat(client.get(broadcasts(job.jobId()), key(job.accessKey())).list())
                    .as("off again: the channel's own queue, which the firehose left alone")
                    .extracting(m -> ((Map<String, Object>) m.get("message")).get("status")).containsExactly("REQUESTED");
        } finally {
            simulator.admin().firehose(0);
        }
        assertThatThrownBy(() -> simulator.admin().firehose(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
