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
        FaultRows.run("baseline", "none", new FaultRows.Expectation("", null, 0), faults -> { },
                (figures, row, h) -> row.noFailures(figures).readinessUp(h));
    }

    @Test
    void serverErrorBurstsAndRates() throws Exception {
        FaultRows.run("http-5xx", "12 × 503 burst, then 20 % 500 and 10 % 502 on polls", warnContaining("HTTP 50", 40),
                faults -> faults.onPath("/broadcasts").errorBurst(12, 503)
                        .errorRate(0.2, 500)
                        .onPath("/messages/place_card_on_single_site_jobs/").errorRate(0.1, 502),
                (figures, row, h) -> row.failuresOnePerFault(figures, 40, "error answer").readinessShowedFault(h));
    }

    /**
     * Every reply the simulator spoiled became exactly one reported failure: none was read as "no messages" (which the
     * simulator's put-back of spoiled replies would otherwise hide from the lost count).
     */
    private static FaultRows.RowChecks everySpoiledReplyReported(long minFaults) {
        return (figures, row, h) -> row.failuresOnePerFault(figures, minFaults, "spoiled reply").readinessShowedFault(h);
    }

    @Test
    void malformedAndTruncatedJsonIsRejectedAndThePollRetried() throws Exception {
        FaultRows.run("malformed-json", "30 % of replies truncated", warnContaining("truncated JSON", 20),
                faults -> faults.onPath("/broadcasts").malformedJson(0.3), everySpoiledReplyReported(20));
    }

    @Test
    void undecryptableBodyIsRejectedAndThePollRetried() throws Exception {
        FaultRows.run("undecryptable-body", "30 % of ciphertexts corrupted", warnContaining("does not decrypt", 20),
                faults -> faults.onPath("/broadcasts").undecryptableBody(0.3), everySpoiledReplyReported(20));
    }

    @Test
    void wrongResponseSignatureIsRejectedAndThePollRetried() throws Exception {
        FaultRows.run("bad-signature", "30 % of replies signed with a wrong key",
                warnContaining("signature does not match", 20),
                faults -> faults.onPath("/broadcasts").badSignature(0.3), everySpoiledReplyReported(20));
    }

    @Test
    void connectionsDroppedMidResponse() throws Exception {
        FaultRows.run("dropped-connections", "30 % of replies cut mid-body", warnContaining("connection problem", 20),
                faults -> faults.onPath("/broadcasts").dropConnections(0.3), everySpoiledReplyReported(20));
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
            assertThat(h.handler.handled()).allSatisfy(e -> assertThat(e)
                    .isInstanceOfSatisfying(CardsavrException.class,
                            ce -> assertThat(ce.getReason()).isEqualTo(CardsavrException.Reason.CONNECTION)));
            assertThat(figures.failures()).isGreaterThanOrEqualTo(3 * FaultRows.JOBS);
            RowRecord.absorbed("server-outage", "server socket and connections closed, then back on the same port")
                    .counts(figures)
                    .failures("≥ " + 3 * FaultRows.JOBS + ", all CONNECTION")
                    .readinessShowedFault(h)
                    .log(logs, "connection problem", h.secrets())
                    .record();
        }
    }

    @Test
    void slowResponsesWithinTheResponseTimeout() throws Exception {
        FaultRows.run("slow-within-timeout", "every poll 300 ms late, `responseTimeout=2000`",
                new FaultRows.Expectation("&responseTimeout=2000", null, 40),
                faults -> faults.onPath("/broadcasts").latency(Duration.ofMillis(300)),
                (figures, row, h) -> row.noFailures(figures).readinessUp(h));
    }
}
