package io.github.camelcardsavr.simulator.internal.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the configured clock with an offset, so tests can move retention and expiry forward in time
 * ({@code advanceClock}) whatever clock they injected.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis;

    public AdjustableClock(Clock base) {
        this(base, new AtomicLong());
    }

    private AdjustableClock(Clock base, AtomicLong offsetMillis) {
        this.base = base;
        this.offsetMillis = offsetMillis;
    }

    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The simulator clock only moves forward; got " + amount);
        }
        offsetMillis.addAndGet(amount.toMillis());
    }

    public long millis() {
        return base.millis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offsetMillis);
    }
}
