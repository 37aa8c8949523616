package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.model.Subscription;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS against the simulator's https mode (a self-signed certificate made at start): refused by default with a clear
 * certificate error, working with sslContextParameters that trust the certificate. Plain http:// to a host that is not
 * loopback is refused unless allowInsecureHttp=true.
 */
class TlsAndInsecureHttpTest {

    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    Path dir;

    @Test
    void untrustedCertificateFailsEveryPollWithAClearTlsError() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(b -> b.https(true));
             LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(2, 5);
            assertThat(h.simulator.getBaseUrl()).startsWith("https://");
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);

            ReliabilityHarness.await().until(() -> h.handler.handled().size() >= 3);
            assertThat(h.handler.handled()).allSatisfy(e -> {
                assertThat(e).isInstanceOf(CardsavrException.class);
                assertThat(((CardsavrException) e).getReason()).isEqualTo(CardsavrException.Reason.CONNECTION);
                assertThat(e.getMessage()).contains("TLS error (SSLHandshakeException)");
                assertThat(e).hasRootCauseInstanceOf(CertPathBuilderException.class);
                assertThat(e.getCause()).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("unable to find valid certification path");
            });
            assertThat(h.admin().requestCounts()).as("no request got through the handshake").isEmpty();
            ReliabilityHarness.await().until(() -> h.health.samples().stream()
                    .anyMatch(s -> s.state() == HealthCheck.State.DOWN
                                   && s.details().contains("SSLHandshakeException")));
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("TLS error"));

            assertThatThrownBy(() -> h.context().createProducerTemplate()
                    .requestBodyAndHeader("cardsavr:subscribe", null, CardsavrConstants.JOB_ID, ids.get(0)))
                    .hasRootCauseInstanceOf(CertPathBuilderException.class)
                    .cause().hasMessageContaining("TLS error");
        }
    }

    @Test
    void sslContextParametersTrustingTheCertificateDeliverEverything() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(b -> b.https(true));
             LogRecorder logs = new LogRecorder(Level.WARN)) {
            SSLContextParameters tls = trusting(h.simulator);
            List<Long> ids = h.manualJobs(3, 10);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null,
                    config -> config.setSslContextParameters(tls));
            h.awaitSubscribed(ids);
            long started = System.nanoTime();
            h.emitAll(ids, 10, FaultRows.PERIOD_MILLIS);
            h.awaitAllDelivered();
            FaultFigures figures = FaultFigures.of("tls-trusted-self-signed", h, started).print();
            RowRecord.absorbed("tls-trusted-self-signed", "https simulator, `sslContextParameters` trusting its"
                                                          + " certificate")
                    .counts(figures)
                    .noFailures(figures)
                    .readinessUp(h)
                    .log(logs, null, h.secrets())
                    .record();
        }
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefusedUnlessAllowed() throws Exception {
        String refused = "baseUrl uses plain http:// to non-loopback host cardsavr.example.com; use https:// or set"
                         + " allowInsecureHttp=true";
        assertThatThrownBy(() -> startProducer("http://cardsavr.example.com", false))
                .hasRootCauseMessage(refused);
        assertThatThrownBy(() -> startProducer("http://10.1.2.3:8080", false))
                .rootCause().hasMessageContaining("plain http:// to non-loopback host 10.1.2.3");
        startProducer("http://cardsavr.example.com", true).stop();
    }

    /** The same with a real non-loopback address of this machine, where the simulator answers. */
    @Test
    void allowInsecureHttpReachesASimulatorOnANonLoopbackAddress() throws Exception {
        Optional<String> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().host("0.0.0.0").start()) {
            String baseUrl = "http://" + address.get() + ":" + simulator.getPort();
            long jobId = simulator.admin().createJob(SimulatorSites.MANUAL).getJobId();

            assertThatThrownBy(() -> startProducer(baseUrl, false, simulator)).rootCause()
                    .hasMessageContaining("plain http:// to non-loopback host " + address.get());
            assertThat(simulator.admin().requestCounts()).isEmpty();

            CamelContext context = startProducer(baseUrl, true, simulator);
            try {
                Subscription subscription = context.createProducerTemplate()
                        .requestBodyAndHeader("direct:subscribe", null, CardsavrConstants.JOB_ID, jobId, Subscription.class);
                assertThat(subscription.getAccessKey()).isNotBlank();
            } finally {
                context.stop();
            }
        }
    }

    private static CamelContext startProducer(String baseUrl, boolean allowInsecureHttp) throws Exception {
        return startProducer(baseUrl, allowInsecureHttp, null);
    }

    private static CamelContext startProducer(String baseUrl, boolean allowInsecureHttp, CardsavrSimulator simulator)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        String credentials = simulator == null
                ? "authMode=unsigned&username=agent&password=RAW(agent-password)"
                : "integratorName=" + simulator.getIntegratorName() + "&integratorKey=RAW(" + simulator.getIntegratorKey()
                  + ")&username=agent&password=RAW(agent-password)";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:subscribe").to("cardsavr:subscribe?baseUrl=" + baseUrl + "&allowInsecureHttp="
                                            + allowInsecureHttp + "&" + credentials);
            }
        });
        try {
            context.start();
        } catch (RuntimeException e) {
            context.stop();
            throw e;
        }
        return context;
    }

    private SSLContextParameters trusting(CardsavrSimulator simulator) throws Exception {
        Path trustStore = dir.resolve("simulator-truststore.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            simulator.getTrustStore().store(out, STORE_PASSWORD.toCharArray());
        }
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore);
        store.setPassword(STORE_PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private static Optional<String> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
