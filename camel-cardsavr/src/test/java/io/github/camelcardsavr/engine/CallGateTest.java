package io.github.camelcardsavr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallGateTest {

    @Test
    void neverMoreCallsThanSlotsAndWaitingChannelsStartInArrivalOrder() {
        List<Long> started = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CallGate gate = new CallGate(3, c -> {
            started.add(c.id());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        });
        for (long id = 1; id <= 10; id++) {
            gate.submit(new PolledChannel(id, null));
        }
        assertThat(started).containsExactly(1L, 2L, 3L);
        assertThat(gate.waiting()).isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            running.decrementAndGet();
            gate.release();
        }
        assertThat(started).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(mostAtOnce).hasValue(3);
    }

    @Test
    void callsThatEndAtOnceDoNotGrowTheStack() {
        AtomicInteger started = new AtomicInteger();
        CallGate[] gate = new CallGate[1];
        // every call ends while it is being started, which releases its slot from inside the drain loop
        gate[0] = new CallGate(1, c -> {
            started.incrementAndGet();
            gate[0].release();
        });
        for (long id = 1; id <= 100_000; id++) {
            gate[0].submit(new PolledChannel(id, null));
        }
        assertThat(started).hasValue(100_000);
        assertThat(gate[0].waiting()).isZero();
    }
}
