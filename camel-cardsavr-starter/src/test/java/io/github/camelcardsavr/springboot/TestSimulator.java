package io.github.camelcardsavr.springboot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded CardSavr simulator for all Spring Boot tests of this JVM (a Spring context reads its URL while it
 * starts, before any test method runs). Each test creates its own jobs and resets the faults it injected. The user
 * names and secrets are distinct strings, so a test can search a whole HTTP response for them.
 */
final class TestSimulator {

    static final String USERNAME = "starter-user-7f3a";
    static final String PASSWORD = "starter-password-9c1e";

    private static CardsavrSimulator simulator;

    private TestSimulator() {
    }

    static synchronized CardsavrSimulator get() {
        if (simulator == null) {
            CardsavrSimulator started = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5))
                    .user(USERNAME, PASSWORD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-simulator-stop"));
            simulator = started;
        }
        return simulator;
    }

    /** Where the simulator is and who logs in; the tests set password and integrator key in different ways. */
    static void connect(DynamicPropertyRegistry registry) {
        registry.add("camel.component.cardsavr.base-url", () -> get().getBaseUrl());
        registry.add("camel.component.cardsavr.integrator-name", () -> get().getIntegratorName());
        registry.add("camel.component.cardsavr.username", () -> USERNAME);
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50));
    }
}
