package io.github.camelcardsavr.engine;

import java.util.Arrays;

import io.github.camelcardsavr.model.CardsavrMessage;

/**
 * Matches the messages a job receives on its two channels, primary and recovery, which carry the same stream. A
 * message is routed when it is the first copy: when no unmatched copy from the other channel waits here. A copy that
 * finds its twin consumes it, so two genuinely identical messages of the stream are both routed (each channel brings
 * both), and a channel never suppresses its own messages.
 * <p>
 * What waits is a multiset of fingerprints tagged with the channel they came on, newest {@value #CAPACITY} kept, in
 * primitive arrays sized to what the job needs: ten thousand jobs of a few dozen messages each cost a few hundred bytes
 * apiece, and a reading of the recovery channel empties it again. Delivery thread only.
 */
public final class FingerprintMemory {

    /** A job has tens of messages; more than this unmatched between two readings of its recovery channel is not expected. */
    static final int CAPACITY = 1024;

    private static final long EMPTY = 0;

    // open addressing with linear probing, duplicates allowed; 0 marks a free cell (no tagged key is 0, see tag())
    // small to begin with: ten thousand jobs each start with one, and most hold a few dozen messages at most
    private long[] table = new long[8];
    private int size;
    // insertion order, for forgetting the oldest; a matched copy leaves a hole (0), skipped and compacted away
    private long[] order = new long[4];
    private int head;
    private int queued;

    /**
     * A copy of the message with this fingerprint arrived on one channel.
     *
     * @return true when it is to be routed; false when it is the twin of a copy the other channel brought earlier
     */
    boolean arrived(long fingerprint, boolean fromRecovery) {
        long twin = tag(fingerprint, !fromRecovery);
        if (take(table, twin)) {
            size--;
            unqueueOldest(twin);
            return false;
        }
        add(tag(fingerprint, fromRecovery));
        return true;
    }

    /** A memory holding what {@link #toArray()} returned, e.g. as a job ended. */
    public static FingerprintMemory restoredFrom(long[] waiting) {
        FingerprintMemory memory = new FingerprintMemory();
        memory.restore(waiting);
        return memory;
    }

    /** {@link #arrived(long, boolean)} for a message. */
    public boolean arrived(CardsavrMessage message, boolean fromRecovery) {
        return arrived(MessageFingerprint.of(message), fromRecovery);
    }

    /** The waiting copies, tagged, oldest first: what the state store keeps. */
    long[] toArray() {
        long[] all = new long[size];
        int n = 0;
        for (int i = 0; i < queued; i++) {
            long key = order[(head + i) % order.length];
            if (key != EMPTY) {
                all[n++] = key;
            }
        }
        return all;
    }

    /** Puts back what {@link #toArray()} returned. */
    void restore(long[] tagged) {
        for (long key : tagged) {
            if (key != EMPTY) {
                add(key);
            }
        }
    }

    int size() {
        return size;
    }

    // the lowest bit says which channel; 0 never results, so it can mark free cells
    static long tag(long fingerprint, boolean fromRecovery) {
        long key = (fingerprint & ~1L) | (fromRecovery ? 1 : 0);
        return key == EMPTY ? 2 : key;
    }

    private void add(long key) {
        if (size == CAPACITY) {
            take(table, pollOldest());
            size--;
        }
        if (queued == order.length) {
            compactOrder();
        }
        order[(head + queued) % order.length] = key;
        queued++;
        if ((size + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        insert(key);
        size++;
    }

    private long pollOldest() {
        long key;
        do {
            key = order[head];
            head = (head + 1) % order.length;
            queued--;
        } while (key == EMPTY);
        return key;
    }

    // a matched copy is the oldest of its kind: its entry in the order becomes a hole, skipped and compacted away
    private void unqueueOldest(long key) {
        for (int i = 0; i < queued; i++) {
            int at = (head + i) % order.length;
            if (order[at] == key) {
                order[at] = EMPTY;
                return;
            }
        }
    }

    /** Drops the holes, and grows the ring when it is full of waiting copies. */
    private void compactOrder() {
        long[] kept = toArray();
        int length = kept.length * 2 > order.length ? Math.min(order.length * 2, 2 * CAPACITY) : order.length;
        order = Arrays.copyOf(kept, Math.max(length, kept.length + 1));
        head = 0;
        queued = kept.length;
    }

    private void insert(long key) {
        int mask = table.length - 1;
        int i = slot(key, mask);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = key;
    }

    private void rehash(int length) {
        long[] old = table;
        table = new long[length];
        for (long key : old) {
            if (key != EMPTY) {
                insert(key);
            }
        }
    }

    // removes one copy; backward-shift deletion keeps every probe chain unbroken without tombstones
    private static boolean take(long[] cells, long key) {
        int mask = cells.length - 1;
        int i = slot(key, mask);
        while (cells[i] != key) {
            if (cells[i] == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
        int gap = i;
        for (int j = (gap + 1) & mask; cells[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(cells[j], mask);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                cells[gap] = cells[j];
                gap = j;
            }
        }
        cells[gap] = EMPTY;
        return true;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
