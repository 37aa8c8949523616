package io.github.camelcardsavr;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelcardsavr.consumer.AbstractCardsavrConsumer;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.StatefulService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer stopped or suspended while an exchange is in its route lets that exchange finish and starts no other.
 * Stopped the way {@code master:} stops it when leadership ends (the consumer itself, while it routes), the route's
 * processors must outlive the exchange: stopped underneath it, they fail the exchange after the steps it already ran,
 * and the item is routed a second time.
 */
class GracefulStopTest extends CardsavrTestSupport {

    private static final Duration NO_ROUTE_STOP = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    private CamelContext start(File store, long jobId, Processor gate) throws Exception {
        CamelContext ctx = startWithFileState(store, new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId).routeId("stream")
                        .process(gate)
                        .to("mock:out");
            }
        });
        contexts.add(ctx);
        return ctx;
    }

    @Test
    void aConsumerStoppedWhileItRoutesFinishesThatExchangeAndCommitsIt() throws Exception {
        File store = dir.resolve("state.dat").toFile();
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        AtomicReference<AbstractCardsavrConsumer> consumer = new AtomicReference<>();
        CountDownLatch inRoute = new CountDownLatch(1);
        CamelContext first = start(store, jobId, e -> {
            if ("S1".equals(status(e))) {
                inRoute.countDown();
                await().until(() -> consumer.get().isStopping());
                // the processors stop right away when the consumer does not wait for its exchange
                Processor route = consumer.get().getProcessor();
                try {
                    await().atMost(NO_ROUTE_STOP).until(() -> stoppingOrStopped(route));
                } catch (ConditionTimeoutException expected) {
                    // they stayed up: the exchange goes on
                }
            }
        });
        consumer.set((AbstractCardsavrConsumer) first.getRoute("stream").getConsumer());
        MockEndpoint out = first.getEndpoint("mock:out", MockEndpoint.class);
        awaitPolled(jobId);
        publishInOneReply(jobId, "S1", "S2");
        assertThat(inRoute.await(30, TimeUnit.SECONDS)).as("S1 reached the route").isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> consumer.get().stop());
        stopped.get(30, TimeUnit.SECONDS);

        assertThat(statuses(out.getReceivedExchanges())).as("S1 finished its route; S2 was not started")
                .containsExactly("S1");
        first.stop();

        admin().injectMessage(jobId, Map.of("status", "S3", "percent_complete", 100, "termination_type", "BILLABLE"));
        CamelContext second = start(store, jobId, e -> {
        });
        MockEndpoint secondOut = second.getEndpoint("mock:out", MockEndpoint.class);
        await().until(() -> secondOut.getReceivedCounter() >= 2);
        assertThat(statuses(secondOut.getReceivedExchanges())).as("S1 committed: not routed again")
                .containsExactly("S2", "S3");
    }

    @Test
    void aSuspendedConsumerStartsNoExchangeUntilResumed() throws Exception {
        File store = dir.resolve("state.dat").toFile();
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        AtomicReference<AbstractCardsavrConsumer> consumer = new AtomicReference<>();
        CamelContext ctx = start(store, jobId, e -> {
            if ("S1".equals(status(e))) {
                // suspended from another thread, as the shutdown strategy and JMX do
                CompletableFuture.runAsync(() -> consumer.get().suspend());
                await().until(() -> consumer.get().isSuspended());
            }
        });
        consumer.set((AbstractCardsavrConsumer) ctx.getRoute("stream").getConsumer());
        MockEndpoint out = ctx.getEndpoint("mock:out", MockEndpoint.class);
        awaitPolled(jobId);
        publishInOneReply(jobId, "S1", "S2");

        await().until(() -> out.getReceivedCounter() >= 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> out.getReceivedCounter() == 1);
        consumer.get().resume();
        await().until(() -> out.getReceivedCounter() >= 2);
        assertThat(statuses(out.getReceivedExchanges())).containsExactly("S1", "S2");
    }

    // polls are refused while the messages are queued, so that one reply carries them all
    private void publishInOneReply(long jobId, String... statuses) {
        long refused = refusedPolls();
        admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
        // a poll that started before the refusal is over once one is refused
        await().until(() -> refusedPolls() > refused);
        for (String status : statuses) {
            admin().injectMessage(jobId, Map.of("status", status));
        }
        admin().faults().reset();
    }

    private long refusedPolls() {
        return admin().faults().injectedCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String status(Exchange e) {
        return e.getIn().getHeader(CardsavrConstants.STATUS, String.class);
    }

    private static boolean stoppingOrStopped(Processor processor) {
        return processor instanceof StatefulService s && (s.isStopping() || s.isStopped());
    }
}
