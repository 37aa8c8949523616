package io.github.camelcardsavr.examples.ha.scaleout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.camel.component.kafka.consumer.support.subcription.TopicInfo;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the jobs of the partitions of the job topic this replica owns, through camel-kafka's own extension point for
 * subscriptions: one {@code cardsavr:jobStatus} consumer per owned partition, made from a route template, named after
 * its partition so that its state (the partition's jobs, their access keys, what was fetched and not delivered) lives
 * under that name in the shared repository.
 * <p>
 * When Kafka moves a partition, its consumer here is stopped before the partition is given up (the stop stores what it
 * holds), and the new owner starts its own, which restores the partition's jobs from the repository and goes on where
 * this one stopped. Kafka gives a partition to a new member only after the old one gave it up, so a job is never
 * followed by two live replicas; a replica that dies simply stops following.
 */
public final class PartitionFollowers implements SubscribeAdapter {

    /** What happened to a partition's consumer here, for those who watch (tests, metrics). */
    public interface Listener {
        void followed(int partition);

        void released(int partition);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PartitionFollowers.class);

    private final CamelContext context;
    private final Set<Integer> followed = ConcurrentHashMap.newKeySet();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public PartitionFollowers(CamelContext context) {
        this.context = context;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The partitions whose jobs this replica follows right now. */
    public Set<Integer> partitions() {
        return Set.copyOf(followed);
    }

    @Override
    public void subscribe(Consumer<?, ?> consumer, ConsumerRebalanceListener camels, TopicInfo topicInfo) {
        ConsumerRebalanceListener both = new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                release(partitions);
                camels.onPartitionsRevoked(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                release(partitions);
                camels.onPartitionsLost(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // before this poll returns the partitions' records: their jobs find a running consumer
                follow(partitions);
                camels.onPartitionsAssigned(partitions);
            }
        };
        if (topicInfo.isPattern()) {
            consumer.subscribe(topicInfo.getPattern(), both);
        } else {
            consumer.subscribe(topicInfo.getTopics(), both);
        }
    }

    private void follow(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            int partition = tp.partition();
            if (!followed.add(partition)) {
                continue;
            }
            try {
                TemplatedRouteBuilder.builder(context, ScaleOutRoutes.TEMPLATE)
                        .routeId(ScaleOutRoutes.routeId(partition))
                        .parameter(ScaleOutRoutes.PARTITION, partition)
                        .add();
            } catch (RuntimeException e) {
                followed.remove(partition);
                throw new IllegalStateException("Could not start following the jobs of partition " + partition, e);
            }
            LOG.info("Following the jobs of partition {}", partition);
            listeners.forEach(l -> l.followed(partition));
        }
    }

    private void release(Collection<TopicPartition> partitions) {
        if (context.isStopping() || context.isStopped()) {
            // the context stops every route itself (graceful, with its own timeout)
            followed.clear();
            return;
        }
        List<Integer> leaving = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (followed.remove(tp.partition())) {
                leaving.add(tp.partition());
            }
        }
        // stopped together: each graceful stop waits for the consumer's delivery window to end
        CompletableFuture.allOf(leaving.stream().map(partition -> CompletableFuture.runAsync(() -> stop(partition)))
                .toArray(CompletableFuture[]::new)).join();
        for (int partition : leaving) {
            LOG.info("Let the jobs of partition {} go", partition);
            listeners.forEach(l -> l.released(partition));
        }
    }

    // a graceful stop: what the consumer holds is stored before the partition goes to another replica
    private void stop(int partition) {
        String routeId = ScaleOutRoutes.routeId(partition);
        try {
            context.getRouteController().stopRoute(routeId);
            context.removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop following the jobs of partition " + partition, e);
        }
    }
}
