package io.github.camelcardsavr.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late calls start relative to their channel's due time, in millisecond buckets (the last bucket collects
 * everything from {@value #BUCKETS} ms up). Lock-free: calls start on several threads. Read by the health check and
 * benchmarks to show that a consumer keeps its cadence.
 */
public final class PollLateness {

    static final int BUCKETS = 2000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    void record(long latenessNanos) {
        long nanos = Math.max(0, latenessNanos);
        int bucket = (int) Math.min(BUCKETS, TimeUnit.NANOSECONDS.toMillis(nanos));
        counts.incrementAndGet(bucket);
        total.incrementAndGet();
        maxNanos.accumulateAndGet(nanos, Math::max);
    }

    /** Calls started so far. */
    public long count() {
        return total.get();
    }

    /** The lateness, in milliseconds, that {@code percentile} percent of the calls did not exceed (0 with no calls). */
    public long percentileMillis(double percentile) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(n * percentile / 100.0));
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return BUCKETS;
    }

    public long maxMillis() {
        return TimeUnit.NANOSECONDS.toMillis(maxNanos.get());
    }

    /** Forgets what was recorded (benchmarks measure a steady state after a warm-up). */
    public void reset() {
        for (int i = 0; i <= BUCKETS; i++) {
            counts.set(i, 0);
        }
        total.set(0);
        maxNanos.set(0);
    }
}
