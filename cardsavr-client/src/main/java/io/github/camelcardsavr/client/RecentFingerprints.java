package io.github.camelcardsavr.client;

/**
 * The last {@code capacity} distinct 64-bit fingerprints, each with a value (a reply's nonce), forgetting the oldest:
 * an insertion-ordered ring and an open-addressing index over it, in primitive arrays. Every signed reply passes
 * through here on an I/O thread; a {@code LinkedHashMap<Long, Long>} of the same size cost a boxed key, a node and
 * a cache miss or two per lookup. Not thread-safe: its owner locks.
 */
final class RecentFingerprints {

    /** What {@link #add} returns when nothing was forgotten. */
    static final long NONE = Long.MIN_VALUE;

    private final long[] ringPrints;
    private final long[] ringValues;
    private int oldest;
    private int size;
    // index: slot -> position in the ring + 1 (0 = free); linear probing, at most half full
    private final int[] slots;
    private final int mask;

    RecentFingerprints(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        ringPrints = new long[capacity];
        ringValues = new long[capacity];
        int tableSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
        slots = new int[Math.max(2, tableSize)];
        mask = slots.length - 1;
    }

    int size() {
        return size;
    }

    boolean contains(long print) {
        for (int slot = home(print); slots[slot] != 0; slot = (slot + 1) & mask) {
            if (ringPrints[slots[slot] - 1] == print) {
                return true;
            }
        }
        return false;
    }

    /**
     * Remembers a fingerprint that is not {@link #contains contained} yet.
     *
     * @return the value of the fingerprint forgotten to make room, or {@link #NONE}
     */
    long add(long print, long value) {
        long forgotten = NONE;
        if (size == ringPrints.length) {
            forgotten = ringValues[oldest];
            unindex(oldest);
            oldest = (oldest + 1) % ringPrints.length;
            size--;
        }
        int position = (oldest + size) % ringPrints.length;
        ringPrints[position] = print;
        ringValues[position] = value;
        size++;
        int slot = home(print);
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = position + 1;
        return forgotten;
    }

    private int home(long print) {
        // fingerprints of HMACs are uniform already; the multiply spreads any other input over the table too
        return (int) ((print * 0x9E3779B97F4A7C15L) >>> 33) & mask;
    }

    /** Frees the ring position's slot, shifting later entries of its probe run back so lookups still find them. */
    private void unindex(int position) {
        int free = home(ringPrints[position]);
        while (slots[free] != position + 1) {
            free = (free + 1) & mask;
        }
        for (int next = (free + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
            int want = home(ringPrints[slots[next] - 1]);
            // the entry at next may move back to free only if free lies on its probe path (from want to next)
            boolean onPath = free <= next ? want <= free || want > next : want <= free && want > next;
            if (onPath) {
                slots[free] = slots[next];
                free = next;
            }
        }
        slots[free] = 0;
    }
}
