package io.github.camelcardsavr.engine;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintMemoryTest {

    /**
     * Against a plain list of waiting copies (oldest first, matched copies removed, the oldest evicted beyond the
     * capacity), over many arrivals with repeats from both channels, so that slot collisions, wrap-arounds, order
     * compaction and evictions all happen.
     */
    @Test
    void behavesLikeAListOfWaitingCopies() {
        Random random = new Random(42);
        FingerprintMemory memory = new FingerprintMemory();
        LinkedList<Long> model = new LinkedList<>();
        for (int i = 0; i < 300_000; i++) {
            // a small range makes repeats and matches common; phases of one channel only fill the memory up
            long fingerprint = random.nextInt(3_000) * 2L;
            boolean fromRecovery = (i / 5_000) % 3 == 0 ? random.nextBoolean() : (i / 5_000) % 3 == 1;
            boolean routed = memory.arrived(fingerprint, fromRecovery);
            boolean expected = !removeFirst(model, FingerprintMemory.tag(fingerprint, !fromRecovery));
            if (expected) {
                model.addLast(FingerprintMemory.tag(fingerprint, fromRecovery));
                if (model.size() > FingerprintMemory.CAPACITY) {
                    model.removeFirst();
                }
            }
            assertThat(routed).as("arrival #" + i).isEqualTo(expected);
            if (i % 4_999 == 0) {
                assertThat(memory.toArray()).as("after arrival #" + i)
                        .containsExactly(model.stream().mapToLong(Long::longValue).toArray());
            }
        }
        assertThat(memory.size()).isEqualTo(model.size());
    }

    @Test
    void twoIdenticalMessagesOfTheStreamAreBothRoutedOnceEach() {
        FingerprintMemory memory = new FingerprintMemory();
        // the primary brings a message twice (the job really sent it twice), the recovery channel brings both copies too
        assertThat(memory.arrived(77, false)).isTrue();
        assertThat(memory.arrived(77, false)).isTrue();
        assertThat(memory.arrived(77, true)).isFalse();
        assertThat(memory.arrived(77, true)).isFalse();
        assertThat(memory.size()).isZero();
        // a channel never suppresses its own messages
        assertThat(memory.arrived(91, true)).isTrue();
        assertThat(memory.arrived(91, true)).isTrue();
    }

    @Test
    void aReadingOfTheRecoveryChannelEmptiesTheMemory() {
        FingerprintMemory memory = new FingerprintMemory();
        for (long f = 2; f <= 120; f += 2) {
            memory.arrived(f * 7919, false);
        }
        assertThat(memory.size()).isEqualTo(60);
        for (long f = 2; f <= 120; f += 2) {
            assertThat(memory.arrived(f * 7919, true)).isFalse();
        }
        assertThat(memory.size()).isZero();
        assertThat(memory.toArray()).isEmpty();
    }

    @Test
    void whatWaitsSurvivesARestartThroughTheStateStore() {
        FingerprintMemory before = new FingerprintMemory();
        before.arrived(10, false);
        before.arrived(12, true);
        FingerprintMemory after = new FingerprintMemory();
        after.restore(before.toArray());
        assertThat(after.arrived(10, true)).as("twin of the primary copy").isFalse();
        assertThat(after.arrived(12, false)).as("twin of the recovery copy").isFalse();
        assertThat(after.arrived(10, true)).as("a second copy is new").isTrue();
    }

    @Test
    void theLastReadingOfAnEndedJobYieldsOnlyWhatThePrimaryNeverBrought() {
        CardsavrMessage a = status(1, "AUTH", 900);
        CardsavrMessage b = status(1, "UPDATING", 880);
        CardsavrMessage c = status(1, "SUCCESSFUL", 860);
        FingerprintMemory memory = new FingerprintMemory();
        memory.arrived(MessageFingerprint.of(a), false);
        memory.arrived(MessageFingerprint.of(c), false);

        FingerprintMemory atTheEnd = FingerprintMemory.restoredFrom(memory.toArray());
        List<CardsavrMessage> late = Stream.of(a, b, c).filter(m -> atTheEnd.arrived(m, true)).toList();

        assertThat(late).containsExactly(b);
        assertThat(atTheEnd.arrived(c, false)).as("the primary's second copy of c is new").isTrue();
    }

    private static boolean removeFirst(List<Long> list, long key) {
        for (Iterator<Long> it = list.iterator(); it.hasNext(); ) {
            if (it.next() == key) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private static CardsavrMessage status(long jobId, String status, long jobTimeout) {
        String json = "[{\"type\":\"job_status\",\"job_id\":" + jobId + ",\"message\":{\"status\":\"" + status
                      + "\",\"job_timeout\":" + jobTimeout + "}}]";
        return CardsavrJson.parseMessageBatch(json.getBytes(StandardCharsets.UTF_8)).get(0);
    }
}
