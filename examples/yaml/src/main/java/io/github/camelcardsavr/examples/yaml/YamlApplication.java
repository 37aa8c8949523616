package io.github.camelcardsavr.examples.yaml;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrSettings;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MainRunner;
import io.github.camelcardsavr.examples.support.OutputDirectory;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.ProgressDisplay;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.apache.camel.main.Main;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@code routes/fanout.camel.yaml} under Camel Main with {@code application.properties}. All this
 * class adds is what a properties file cannot: the two Java beans the routes reference, and — against
 * the simulator — override properties carrying the simulator's URL, keys and jobs.
 */
public final class YamlApplication {

    static final String ANSWERS = "answers.properties";
    static final String QUEUE = "cardsavr.messages";

    private final CardsavrTarget target;
    private final EmbeddedArtemis artemis;
    private final RunOptions options;
    private final Path outputDir;
    private final AnswersFile answers;
    private final PersonAtTerminal person;

    public YamlApplication(CardsavrTarget target, EmbeddedArtemis artemis, RunOptions options, Path outputDir,
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

        ProgressDisplay display = new ProgressDisplay(tracker, options.out(), options.ansi());
        Main main = new Main();
        main.bind("jobTracker", tracker);
        main.bind("credentialAnswers", new CredentialAnswers(answers, target::siteOf, person.pausing(display)));
        if (target.isSimulated()) {
            simulatorProperties(target.settings()).forEach(main::addOverrideProperty);
        }
        main.addOverrideProperty("artemis.url", artemis.url());
        main.addOverrideProperty("cardsavr.output-dir", outputDir.toAbsolutePath().toString());
        if (options.pollDelay() != null) {
            main.addOverrideProperty("cardsavr.poll-delay", Long.toString(options.pollDelay().toMillis()));
        }

        try (display) {
            display.start();
            MainRunner.runUntilJobsTerminate(main, tracker, options.timeout());
        }
        return RunSummary.of(tracker, outputDir, Map.of("Artemis queue " + QUEUE, artemis.messageCount(QUEUE)),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** What application.properties reads from CARDSAVR_* variables, taken from the simulator instead. */
    static Map<String, String> simulatorProperties(CardsavrSettings settings) {
        Map<String, String> properties = new LinkedHashMap<>(settings.componentProperties());
        properties.put("cardsavr.cardholder-id", Long.toString(settings.cardholderId()));
        properties.put("cardsavr.job-ids",
                settings.jobIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        return properties;
    }
}
