package io.github.camelcardsavr.client;

import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.Calls.await;
import static org.assertj.core.api.Assertions.assertThat;

/** With proxyHost set, every call travels through the proxy (here a recording one on loopback). */
class ProxySimulatorTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    @Test
    void everyCallGoesThroughTheProxy() throws Exception {
        SimulatorAdmin admin = SIM.getSimulator().admin();
        CreatedJob job = admin.createJob(SimulatorSites.MANUAL, null);
        String base = SIM.getSimulator().getBaseUrl();
        long simulatorCallsBefore = admin.requestCount("/");
        try (RecordingProxy proxy = new RecordingProxy();
             CardsavrClient client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator())
                     .proxyHost("127.0.0.1").proxyPort(proxy.port()).allowInsecureHttp(true).build())) {
            String key = await(client.subscribe(job.jobId())).getAccessKey();
            await(client.pollJobBroadcasts(job.jobId(), key));
            await(client.pollCredentialRequests(job.jobId()));

            String jobPath = "/messages/place_card_on_single_site_jobs/" + job.jobId();
            assertThat(proxy.forwarded()).containsExactly("POST " + base + "/session/login",
                    "POST " + base + jobPath + "/broadcasts/registrations", "GET " + base + jobPath + "/broadcasts",
                    "GET " + base + jobPath + "/credential_requests");
            assertThat(admin.requestCount("/") - simulatorCallsBefore).as("calls the simulator saw").isEqualTo(4);
        }
    }
}
