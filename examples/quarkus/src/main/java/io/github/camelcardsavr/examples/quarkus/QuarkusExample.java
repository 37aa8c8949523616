package io.github.camelcardsavr.examples.quarkus;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of {@code java -jar quarkus-run.jar}: checks the environment, starts the embedded simulator when no
 * real instance is named, then runs {@link ExampleRun} on Quarkus. Exit codes: 0 every job terminated, 1 failed or
 * timed out, 2 bad settings.
 */
@QuarkusMain
public final class QuarkusExample {

    static final int BAD_SETTINGS = 2;

    private QuarkusExample() {
    }

    public static void main(String... args) {
        EmbeddedDemo demo;
        try {
            demo = ExampleEnvironment.namesARealInstance(System.getenv()) ? null : EmbeddedDemo.start();
        } catch (IllegalArgumentException e) {
            System.err.println("Quarkus example: configuration error: " + e.getMessage());
            System.exit(BAD_SETTINGS);
            return;
        }
        if (demo != null) {
            demo.systemProperties().forEach(System::setProperty);
            System.setProperty("cardsavr.example.target", demo.describe());
        }
        Quarkus.run(ExampleRun.class, (exitCode, failure) -> {
            if (demo != null) {
                demo.close();
            }
            if (failure != null) {
                System.err.println("Quarkus example failed: " + failure);
            }
            System.exit(exitCode);
        }, args);
    }
}
