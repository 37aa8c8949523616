package io.github.camelcardsavr.examples.ha.scaleout;

import java.time.Duration;

import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * {@code jobStatus} scaled out over a Kafka consumer group. Job ids arrive on a topic keyed by job id; each replica
 * follows the jobs of the partitions it owns ({@link PartitionFollowers}): a record is handed to the consumer of its
 * partition through the {@code dynamicJobs} producer, which stores the job before the record counts as consumed. Every
 * replica must use the same topic, consumer group, state repository (database) and state secret, and bind a
 * {@link PartitionFollowers} as camel-kafka's {@code subscribeAdapter}.
 */
public final class ScaleOutRoutes extends RouteBuilder {

    static final String TEMPLATE = "cardsavr-partition-jobs";
    static final String PARTITION = "partition";
    private static final String CONSUMER_HEADER = "CardsavrExamplePartitionConsumer";

    private final String topic;
    private final String groupId;
    private final String stateBean;
    private final String sinkUri;
    private final Duration pollDelay;

    /**
     * @param topic     the job topic, keyed by job id, value the job id
     * @param groupId   the consumer group of the replicas
     * @param stateBean the bean name of the shared state repository
     * @param sinkUri   where each status message goes, e.g. a file or Kafka endpoint
     * @param pollDelay how often each job is polled
     */
    public ScaleOutRoutes(String topic, String groupId, String stateBean, String sinkUri, Duration pollDelay) {
        this.topic = topic;
        this.groupId = groupId;
        this.stateBean = stateBean;
        this.sinkUri = sinkUri;
        this.pollDelay = pollDelay;
    }

    /** The consumer name, and so the state namespace, of one partition's jobs. */
    public static String consumerName(int partition) {
        return "jobs-p" + partition;
    }

    static String routeId(int partition) {
        return "job-status-" + consumerName(partition);
    }

    @Override
    public void configure() {
        // one partition's jobs; started and stopped by PartitionFollowers as Kafka assigns and revokes the partition
        routeTemplate(TEMPLATE)
                .templateParameter(PARTITION)
                .from("cardsavr:jobStatus?dynamicJobs=true&consumerName=jobs-p{{" + PARTITION + "}}&stateRepository=#"
                      + stateBean + "&stateWritePerExchange=true&delay=" + pollDelay.toMillis())
                .to(sinkUri);

        // cooperative rebalancing moves only the partitions that change owner; a record whose hand-over failed is
        // read again (breakOnFirstError) instead of being skipped
        from("kafka:" + topic + "?groupId=" + groupId + "&autoOffsetReset=earliest&breakOnFirstError=true"
             + "&pollTimeoutMs=500&sessionTimeoutMs=10000&heartbeatIntervalMs=1000"
             + "&partitionAssignor=org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
                .routeId("job-intake")
                .setHeader(CardsavrConstants.JOB_ID, body().convertTo(Long.class))
                .process(e -> e.getMessage().setHeader(CONSUMER_HEADER,
                        consumerName(e.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class))))
                .toD("cardsavr:jobStatus?consumerName=${header." + CONSUMER_HEADER + "}");
    }
}
