package io.github.camelcardsavr.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of one fault-matrix row, taken once the route has settled (nothing new completed for
 * {@link ReliabilityHarness#SETTLE}), so that a late duplicate is counted. What a row asserts goes into the docs through
 * {@link RowRecord}; {@link #print()} also writes a diagnostic line with the timings of this run, which vary and are
 * no figures of the docs, to the test output and to {@code target/reliability-figures.txt}:
 * {@code RELIABILITY row=<name> jobs=J emitted=N delivered=N lost=N duplicates=N recoveryMs=N maxDelayMs=N faults=N
 * failures=N healthFault=true|false}. "delivered" counts every completed exchange (duplicates included); "recoveryMs"
 * is the time from the end of the fault until everything emitted before had arrived; "maxDelayMs" the longest time a
 * message took from the server to the route; "faults" the faults the simulator injected; "failures" the failed calls and
 * exchanges that reached the consumer's exception handler.
 */
record FaultFigures(String row, int jobs, int emitted, int delivered, int lost, int duplicates, long recoveryMs,
        long maxDelayMs, long faults, int failures, boolean healthFault, Map<Long, List<Integer>> outOfOrder) {

    static FaultFigures of(String row, ReliabilityHarness harness, long liftedAtNanos) {
        harness.awaitSettled();
        DeliveryLedger ledger = harness.ledger;
        long injected = harness.admin().faults().injectedCounts().values().stream().mapToLong(Long::longValue).sum();
        return new FaultFigures(row, ledger.jobs().size(), ledger.emittedCount(), ledger.deliveredCount(), ledger.lost(),
                ledger.duplicates(), ledger.recoveryMillis(liftedAtNanos), ledger.maxDelayMillis(), injected,
                harness.handler.failureCount(),
                harness.health.sawFault(), new TreeMap<>(ledger.outOfOrder()));
    }

    String line() {
        return "RELIABILITY row=" + row + " jobs=" + jobs + " emitted=" + emitted + " delivered=" + delivered + " lost="
               + lost + " duplicates=" + duplicates + " recoveryMs=" + recoveryMs + " maxDelayMs=" + maxDelayMs + " faults="
               + faults + " failures="
               + failures + " healthFault=" + healthFault;
    }

    FaultFigures print() {
        report(line());
        return this;
    }

    /** Writes one RELIABILITY line to the test output and to target/reliability-figures.txt. */
    static void report(String line) {
        System.out.println(line);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve("reliability-figures.txt"), line + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("Could not append to target/reliability-figures.txt: " + e);
            }
        }
    }

    /** The expected figure of every row: 0 lost, no duplicates, in order per job. */
    FaultFigures assertExactlyOnceInOrder() {
        assertThat(lost).as(row + ": lost").isZero();
        assertThat(duplicates).as(row + ": duplicates").isZero();
        assertThat(outOfOrder).as(row + ": jobs delivered out of order").isEmpty();
        assertThat(delivered).as(row + ": delivered").isEqualTo(emitted);
        return this;
    }

    /** For rows where the docs declare at-least-once: 0 lost and in order, duplicates allowed. */
    FaultFigures assertAtLeastOnceInOrder() {
        assertThat(lost).as(row + ": lost").isZero();
        assertThat(outOfOrder).as(row + ": jobs delivered out of order").isEmpty();
        return this;
    }
}
