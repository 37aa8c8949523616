package io.github.camelcardsavr.client;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFingerprintsTest {

    /**
     * Against the LinkedHashMap it replaced, with fingerprints from a small range so that probe runs collide, wrap
     * around the table's end and lose members in their middle.
     */
    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 7, 64, 4096 })
    void behavesLikeAnInsertionOrderedMapThatForgetsItsOldest(int capacity) {
        RecentFingerprints recent = new RecentFingerprints(capacity);
        LinkedHashMap<Long, Long> model = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(capacity);
        long range = capacity * 3L;
        for (int i = 0; i < 200_000; i++) {
            long print = random.nextLong(range) * (i % 2 == 0 ? 1 : 0x100000001L);
            assertThat(recent.contains(print)).as("step %d, fingerprint %d", i, print).isEqualTo(model.containsKey(print));
            if (model.containsKey(print)) {
                continue;
            }
            long forgotten = RecentFingerprints.NONE;
            model.put(print, (long) i);
            if (model.size() > capacity) {
                Iterator<Map.Entry<Long, Long>> oldest = model.entrySet().iterator();
                forgotten = oldest.next().getValue();
                oldest.remove();
            }
            assertThat(recent.add(print, i)).as("value forgotten at step %d", i).isEqualTo(forgotten);
            assertThat(recent.size()).isEqualTo(model.size());
        }
        for (long print = 0; print < range; print++) {
            assertThat(recent.contains(print)).isEqualTo(model.containsKey(print));
        }
    }
}
