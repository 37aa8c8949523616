package io.github.camelcardsavr.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The documented {@code _errors} shape for 400, 401, 404 and 405, and the required trace header. */
class ErrorResponsesTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private RawCardsavrClient client;

    @BeforeEach
    void logIn() {
        client = RawCardsavrClient.of(SIM.getSimulator());
        client.signedLogin("agent", "agent-password");
    }

    @Test
    void requestsWithoutATraceHeaderOrWithANonJsonOneAreBadRequests() {
        HttpClient raw = HttpClient.newHttpClient();
        HttpResponse<String> missing = send(raw, HttpRequest.newBuilder(URI.create(SIM.getBaseUrl() + "/session/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        HttpResponse<String> notJson = send(raw, HttpRequest.newBuilder(URI.create(SIM.getBaseUrl() + "/session/login"))
                .header("x-cardsavr-trace", "my_trace").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"_errors\"").contains("\"property\":\"x-cardsavr-trace\"");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("must be a JSON object");
    }

    @Test
    void unknownEndpointsAre404AndWrongMethods405() {
        Reply unknown = client.get("/messages/nothing/here");
        Reply wrongMethod = client.post(ApiPaths.broadcasts(101), Map.of());
        Reply unknownJob = client.get(ApiPaths.job(555_555));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.firstError()).containsKeys("name", "message", "property");
        assertThat(unknown.signatureValid()).isTrue();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(unknownJob.errorName()).isEqualTo("JobNotFound");
    }

    @Test
    void getJobReturnsItsCurrentState() {
        CreatedJob job = SIM.admin().createJob(SimulatorSites.MANUAL, null);

        Map<String, Object> json = client.get(ApiPaths.job(job.jobId()) + "/").map();

        assertThat(json).containsEntry("id", (int) job.jobId()).containsEntry("status", "REQUESTED")
                .containsEntry("cardholder_id", (int) job.cardholderId());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
