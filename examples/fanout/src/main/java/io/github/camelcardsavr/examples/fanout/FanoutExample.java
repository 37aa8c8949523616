package io.github.camelcardsavr.examples.fanout;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.ExampleFiles;
import io.github.camelcardsavr.examples.support.ExampleLauncher;
import io.github.camelcardsavr.examples.support.PathsForHumans;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The README demo. Without {@code CARDSAVR_*} variables it starts the embedded simulator with one job
 * per synthetic site; with them it follows a real cardholder (see the README). A request the answers
 * file cannot answer is put to the person at the terminal. Exit code 0 when every expected job
 * terminated, 1 when they did not in time or something failed, 2 for bad settings.
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
        Map<String, String> env = System.getenv();
        Path outputDir = ExampleFiles.outputDir(env);
        AnswersFile answers = ExampleFiles.answers(env, FanoutApplication.ANSWERS);
        PersonAtTerminal person = PersonAtTerminal.ofThisProcess();
        try (CardsavrTarget target = CardsavrTarget.fromEnvironmentOrSimulator(env, DEMO_STEP_DELAY, DEMO_SITES);
                EmbeddedArtemis artemis = EmbeddedArtemis.start()) {
            printBanner(out, target, artemis, outputDir, answers, person);
            RunOptions options = RunOptions.forConsole(target);
            RunSummary summary = new FanoutApplication(target, artemis, options, outputDir, answers, person).run();
            out.print(summary.format());
            return summary.allTerminated() || target.jobs().isEmpty()
                    ? ExampleLauncher.OK
                    : ExampleLauncher.timedOut(summary, options);
        }
    }

    private static void printBanner(PrintStream out, CardsavrTarget target, EmbeddedArtemis artemis,
            Path outputDir, AnswersFile answers, PersonAtTerminal person) {
        out.println("camel-cardsavr fan-out demo");
        out.println("  CardSavr : " + target.describe() + ", cardholder " + target.settings().cardholderId());
        if (target.jobs().isEmpty()) {
            out.println("  jobs     : every job of the cardholder, until Ctrl-C");
        }
        out.println("  files    : " + PathsForHumans.shortest(outputDir) + "/<jobId>/<seq>-<status>.json");
        out.println("  JMS      : queue " + FanoutRoutes.QUEUE + ", embedded Artemis at " + artemis.url());
        out.println("  answers  : " + answers.source()
                + (person.canAsk() ? ", else asked here" : " (no terminal: unanswerable requests are reported)"));
        out.println();
    }
}
