package io.github.camelcardsavr.examples.kafka;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.ExampleFiles;
import io.github.camelcardsavr.examples.support.ExampleLauncher;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The Kafka example. Uses the Kafka at {@code KAFKA_BOOTSTRAP_SERVERS}, else starts one in this JVM;
 * uses the CardSavr instance named by {@code CARDSAVR_*}, else the simulator.
 */
public final class KafkaExample {

    private static final Duration STEP_DELAY = Duration.ofMillis(Long.getLong("cardsavr.step-delay-ms", 300));

    private KafkaExample() {
    }

    public static void main(String[] args) {
        ExampleLauncher.launch("Kafka example", KafkaExample::run);
    }

    private static int run(PrintStream out) throws Exception {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        AnswersFile answers = ExampleFiles.answers(System.getenv(), KafkaApplication.ANSWERS);
        try (CardsavrTarget target = CardsavrTarget.fromEnvironmentOrSimulator(System.getenv(), STEP_DELAY, List.of());
                EmbeddedKafka kafka = external == null || external.isBlank() ? EmbeddedKafka.start() : null) {
            String bootstrapServers = kafka != null ? kafka.bootstrapServers() : external.trim();
            out.println("camel-cardsavr Kafka example: " + target.describe() + ", Kafka at " + bootstrapServers);
            out.println("  job ids from topic " + KafkaRoutes.NEW_JOBS_TOPIC + ", job status to topic "
                    + KafkaRoutes.STATUS_TOPIC + " (key = job id)");
            RunOptions options = target.isSimulated()
                    ? RunOptions.forConsole(target)
                    : new RunOptions(null, Duration.ZERO, System.out, false);
            RunSummary summary = new KafkaApplication(target, bootstrapServers, options, answers,
                    PersonAtTerminal.ofThisProcess()).run();
            out.print(summary.format());
            return summary.allTerminated() || !target.isSimulated()
                    ? ExampleLauncher.OK
                    : ExampleLauncher.timedOut(summary, options);
        }
    }
}
