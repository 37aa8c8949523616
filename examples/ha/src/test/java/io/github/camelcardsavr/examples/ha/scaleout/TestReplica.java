package io.github.camelcardsavr.examples.ha.scaleout;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.consumer.JobStatusConsumer;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.state.jdbc.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of the scale-out deployment in the test's JVM: its own Camel context, component (and so CardSavr
 * client), Kafka consumer and state repository object on the shared database, running the routes the example ships.
 * {@link #kill()} makes it behave like a process that died: nothing it does afterwards reaches the ledger or the
 * database, and its Kafka membership ends.
 */
final class TestReplica implements AutoCloseable {

    /** A partition's consumer starting or stopping here. */
    record Event(String replica, int partition, boolean following, long nanos) {
    }

    static final String TOPIC = "cardsavr.jobs";
    static final String GROUP = "cardsavr-job-followers";
    static final Duration POLL_DELAY = Duration.ofMillis(250);

    final String name;
    private final DefaultCamelContext context;
    private final FencedStateRepository state;
    private final PartitionFollowers followers;
    private volatile boolean dead;
    private volatile Predicate<Exchange> holdWhen = e -> false;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    TestReplica(String name, CardsavrSimulator simulator, String kafka, DataSource database, DeliveryLedger ledger,
                List<Event> timeline) throws Exception {
        this.name = name;
        this.context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.getShutdownStrategy().setTimeout(20);
        CardsavrComponent component = new CardsavrComponent();
        var c = component.getConfiguration();
        c.setBaseUrl(simulator.getBaseUrl());
        c.setAuthMode(AuthMode.SIGNED);
        c.setIntegratorName(simulator.getIntegratorName());
        c.setIntegratorKey(simulator.getIntegratorKey());
        c.setUsername("agent");
        c.setPassword("agent-password");
        // six partition consumers per replica: keep the connections below what the simulator's server keeps open
        c.setMaxConcurrentPolls(8);
        context.addComponent("cardsavr", component);
        KafkaComponent kafkaComponent = new KafkaComponent();
        kafkaComponent.getConfiguration().setBrokers(kafka);
        context.addComponent("kafka", kafkaComponent);
        state = new FencedStateRepository(new JdbcStateRepository(database));
        context.getRegistry().bind("cardsavrState", state);
        followers = new PartitionFollowers(context);
        followers.addListener(new PartitionFollowers.Listener() {
            @Override
            public void followed(int partition) {
                timeline.add(new Event(name, partition, true, System.nanoTime()));
            }

            @Override
            public void released(int partition) {
                timeline.add(new Event(name, partition, false, System.nanoTime()));
            }
        });
        context.getRegistry().bind(KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER, followers);
        context.addRoutes(new ScaleOutRoutes(TOPIC, GROUP, "cardsavrState", "direct:status-out", POLL_DELAY));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status-out").routeId("ledger").process(exchange -> {
                    if (dead) {
                        return;
                    }
                    ledger.record(name, exchange);
                    if (holdWhen.test(exchange)) {
                        // the replica dies inside this exchange: delivered, never committed
                        held.countDown();
                        release.await(60, TimeUnit.SECONDS);
                    }
                });
            }
        });
        context.start();
    }

    /** The next exchange matching this is held open (after it reached the ledger) until the replica is killed. */
    void holdExchangeWhen(Predicate<Exchange> which) {
        holdWhen = which;
    }

    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Predicate<Exchange> message(long jobId, String status) {
        return e -> e.getMessage().getHeader(CardsavrConstants.JOB_ID, Long.class) == jobId
                    && status.equals(e.getMessage().getHeader(CardsavrConstants.STATUS, String.class));
    }

    Set<Integer> partitions() {
        return followers.partitions();
    }

    /** The jobs this replica's partition consumers follow right now. */
    int followedJobs() {
        return context.getRoutes().stream().map(r -> r.getConsumer())
                .filter(JobStatusConsumer.class::isInstance).mapToInt(c -> ((JobStatusConsumer) c).getJobs().size())
                .sum();
    }

    /** Dies: from now on nothing of this replica reaches the ledger or the database; then its JVM parts go. */
    void kill() {
        dead = true;
        state.fence();
        release.countDown();
        // nothing it does from here on counts: no need to wait for a graceful end
        context.getShutdownStrategy().setTimeout(1);
        context.stop();
    }

    @Override
    public void close() {
        context.stop();
    }

    static List<Event> newTimeline() {
        return new CopyOnWriteArrayList<>();
    }
}
