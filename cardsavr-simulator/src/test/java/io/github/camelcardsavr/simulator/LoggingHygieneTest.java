package io.github.camelcardsavr.simulator;

import static io.github.camelcardsavr.simulator.ApiPaths.broadcasts;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialRequests;
import static io.github.camelcardsavr.simulator.ApiPaths.credentialResponses;
import static io.github.camelcardsavr.simulator.ApiPaths.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Everything logged at the finest level during a full signed run holds no secret. */
class LoggingHygieneTest {

    private static final String PASSWORD = "hyg13ne-Password";
    private static final String TFA_CODE = "836104";
    private static final String NEW_USER = "new-user-x91";
    private static final String NEW_PASSWORD = "new-pass-x92";

    private final List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
            logged.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureEverything() {
        Logger root = LogManager.getLogManager().getLogger("");
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        Logger root = LogManager.getLogManager().getLogger("");
        root.removeHandler(capture);
        root.setLevel(previousLevel);
    }

    @Test
    void aFullSignedRunLogsRequestLinesButNoSecrets() {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, TFA_CODE, NEW_USER, NEW_PASSWORD));
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(2))
                .user("hygiene", PASSWORD).start()) {
            secrets.add(simulator.getIntegratorKey());
            RawCardsavrClient client = RawCardsavrClient.of(simulator);
            client.signedLogin("hygiene", PASSWORD);
            secrets.add(client.sessionToken());
            secrets.add(Base64.getEncoder().encodeToString(client.sessionKey()));
            CreatedJob tfa = simulator.admin().createJob(JobSpec.builder().site(SimulatorSites.TFA).tfaCode(TFA_CODE).build());
            CreatedJob badEmail = simulator.admin().createJob(SimulatorSites.BAD_EMAIL, null);
            secrets.add(tfa.accessKey());
            secrets.add(badEmail.accessKey());
            String registered = (String) client.get(ApiPaths.registrations(tfa.jobId())).map().get("access_key");
            secrets.add(registered);

            String tfaEnvelope = awaitEnvelope(client, tfa.jobId());
            client.post(credentialResponses(tfa.jobId()), Map.of("envelope_id", tfaEnvelope, "type", "tfa_request",
                    "message", TFA_CODE));
            String credsEnvelope = awaitEnvelope(client, badEmail.jobId());
            client.put(ApiPaths.job(badEmail.jobId()), Map.of("account", Map.of("account_link",
                    Map.of("username", NEW_USER, "password", NEW_PASSWORD))), Map.of("x-cardsavr-envelope-id", credsEnvelope));
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.admin().job(tfa.jobId()).terminated()
                    && simulator.admin().job(badEmail.jobId()).terminated());

            simulator.admin().faults().malformedJson(1.0).dropConnections(0.5).seed(3);
            for (int i = 0; i < 4; i++) {
                try {
                    client.get(broadcasts(tfa.jobId()), key(registered));
                } catch (RuntimeException expected) {
                    // Dropped connections are part of the run.
                }
            }
            simulator.admin().faults().reset().expireSessions();
            client.get(broadcasts(tfa.jobId()), key(registered));
            client.get(broadcasts(tfa.jobId()), key("d3JvbmcteGtleQ=="));

            secrets.add(simulator.admin().job(tfa.jobId()).toString().contains(tfa.accessKey()) ? "leak" : "no-leak-marker");
            assertThat(tfa.toString()).doesNotContain(tfa.accessKey());
            assertThat(simulator.admin().job(tfa.jobId()).toString()).doesNotContain(tfa.accessKey()).doesNotContain(registered);
            assertThat(simulator.toString()).doesNotContain(simulator.getIntegratorKey());
            assertThat(CardsavrSimulator.builder().user("x", PASSWORD).toString()).doesNotContain(PASSWORD);
        }

        String all = String.join("\n", logged);
        assertThat(all).as("request lines are logged at debug level").contains("GET /messages/place_card_on_single_site_jobs/");
        for (String secret : secrets) {
            assertThat(all).as("logs must not contain a secret").doesNotContain(secret);
        }
    }

    private static String awaitEnvelope(RawCardsavrClient client, long jobId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.get(credentialRequests(jobId)).list().isEmpty());
        return (String) client.get(credentialRequests(jobId)).list().get(0).get("envelope_id");
    }
}
