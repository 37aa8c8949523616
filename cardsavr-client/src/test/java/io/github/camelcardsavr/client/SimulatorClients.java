package io.github.camelcardsavr.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.simulator.CardsavrSimulator;

import static org.awaitility.Awaitility.await;

/** Client configurations for a running {@link CardsavrSimulator}, and polling helpers. */
final class SimulatorClients {

    static final String USERNAME = "agent";
    static final String PASSWORD = "agent-password";

    private SimulatorClients() {
    }

    static CardsavrClientConfig.Builder signed(CardsavrSimulator simulator) {
        return CardsavrClientConfig.builder().baseUrl(simulator.getBaseUrl()).authMode(AuthMode.SIGNED)
                .integratorName(simulator.getIntegratorName()).integratorKey(simulator.getIntegratorKey())
                .username(USERNAME).password(PASSWORD).responseTimeout(Duration.ofSeconds(10));
    }

    static CardsavrClientConfig.Builder unsigned(CardsavrSimulator simulator) {
        return CardsavrClientConfig.builder().baseUrl(simulator.getBaseUrl()).authMode(AuthMode.UNSIGNED)
                .username(USERNAME).password(PASSWORD).responseTimeout(Duration.ofSeconds(10));
    }

    static CardsavrClientConfig.Builder token(CardsavrSimulator simulator) {
        return CardsavrClientConfig.builder().baseUrl(simulator.getBaseUrl()).authMode(AuthMode.TOKEN)
                .sessionToken(simulator.admin().issueSessionToken(USERNAME)).traceKey("token-client")
                .responseTimeout(Duration.ofSeconds(10));
    }

    /** Polls until a terminal status arrives; returns everything received, in order. */
    static List<CardsavrMessage> pollUntilTerminal(Supplier<CompletableFuture<ParsedList<CardsavrMessage>>> poll) {
        List<CardsavrMessage> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            received.addAll(StubClients.await(poll.get()));
            return received.stream().anyMatch(CardsavrMessage::isTerminal);
        });
        return received;
    }
}
