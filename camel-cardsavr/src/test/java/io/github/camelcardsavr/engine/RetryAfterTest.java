package io.github.camelcardsavr.engine;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final RetryAfter sixtySeconds = new RetryAfter(Duration.ofSeconds(60));

    @Test
    void aShortWaitIsHonouredAsAsked() {
        assertThat(sixtySeconds.notBefore(1_000, Duration.ofSeconds(2))).isEqualTo(1_000 + 2_000_000_000L);
        assertThat(sixtySeconds.exceedsCap(Duration.ofSeconds(2))).isFalse();
    }

    @Test
    void aLongWaitIsCutToTheCapAndCounted() {
        assertThat(sixtySeconds.notBefore(0, Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(sixtySeconds.exceedsCap(Duration.ofMinutes(10))).isTrue();
    }

    @Test
    void headersBeyondWhatNanosecondsCanHoldDoNotOverflow() {
        // Retry-After: 9300000000 (seconds), and a date centuries ahead, both overflow Duration.toNanos
        Duration seconds = Duration.ofSeconds(9_300_000_000L);
        Duration centuries = Duration.of(300 * 365L, ChronoUnit.DAYS);
        long now = Long.MAX_VALUE - 1_000;
        assertThat(sixtySeconds.notBefore(-5, seconds)).isEqualTo(-5 + Duration.ofSeconds(60).toNanos());
        assertThat(sixtySeconds.notBefore(now, centuries)).isEqualTo(Long.MAX_VALUE);
        assertThat(RetryAfter.toNanosSaturated(seconds)).isEqualTo(Long.MAX_VALUE);
        assertThat(new RetryAfter(Duration.ofSeconds(9_300_000_000L)).capNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void negativeOrMissingValuesMeanNoWait() {
        assertThat(sixtySeconds.notBefore(42, Duration.ofSeconds(-3))).isEqualTo(42);
        assertThat(sixtySeconds.notBefore(42, null)).isEqualTo(42);
        assertThat(new RetryAfter(null).notBefore(42, Duration.ofSeconds(3))).isEqualTo(42);
    }
}
