package io.github.camelcardsavr.examples.kafka;

import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.JobTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Creates simulator jobs in two waves and announces each on Kafka: the first as soon as the routes
 * run, the second once a job of the first has terminated — so the second wave really joins consumers
 * that are already busy. Holds the tracker open until the last job is announced.
 */
final class JobWaves implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(JobWaves.class);
    private static final long WAIT_FOR_FIRST_TERMINATION_SECONDS = 120;

    private final CardsavrTarget target;
    private final JobTracker tracker;
    private final JobAnnouncer announcer;
    private final List<String> firstWave;
    private final List<String> secondWave;
    private final CountDownLatch firstTermination = new CountDownLatch(1);

    /** Call before the routes start: holds the tracker open until {@link #run()} has announced everything. */
    JobWaves(CardsavrTarget target, JobTracker tracker, JobAnnouncer announcer, List<String> firstWave,
            List<String> secondWave) {
        this.target = target;
        this.tracker = tracker;
        this.announcer = announcer;
        this.firstWave = List.copyOf(firstWave);
        this.secondWave = List.copyOf(secondWave);
        tracker.hold();
        tracker.onChange(job -> {
            if (job.terminated()) {
                firstTermination.countDown();
            }
        });
    }

    @Override
    public void run() {
        try {
            announce(firstWave);
            if (!firstTermination.await(WAIT_FOR_FIRST_TERMINATION_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("No job terminated within {} s; announcing the second wave anyway",
                        WAIT_FOR_FIRST_TERMINATION_SECONDS);
            }
            announce(secondWave);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Could not create or announce jobs", e);
        } finally {
            tracker.release();
        }
    }

    private void announce(List<String> sites) {
        for (String site : sites) {
            DemoJob job = target.createJob(site);
            tracker.expect(job);
            announcer.announce(job.jobId(), target.creatorAccessKey(job.jobId()));
        }
    }
}
