package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.camelcardsavr.simulator.Faults;
import org.apache.logging.log4j.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The common shape of an HTTP fault row: manual jobs on one jobStatus consumer, the fault switched on once the
 * consumer has subscribed, numbered messages emitted while it is on, the fault kept on until the simulator has
 * injected at least a given number of faults, then switched off and each job's last message emitted; then every
 * message must arrive.
 */
final class FaultRows {

    static final int JOBS = 4;
    static final int MESSAGES = 25;
    static final long PERIOD_MILLIS = 8;
    static final long SEED = 5_150_2025L;

    private FaultRows() {
    }

    /**
     * What a row's WARN lines must show (null: none, there is no fault), the consumer options it needs (e.g. a shorter
     * responseTimeout), and how many faults must have been injected before the fault is switched off. A row with a WARN
     * line also keeps its fault on until the readiness check has shown it, so that showing it is no matter of sampling
     * luck (and a check that never shows it fails the row).
     */
    record Expectation(String options, String warnText, long minFaults) {

        static Expectation warnContaining(String warnText, long minFaults) {
            return new Expectation("", warnText, minFaults);
        }

        Expectation withOptions(String consumerOptions) {
            return new Expectation(consumerOptions, warnText, minFaults);
        }
    }

    /** The row's own checks of failures and readiness, which fill those cells of its row. */
    @FunctionalInterface
    interface RowChecks {
        void check(FaultFigures figures, RowRecord row, ReliabilityHarness h);
    }

    /**
     * Runs the row, checks that every message arrived once and in order, the row's own checks, the WARN line and that
     * no secret reached the log, and records the row for docs/reliability.md.
     */
    static FaultFigures run(String row, String fault, Expectation expectation, Consumer<Faults> faultOn,
            RowChecks checks) throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids) + expectation.options(), null);
            h.awaitSubscribed(ids);
            Faults faults = h.admin().faults().seed(SEED);
            faultOn.accept(faults);
            // all but the last message, which ends the job and with it the polling that meets the fault
            h.emit(ids, 1, MESSAGES - 1, MESSAGES, PERIOD_MILLIS).join();
            ReliabilityHarness.await().until(() -> injected(h) >= expectation.minFaults()
                                                   && (expectation.warnText() == null || h.health.sawFault()));
            faults.reset();
            long lifted = System.nanoTime();
            h.emit(ids, MESSAGES, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();
            FaultFigures figures = FaultFigures.of(row, h, lifted).print();
            RowRecord record = RowRecord.absorbed(row, fault).counts(figures);
            checks.check(figures, record, h);
            record.log(logs, expectation.warnText(), h.secrets()).record();
            return figures;
        }
    }

    static long injected(ReliabilityHarness h) {
        return h.admin().faults().injectedCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Injected faults other than latency (which the simulator counts on every request it delays). */
    static long injectedErrors(ReliabilityHarness h) {
        return h.admin().faults().injectedCounts().entrySet().stream().filter(e -> !e.getKey().equals("LATENCY"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    static void assertNoSecret(String row, List<LogRecorder.Line> lines, Set<String> secrets) {
        for (LogRecorder.Line line : lines) {
            for (String secret : secrets) {
                if (line.text().contains(secret)) {
                    throw new AssertionError(row + ": a log line of " + line.logger() + " contains a secret: "
                                             + line.message());
                }
            }
        }
    }
}
