package io.github.camelcardsavr.examples.springboot;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.OutputDirectory;
import io.github.camelcardsavr.examples.support.RunSummary;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jms.core.JmsTemplate;

/**
 * One run of the example: ends when every followed job has terminated, the timeout passes, or the application is
 * asked to stop (Ctrl-C), and then says what was delivered. On a stop the summary is taken while the broker is still
 * up, since the context closes right after.
 */
public final class ExampleRun implements ApplicationListener<ContextClosedEvent> {

    private final JobTracker tracker;
    private final ExampleProperties properties;
    private final JmsTemplate jms;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile RunSummary summaryAtClose;

    ExampleRun(JobTracker tracker, ExampleProperties properties, JmsTemplate jms) {
        this.tracker = tracker;
        this.properties = properties;
        this.jms = jms;
        // the simulator numbers its jobs the same way every run: old files would mix with new ones
        OutputDirectory.clearPreviousRun(properties.outDir());
        tracker.onAllTerminated(ended::countDown);
    }

    public JobTracker tracker() {
        return tracker;
    }

    /** Blocks until the jobs have terminated, the timeout passed or the context closes. */
    public void awaitEnd() throws InterruptedException {
        Duration timeout = properties.timeout();
        if (timeout.isZero()) {
            ended.await();
        } else {
            ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public RunSummary summary() {
        RunSummary atClose = summaryAtClose;
        return atClose != null ? atClose : currentSummary();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (ended.getCount() > 0) {
            summaryAtClose = currentSummary();
            ended.countDown();
        }
    }

    private RunSummary currentSummary() {
        return RunSummary.of(tracker, properties.outDir(),
                Map.of("Artemis queue " + properties.queue(), queuedMessages()),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Counted by browsing, which leaves the messages where they are. */
    private long queuedMessages() {
        Long count = jms.browse(properties.queue(), (session, browser) -> count(browser));
        return count == null ? 0 : count;
    }

    private static long count(QueueBrowser browser) throws JMSException {
        return Collections.list(browser.getEnumeration()).size();
    }
}
