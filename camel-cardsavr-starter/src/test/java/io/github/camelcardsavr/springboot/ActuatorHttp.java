package io.github.camelcardsavr.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GETs of Actuator endpoints over real HTTP, as a monitoring system or a person with curl would make them. */
final class ActuatorHttp {

    /** A response: status, raw body (searched for secrets as it is) and the body as JSON. */
    record Reply(int status, String body, JsonNode json) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    ActuatorHttp(int port) {
        this.port = port;
    }

    Reply get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator" + path))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("GET /actuator" + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET /actuator" + path, e);
        }
    }
}
