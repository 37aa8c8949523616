package io.github.camelcardsavr.examples.yaml;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.ExampleFiles;
import io.github.camelcardsavr.examples.support.ExampleLauncher;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The YAML example: the simulator unless {@code CARDSAVR_*} (with {@code CARDSAVR_JOB_IDS}) name a
 * real instance, in which case application.properties reads them directly.
 */
public final class YamlExample {

    static final List<String> SITES = List.of("good_email", "tfa", "bad_email", "security", "site_failure");
    private static final Duration STEP_DELAY = Duration.ofMillis(Long.getLong("cardsavr.step-delay-ms", 300));

    private YamlExample() {
    }

    public static void main(String[] args) {
        ExampleLauncher.launch("YAML example", YamlExample::run);
    }

    private static int run(PrintStream out) throws Exception {
        Map<String, String> env = System.getenv();
        Path outputDir = ExampleFiles.outputDir(env);
        AnswersFile answers = ExampleFiles.answers(env, YamlApplication.ANSWERS);
        try (CardsavrTarget target = CardsavrTarget.fromEnvironmentOrSimulator(env, STEP_DELAY, SITES);
                EmbeddedArtemis artemis = EmbeddedArtemis.start()) {
            if (target.jobs().isEmpty()) {
                throw new IllegalArgumentException("Set CARDSAVR_JOB_IDS: the YAML route answers the requests of "
                        + "the jobs it is given");
            }
            out.println("camel-cardsavr YAML example: " + target.describe() + ", files under " + outputDir
                    + ", answers from " + answers.source());
            RunOptions options = RunOptions.forConsole(target);
            RunSummary summary = new YamlApplication(target, artemis, options, outputDir, answers,
                    PersonAtTerminal.ofThisProcess()).run();
            out.print(summary.format());
            return summary.allTerminated() ? ExampleLauncher.OK : ExampleLauncher.timedOut(summary, options);
        }
    }
}
