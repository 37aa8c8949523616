package io.github.camelcardsavr.simulator;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a simulator for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static CardsavrSimulatorExtension SIM = new CardsavrSimulatorExtension();   // or .configure(b -> b.signed(false))
 * }</pre>
 *
 * A static field starts the simulator before all tests and stops it after all; an instance field starts a
 * fresh one per test. Faults are reset after every test so one test's faults never leak into the next.
 * Test methods and lifecycle methods may declare {@link CardsavrSimulator} or {@link SimulatorAdmin}
 * parameters. The default step delay is 5 ms (tests), not the builder's 1 s.
 */
public final class CardsavrSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    public static final Duration TEST_STEP_DELAY = Duration.ofMillis(5);

    private final CardsavrSimulator.Builder builder;
    private CardsavrSimulator simulator;
    private boolean startedPerTest;

    public CardsavrSimulatorExtension() {
        this(CardsavrSimulator.builder().stepDelay(TEST_STEP_DELAY));
    }

    public CardsavrSimulatorExtension(CardsavrSimulator.Builder builder) {
        this.builder = builder;
    }

    /** Test defaults (5 ms steps) adjusted by {@code customiser}, e.g. {@code b -> b.signed(false)}. */
    public static CardsavrSimulatorExtension configure(UnaryOperator<CardsavrSimulator.Builder> customiser) {
        return new CardsavrSimulatorExtension(customiser.apply(CardsavrSimulator.builder().stepDelay(TEST_STEP_DELAY)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfNeeded();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            startIfNeeded();
            startedPerTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (simulator == null) {
            return;
        }
        if (startedPerTest) {
            stop();
        } else {
            simulator.admin().faults().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CardsavrSimulator.class || type == SimulatorAdmin.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        CardsavrSimulator running = startIfNeeded();
        return parameter.getParameter().getType() == SimulatorAdmin.class ? running.admin() : running;
    }

    /** The running simulator. */
    public CardsavrSimulator getSimulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator runs only while the tests of its class run");
        }
        return simulator;
    }

    public CardsavrSimulator simulator() {
        return getSimulator();
    }

    public SimulatorAdmin admin() {
        return getSimulator().admin();
    }

    public String getBaseUrl() {
        return getSimulator().getBaseUrl();
    }

    private synchronized CardsavrSimulator startIfNeeded() {
        if (simulator == null) {
            simulator = builder.start();
        }
        return simulator;
    }

    private synchronized void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
            startedPerTest = false;
        }
    }
}
