package io.github.camelcardsavr.examples.ha;

import io.github.camelcardsavr.examples.support.ExampleLauncher;

/**
 * {@code java -jar cardsavr-ha-example.jar}: one replica. Start two or more with the same environment; one reads the
 * cardholder's stream and answers its credential requests, the others stand by and take over when it dies.
 */
public final class HaExample {

    private HaExample() {
    }

    public static void main(String[] args) {
        ExampleLauncher.launch("cardsavr-ha-example",
                out -> new HaApplication(HaSettings.fromEnvironment(System.getenv()), out).run());
    }
}
