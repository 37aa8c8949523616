package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.time.Duration;
import java.util.List;

import io.github.camelcardsavr.client.CardsavrException;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.reliability.FaultRows.Expectation.warnContaining;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fault at a time on the broadcast polls of four jobs while 25 numbered messages per job are emitted: every
 * message arrives once, in order per job, and each fault reaches the exception handler (a WARN line naming it) and the
 * readiness check.
 */
class HttpFaultMatrixTest {

    @Test
    void baselineWithoutFaults() throws Exception {
        FaultFigures figures = FaultRows.run("baseline", new FaultRows.Expectation("", null, 0), faults -> { });
        figures.assertExactlyOnceInOrder();
        assertThat(figures.failures()).isZero();
    }

    /**
     * Every reply the simulator spoiled became exactly one reported failure: none was read as "no messages" (which the
     * simulator's put-back of spoiled replies would otherwise hide from the lost count).
     */
    private static void assertEverySpoiledReplyReported(FaultFigures figures) {
        figures.assertExactlyOnceInOrder().assertFaultVisible();
        assertThat(figures.failures()).as(figures.row() + ": one reported failure per spoiled reply")
                .isEqualTo((int) figures.faults());
    }

    @Test
    void serverErrorBurstsAndRates() throws Exception {
        FaultFigures figures = FaultRows.run("http-5xx", warnContaining("HTTP 50", 40), faults -> faults
                .onPath("/broadcasts").errorBurst(12, 503)
                .errorRate(0.2, 500)
                .onPath("/messages/place_card_on_single_site_jobs/").errorRate(0.1, 502));
        figures.assertExactlyOnceInOrder().assertFaultVisible();
        assertThat(figures.failures()).as("one reported failure per error answer").isEqualTo((int) figures.faults());
    }

    @Test
    void malformedAndTruncatedJsonIsRejectedAndThePollRetried() throws Exception {
        FaultFigures figures = FaultRows.run("malformed-json", warnContaining("truncated JSON", 20),
                faults -> faults.onPath("/broadcasts").malformedJson(0.3));
        assertEverySpoiledReplyReported(figures);
    }

    @Test
    void undecryptableBodyIsRejectedAndThePollRetried() throws Exception {
        FaultFigures figures = FaultRows.run("undecryptable-body", warnContaining("broadcasts", 20),
                faults -> faults.onPath("/broadcasts").undecryptableBody(0.3));
        assertEverySpoiledReplyReported(figures);
    }

    @Test
    void wrongResponseSignatureIsRejectedAndThePollRetried() throws Exception {
        FaultFigures figures = FaultRows.run("bad-signature", warnContaining("signature does not match", 20),
                faults -> faults.onPath("/broadcasts").badSignature(0.3));
        assertEverySpoiledReplyReported(figures);
    }

    @Test
    void connectionsDroppedMidResponse() throws Exception {
        FaultFigures figures = FaultRows.run("dropped-connections", warnContaining("connection problem", 20),
                faults -> faults.onPath("/broadcasts").dropConnections(0.3));
        assertEverySpoiledReplyReported(figures);
    }

    /**
     * The server goes away (listening socket and open connections closed) while messages are published, and comes
     * back on the same port: every poll in between fails with a connection error (readiness DOWN), then everything
     * arrives.
     */
    @Test
    void serverOutageAndComeback() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness();
             LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(FaultRows.JOBS, FaultRows.MESSAGES);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            h.emit(ids, 1, 5, FaultRows.MESSAGES, FaultRows.PERIOD_MILLIS).join();
            h.simulator.stopServer();
            h.emit(ids, 6, FaultRows.MESSAGES - 1, FaultRows.MESSAGES, FaultRows.PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> h.handler.failureCount() >= 3 * FaultRows.JOBS && h.health.sawFault());
            h.simulator.startServer();
            long lifted = System.nanoTime();
            h.emit(ids, FaultRows.MESSAGES, FaultRows.MESSAGES, FaultRows.MESSAGES, FaultRows.PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("server-outage", h, lifted).print();
            figures.assertExactlyOnceInOrder();
            assertThat(figures.healthFault()).isTrue();
            assertThat(h.handler.handled()).allSatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(CardsavrException.class,
                            ce -> assertThat(ce.getReason()).isEqualTo(CardsavrException.Reason.CONNECTION)));
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("connection problem"));
            FaultRows.assertNoSecret("server-outage", logs.lines(), h.secrets());
        }
    }

    @Test
    void slowResponsesWithinTheResponseTimeout() throws Exception {
        FaultFigures figures = FaultRows.run("slow-within-timeout",
                new FaultRows.Expectation("&responseTimeout=2000", null, 40),
                faults -> faults.onPath("/broadcasts").latency(Duration.ofMillis(300)));
        figures.assertExactlyOnceInOrder();
        assertThat(figures.failures()).isZero();
    }
}
