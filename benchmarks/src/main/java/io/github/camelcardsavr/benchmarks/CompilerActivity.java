package io.github.camelcardsavr.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The JIT compiler's work, read from the JVM's accumulated compilation time. With the server and a contestant
 * keeping both cores busy, the compiler threads get little CPU, and a contestant whose path had not run flat out
 * before (the signed one, which nothing else in the run exercises) was still being compiled tens of seconds later,
 * polling at a fraction of its later rate. A steady rate is only measured once compilation has gone quiet.
 */
final class CompilerActivity {

    /** Compilation time per second below which the compiler counts as quiet: 1 % of one core. */
    static final long QUIET_MILLIS_PER_SECOND = 10;
    /** Consecutive quiet seconds asked for: one alone can fall between two long compilations. */
    static final int QUIET_SECONDS = 2;

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LongSupplier compiledMillis;
    private final Sleeper sleeper;

    CompilerActivity(LongSupplier compiledMillis, Sleeper sleeper) {
        this.compiledMillis = compiledMillis;
        this.sleeper = sleeper;
    }

    /** This JVM's compiler; fails on a JVM that does not report compilation time rather than measure unwarmed code. */
    static CompilerActivity ofThisJvm() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("This JVM does not report JIT compilation time (CompilationMXBean), which "
                                            + "the benchmark needs to measure warmed-up code");
        }
        return new CompilerActivity(compiler::getTotalCompilationTime,
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** Milliseconds the JIT has spent compiling since the JVM started. */
    long compiledMillis() {
        return compiledMillis.getAsLong();
    }

    /**
     * Waits, while a contestant runs, until compilation has been quiet for {@link #QUIET_SECONDS} seconds in a row, or
     * at most {@code max}.
     *
     * @return whether it went quiet within {@code max}
     */
    boolean awaitQuiet(Duration max) throws InterruptedException {
        long seconds = Math.max(1, max.toSeconds());
        int quietInARow = 0;
        long before = compiledMillis();
        for (long second = 0; second < seconds; second++) {
            sleeper.sleep(Duration.ofSeconds(1));
            long now = compiledMillis();
            quietInARow = now - before < QUIET_MILLIS_PER_SECOND ? quietInARow + 1 : 0;
            if (quietInARow == QUIET_SECONDS) {
                return true;
            }
            before = now;
        }
        return false;
    }
}
