package io.github.camelcardsavr.examples.ha;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** How many messages of each job this replica wrote, for the line it prints when it ends. */
final class DeliveryCounter implements Processor {

    private final Map<Long, AtomicInteger> written = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        Long jobId = exchange.getMessage().getHeader(CardsavrConstants.JOB_ID, Long.class);
        written.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
    }

    String summary() {
        Map<Long, Integer> byJob = new TreeMap<>();
        written.forEach((job, count) -> byJob.put(job, count.get()));
        return byJob.isEmpty() ? "this replica wrote no message" : "messages this replica wrote, by job: " + byJob;
    }
}
