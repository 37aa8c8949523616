package io.github.camelcardsavr.examples.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Stands in for the system that starts card placements and publishes their job ids: a plain Kafka
 * producer, no Camel. Record key and value are the job id.
 */
public final class JobAnnouncer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public JobAnnouncer(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Publishes the job id and waits for the broker's acknowledgement. */
    public void announce(long jobId, Optional<String> creatorAccessKey) {
        String id = Long.toString(jobId);
        ProducerRecord<String, String> record = new ProducerRecord<>(KafkaRoutes.NEW_JOBS_TOPIC, id, id);
        creatorAccessKey.ifPresent(key ->
                record.headers().add(KafkaRoutes.ACCESS_KEY_HEADER, key.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while announcing job " + jobId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not announce job " + jobId + " on " + KafkaRoutes.NEW_JOBS_TOPIC,
                    e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
