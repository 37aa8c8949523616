package io.github.camelcardsavr;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route step that fails: the failed message and the ones after it are delivered again on the next poll, before
 * anything newer, and none is lost.
 */
class RedeliveryTest extends CardsavrTestSupport {

    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(3);

    @Test
    void failedMessagesAreRedeliveredInOrderAndNothingIsLost() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId)
                        .process(e -> {
                            String step = e.getIn().getHeader(CardsavrConstants.STATUS, String.class);
                            attempts.add(step);
                            if ("S3".equals(step) && failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("downstream broker unavailable");
                            }
                        })
                        .to("mock:delivered");
            }
        });
        awaitPolled(jobId);
        for (int i = 1; i <= 6; i++) {
            admin().injectMessage(jobId, Map.of("status", "S" + i, "percent_complete", i * 10));
        }
        admin().injectMessage(jobId, Map.of("status", "S7", "percent_complete", 100, "termination_type", "BILLABLE"));

        await().until(() -> getMockEndpoint("mock:delivered").getReceivedCounter() == 7);
        assertThat(statuses(getMockEndpoint("mock:delivered").getReceivedExchanges()))
                .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7");
        // S3 was tried four times and nothing after it reached the route before it went through
        int firstS4 = attempts.indexOf("S4");
        assertThat(attempts.subList(0, firstS4)).containsExactly("S1", "S2", "S3", "S3", "S3", "S3");
        assertThat(attempts.subList(firstS4, attempts.size())).containsExactly("S4", "S5", "S6", "S7");
    }
}
