package io.github.camelcardsavr.client;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTest {

    private static String signature(long n) {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(32).putLong(n).putLong(~n).array());
    }

    @Test
    void aRepeatedSignatureIsRefusedAndAnEqualNonceIsNot() {
        ReplayGuard guard = new ReplayGuard(16, Duration.ofMinutes(1));
        assertThat(guard.admit("1700000000000", signature(1))).isNull();
        assertThat(guard.admit("1700000000000", signature(2))).isNull();
        assertThat(guard.admit("1700000000000", signature(1))).contains("already accepted", "replayed");
    }

    @Test
    void memoryIsBoundedAndForgottenRepliesCannotBeReplayedLongAfter() {
        ReplayGuard guard = new ReplayGuard(3, Duration.ofMillis(1_000));
        for (int i = 1; i <= 10; i++) {
            assertThat(guard.admit(Long.toString(10_000L * i), signature(i))).isNull();
        }
        assertThat(guard.size()).isEqualTo(3);
        // replies 1..7 are forgotten; the newest of them has nonce 70,000
        assertThat(guard.admit("69500", signature(7))).as("within the slack: a late honest reply is let through").isNull();
        assertThat(guard.admit("20000", signature(2))).contains("older than the replies this session still remembers",
                "1000 ms", "replayed");
        assertThat(guard.admit("not-a-clock", signature(99))).isNull();
        assertThat(guard.admit("not-a-clock", signature(99))).contains("already accepted");
    }

    @Test
    void theSlackCoversTheCallDeadlineAndClockDifferences() {
        ReplayGuard guard = ReplayGuard.forDeadline(Duration.ofSeconds(60));
        for (int i = 0; i <= ReplayGuard.CAPACITY; i++) {
            guard.admit(Long.toString(1_000_000_000L + i), signature(i));
        }
        assertThat(guard.size()).isEqualTo(ReplayGuard.CAPACITY);
        long forgotten = 1_000_000_000L;
        long slack = Duration.ofSeconds(60).plus(ReplayGuard.CLOCK_ALLOWANCE).toMillis();
        assertThat(guard.admit(Long.toString(forgotten - slack), signature(-1))).isNull();
        assertThat(guard.admit(Long.toString(forgotten - slack - 1), signature(-2))).isNotNull();
    }
}
