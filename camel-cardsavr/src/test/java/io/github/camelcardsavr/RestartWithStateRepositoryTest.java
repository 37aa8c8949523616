package io.github.camelcardsavr;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route restarted with the same FileStateRepository resumes the same channel (no new subscription) and delivers
 * what the first run had received but not processed.
 */
class RestartWithStateRepositoryTest extends CardsavrTestSupport {

    @TempDir
    Path dir;

    private CamelContext start(File store, long jobId, boolean failOnS3) throws Exception {
        return startWithFileState(store, new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId)
                        .filter(header(CardsavrConstants.STATUS).isEqualTo("S3"))
                            .process(e -> {
                                if (failOnS3) {
                                    throw new IllegalStateException("not today");
                                }
                            })
                        .end()
                        .to("mock:out");
            }
        });
    }

    @Test
    void restartedRouteResumesTheChannelAndLosesNothing() throws Exception {
        File store = dir.resolve("cardsavr-state.dat").toFile();
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();

        CamelContext first = start(store, jobId, true);
        MockEndpoint firstOut = first.getEndpoint("mock:out", MockEndpoint.class);
        await().until(() -> job(jobId).totalBroadcastPolls() >= 1);
        for (int i = 1; i <= 3; i++) {
            admin().injectMessage(jobId, Map.of("status", "S" + i));
        }
        // S1 and S2 are delivered; S3 keeps failing, so the server has handed it out but the route never took it
        await().until(() -> firstOut.getReceivedCounter() == 2 && job(jobId).getMessagesDelivered() >= 3);
        first.stop();
        int channels = admin().broadcastPolls(jobId).size();
        admin().injectMessage(jobId, Map.of("status", "S4", "percent_complete", 100, "termination_type", "BILLABLE"));

        CamelContext second = start(store, jobId, false);
        try {
            MockEndpoint secondOut = second.getEndpoint("mock:out", MockEndpoint.class);
            await().until(() -> secondOut.getReceivedCounter() == 2);
            assertThat(statuses(secondOut.getReceivedExchanges())).containsExactly("S3", "S4");
            // the same access key was used: no new channel appeared
            assertThat(admin().broadcastPolls(jobId)).hasSize(channels);
            // the job's channel and its recovery channel, each registered once, before the restart
            assertThat(admin().requestCount("registrations")).isEqualTo(2);
            // the store never holds the access key in clear
            String content = java.nio.file.Files.readString(store.toPath());
            admin().broadcastPolls(jobId).keySet().forEach(key -> assertThat(content).doesNotContain(key));
        } finally {
            second.stop();
        }
    }
}
