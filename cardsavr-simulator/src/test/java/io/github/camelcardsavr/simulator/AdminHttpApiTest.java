package io.github.camelcardsavr.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /_simulator/...} over plain HTTP, including the fixed {@code POST /_simulator/jobs} contract. */
class AdminHttpApiTest {

    @RegisterExtension
    static final CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void postJobsCreatesAndStartsAJob() throws Exception {
        Map<String, Object> created = call("POST", "/_simulator/jobs", "{\"site\": \"good_email\"}", 200);

        assertThat(created).containsKeys("job_id", "cardholder_id", "access_key");
        long jobId = ((Number) created.get("job_id")).longValue();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "BILLABLE".equals(call("GET", "/_simulator/jobs/" + jobId, null, 200).get("termination_type")));
        assertThat(SIM.admin().job(jobId).cardholderId()).isEqualTo(((Number) created.get("cardholder_id")).longValue());
    }

    @Test
    void postJobsForAnExistingCardholderAndEverySite() throws Exception {
        long cardholderId = ((Number) call("POST", "/_simulator/cardholders", "", 200).get("cardholder_id")).longValue();
        for (String site : List.of("good_email", "tfa", "security", "bad_email")) {
            Map<String, Object> created = call("POST", "/_simulator/jobs/",
                    "{\"site\":\"" + site + "\",\"cardholder_id\":" + cardholderId + "}", 200);
            assertThat(((Number) created.get("cardholder_id")).longValue()).isEqualTo(cardholderId);
        }
    }

    @Test
    void badJobRequestsAreExplained() throws Exception {
        assertThat(error(call("POST", "/_simulator/jobs", "{\"site\":\"amazon\"}", 400))).contains("good_email");
        assertThat(error(call("POST", "/_simulator/jobs", "{}", 400))).contains("site is required");
        assertThat(error(call("POST", "/_simulator/jobs", "{\"site\":\"tfa\",\"cardholder_id\":5}", 404)))
                .contains("cardholder");
        assertThat(error(call("POST", "/_simulator/jobs", "not json", 400))).contains("JSON");
        assertThat(error(call("GET", "/_simulator/jobs/999999", null, 404))).contains("999999");
        assertThat(error(call("PUT", "/_simulator/jobs", "{}", 405))).contains("GET, POST");
        assertThat(error(call("GET", "/_simulator/nothing", null, 404))).contains("No such admin endpoint");
    }

    @Test
    void jobViewInjectionAndAnswersOverHttp() throws Exception {
        long jobId = ((Number) call("POST", "/_simulator/jobs", "{\"site\":\"manual\",\"auto_start\":false}", 200)
                .get("job_id")).longValue();

        call("POST", "/_simulator/jobs/" + jobId + "/messages", "{\"status\":\"AUTH\",\"percent_complete\":1.5}", 200);
        Map<String, Object> injected = call("POST", "/_simulator/jobs/" + jobId + "/credential_requests",
                "{\"type\":\"tfa\",\"fields\":[\"tfa\"]}", 200);
        String envelope = (String) injected.get("envelope_id");
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator())
                .useToken((String) call("POST", "/_simulator/sessions", "{\"username\":\"agent\"}", 200).get("session_token"));
        client.post(ApiPaths.credentialResponses(jobId), Map.of("envelope_id", envelope, "type", "tfa", "message", "9"));
        Map<String, Object> view = call("GET", "/_simulator/jobs/" + jobId, null, 200);

        assertThat(view).containsEntry("status", "AUTH").containsEntry("percent_complete", 1.5)
                .containsEntry("messages_published", 3);
        assertThat((List<Map<String, Object>>) view.get("answers")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("envelope_id", envelope).doesNotContainValue("9"));
        assertThat(call("GET", "/_simulator/jobs/" + jobId + "/answers", null, 200)).containsEntry(envelope, "9");
        assertThat(call("POST", "/_simulator/jobs/" + jobId + "/start", "", 200)).containsEntry("job_id", (int) jobId);
    }

    @Test
    void faultsRequestsAndClockOverHttp() throws Exception {
        long jobId = SIM.admin().createJob(SimulatorSites.MANUAL, null).jobId();
        RawCardsavrClient client = RawCardsavrClient.of(SIM.getSimulator())
                .useToken(SIM.admin().issueSessionToken("agent"));

        call("POST", "/_simulator/faults", "{\"on_path\":\"/credential_requests\",\"errorRate\":1,\"error_status\":502}",
                200);
        assertThat(client.get(ApiPaths.credentialRequests(jobId)).status()).isEqualTo(502);
        call("POST", "/_simulator/faults", "{\"tooManyRequests\":{\"count\":1,\"retry_after_seconds\":3}}", 200);
        assertThat(client.get(ApiPaths.registrations(jobId)).header("Retry-After")).isEqualTo("3");
        Map<String, Object> cleared = call("DELETE", "/_simulator/faults", null, 200);
        assertThat((Map<String, Object>) cleared.get("injected")).containsKey("ERROR_RATE");
        assertThat(client.get(ApiPaths.credentialRequests(jobId)).status()).isEqualTo(200);
        assertThat(error(call("POST", "/_simulator/faults", "{\"explode\":true}", 400))).contains("explode");

        Map<String, Object> count = call("GET", "/_simulator/requests?path=/credential_requests", null, 200);
        assertThat(((Number) count.get("count")).longValue()).isEqualTo(2);
        assertThat((Map<String, Object>) call("GET", "/_simulator/requests", null, 200).get("counts")).isNotEmpty();

        String before = (String) call("GET", "/_simulator/clock", null, 200).get("now");
        String after = (String) call("POST", "/_simulator/clock", "{\"advance\":\"PT2H\"}", 200).get("now");
        assertThat(java.time.Instant.parse(after)).isAfter(java.time.Instant.parse(before).plusSeconds(7190));
        call("POST", "/_simulator/faults", "{\"expireSessions\":true}", 200);
        assertThat(client.get(ApiPaths.credentialRequests(jobId)).errorName()).isEqualTo("InvalidSession");
    }

    @Test
    void infoNamesTheInstanceButNoSecrets() throws Exception {
        Map<String, Object> info = call("GET", "/_simulator", null, 200);

        assertThat(info).containsEntry("base_url", SIM.getBaseUrl()).containsEntry("signed", true);
        assertThat(info.toString()).doesNotContain(SIM.getSimulator().getIntegratorKey()).doesNotContain("agent-password");
    }

    private Map<String, Object> call(String method, String path, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIM.getBaseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expectedStatus);
        Object json = RawCardsavrClient.JSON.readValue(response.body(), Object.class);
        return json instanceof Map<?, ?> ? (Map<String, Object>) json : Map.of("list", json);
    }

    private static String error(Map<String, Object> body) {
        return String.valueOf(((List<Map<String, Object>>) body.get("_errors")).get(0).get("message"));
    }
}
