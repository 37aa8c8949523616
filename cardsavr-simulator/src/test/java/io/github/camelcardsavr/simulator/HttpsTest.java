package io.github.camelcardsavr.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTPS with a certificate generated at start: untrusted by default, fine once a client trusts it. */
class HttpsTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = CardsavrSimulatorExtension.configure(b -> b.https(true));

    @Test
    void clientsTrustingTheCertificateCompleteASignedLogin() {
        assertThat(SIM.getBaseUrl()).startsWith("https://127.0.0.1:");

        Reply login = RawCardsavrClient.of(SIM.getSimulator()).signedLogin("agent", "agent-password");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.signatureValid()).isTrue();
    }

    @Test
    void theDefaultTrustStoreRejectsTheSelfSignedCertificate() {
        HttpClient defaultTrust = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIM.getBaseUrl() + "/_simulator")).build();

        assertThatThrownBy(() -> defaultTrust.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theCertificateAndTrustStoreAreExposed() throws Exception {
        X509Certificate certificate = SIM.getSimulator().getCertificate();
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(SIM.getSimulator().getTrustStore());

        assertThat(names).contains("127.0.0.1", "localhost");
        assertThat(SIM.getSimulator().getTrustStore().getCertificate("cardsavr-simulator")).isEqualTo(certificate);
        assertThat(SIM.getSimulator().getCertificatePem()).contains("BEGIN CERTIFICATE");
        HttpResponse<String> info = HttpClient.newBuilder().sslContext(SIM.getSimulator().getClientSslContext()).build()
                .send(HttpRequest.newBuilder(URI.create(SIM.getBaseUrl() + "/_simulator")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
    }

    @Test
    void plainSimulatorsHaveNoCertificate() {
        try (CardsavrSimulator plain = CardsavrSimulator.builder().start()) {
            assertThatThrownBy(plain::getCertificate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("https(true)");
        }
    }
}
