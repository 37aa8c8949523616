package io.github.camelcardsavr.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers at most {@code capacity} ids, forgetting the least recently added or touched first, so that long-running
 * consumers that see thousands of jobs do not grow without bound.
 */
final class BoundedIdSet<K> {

    private final Map<K, Boolean> ids;

    BoundedIdSet(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(K id) {
        ids.put(id, Boolean.TRUE);
    }

    boolean contains(K id) {
        return ids.get(id) != null;
    }

    void remove(K id) {
        ids.remove(id);
    }

    void retainOnly(java.util.Set<K> keep) {
        ids.keySet().retainAll(keep);
    }

    int size() {
        return ids.size();
    }
}
