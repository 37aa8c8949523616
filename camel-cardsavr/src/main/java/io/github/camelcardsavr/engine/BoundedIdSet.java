package io.github.camelcardsavr.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers at most {@code capacity} ids, forgetting the least recently added or touched first, so that long-running
 * consumers that see thousands of jobs do not grow without bound. Thread-safe.
 */
public final class BoundedIdSet<K> {

    private final Map<K, Boolean> ids;

    public BoundedIdSet(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void add(K id) {
        ids.put(id, Boolean.TRUE);
    }

    public synchronized boolean contains(K id) {
        return ids.get(id) != null;
    }

    public synchronized void remove(K id) {
        ids.remove(id);
    }

    public synchronized void retainOnly(java.util.Set<K> keep) {
        ids.keySet().retainAll(keep);
    }

    public synchronized int size() {
        return ids.size();
    }
}
