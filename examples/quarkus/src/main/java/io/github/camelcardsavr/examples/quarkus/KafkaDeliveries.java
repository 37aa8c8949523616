package io.github.camelcardsavr.examples.quarkus;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** How many status messages Kafka acknowledged, for the summary. */
@ApplicationScoped
public class KafkaDeliveries {

    private final AtomicLong acknowledged = new AtomicLong();

    void acknowledged() {
        acknowledged.incrementAndGet();
    }

    long count() {
        return acknowledged.get();
    }
}
