package io.github.camelcardsavr.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollClockTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static List<PolledChannel> channels(PollClock clock, int n) {
        List<PolledChannel> all = new ArrayList<>();
        for (long id = 1; id <= n; id++) {
            PolledChannel c = new PolledChannel(id, null);
            all.add(c);
            clock.add(c);
        }
        return all;
    }

    @Test
    void aFewChannelsStartWithinAFewThousandthsOfTheInterval() {
        PollClock clock = new PollClock(5 * SECOND, 0, (c, due, now) -> { });
        List<PolledChannel> all = channels(clock, 32);
        clock.admit(1_000);
        long slice = 5 * SECOND / PhaseLoad.SLICES;
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).dueNanos).isEqualTo(1_000 + i * slice);
        }
    }

    @Test
    void manyChannelsArrivingTogetherAreSpreadEvenlyOverOneInterval() {
        PollClock clock = new PollClock(5 * SECOND, 0, (c, due, now) -> { });
        List<PolledChannel> all = channels(clock, 10_000);
        clock.admit(0);
        assertThat(all).allSatisfy(c -> assertThat(c.dueNanos).isBetween(0L, 5 * SECOND - 1));
        assertThat(perSlice(all, 5 * SECOND)).containsOnly(10);
    }

    @Test
    void channelsHandedOverOneByOneWithinASecondAreSpreadOverTheWholeInterval() {
        PollClock clock = new PollClock(5 * SECOND, 0, (c, due, now) -> { });
        List<PolledChannel> all = new ArrayList<>();
        long now = 0;
        // ten a millisecond, as a producer hands over ten thousand jobs: each admitted as it comes
        for (long id = 1; id <= 10_000; id++) {
            PolledChannel c = new PolledChannel(id, null);
            all.add(c);
            clock.add(c);
            if (id % 10 == 0) {
                clock.admit(now);
                now += TimeUnit.MILLISECONDS.toNanos(1);
            }
        }
        assertThat(perSlice(all, 5 * SECOND)).containsOnly(10);
        // the first call of the last jobs still comes within one interval of their arrival
        assertThat(all.get(all.size() - 1).dueNanos).isLessThan(now + 5 * SECOND);
    }

    @Test
    void aChannelThatStopsPollingFreesItsPhaseForTheNextOne() {
        PollClock clock = new PollClock(SECOND, 0, (c, due, now) -> { });
        List<PolledChannel> all = channels(clock, 2_000);
        clock.admit(0);
        PolledChannel leaving = all.get(500);
        long freed = leaving.dueNanos;
        leaving.markEnded();
        clock.tick(SECOND / 2 + 1);
        PolledChannel next = channels(clock, 1).get(0);
        clock.admit(SECOND / 4);
        assertThat(next.dueNanos % SECOND).isEqualTo(freed % SECOND);
    }

    private static java.util.Collection<Integer> perSlice(List<PolledChannel> all, long interval) {
        java.util.Map<Long, Integer> slices = new java.util.HashMap<>();
        for (PolledChannel c : all) {
            slices.merge(Math.floorMod(c.dueNanos, interval) / (interval / PhaseLoad.SLICES), 1, Integer::sum);
        }
        assertThat(slices).hasSize(PhaseLoad.SLICES);
        return slices.values();
    }

    @Test
    void noChannelIsDueBeforeTheInitialDelay() {
        PollClock clock = new PollClock(SECOND, 3 * SECOND, (c, due, now) -> { });
        List<PolledChannel> all = channels(clock, 2);
        clock.admit(SECOND);
        assertThat(all.get(0).dueNanos).isEqualTo(3 * SECOND);
        assertThat(all).allSatisfy(c -> assertThat(c.dueNanos).isBetween(3 * SECOND, 4 * SECOND - 1));
    }

    @Test
    void theGridDoesNotDriftAndLateTicksAreNotMadeUpFor() {
        PollClock clock = new PollClock(5 * SECOND, 0, (c, due, now) -> { });
        // on time, or a little late: the next due time stays on the grid
        assertThat(clock.nextDue(10 * SECOND, 10 * SECOND)).isEqualTo(15 * SECOND);
        assertThat(clock.nextDue(10 * SECOND, 12 * SECOND)).isEqualTo(15 * SECOND);
        // three intervals late: the missed ticks are skipped, not fired in a burst
        assertThat(clock.nextDue(10 * SECOND, 26 * SECOND)).isEqualTo(30 * SECOND);
        // nanoTime may be negative
        assertThat(clock.nextDue(-7 * SECOND, -7 * SECOND)).isEqualTo(-2 * SECOND);
    }

    @Test
    void anIntervalOfZeroIsOneMillisecond() {
        PollClock clock = new PollClock(0, 0, (c, due, now) -> { });
        assertThat(clock.nextDue(0, 0)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
    }

    @Test
    void everyChannelIsHandedOverOnItsGridInDueOrderAlsoWhenTheClockFallsBehind() {
        List<long[]> handed = new ArrayList<>();
        PollClock clock = new PollClock(SECOND, 0, (c, due, now) -> handed.add(new long[] { c.id(), due }));
        List<PolledChannel> all = channels(clock, 100);
        long now = 0;
        clock.admit(now);
        // steady ticks of a tenth of a second, then one stall of two and a half seconds, then steady again
        for (int step = 0; step < 200; step++) {
            now += step == 60 ? 2_500_000_000L : SECOND / 10;
            clock.tick(now);
        }
        for (int i = 1; i < handed.size(); i++) {
            assertThat(handed.get(i)[1]).as("due times are handed over in order").isGreaterThanOrEqualTo(handed.get(i - 1)[1]);
        }
        for (PolledChannel channel : all) {
            List<Long> dues = handed.stream().filter(h -> h[0] == channel.id()).map(h -> h[1]).toList();
            long first = dues.get(0);
            assertThat(dues).as("channel %d", channel.id()).allSatisfy(d -> assertThat((d - first) % SECOND).isZero());
            assertThat(dues).doesNotHaveDuplicates();
            // the stall (6.0 s to 8.5 s): its first missed turn comes late, the others are skipped, not made up for
            assertThat(dues.stream().filter(d -> d > 6 * SECOND && d <= 8_500_000_000L)).hasSizeLessThanOrEqualTo(1);
            for (long g = first; g <= 21 * SECOND; g += SECOND) {
                if (g <= 6 * SECOND || g > 8_500_000_000L) {
                    assertThat(dues).as("channel %d, turn at %d ns", channel.id(), g).contains(g);
                }
            }
        }
    }
}
