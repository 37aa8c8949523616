package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An outage of the listener keeps every job, session and queued message; clients see connection errors. */
class ServerRestartTest {

    @Test
    void stoppingAndRestartingTheServerKeepsState() {
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5)).start()) {
            RawCardsavrClient client = RawCardsavrClient.of(simulator);
            client.signedLogin("agent", "agent-password");
            int port = simulator.getPort();
            CreatedJob job = simulator.admin().createJob(SimulatorSites.GOOD_EMAIL, null);

            simulator.stopServer();

            assertThat(simulator.isRunning()).isFalse();
            assertThatThrownBy(() -> client.get(broadcasts(job.jobId()), key(job.accessKey())))
                    .hasRootCauseInstanceOf(IOException.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.admin().job(job.jobId()).terminated());

            simulator.startServer();

            assertThat(simulator.getPort()).isEqualTo(port);
            List<Map<String, Object>> messages = client.get(broadcasts(job.jobId()), key(job.accessKey())).list();
            assertThat(ScenarioTest.statuses(messages)).extracting(s -> s.get("status"))
                    .startsWith("REQUESTED").endsWith("SUCCESSFUL");
            assertThatThrownBy(simulator::startServer).isInstanceOf(IllegalStateException.class);
        }
    }
}
