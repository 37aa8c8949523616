package io.github.camelcardsavr.examples.support;

import org.apache.camel.main.Main;

import java.time.Duration;

/**
 * Runs a configured Camel Main until the tracked jobs have all terminated, the timeout passes, or
 * the JVM is asked to stop (Ctrl-C). This is the "ends by itself" part the examples share: the
 * tracker tells Camel Main it is {@linkplain Main#completed() completed}, which shuts the routes
 * down gracefully, letting in-flight exchanges finish.
 */
public final class MainRunner {

    private static final int SHUTDOWN_TIMEOUT_SECONDS = 10;

    private MainRunner() {
    }

    /**
     * @param timeout {@link Duration#ZERO} runs until Ctrl-C
     */
    public static void runUntilJobsTerminate(Main main, JobTracker tracker, Duration timeout) throws Exception {
        main.configure().setDurationMaxSeconds(Math.toIntExact(timeout.toSeconds()));
        main.configure().setShutdownTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        // Camel Main would otherwise list every property it applied, including connection settings.
        main.configure().setAutoConfigurationLogSummary(false);
        tracker.onAllTerminated(main::completed);
        main.run();
        if (main.getExitCode() != 0) {
            throw new IllegalStateException("Camel Main ended with exit code " + main.getExitCode()
                    + "; the log above says why");
        }
    }
}
