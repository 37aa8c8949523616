package io.github.camelcardsavr.examples.fanout;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MainRunner;
import io.github.camelcardsavr.examples.support.OutputDirectory;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.ProgressDisplay;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.apache.camel.main.Main;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One run of the fan-out demo under Camel Main: routes every message of the cardholder until every
 * expected job has terminated, the timeout passes, or the JVM is asked to stop (Ctrl-C). Requests for
 * input are answered from the answers file, else by the person at the terminal. The caller owns the
 * CardSavr target and the broker, so a test can inspect both afterwards.
 */
public final class FanoutApplication {

    static final String ANSWERS = "answers.properties";

    private final CardsavrTarget target;
    private final EmbeddedArtemis artemis;
    private final RunOptions options;
    private final Path outputDir;
    private final AnswersFile answers;
    private final PersonAtTerminal person;

    public FanoutApplication(CardsavrTarget target, EmbeddedArtemis artemis, RunOptions options, Path outputDir,
            AnswersFile answers, PersonAtTerminal person) {
        this.target = target;
        this.artemis = artemis;
        this.options = options;
        this.outputDir = outputDir;
        this.answers = answers;
        this.person = person;
    }

    public RunSummary run() throws Exception {
        long started = System.nanoTime();
        OutputDirectory.clearPreviousRun(outputDir);

        JobTracker tracker = new JobTracker();
        tracker.expectAll(target.jobs());
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(artemis.connectionFactory());
        ProgressDisplay display = new ProgressDisplay(tracker, options.out(), options.ansi());
        Main main = configureMain(tracker, connectionFactory, person.pausing(display));
        try (display) {
            display.start();
            MainRunner.runUntilJobsTerminate(main, tracker, options.timeout());
        } finally {
            connectionFactory.destroy();
        }
        return RunSummary.of(tracker, outputDir,
                Map.of("Artemis queue " + FanoutRoutes.QUEUE, artemis.messageCount(FanoutRoutes.QUEUE)),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Main configureMain(JobTracker tracker, CachingConnectionFactory connectionFactory,
            PersonAtTerminal asked) {
        Main main = new Main();
        main.configure().setName("cardsavr-fanout");
        // The same keys a user would put in application.properties.
        target.settings().componentProperties().forEach(main::addInitialProperty);
        // camel-jms sends through Spring's JmsTemplate, which opens a connection per message unless the
        // factory caches one.
        main.bind("artemisConnectionFactory", connectionFactory);
        main.addInitialProperty("camel.component.jms.connection-factory", "#artemisConnectionFactory");

        CredentialAnswers credentialAnswers = new CredentialAnswers(answers, target::siteOf, asked);
        main.configure().addRoutesBuilder(new FanoutRoutes(target.settings().cardholderId(),
                target.jobs().stream().map(DemoJob::jobId).toList(), options, outputDir, tracker, credentialAnswers));
        return main;
    }
}
