package io.github.camelcardsavr.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrClientConfig;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.github.camelcardsavr.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** No two distinct messages of one job may share a fingerprint, or the recovery channel would swallow one. */
class MessageFingerprintTest {

    @Test
    void everyMessageOfTheRecordedJobHasItsOwnFingerprint() throws Exception {
        JsonNode sample = CardsavrJson.mapper().readTree(Fixtures.recordedCardholderStream());
        List<CardsavrMessage> all = new ArrayList<>();
        for (JsonNode poll : sample.get("polls")) {
            all.addAll(CardsavrJson.parseMessageBatch(CardsavrJson.toJsonBytes(poll)));
        }
        assertThat(all).hasSizeGreaterThan(20);
        assertDistinctPerJob(all);
        // the same message read twice (two channels) has the same fingerprint
        CardsavrMessage first = all.get(0);
        CardsavrMessage again = CardsavrJson.parseMessageBatch(first.getSourceJsonBytes()).get(0);
        assertThat(MessageFingerprint.of(again)).isEqualTo(MessageFingerprint.of(first));
    }

    /** Every synthetic site's whole run, as the simulator publishes it, answered where it asks. */
    @Test
    void everyMessageOfEverySimulatedSiteHasItsOwnFingerprint() {
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().signed(false).stepDelay(Duration.ofMillis(2))
                .start();
             CardsavrClient client = CardsavrClient.create(CardsavrClientConfig.builder()
                     .baseUrl(simulator.getBaseUrl()).authMode(io.github.camelcardsavr.client.AuthMode.UNSIGNED)
                     .username("agent").password("agent-password").build())) {
            long cardholder = simulator.admin().createCardholder();
            List<CreatedJob> jobs = new ArrayList<>();
            for (String site : List.of(SimulatorSites.GOOD_EMAIL, SimulatorSites.TFA, SimulatorSites.BAD_EMAIL,
                    SimulatorSites.SECURITY, SimulatorSites.SITE_FAILURE)) {
                jobs.add(simulator.admin().createJob(site, cardholder));
            }
            List<CardsavrMessage> all = new ArrayList<>();
            Set<String> answered = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                all.addAll(client.pollCardholderMessages(cardholder).join());
                for (CreatedJob job : jobs) {
                    for (CredentialRequest request : client.pollCredentialRequests(job.jobId()).join()) {
                        if (answered.add(request.getEnvelopeId())) {
                            answer(client, request);
                        }
                    }
                }
                return jobs.stream().allMatch(j -> simulator.admin().job(j.jobId()).isTerminated());
            });
            all.addAll(client.pollCardholderMessages(cardholder).join());
            assertThat(all).hasSizeGreaterThan(200);
            assertDistinctPerJob(all);
        }
    }

    private static void answer(CardsavrClient client, CredentialRequest request) {
        if (request.isTfa()) {
            client.putJobTfaCode(request.getJobId(), request.getEnvelopeId(), "1234").join();
            return;
        }
        Map<String, String> fields = new HashMap<>();
        request.getAccountLink().forEach(f -> fields.put(f.getKeyName(), "good_" + f.getKeyName()));
        if (fields.isEmpty()) {
            fields.put("username", "good_email");
        }
        client.putJobCredentials(request.getJobId(), request.getEnvelopeId(), fields).join();
    }

    private static void assertDistinctPerJob(List<CardsavrMessage> messages) {
        Map<Long, Map<Long, CardsavrMessage>> byJob = new HashMap<>();
        for (CardsavrMessage m : messages) {
            CardsavrMessage earlier = byJob.computeIfAbsent(m.getJobId(), id -> new HashMap<>())
                    .put(MessageFingerprint.of(m), m);
            assertThat(earlier).as("a message sharing the fingerprint of " + m).isNull();
        }
    }
}
