package io.github.camelcardsavr.examples.kafka;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MainRunner;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.ProgressDisplay;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of the Kafka example under Camel Main. Against the simulator it creates and announces jobs
 * in two waves once the routes run, and ends when all of them have terminated; against a real instance
 * it follows whatever job ids arrive on the topic until Ctrl-C.
 */
public final class KafkaApplication {

    static final List<String> FIRST_WAVE = List.of("good_email", "tfa");
    static final List<String> SECOND_WAVE = List.of("bad_email", "site_failure");
    static final String ANSWERS = "answers.properties";

    private final CardsavrTarget target;
    private final String bootstrapServers;
    private final RunOptions options;
    private final AnswersFile answers;
    private final PersonAtTerminal person;

    public KafkaApplication(CardsavrTarget target, String bootstrapServers, RunOptions options, AnswersFile answers,
            PersonAtTerminal person) {
        this.target = target;
        this.bootstrapServers = bootstrapServers;
        this.options = options;
        this.answers = answers;
        this.person = person;
    }

    public RunSummary run() throws Exception {
        long started = System.nanoTime();
        JobTracker tracker = new JobTracker();
        Main main = new Main();
        main.configure().setName("cardsavr-kafka");
        target.settings().componentProperties().forEach(main::addInitialProperty);
        main.addInitialProperty("camel.component.kafka.brokers", bootstrapServers);
        ProgressDisplay display = new ProgressDisplay(tracker, options.out(), options.ansi());
        CredentialAnswers credentialAnswers = new CredentialAnswers(answers, target::siteOf, person.pausing(display));
        main.configure().addRoutesBuilder(new KafkaRoutes(options, tracker, credentialAnswers));

        try (JobAnnouncer announcer = new JobAnnouncer(bootstrapServers); display) {
            display.start();
            if (target.isSimulated()) {
                JobWaves waves = new JobWaves(target, tracker, announcer, FIRST_WAVE, SECOND_WAVE);
                main.addMainListener(new MainListenerSupport() {
                    @Override
                    public void afterStart(BaseMainSupport camelMain) {
                        Thread thread = new Thread(waves, "job-waves");
                        thread.setDaemon(true);
                        thread.start();
                    }
                });
            }
            MainRunner.runUntilJobsTerminate(main, tracker, options.timeout());
        }
        return RunSummary.of(tracker, null, Map.of(), Duration.ofNanos(System.nanoTime() - started));
    }
}
