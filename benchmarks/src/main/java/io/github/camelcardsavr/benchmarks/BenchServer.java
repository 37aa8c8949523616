package io.github.camelcardsavr.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;

/**
 * The one in-process server every contestant polls: the CardSavr simulator in firehose mode, so each broadcast
 * poll is answered at once with the same messages and nothing runs out.
 */
final class BenchServer implements AutoCloseable {

    static final String USERNAME = "agent";
    static final String PASSWORD = "agent-password";

    private final CardsavrSimulator simulator;

    private BenchServer(CardsavrSimulator simulator) {
        this.simulator = simulator;
    }

    static BenchServer start(boolean signed) {
        return new BenchServer(CardsavrSimulator.builder().signed(signed).user(USERNAME, PASSWORD)
                .sessionTimeout(Duration.ofHours(2)).start());
    }

    boolean isSigned() {
        return simulator.isSigned();
    }

    String baseUrl() {
        return simulator.getBaseUrl();
    }

    List<CreatedJob> jobs(int count) {
        List<CreatedJob> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jobs.add(simulator.admin().createJob(SimulatorSites.MANUAL));
        }
        return jobs;
    }

    void firehose(int messagesPerPoll) {
        simulator.admin().firehose(messagesPerPoll);
    }

    /** Starts counting each job's polls and the gaps between them, as the server sees them. */
    PollIntervals observe(List<CreatedJob> jobs, Duration delay) {
        PollIntervals intervals = new PollIntervals(jobs, delay);
        simulator.admin().observeFirehosePolls(intervals::polled);
        return intervals;
    }

    /** Broadcast polls the server answered so far. */
    long broadcastPolls() {
        return simulator.admin().requestCount("GET", "/broadcasts");
    }

    void stopObserving() {
        simulator.admin().observeFirehosePolls(null);
    }

    /** The component's connection settings for this server. */
    void configure(CardsavrConfiguration c) {
        c.setBaseUrl(baseUrl());
        c.setUsername(USERNAME);
        c.setPassword(PASSWORD);
        if (simulator.isSigned()) {
            c.setAuthMode(AuthMode.SIGNED);
            c.setIntegratorName(simulator.getIntegratorName());
            c.setIntegratorKey(simulator.getIntegratorKey());
        } else {
            c.setAuthMode(AuthMode.UNSIGNED);
        }
    }

    /** An unsigned session token, as a hand-written route would obtain it once. */
    String unsignedSessionToken() throws Exception {
        if (simulator.isSigned()) {
            throw new IllegalStateException("the hand-rolled route only speaks unsigned CardSavr");
        }
        ObjectMapper json = new ObjectMapper();
        HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl() + "/session/login"))
                .header("Content-Type", "application/json").header("x-cardsavr-trace", "{\"key\":\"bench\"}")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        java.util.Map.of("username", USERNAME, "password", PASSWORD))))
                .build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("login answered " + reply.statusCode());
        }
        return json.readTree(reply.body()).path("session_token").asText();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
