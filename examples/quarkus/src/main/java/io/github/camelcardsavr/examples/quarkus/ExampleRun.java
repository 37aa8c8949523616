package io.github.camelcardsavr.examples.quarkus;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.PathsForHumans;
import io.github.camelcardsavr.examples.support.ProgressDisplay;
import io.github.camelcardsavr.examples.support.RunSummary;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import org.apache.camel.quarkus.core.CamelRuntime;

/**
 * The run itself, once Quarkus and the routes are up: progress lines while the jobs run, the summary table when every
 * job has terminated, and the exit code (0 done, 1 timed out).
 */
public class ExampleRun implements QuarkusApplication {

    static final int FAILED = 1;

    @Inject
    ExampleSettings settings;

    @Inject
    JobTracker tracker;

    @Inject
    ExampleBeans.OutputDir outputDir;

    @Inject
    KafkaDeliveries kafkaDeliveries;

    /** With a main class of its own, the application starts Camel; Quarkus stops it on the way out. */
    @Inject
    CamelRuntime camel;

    @Override
    public int run(String... args) throws Exception {
        long started = System.nanoTime();
        camel.start(args);
        System.out.println("camel-cardsavr Quarkus example: " + settings.target() + ", files under "
                + PathsForHumans.shortest(outputDir.path())
                + settings.kafkaBootstrapServers().map(s -> ", Kafka topic " + settings.kafkaTopic()).orElse(""));
        CountDownLatch done = new CountDownLatch(1);
        tracker.onAllTerminated(done::countDown);
        boolean finished;
        try (ProgressDisplay progress = new ProgressDisplay(tracker, System.out, false).start()) {
            if (tracker.allTerminated()) {
                done.countDown();
            }
            Duration timeout = settings.timeout();
            if (timeout.isZero()) {
                done.await();
                finished = true;
            } else {
                finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        Map<String, Long> deliveries = new LinkedHashMap<>();
        settings.kafkaBootstrapServers().ifPresent(s -> deliveries.put("Kafka topic " + settings.kafkaTopic(),
                kafkaDeliveries.count()));
        RunSummary summary = RunSummary.of(tracker, outputDir.path(), deliveries,
                Duration.ofNanos(System.nanoTime() - started));
        System.out.print(summary.format());
        System.out.flush();
        if (!finished) {
            System.err.println("Gave up after " + settings.timeout().toSeconds() + " s: job(s) "
                    + summary.jobs().stream().filter(j -> j.terminationType() == null)
                            .map(RunSummary.JobSummary::jobId).toList()
                    + " did not terminate.");
            return FAILED;
        }
        return 0;
    }
}
