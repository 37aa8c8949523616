package io.github.camelcardsavr.examples.jms;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.ExampleFiles;
import io.github.camelcardsavr.examples.support.ExampleLauncher;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The JMS example against the simulator (or a real instance with {@code CARDSAVR_*} and
 * {@code CARDSAVR_JOB_IDS} set), with an embedded Artemis broker and an answering desk on the
 * request queue.
 */
public final class JmsExample {

    static final List<String> SITES = List.of("good_email", "tfa", "bad_email", "site_failure");
    static final String ANSWERS = "answers.properties";
    private static final Duration STEP_DELAY = Duration.ofMillis(Long.getLong("cardsavr.step-delay-ms", 300));

    private JmsExample() {
    }

    public static void main(String[] args) {
        ExampleLauncher.launch("JMS example", JmsExample::run);
    }

    private static int run(PrintStream out) throws Exception {
        AnswersFile answers = ExampleFiles.answers(System.getenv(), ANSWERS);
        try (CardsavrTarget target = CardsavrTarget.fromEnvironmentOrSimulator(System.getenv(), STEP_DELAY, SITES)) {
            if (target.jobs().isEmpty()) {
                throw new IllegalArgumentException("Set CARDSAVR_JOB_IDS: this example answers the requests of "
                        + "the jobs it is given");
            }
            try (EmbeddedArtemis artemis = EmbeddedArtemis.start();
                    AnsweringDesk desk = AnsweringDesk.open(artemis.connectionFactory(),
                            answers, target::siteOf)) {
                out.println("camel-cardsavr JMS example: " + target.describe() + ", jobs "
                        + target.jobs().stream().map(j -> j.jobId() + " (" + j.site() + ")").toList());
                RunOptions options = RunOptions.forConsole(target);
                RunSummary summary = new JmsApplication(target, artemis, options).run();
                out.print(summary.format());
                out.println("  credential requests answered by the desk: "
                        + desk.requestsSeen().stream().filter(AnsweringDesk.Request::answered).count());
                return summary.allTerminated() ? ExampleLauncher.OK : ExampleLauncher.timedOut(summary, options);
            }
        }
    }
}
