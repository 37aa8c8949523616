package io.github.camelcardsavr.engine;

import java.util.Arrays;

/**
 * The fingerprints of the messages a job has received, newest {@value #CAPACITY} kept, for a constant-time "seen
 * before?". Primitive arrays, sized to what the job needs: ten thousand jobs of a few dozen messages each cost a few
 * hundred bytes apiece. Delivery thread only.
 */
final class FingerprintMemory {

    /** A job has tens of messages; more than this between two readings of its recovery channel is not expected. */
    static final int CAPACITY = 1024;

    private static final long EMPTY = 0;

    // open addressing with linear probing; 0 marks a free cell, so a fingerprint of 0 is stored as 1
    private long[] table = new long[32];
    // insertion order, for forgetting the oldest
    private long[] order = new long[16];
    private int head;
    private int size;

    /** Remembers the fingerprint; false when it was already known. */
    boolean add(long fingerprint) {
        long key = fingerprint == EMPTY ? 1 : fingerprint;
        if (contains(key)) {
            return false;
        }
        if (size == CAPACITY) {
            remove(order[head]);
            order[head] = key;
            head = (head + 1) % CAPACITY;
        } else {
            if (size == order.length) {
                grow();
            }
            order[(head + size) % order.length] = key;
            size++;
        }
        insert(key);
        return true;
    }

    boolean contains(long fingerprint) {
        long key = fingerprint == EMPTY ? 1 : fingerprint;
        int mask = table.length - 1;
        for (int i = slot(key, mask); table[i] != EMPTY; i = (i + 1) & mask) {
            if (table[i] == key) {
                return true;
            }
        }
        return false;
    }

    /** Oldest first, for the state store. */
    long[] toArray() {
        long[] all = new long[size];
        for (int i = 0; i < size; i++) {
            all[i] = order[(head + i) % order.length];
        }
        return all;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] all = toArray();
        order = Arrays.copyOf(all, Math.min(CAPACITY, order.length * 2));
        head = 0;
        table = new long[order.length * 2];
        for (long key : all) {
            insert(key);
        }
    }

    private void insert(long key) {
        int mask = table.length - 1;
        int i = slot(key, mask);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = key;
    }

    // backward-shift deletion keeps every probe chain unbroken without tombstones
    private void remove(long key) {
        int mask = table.length - 1;
        int i = slot(key, mask);
        while (table[i] != key) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        int gap = i;
        for (int j = (gap + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(table[j], mask);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = EMPTY;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
