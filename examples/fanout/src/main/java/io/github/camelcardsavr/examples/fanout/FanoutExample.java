package io.github.camelcardsavr.examples.fanout;

import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.ExampleLauncher;
import io.github.camelcardsavr.examples.support.PathsForHumans;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The README demo. Without {@code CARDSAVR_*} variables it starts the embedded simulator with one job
 * per synthetic site; with them it follows a real cardholder (see the README). Exit code 0 when every
 * expected job terminated, 1 when they did not in time or something failed, 2 for bad settings.
 */
public final class FanoutExample {

    /** Succeeds, needs a TFA code, needs new credentials, asks security questions, fails. */
    static final List<String> DEMO_SITES = List.of("good_email", "tfa", "bad_email", "security", "site_failure");

    /** Pace of the simulated jobs: slow enough to watch, the whole demo about 30–60 s. */
    static final Duration DEMO_STEP_DELAY = Duration.ofMillis(Long.getLong("cardsavr.step-delay-ms", 700));

    private FanoutExample() {
    }

    public static void main(String[] args) {
        ExampleLauncher.launch("fan-out demo", FanoutExample::run);
    }

    private static int run(PrintStream out) throws Exception {
        Path outputDir = Path.of(System.getProperty("cardsavr.output-dir", "target/cardsavr-out"));
        try (CardsavrTarget target = CardsavrTarget.fromEnvironmentOrSimulator(System.getenv(), DEMO_STEP_DELAY,
                DEMO_SITES);
                EmbeddedArtemis artemis = EmbeddedArtemis.start()) {
            printBanner(out, target, artemis, outputDir);
            RunOptions options = RunOptions.forConsole(target);
            RunSummary summary = new FanoutApplication(target, artemis, options, outputDir).run();
            out.print(summary.format());
            return summary.allTerminated() || target.jobs().isEmpty()
                    ? ExampleLauncher.OK
                    : ExampleLauncher.timedOut(summary, options);
        }
    }

    private static void printBanner(PrintStream out, CardsavrTarget target, EmbeddedArtemis artemis,
            Path outputDir) {
        out.println("camel-cardsavr fan-out demo");
        out.println("  CardSavr : " + target.describe() + ", cardholder " + target.settings().cardholderId());
        if (target.jobs().isEmpty()) {
            out.println("  jobs     : every job of the cardholder, until Ctrl-C");
        }
        out.println("  files    : " + PathsForHumans.shortest(outputDir) + "/<jobId>/<seq>-<status>.json");
        out.println("  JMS      : queue " + FanoutRoutes.QUEUE + ", embedded Artemis at " + artemis.url());
        out.println("  answers  : " + FanoutApplication.ANSWERS);
        out.println();
    }
}
