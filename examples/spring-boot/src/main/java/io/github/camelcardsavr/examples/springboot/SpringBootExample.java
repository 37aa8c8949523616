package io.github.camelcardsavr.examples.springboot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.examples.support.ExampleLauncher;
import io.github.camelcardsavr.examples.support.ProgressDisplay;

/**
 * {@code java -jar camel-cardsavr-example-spring-boot.jar}, configured by environment variables only (see
 * {@code application.properties}). Without {@code CARDSAVR_BASE_URL} it starts an embedded simulator with a job per
 * demo site. Exit code 0 when every job terminated, 1 when they did not in time or something failed, 2 for bad
 * settings.
 */
public final class SpringBootExample {

    /** The connection settings that only make sense together with CARDSAVR_BASE_URL. */
    static final List<String> CONNECTION_VARIABLES = List.of("CARDSAVR_AUTH_MODE", "CARDSAVR_INTEGRATOR_NAME",
            "CARDSAVR_INTEGRATOR_KEY", "CARDSAVR_USERNAME", "CARDSAVR_PASSWORD", "CARDSAVR_SESSION_TOKEN",
            "CARDSAVR_JOB_IDS");

    /** Pace of the simulated jobs, as in the demo: slow enough to watch. */
    private static final Duration STEP_DELAY = Duration.ofMillis(Long.getLong("cardsavr.step-delay-ms", 700));

    private SpringBootExample() {
    }

    public static void main(String[] args) {
        ExampleLauncher.launch("Spring Boot example", console -> run(console, args));
    }

    private static int run(PrintStream console, String[] args) throws Exception {
        boolean ansi = ProgressDisplay.isInteractiveTerminal();
        PrintStream out = ansi ? ProgressDisplay.rawStandardOut() : console;
        try (DemoSimulator simulator = needsSimulator(System.getenv()) ? DemoSimulator.start(STEP_DELAY) : null) {
            return ExampleRunner.run(simulator, Map.of(), args, out, ansi, context -> { }).exitCode();
        }
    }

    /**
     * True without CARDSAVR_BASE_URL. Connection settings without it are a mistake worth stopping for rather than
     * silently running against the simulator.
     */
    static boolean needsSimulator(Map<String, String> env) {
        if (!isBlank(env.get("CARDSAVR_BASE_URL"))) {
            return false;
        }
        List<String> set = CONNECTION_VARIABLES.stream().filter(name -> !isBlank(env.get(name))).toList();
        if (!set.isEmpty()) {
            throw new IllegalArgumentException(set + " set but CARDSAVR_BASE_URL is not: set it too to use that"
                                               + " CardSavr instance, or unset them to run the embedded simulator");
        }
        return true;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
