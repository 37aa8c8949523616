package io.github.camelcardsavr.simulator.internal.http;

import java.util.Map;
import java.util.TreeMap;

import io.github.camelcardsavr.simulator.internal.crypto.BodyEncryption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Counts API requests per "METHOD /path" (trailing slash removed), and encrypted replies per scheme; admin
 * requests are not counted.
 */
public final class RequestCounter {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> encryptedReplies = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> observer = (method, path) -> { };

    void record(String method, String path) {
        counts.computeIfAbsent(method + " " + path, k -> new LongAdder()).increment();
        observer.accept(method, path);
    }

    /** Told the method and path of every API request as it arrives; null stops telling. */
    public void observe(BiConsumer<String, String> arrivals) {
        this.observer = arrivals == null ? (method, path) -> { } : arrivals;
    }

    /** Requests whose path contains the substring, any method. */
    public long count(String pathSubstring) {
        return count(null, pathSubstring);
    }

    /** Requests with this method (null for any) whose path contains the substring. */
    public long count(String method, String pathSubstring) {
        String needle = pathSubstring == null ? "" : pathSubstring;
        long total = 0;
        for (Map.Entry<String, LongAdder> entry : counts.entrySet()) {
            int space = entry.getKey().indexOf(' ');
            String entryMethod = entry.getKey().substring(0, space);
            String entryPath = entry.getKey().substring(space + 1);
            if ((method == null || method.equalsIgnoreCase(entryMethod)) && entryPath.contains(needle)) {
                total += entry.getValue().sum();
            }
        }
        return total;
    }

    void recordEncryptedReply(BodyEncryption.Scheme scheme) {
        encryptedReplies.computeIfAbsent(scheme.wireName(), k -> new LongAdder()).increment();
    }

    /** Encrypted replies so far by scheme, e.g. {@code {"aes-256-cbc": 12, "aes-256-gcm": 3}}. */
    public Map<String, Long> encryptedReplies() {
        Map<String, Long> snapshot = new TreeMap<>();
        encryptedReplies.forEach((key, adder) -> snapshot.put(key, adder.sum()));
        return snapshot;
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((key, adder) -> snapshot.put(key, adder.sum()));
        return snapshot;
    }

    public void reset() {
        counts.clear();
        encryptedReplies.clear();
    }
}
