package io.github.camelcardsavr.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.fail;

/**
 * Fails the build when a figures table of {@code docs/reliability.md} shows something other than what the reliability
 * tests asserted in this run: each row is written by its test (the reliability package's {@code RowRecord}) under
 * {@value #ROWS_DIR}, one tab-separated line per file whose first cell names the table, and the tables between the
 * page's {@code <!-- figures TABLE: START -->} and {@code END} markers are made from those files. Runs after all other
 * tests of the module (the {@code reliability-doc} execution of the pom); outside the reliability package, so that
 * running that package alone does not run it too early. With {@code -Dcardsavr.docs.update=true} it rewrites the
 * tables instead of failing.
 */
class ReliabilityDocIsUpToDateTest {

    static final String PAGE = "docs/reliability.md";
    /** Where the reliability tests write their rows (RowRecord.ROWS_DIR). */
    static final String ROWS_DIR = "target/reliability-figures/rows";
    static final String UPDATE_PROPERTY = "cardsavr.docs.update";
    static final String UPDATE_COMMAND = "mvn -B -ntp -pl camel-cardsavr test -D" + UPDATE_PROPERTY + "=true";

    /** Each table's header and its rows in page order. */
    private record Layout(String header, List<String> rows) {
    }

    private static final Map<String, Layout> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("ABSORBED", new Layout(
                "| row | fault | jobs | emitted | delivered | lost | dup | failures reported | readiness | WARN line names |",
                List.of("baseline", "http-5xx", "http-5xx-login-subscribe", "http-429-retry-after", "slow-within-timeout",
                        "dropped-connections", "malformed-json", "undecryptable-body", "bad-signature",
                        "unexpected-shape-in-batch", "server-outage", "session-expiry", "downstream-fails-3-attempts",
                        "downstream-down-until-buffers-full", "restart-graceful", "restart-during-inflight-poll",
                        "stop-while-a-poll-is-on-the-wire", "tls-trusted-self-signed", "mixed-random-jobStatus",
                        "mixed-random-cardholderMessages", "mixed-random-lifecycle")));
        TABLES.put("LOSS", new Layout(
                "| row | fault | jobs | emitted | delivered | lost | dup | what was lost | failures reported | WARN line names |",
                List.of("slow-beyond-timeout", "dropped-after-commit", "revoked-access-key", "reply-over-size-cap",
                        "restart-without-state-repository", "restart-after-crash")));
        TABLES.put("RECOVERED", new Layout(
                "| row | fault | jobs | emitted | delivered | lost | dup | what the recovery channel did | failures reported"
                + " | WARN line names |",
                List.of("slow-beyond-timeout-recovered", "cut-after-commit-recovered", "cut-after-commit-recovered-unsigned",
                        "spoiled-after-commit-recovered", "spoiled-after-commit-recovered-unsigned",
                        "revoked-access-key-recovered",
                        "cardholder-cut-after-commit-recovered", "process-death-with-calls-on-the-wire-recovered",
                        "reply-over-size-cap-with-recovery")));
        TABLES.put("FUZZ", new Layout(
                "| parser | mutations | parsed | of them with a member named twice | elements skipped as malformed"
                + " | syntax errors taken as one malformed element | `MALFORMED_BODY` |",
                List.of("fuzz-parseMessages", "fuzz-parseCredentialRequests", "fuzz-parseMessage", "fuzz-parseMessageBatch",
                        "fuzz-parseCredentialRequestBatch")));
    }

    @Test
    void reliabilityPageShowsTheFiguresTheTestsAsserted() throws IOException {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        Path page = ComponentDocGenerator.repositoryRoot(basedir).resolve(PAGE);
        Map<String, List<String>> recorded = recordedRows(basedir.resolve(ROWS_DIR));

        String committed = Files.readString(page);
        String expected = committed;
        for (Map.Entry<String, Layout> table : TABLES.entrySet()) {
            expected = MarkedSections.replaceBetween(expected, "<!-- figures " + table.getKey() + ": START -->",
                    "<!-- figures " + table.getKey() + ": END -->", render(table.getKey(), table.getValue(), recorded));
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            if (!expected.equals(committed)) {
                Files.writeString(page, expected);
            }
            return;
        }
        if (!expected.equals(committed)) {
            fail(PAGE + " does not show the figures the reliability tests asserted (first difference at line "
                 + firstDifferentLine(committed, expected) + ").\nRegenerate its tables with:\n    " + UPDATE_COMMAND
                 + "\nand commit the result.");
        }
    }

    private static String render(String table, Layout layout, Map<String, List<String>> recorded) {
        List<String> missing = new ArrayList<>();
        StringBuilder text = new StringBuilder(layout.header()).append('\n');
        text.append("|---".repeat((int) layout.header().chars().filter(c -> c == '|').count() - 1)).append("|\n");
        for (String row : layout.rows()) {
            List<String> cells = recorded.get(row);
            if (cells == null) {
                missing.add(row);
                continue;
            }
            if (!cells.get(0).equals(table)) {
                fail("Row " + row + " was recorded for table " + cells.get(0) + ", but the page shows it in " + table);
            }
            text.append("| ").append(String.join(" | ", cells.subList(1, cells.size()).stream()
                    .map(cell -> cell.replace("|", "\\|")).toList())).append(" |\n");
        }
        if (!missing.isEmpty()) {
            fail("No figures were recorded for " + missing + " (table " + table + "): run the module's tests first, e.g. "
                 + UPDATE_COMMAND.replace(" -D" + UPDATE_PROPERTY + "=true", "") + "; each row's test writes them under "
                 + ROWS_DIR);
        }
        TreeSet<String> unknown = new TreeSet<>();
        recorded.forEach((row, cells) -> {
            if (cells.get(0).equals(table) && !layout.rows().contains(row)) {
                unknown.add(row);
            }
        });
        if (!unknown.isEmpty()) {
            fail("Rows " + unknown + " were recorded for table " + table + " but have no place in it: add them to "
                 + ReliabilityDocIsUpToDateTest.class.getSimpleName() + " (or delete stale files under "
                 + ROWS_DIR + ")");
        }
        return text.toString();
    }

    private static Map<String, List<String>> recordedRows(Path dir) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return rows;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".row")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.row$", "");
                rows.put(name, List.of(Files.readString(file, StandardCharsets.UTF_8).strip().split("\t", -1)));
            }
        }
        return rows;
    }

    private static int firstDifferentLine(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        int i = 0;
        while (i < a.length && i < e.length && a[i].equals(e[i])) {
            i++;
        }
        return i + 1;
    }
}
