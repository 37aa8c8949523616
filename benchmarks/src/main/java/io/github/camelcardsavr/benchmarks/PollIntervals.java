package io.github.camelcardsavr.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.camelcardsavr.simulator.CreatedJob;

/**
 * Each job's polls as the server sees them: how many, and how far each gap between two polls of one job is from the
 * intended delay (lateness; negative when early). Recording is cheap and lock-free: it runs on the server's threads.
 */
final class PollIntervals {

    private static final int MAX_SAMPLES = 2_000_000;

    private final ConcurrentHashMap<Long, Integer> index = new ConcurrentHashMap<>();
    private final AtomicLongArray lastPollNanos;
    private final long delayNanos;
    private final long[] samples = new long[MAX_SAMPLES];
    private final AtomicInteger sampleCount = new AtomicInteger();
    private final AtomicLong polls = new AtomicLong();
    private volatile boolean measuring;

    PollIntervals(List<CreatedJob> jobs, Duration delay) {
        for (int i = 0; i < jobs.size(); i++) {
            index.put(jobs.get(i).getJobId(), i);
        }
        this.lastPollNanos = new AtomicLongArray(jobs.size());
        this.delayNanos = delay.toNanos();
    }

    void polled(long jobId) {
        long now = System.nanoTime();
        polls.incrementAndGet();
        Integer i = index.get(jobId);
        if (i == null) {
            return;
        }
        long last = lastPollNanos.getAndSet(i, now);
        if (measuring && last != 0) {
            int n = sampleCount.getAndIncrement();
            if (n < MAX_SAMPLES) {
                samples[n] = now - last - delayNanos;
            }
        }
    }

    long polls() {
        return polls.get();
    }

    /** Waits until each job was polled at least once; fails naming how many were not, after {@code max}. */
    void awaitEveryJobPolled(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int unpolled;
        while ((unpolled = unpolledJobs()) > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(unpolled + " of " + lastPollNanos.length() + " jobs were not polled within "
                        + max.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private int unpolledJobs() {
        int unpolled = 0;
        for (int i = 0; i < lastPollNanos.length(); i++) {
            if (lastPollNanos.get(i) == 0) {
                unpolled++;
            }
        }
        return unpolled;
    }

    /** Lateness from now on only: the first cycles (jobs being added, JIT) are left out. */
    void startMeasuring() {
        sampleCount.set(0);
        measuring = true;
    }

    /** Lateness percentiles in milliseconds: {p50, p99, max}. */
    double[] latenessMillis() {
        measuring = false;
        int n = Math.min(sampleCount.get(), MAX_SAMPLES);
        if (n == 0) {
            return new double[] { Double.NaN, Double.NaN, Double.NaN };
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new double[] { sorted[(int) (n * 0.50)] / 1e6, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
                sorted[n - 1] / 1e6 };
    }

    int samples() {
        return Math.min(sampleCount.get(), MAX_SAMPLES);
    }
}
