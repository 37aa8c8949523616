package io.github.camelcardsavr.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintMemoryTest {

    /** Against a plain set with the same forgetting rule, over many adds, repeats and evictions. */
    @Test
    void behavesLikeASetOfTheNewestFingerprints() {
        Random random = new Random(42);
        FingerprintMemory memory = new FingerprintMemory();
        Set<Long> model = new HashSet<>();
        Deque<Long> order = new ArrayDeque<>();
        for (int i = 0; i < 200_000; i++) {
            // a small range makes repeats, collisions of slots and wrap-arounds common
            long fingerprint = random.nextInt(5_000) - 2_500L;
            boolean added = memory.add(fingerprint);
            long key = fingerprint == 0 ? 1 : fingerprint;
            boolean expected = !model.contains(key);
            assertThat(added).as("add #" + i).isEqualTo(expected);
            if (expected) {
                model.add(key);
                order.addLast(key);
                if (order.size() > FingerprintMemory.CAPACITY) {
                    model.remove(order.removeFirst());
                }
            }
            if (i % 997 == 0) {
                for (long probe = -2_500; probe < 2_500; probe += 13) {
                    long probeKey = probe == 0 ? 1 : probe;
                    assertThat(memory.contains(probe)).isEqualTo(model.contains(probeKey));
                }
            }
        }
        assertThat(memory.size()).isEqualTo(model.size());
        assertThat(memory.toArray()).containsExactly(order.stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void aFewFingerprintsCostAFewHundredBytes() {
        FingerprintMemory memory = new FingerprintMemory();
        for (long i = 1; i <= 16; i++) {
            assertThat(memory.add(i * 7919)).isTrue();
        }
        assertThat(memory.add(7919)).isFalse();
        assertThat(memory.size()).isEqualTo(16);
    }
}
