package io.github.camelcardsavr.examples.quarkus;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The example's own settings ({@code cardsavr.example.*} in {@code application.properties}, mapped there from the
 * {@code CARDSAVR_*} environment variables). The component's connection settings are {@code camel.component.cardsavr.*}.
 */
@ConfigMapping(prefix = "cardsavr.example")
public interface ExampleSettings {

    /** Where the jobs run, for the first line of output. */
    String target();

    /** The jobs to follow, comma-separated. */
    String jobIds();

    /** {@code jobId=site} pairs of the demo jobs; absent for a real instance, whose jobs' sites are not known. */
    Optional<String> sites();

    /** Properties file with {@code <site>.<field>} / {@code default.<field>} answers. */
    Optional<String> answersFile();

    String outDir();

    Optional<String> kafkaBootstrapServers();

    String kafkaTopic();

    /** Milliseconds between polls of a job. */
    long pollDelay();

    /** Give up when the jobs have not all terminated by then; zero waits as long as it takes. */
    Duration timeout();
}
