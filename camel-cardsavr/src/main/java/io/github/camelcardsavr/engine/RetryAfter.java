package io.github.camelcardsavr.engine;

import java.time.Duration;

/**
 * How long a channel waits when the server answered with {@code Retry-After}: honoured up to a cap, with arithmetic
 * that cannot overflow, whatever the header said (a value in the billions of seconds or a date centuries ahead).
 */
final class RetryAfter {

    private final long capNanos;

    RetryAfter(Duration cap) {
        this.capNanos = toNanosSaturated(cap == null || cap.isNegative() ? Duration.ZERO : cap);
    }

    /** The earliest {@code System.nanoTime()} at which the channel may be called again. */
    long notBefore(long nowNanos, Duration requested) {
        long wait = Math.min(capNanos, toNanosSaturated(requested));
        long until = nowNanos + wait;
        // nanoTime values may be negative; only an actual overflow of the sum is clamped
        return ((nowNanos ^ until) & (wait ^ until)) < 0 ? Long.MAX_VALUE : until;
    }

    /** True when the server asked for longer than the cap (the health check reports such a channel). */
    boolean exceedsCap(Duration requested) {
        return requested != null && toNanosSaturated(requested) > capNanos;
    }

    long capNanos() {
        return capNanos;
    }

    static long toNanosSaturated(Duration d) {
        if (d == null || d.isNegative()) {
            return 0;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
