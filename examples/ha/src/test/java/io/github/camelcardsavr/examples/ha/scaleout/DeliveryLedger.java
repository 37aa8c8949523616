package io.github.camelcardsavr.examples.ha.scaleout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.Exchange;

/**
 * Every status message any replica delivered, in delivery order per job: the outside world the replicas write to.
 * Messages are {@code S<n>}, n counting from 1 per job.
 */
final class DeliveryLedger {

    record Delivery(long jobId, int seq, String replica, long nanos) {
    }

    private final Map<Long, List<Delivery>> byJob = new ConcurrentHashMap<>();
    private final List<Delivery> all = new CopyOnWriteArrayList<>();

    void record(String replica, Exchange exchange) {
        long jobId = exchange.getMessage().getHeader(CardsavrConstants.JOB_ID, Long.class);
        String status = exchange.getMessage().getHeader(CardsavrConstants.STATUS, String.class);
        Delivery delivery = new Delivery(jobId, Integer.parseInt(status.substring(1)), replica, System.nanoTime());
        byJob.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(delivery);
        all.add(delivery);
    }

    /** The sequence numbers delivered for the job, in delivery order, duplicates included. */
    List<Integer> sequence(long jobId) {
        return byJob.getOrDefault(jobId, List.of()).stream().map(Delivery::seq).toList();
    }

    boolean hasAll(List<Long> jobs, int seq) {
        return jobs.stream().allMatch(job -> sequence(job).contains(seq));
    }

    int total() {
        return all.size();
    }

    List<Delivery> all() {
        return new ArrayList<>(all);
    }
}
