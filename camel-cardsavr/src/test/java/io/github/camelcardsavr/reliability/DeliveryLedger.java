package io.github.camelcardsavr.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was emitted on the server side and what the route completed, per job, as numbered sequences: the simulator's
 * manual jobs get messages {@code seq=1..n}, and the route records each message it completed. From the two follow the
 * figures of a fault row: lost, duplicated, out of order, and the recovery time.
 */
final class DeliveryLedger {

    /** A message the route completed, or one the test put on the server. */
    record Entry(int seq, long atNanos, long atMillis) {
    }

    private final Map<Long, List<Entry>> emitted = new ConcurrentHashMap<>();
    private final Map<Long, List<Entry>> delivered = new ConcurrentHashMap<>();
    private final Map<Long, Integer> lastSeq = new ConcurrentHashMap<>();

    void expectJob(long jobId, int lastSeqOfJob) {
        emitted.putIfAbsent(jobId, new ArrayList<>());
        delivered.putIfAbsent(jobId, new ArrayList<>());
        lastSeq.put(jobId, lastSeqOfJob);
    }

    void emitted(long jobId, int seq) {
        List<Entry> list = emitted.get(jobId);
        synchronized (list) {
            list.add(new Entry(seq, System.nanoTime(), System.currentTimeMillis()));
        }
    }

    void delivered(long jobId, int seq) {
        List<Entry> list = delivered.computeIfAbsent(jobId, id -> new ArrayList<>());
        synchronized (list) {
            list.add(new Entry(seq, System.nanoTime(), System.currentTimeMillis()));
        }
    }

    Set<Long> jobs() {
        return lastSeq.keySet();
    }

    List<Integer> deliveredSeqs(long jobId) {
        List<Entry> list = delivered.getOrDefault(jobId, List.of());
        synchronized (list) {
            return list.stream().map(Entry::seq).toList();
        }
    }

    /** Wall-clock times (ms) of the job's deliveries, duplicates included, in delivery order. */
    List<Entry> deliveries(long jobId) {
        List<Entry> list = delivered.getOrDefault(jobId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    List<Integer> emittedSeqs(long jobId) {
        List<Entry> list = emitted.getOrDefault(jobId, List.of());
        synchronized (list) {
            return list.stream().map(Entry::seq).toList();
        }
    }

    /** True once every job's last message has been delivered. */
    boolean allTerminalDelivered() {
        return lastSeq.entrySet().stream().allMatch(e -> deliveredSeqs(e.getKey()).contains(e.getValue()));
    }

    /** True once every message emitted so far has been delivered. */
    boolean allEmittedDelivered() {
        return jobs().stream().allMatch(job -> new HashSet<>(deliveredSeqs(job)).containsAll(emittedSeqs(job)));
    }

    int emittedCount() {
        return jobs().stream().mapToInt(job -> emittedSeqs(job).size()).sum();
    }

    int deliveredCount() {
        return jobs().stream().mapToInt(job -> deliveredSeqs(job).size()).sum();
    }

    int distinctDelivered() {
        return jobs().stream().mapToInt(job -> new HashSet<>(deliveredSeqs(job)).size()).sum();
    }

    int lost() {
        int lost = 0;
        for (long job : jobs()) {
            Set<Integer> got = new HashSet<>(deliveredSeqs(job));
            lost += (int) emittedSeqs(job).stream().filter(seq -> !got.contains(seq)).count();
        }
        return lost;
    }

    Map<Long, List<Integer>> lostSeqs() {
        Map<Long, List<Integer>> result = new HashMap<>();
        for (long job : jobs()) {
            Set<Integer> got = new HashSet<>(deliveredSeqs(job));
            List<Integer> missing = emittedSeqs(job).stream().filter(seq -> !got.contains(seq)).toList();
            if (!missing.isEmpty()) {
                result.put(job, missing);
            }
        }
        return result;
    }

    int duplicates() {
        return deliveredCount() - distinctDelivered();
    }

    /** Jobs whose first deliveries are not in emission order; empty when every job is in order. */
    Map<Long, List<Integer>> outOfOrder() {
        Map<Long, List<Integer>> result = new HashMap<>();
        for (long job : jobs()) {
            Set<Integer> seen = new HashSet<>();
            List<Integer> firsts = new ArrayList<>();
            for (int seq : deliveredSeqs(job)) {
                if (seen.add(seq)) {
                    firsts.add(seq);
                }
            }
            for (int i = 1; i < firsts.size(); i++) {
                if (firsts.get(i) <= firsts.get(i - 1)) {
                    result.put(job, firsts);
                    break;
                }
            }
        }
        return result;
    }

    /** The longest time a message took from the server to the route (first delivery), in milliseconds. */
    long maxDelayMillis() {
        long worst = 0;
        for (long job : jobs()) {
            Map<Integer, Long> firstDelivery = firstDeliveries(job);
            List<Entry> sent = emitted.getOrDefault(job, List.of());
            synchronized (sent) {
                for (Entry e : sent) {
                    Long at = firstDelivery.get(e.seq());
                    if (at != null) {
                        worst = Math.max(worst, at - e.atNanos());
                    }
                }
            }
        }
        return worst / 1_000_000;
    }

    private Map<Integer, Long> firstDeliveries(long job) {
        Map<Integer, Long> firstDelivery = new HashMap<>();
        List<Entry> got = delivered.getOrDefault(job, List.of());
        synchronized (got) {
            for (Entry e : got) {
                firstDelivery.putIfAbsent(e.seq(), e.atNanos());
            }
        }
        return firstDelivery;
    }

    /**
     * Milliseconds from {@code liftedAtNanos} (the fault ended) until every message emitted up to then had been
     * delivered for the first time; 0 when that was already the case.
     */
    long recoveryMillis(long liftedAtNanos) {
        long latest = liftedAtNanos;
        for (long job : jobs()) {
            Map<Integer, Long> firstDelivery = firstDeliveries(job);
            List<Entry> sent = emitted.getOrDefault(job, List.of());
            synchronized (sent) {
                for (Entry e : sent) {
                    Long at = firstDelivery.get(e.seq());
                    if (e.atNanos() <= liftedAtNanos && at != null) {
                        latest = Math.max(latest, at);
                    }
                }
            }
        }
        return (latest - liftedAtNanos) / 1_000_000;
    }
}
