package io.github.camelcardsavr.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.camelcardsavr.testsupport.LogRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row of a figures table of docs/reliability.md, built by the test that measured it from what it asserted, and
 * written to {@code target/reliability-figures/rows/<row>.row} once every check passed.
 * {@code docs.ReliabilityDocIsUpToDateTest} makes the tables from these files and fails the build when the page shows
 * something else. Only figures that are the same on every run go into a cell (counts fixed by construction, asserted
 * relations, lower bounds); timings do not.
 * <p>
 * Every row checks the log: a WARN line naming the fault (or none at all when there was no fault), and no secret in
 * any log line.
 */
final class RowRecord {

    /**
     * The tables: faults the consumer absorbs, faults where the server deletes messages (recovery channel off), and the
     * same faults with the recovery channel (the default).
     */
    enum Table {
        ABSORBED, LOSS, RECOVERED;

        boolean statesLoss() {
            return this != ABSORBED;
        }
    }

    /** Read by docs.ReliabilityDocIsUpToDateTest, which names the same directory. */
    static final String ROWS_DIR = "target/reliability-figures/rows";

    private final Table table;
    private final String row;
    private final String fault;
    private int jobs = -1;
    private int emitted;
    private int delivered;
    private int lost;
    private int duplicates;
    private String lostWhat;
    private String failures;
    private String readiness;
    private String warn;

    private RowRecord(Table table, String row, String fault) {
        this.table = table;
        this.row = row;
        this.fault = fault;
    }

    static RowRecord absorbed(String row, String fault) {
        return new RowRecord(Table.ABSORBED, row, fault);
    }

    static RowRecord loss(String row, String fault) {
        return new RowRecord(Table.LOSS, row, fault);
    }

    static RowRecord recovered(String row, String fault) {
        return new RowRecord(Table.RECOVERED, row, fault);
    }

    /**
     * The counts of a row, delivered in order per job. A row of the absorbed table must also show every message once;
     * a row of the loss table states its loss with {@link #lost(int, String)}.
     */
    RowRecord counts(FaultFigures figures) {
        assertThat(figures.outOfOrder()).as(row + ": jobs delivered out of order").isEmpty();
        if (table == Table.ABSORBED) {
            figures.assertExactlyOnceInOrder();
        }
        return counts(figures.jobs(), figures.emitted(), figures.delivered(), figures.lost(), figures.duplicates());
    }

    /** Counts the caller has asserted itself (e.g. against an independent reference stream). */
    RowRecord counts(int jobs, int emitted, int delivered, int lost, int duplicates) {
        assertThat(delivered).as(row + ": delivered = emitted - lost + duplicates").isEqualTo(emitted - lost + duplicates);
        if (table == Table.ABSORBED) {
            assertThat(lost).as(row + ": lost").isZero();
        }
        this.jobs = jobs;
        this.emitted = emitted;
        this.delivered = delivered;
        this.lost = lost;
        this.duplicates = duplicates;
        return this;
    }

    /** The loss this row is built to cause, asserted exactly, and what it was. */
    RowRecord lost(int expected, String what) {
        assertThat(lost).as(row + ": lost").isEqualTo(expected);
        this.lostWhat = what;
        return this;
    }

    /** Duplicates this row is built to cause (all other rows have none), asserted exactly. */
    RowRecord duplicates(int expected) {
        assertThat(duplicates).as(row + ": duplicates").isEqualTo(expected);
        return this;
    }

    /** What the failures cell says; the caller asserted it. */
    RowRecord failures(String cell) {
        this.failures = cell;
        return this;
    }

    /** No failure reached the exception handler. */
    RowRecord noFailures(FaultFigures figures) {
        assertThat(figures.failures()).as(row + ": failures").isZero();
        return failures("0");
    }

    /** Exactly this many failures reached the exception handler. */
    RowRecord failuresExactly(FaultFigures figures, int expected) {
        assertThat(figures.failures()).as(row + ": failures").isEqualTo(expected);
        return failures(String.valueOf(expected));
    }

