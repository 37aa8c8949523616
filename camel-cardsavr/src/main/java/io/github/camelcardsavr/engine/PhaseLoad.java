package io.github.camelcardsavr.engine;

/**
 * How many channels are due in each slice of the interval, so that a new channel takes a quiet phase. A channel keeps
 * its phase for as long as it is polled (its grid does not drift), so channels added in a burst would otherwise stay a
 * burst of calls at every tick: ten thousand jobs handed over within one second of a five-second delay came due up to
 * five times faster than average in that second, more than the server could answer, and their calls started late.
 * <p>
 * A new channel goes to the first slice, from its earliest start on, that holds no more channels than the average
 * (rounded down): no slice gets more than one channel above the average, and a channel's first call comes within one
 * interval. Clock thread only.
 */
final class PhaseLoad {

    static final int SLICES = 1000;

    private final long intervalNanos;
    private final long epochNanos;
    private final long sliceNanos;
    private final int[] load = new int[SLICES];
    private int total;

    /** @param epochNanos any {@code System.nanoTime()} value: slices are counted from it */
    PhaseLoad(long intervalNanos, long epochNanos) {
        this.intervalNanos = intervalNanos;
        this.epochNanos = epochNanos;
        this.sliceNanos = Math.max(1, intervalNanos / SLICES);
    }

    /** Takes a phase for a new channel: its first due time, not before {@code startNanos}. */
    long place(long startNanos) {
        int below = total / SLICES + 1;
        // two rounds of slice steps: every slice is visited although the last one is up to a step longer
        for (int k = 0; k < 2 * SLICES; k++) {
            long due = startNanos + k * sliceNanos;
            int s = slice(due);
            if (load[s] < below) {
                load[s]++;
                total++;
                return due;
            }
        }
        // unreachable: fewer than SLICES * below channels are placed, so some slice holds fewer than below
        throw new IllegalStateException("No slice below " + below + " with " + total + " channels");
    }

    /** A channel due at {@code dueNanos} (any of its turns) left the clock. */
    void leave(long dueNanos) {
        int s = slice(dueNanos);
        if (load[s] > 0) {
            load[s]--;
            total--;
        }
    }

    private int slice(long nanos) {
        return (int) Math.min(SLICES - 1, Math.floorMod(nanos - epochNanos, intervalNanos) / sliceNanos);
    }
}
