package io.github.camelcardsavr.client;

import io.github.camelcardsavr.simulator.CardsavrSimulatorExtension;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelcardsavr.client.Calls.await;
import static io.github.camelcardsavr.client.Calls.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS: a trusted certificate works, also through a proxy tunnel; an untrusted one, and a trusted one that does not name
 * the host, are refused (verification is never switched off).
 */
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
            assertThat(e.getMessage()).contains("TLS error (SSLHandshakeException): the server's certificate is not trusted");
        }
    }
    @Test
    void httpsTravelsThroughAProxyTunnel() throws Exception {
        int port = SIM.getSimulator().getPort();
        try (RecordingProxy proxy = new RecordingProxy();
             CardsavrClient client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator())
                     .sslContext(SIM.getSimulator().getClientSslContext())
                     .proxyHost("127.0.0.1").proxyPort(proxy.port()).build())) {
            CreatedJob job = SIM.getSimulator().admin().createJob(SimulatorSites.MANUAL, null);
            assertThat(await(client.subscribe(job.jobId())).getAccessKey()).isNotBlank();
            assertThat(proxy.forwarded()).isNotEmpty().allSatisfy(line -> assertThat(line).isEqualTo("CONNECT 127.0.0.1:" + port));
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        // The certificate names localhost, 127.0.0.1 and ::1. The proxy takes the client to the simulator under a name
        // the certificate does not list (and no resolver knows), so trust succeeds and only the name check can fail.
        String unnamedHost = "cardsavr-simulator.invalid";
        int port = SIM.getSimulator().getPort();
        try (RecordingProxy proxy = new RecordingProxy();
             CardsavrClient client = CardsavrClient.create(SimulatorClients.signed(SIM.getSimulator())
                     .baseUrl("https://" + unnamedHost + ":" + port)
                     .sslContext(SIM.getSimulator().getClientSslContext())
                     .proxyHost("127.0.0.1").proxyPort(proxy.port()).build())) {
            proxy.alias(unnamedHost, "127.0.0.1");

            CardsavrException e = failure(client.login());

            assertThat(proxy.forwarded()).as("the TLS handshake reached the simulator").contains("CONNECT " + unnamedHost + ":" + port);
            assertThat(e.getReason()).isEqualTo(CardsavrException.Reason.CONNECTION);
            assertThat(e.getMessage()).isEqualTo("login POST /session/login failed: TLS error (SSLPeerUnverifiedException):"
                    + " the server's certificate does not name the host of baseUrl");
        }
    }
}