    /**
     * Every fault the simulator injected reached the exception handler as exactly one failure, and there were at least
     * {@code minFaults} of them: none was taken for "no messages".
     */
    RowRecord failuresOnePerFault(FaultFigures figures, long minFaults, String faultNoun) {
        assertThat(figures.faults()).as(row + ": faults injected").isGreaterThanOrEqualTo(minFaults);
        assertThat((long) figures.failures()).as(row + ": one reported failure per " + faultNoun).isEqualTo(figures.faults());
        return failures("one per " + faultNoun + " (≥ " + minFaults + ")");
    }

    /** At least {@code min} failures reached the exception handler. */
    RowRecord failuresAtLeast(FaultFigures figures, int min, String what) {
        assertThat(figures.failures()).as(row + ": failures").isGreaterThanOrEqualTo(min);
        return failures(what + " (≥ " + min + ")");
    }

    /** What the readiness cell says; the caller asserted it. */
    RowRecord readiness(String cell) {
        this.readiness = cell;
        return this;
    }

    /** The readiness check showed the fault (DOWN after a failed poll or with full buffers, or jobs failing). */
    RowRecord readinessShowedFault(ReliabilityHarness h) {
        assertThat(h.health.sawFault()).as(row + ": the readiness check showed the fault").isTrue();
        return readiness("DOWN");
    }

    /** Readiness is not part of this row (e.g. the faults that set the row up would show, not the one it tests). */
    RowRecord notCheckedReadiness() {
        return readiness("–");
    }

    /** The readiness check never showed a fault. */
    RowRecord readinessUp(ReliabilityHarness h) {
        assertThat(h.health.samples()).as(row + ": readiness sampled").isNotEmpty();
        assertThat(h.health.sawFault()).as(row + ": the readiness check showed no fault").isFalse();
        return readiness("UP");
    }

    /**
     * The log of the row: a WARN line containing {@code warnText} (null: no WARN line at all, there was no fault), and
     * none of the secrets in any line.
     */
    RowRecord log(LogRecorder logs, String warnText, Set<String> secrets) {
        if (warnText == null) {
            assertThat(logs.warnings()).as(row + ": no WARN line without a fault").isEmpty();
            this.warn = "none";
        } else {
            assertThat(logs.warnings()).as(row + ": a WARN line names the fault")
                    .anySatisfy(line -> assertThat(line.text()).contains(warnText));
            this.warn = "`" + warnText + "`";
        }
        FaultRows.assertNoSecret(row, logs.lines(), secrets);
        return this;
    }

    /** Writes the row for the docs check; call it last, once everything above was asserted. */
    void record() {
        assertThat(jobs).as(row + ": counts").isNotNegative();
        assertThat(failures).as(row + ": failures cell").isNotNull();
        assertThat(warn).as(row + ": the log was checked").isNotNull();
        if (!table.statesLoss()) {
            assertThat(readiness).as(row + ": readiness cell").isNotNull();
        } else {
            assertThat(lostWhat).as(row + ": what was lost").isNotNull();
        }
        List<String> cells = new ArrayList<>(List.of(table.name(), row, fault, String.valueOf(jobs),
                String.valueOf(emitted), String.valueOf(delivered), String.valueOf(lost), String.valueOf(duplicates)));
        if (table.statesLoss()) {
            cells.add(lostWhat);
        }
        cells.add(failures);
        if (!table.statesLoss()) {
            cells.add(readiness);
        }
        cells.add(warn);
        cells.forEach(cell -> assertThat(cell).as(row + ": a cell is one line without tabs").doesNotContain("\t", "\n"));
        write(row, String.join("\t", cells));
    }

    static void write(String name, String line) {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve(ROWS_DIR);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".row"), line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the figures of row " + name, e);
        }
    }
}
