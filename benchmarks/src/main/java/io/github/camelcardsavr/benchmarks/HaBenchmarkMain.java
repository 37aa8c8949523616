package io.github.camelcardsavr.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What high availability costs, measured in one JVM against an in-process simulator and a real PostgreSQL started
 * in-process (zonky's binaries): database writes, a standby's take-over read, delivery with the state written after
 * each exchange, and one replica following 10,000 jobs. Prints one table; with {@code --docs <file>} replaces the
 * section between the ha-benchmark markers of that page.
 * <p>
 * {@code mvn -B -ntp -q install -DskipTests -pl benchmarks -am && mvn -B -ntp -q -pl benchmarks exec:exec
 * -Dbenchmark.main=io.github.camelcardsavr.benchmarks.HaBenchmarkMain} (add
 * {@code -Dbenchmark.args="--docs ../docs/scale-out.md"} to update the page, {@code --quick} for a smoke run).
 */
public final class HaBenchmarkMain {

    static final String BEGIN = "<!-- ha-benchmark:begin -->";
    static final String END = "<!-- ha-benchmark:end -->";
    private static final int JOBS = 10_000;
    private static final Duration DELAY = Duration.ofSeconds(5);

    private HaBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        boolean quick = List.of(args).contains("--quick");
        Path docs = null;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--docs")) {
                docs = Path.of(args[i + 1]);
            }
        }
        StateScenarios scenarios = new StateScenarios(quick ? Scenarios.Timing.quick() : Scenarios.Timing.full());
        List<String> rows = new ArrayList<>();
        // durable commits, as in production: the embedded server's test defaults turn them off
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on").start();
             HikariDataSource database = pool(postgres, 16);
             BenchServer server = BenchServer.start(false)) {
            for (int threads : new int[] { 1, 4, 16 }) {
                StateScenarios.Writes w = scenarios.writes(database, threads);
                rows.add(row("PostgreSQL upserts of one job's state, " + threads + " writer(s)", num(w.perSecond())
                        + " writes/s", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", w.p50Millis(),
                        w.p99Millis())));
                print(rows);
            }
            for (int jobs : new int[] { 1_000, JOBS }) {
                StateScenarios.Restore r = scenarios.restore(database, jobs);
                rows.add(row(String.format(Locale.ROOT, "Standby reads the state of %,d jobs", jobs), r.millis() + " ms",
                        r.reads() + " reads"));
                print(rows);
            }
            for (int perPoll : new int[] { 1, 20 }) {
                for (boolean[] state : new boolean[][] { { false, false }, { true, false }, { true, true } }) {
                    StateScenarios.DrainWithState d = scenarios.drain(server, state[0] ? database : null, perPoll,
                            state[1]);
                    rows.add(row("Delivery of one job, " + perPoll + " msg/poll, state: " + d.state(),
                            num(d.messagesPerSecond()) + " msgs/s",
                            String.format(Locale.ROOT, "%.2f writes/msg", d.writesPerMessage())));
                    print(rows);
                }
            }
            for (int[] load : new int[][] { { JOBS, 0 }, { 2_000, 1 }, { JOBS, 1 } }) {
                boolean busy = load[1] == 1;
                StateScenarios.Replica r = scenarios.replica(server, database, server.jobs(load[0]), DELAY, busy);
                String what = String.format(Locale.ROOT, "One replica, %,d jobs every %d s, %s", r.jobs(),
                        r.delay().toSeconds(), busy ? "a message on every poll" : "no messages");
                rows.add(row(what, num(r.polls()) + " polls/s, " + num(r.messages()) + " msgs/s",
                        num(r.writes()) + " writes/s" + (busy ? String.format(Locale.ROOT,
                                "; lateness p50 %.1f / p99 %.1f ms", r.latenessMillis()[0], r.latenessMillis()[1]) : "")
                        + String.format(Locale.ROOT, "; +%.0f MiB, +%d threads", r.added().heapMiB(),
                                r.added().threads())));
                print(rows);
            }
        }
        String table = "Machine: " + machine() + "\n\n| measurement | result | detail |\n|---|---|---|\n"
                       + String.join("\n", rows) + "\n";
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target", "ha-benchmark-results.md"), table, StandardCharsets.UTF_8);
        if (docs != null) {
            String text = Files.readString(docs, StandardCharsets.UTF_8);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(docs + " has no " + BEGIN + " ... " + END + " section to replace");
            }
            Files.writeString(docs, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end),
                    StandardCharsets.UTF_8);
            System.out.println("Updated " + docs);
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static void print(List<String> rows) {
        System.out.println(rows.get(rows.size() - 1));
    }

    private static String row(String what, String result, String detail) {
        return "| " + what + " | " + result + " | " + detail + " |";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String machine() {
        return String.format(Locale.ROOT, "%d cores, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LocalDate.now());
    }
}
