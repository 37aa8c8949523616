package io.github.camelcardsavr.client;

import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.StubClients.await;
import static io.github.camelcardsavr.client.StubClients.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** TLS: a trusted certificate works; an untrusted one is refused (verification is never switched off). */
class HttpsClientSimulatorTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = CardsavrSimulatorExtension.configure(b -> b.https(true));

    @Test
    void trustedSelfSignedCertificateWorks() {
        try (CardsavrClient client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator())
                .sslContext(SIM.getSimulator().getClientSslContext()).build())) {
            assertThat(client.getBaseUrl()).startsWith("https://");
            CreatedJob job = SIM.getSimulator().admin().createJob(SimulatorSites.MANUAL, null);
            assertThat(await(client.subscribe(job.jobId())).getAccessKey()).isNotBlank();
        }
    }

    @Test
    void untrustedCertificateIsRefused() {
        try (CardsavrClient client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator()).build())) {
            CardsavrException e = failure(client.login());
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.CONNECTION);
            assertThat(e.getMessage()).contains("TLS");
        }
    }
}
