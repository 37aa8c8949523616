package io.github.camelcardsavr.examples.jms;

import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MainRunner;
import io.github.camelcardsavr.examples.support.ProgressDisplay;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.apache.camel.main.Main;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One run of the JMS example under Camel Main; ends when every job of the target has terminated. */
public final class JmsApplication {

    private final CardsavrTarget target;
    private final EmbeddedArtemis artemis;
    private final RunOptions options;

    public JmsApplication(CardsavrTarget target, EmbeddedArtemis artemis, RunOptions options) {
        this.target = target;
        this.artemis = artemis;
        this.options = options;
    }

    public RunSummary run() throws Exception {
        long started = System.nanoTime();
        JobTracker tracker = new JobTracker();
        tracker.expectAll(target.jobs());

        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(artemis.connectionFactory());
        Main main = new Main();
        main.configure().setName("cardsavr-jms");
        target.settings().componentProperties().forEach(main::addInitialProperty);
        // camel-jms sends through Spring's JmsTemplate, which opens a connection per message unless the
        // factory caches one.
        main.bind("artemisConnectionFactory", connectionFactory);
        main.addInitialProperty("camel.component.jms.connection-factory", "#artemisConnectionFactory");
        main.configure().addRoutesBuilder(new JmsRoutes(target.settings().cardholderId(),
                target.jobs().stream().map(DemoJob::jobId).toList(), options, tracker));

        try (ProgressDisplay display = new ProgressDisplay(tracker, options.out(), options.ansi()).start()) {
            MainRunner.runUntilJobsTerminate(main, tracker, options.timeout());
        } finally {
            connectionFactory.destroy();
        }
        Map<String, Long> queues = new LinkedHashMap<>();
        artemis.messageCounts("cardsavr.").forEach((queue, count) -> queues.put("Artemis queue " + queue, count));
        return RunSummary.of(tracker, null, queues, Duration.ofNanos(System.nanoTime() - started));
    }
}
