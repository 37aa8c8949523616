package io.github.camelcardsavr.quarkus.it;

import java.time.Duration;
import java.util.Map;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a signed CardSavr simulator on a free loopback port before the application, and points the component at it
 * through {@code camel.component.cardsavr.*}, as a deployment's environment would.
 */
public class CardsavrSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String USERNAME = "agent";
    static final String PASSWORD = "agent-password";

    private CardsavrSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = CardsavrSimulator.builder().signed(true).stepDelay(Duration.ofMillis(20)).start();
        return Map.of(
                "camel.component.cardsavr.base-url", simulator.getBaseUrl(),
                "camel.component.cardsavr.integrator-name", simulator.getIntegratorName(),
                "camel.component.cardsavr.integrator-key", simulator.getIntegratorKey(),
                "camel.component.cardsavr.username", USERNAME,
                "camel.component.cardsavr.password", PASSWORD);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class, CardsavrSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
