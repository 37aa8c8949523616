package io.github.camelcardsavr.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A counter's rate over a measured stretch, after a warm-up. */
final class Rate {

    private Rate() {
    }

    static double perSecond(LongSupplier counter, Duration warmUp, Duration measured) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(warmUp.toNanos());
        long c0 = counter.getAsLong();
        long t0 = System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(measured.toNanos());
        long c1 = counter.getAsLong();
        long t1 = System.nanoTime();
        return (c1 - c0) / ((t1 - t0) / 1e9);
    }
}
