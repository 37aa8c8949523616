package io.github.camelcardsavr.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelcardsavr.simulator.CreatedJob;

/**
 * Runs every measurement in one JVM against one in-process server and prints one table, with each target of the
 * performance page checked. Exits with status 1 when a target is missed. With {@code --docs <file>}, replaces the
 * table between the benchmark markers of that page with the one measured.
 * <p>
 * {@code mvn -B -ntp -q install -DskipTests -pl benchmarks -am && mvn -B -ntp -q -pl benchmarks exec:exec}
 * (add {@code -Dbenchmark.args="--docs ../docs/performance.md"} to update the page, {@code --quick} for a smoke run).
 */
public final class BenchmarkMain {

    static final String BEGIN = "<!-- benchmark:begin -->";
    static final String END = "<!-- benchmark:end -->";

    private static final int JOBS = 10_000;
    private static final Duration CADENCE_DELAY = Duration.ofSeconds(5);
    private static final int IN_FLIGHT = 64;
    private static final int HAND_ROLLED_THREADS = 32;
    private static final int FLAT_OUT_ROUNDS = 5;
    private static final int DRAIN_ROUNDS = 3;

    private BenchmarkMain() {
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
        Scenarios scenarios = new Scenarios(quick ? Scenarios.Timing.quick() : Scenarios.Timing.full());
        Report report = new Report();
        try (BenchServer unsigned = BenchServer.start(false); BenchServer signed = BenchServer.start(true)) {
            // one short unreported drain of every contestant first: the first measurement of the run would otherwise
            // also measure the JIT compiling the code all of them share (HTTP client, Jackson, Camel)
            new Scenarios(Scenarios.Timing.quick()).drain(unsigned, 20, 1);
            for (int perPoll : new int[] { 1, 20, 500 }) {
                report.drain(scenarios.drain(unsigned, perPoll, quick ? 1 : DRAIN_ROUNDS));
                System.out.println(report.lastLine());
            }
            List<CreatedJob> jobs = unsigned.jobs(JOBS);
            report.cadence(scenarios.componentCadence(unsigned, jobs, CADENCE_DELAY));
            System.out.println(report.lastLine());
            report.cadence(scenarios.handRolledCadence(unsigned, unsigned.jobs(JOBS), CADENCE_DELAY,
                    HAND_ROLLED_THREADS));
            System.out.println(report.lastLine());
            report.cadenceWithoutRecovery(scenarios.componentCadenceWithoutRecovery(unsigned, unsigned.jobs(JOBS),
                    CADENCE_DELAY));
            System.out.println(report.lastLine());
            report.flatOut(scenarios.flatOut(unsigned, signed, JOBS, IN_FLIGHT, quick ? 1 : FLAT_OUT_ROUNDS));
            System.out.println(report.lastLine());
        }
        String table = report.table(machine());
        System.out.println();
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark-results.md"), table, StandardCharsets.UTF_8);
        if (docs != null) {
            replaceSection(docs, table);
            System.out.println("Updated " + docs);
        }
        List<String> missed = report.missedTargets();
        if (!missed.isEmpty()) {
            System.out.println("Targets missed: " + missed);
            System.exit(1);
        }
    }

    private static String machine() {
        String flags = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-X")).toList());
        return String.format(Locale.ROOT, "%d cores, Java %s, max heap %d MiB, JVM flags `%s`, %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, flags, LocalDate.now());
    }

    static void replaceSection(Path page, String table) throws Exception {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(page + " has no " + BEGIN + " ... " + END + " section to replace");
        }
        Files.writeString(page, text.substring(0, begin + BEGIN.length()) + "\n" + table + "\n" + text.substring(end),
                StandardCharsets.UTF_8);
    }

    /** The table, with each target of the performance page next to the figure it judges. */
    static final class Report {

        private final List<String> rows = new ArrayList<>();
        private final List<String> missed = new ArrayList<>();
        private final List<String> chart = new ArrayList<>();
        private final List<Scenarios.Drain> drainRounds = new ArrayList<>();
        private String flatOut;

        void drain(Scenarios.Drain d) {
            double ratio = d.component() / d.handRolled();
            String target = d.perPoll() == 1 ? check("drain 1/poll >= 2x", ratio >= 2.0, ">= 2x")
                    : d.perPoll() == 500 ? check("drain 500/poll >= 1.5x", ratio >= 1.5, ">= 1.5x") : "";
            rows.add(row("Backlog drain, " + d.perPoll() + " msg/poll (msgs/s)", num(d.component()),
                    num(d.handRolled()), num(d.client()) + " (client)", x(ratio), target));
            chart.add(String.format(Locale.ROOT, "%d/poll|%.0f|%.0f", d.perPoll(), d.component(), d.handRolled()));
            drainRounds.add(d);
            if (d.perPoll() == 500) {
                rows.add(row("Backlog drain, each round in turn (msgs/s)", drainRounds(Scenarios.Drain.COMPONENT),
                        drainRounds(Scenarios.Drain.HAND_ROLLED), drainRounds(Scenarios.Drain.CLIENT) + " (client)", "",
                        "medians judged"));
            }
        }

        private String drainRounds(String contestant) {
            return String.join("; ", drainRounds.stream().map(d -> d.perPoll() + "/poll: " + String.join(" / ",
                    d.rounds().get(contestant).stream().map(Report::num).toList())).toList());
        }

        void cadence(Scenarios.Cadence c) {
            double[] l = c.latenessMillis();
            boolean component = c.contestant().equals("component");
            String lateness = String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / max %.1f", l[0], l[1], l[2]);
            String cost = String.format(Locale.ROOT, "%+.1f MiB, %+d threads", c.added().heapMiB(), c.added().threads());
            if (component) {
                rows.add(row(String.format(Locale.ROOT, "%,d jobs every 5 s: poll lateness (ms)", c.jobs()), lateness,
                        "", "", "", check("p99 <= 50 ms, p50 within 10 ms",
                                l[1] <= 50 && Math.abs(l[0]) <= 10, "p99 <= 50, |p50| <= 10")));
                rows.add(row(String.format(Locale.ROOT, "%,d jobs every 5 s: added heap, threads", c.jobs()), cost, "",
                        "", "", check("<= 32 MiB and <= 16 threads",
                                c.added().heapMiB() <= 32 && c.added().threads() <= 16, "<= 32 MiB, <= 16 threads")));
                rows.add(row(String.format(Locale.ROOT, "%,d jobs every 5 s: polls/s", c.jobs()), num(c.polls()), "",
                        "", "", ""));
            } else {
                // the hand-rolled route's figures go into the same three rows, second column
                replaceColumn(rows.size() - 3, lateness);
                replaceColumn(rows.size() - 2, cost);
                replaceColumn(rows.size() - 1, num(c.polls()));
            }
        }

        void cadenceWithoutRecovery(Scenarios.Cadence c) {
            double[] l = c.latenessMillis();
            rows.add(row(String.format(Locale.ROOT, "%,d jobs every 5 s, recoveryChannel=false: lateness (ms); added heap,"
                                                    + " threads", c.jobs()),
                    String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / max %.1f; %+.1f MiB, %+d threads", l[0], l[1], l[2],
                            c.added().heapMiB(), c.added().threads()), "", "", "", ""));
        }

        void flatOut(Scenarios.FlatOut f) {
            double unsigned = f.componentUnsigned().polls();
            double share = unsigned / f.rawHttp().polls();
            rows.add(row(String.format(Locale.ROOT, "Flat out, %,d jobs every %d ms, unsigned (polls/s)", JOBS,
                            Scenarios.FLAT_OUT_DELAY.toMillis()), num(unsigned), num(f.handRolled().polls()),
                    num(f.rawHttp().polls()) + " (HttpClient)", pct(share),
                    check("flat out >= 85% of raw HttpClient", share >= 0.85, ">= 85% of HttpClient")));
            double signedShare = f.componentSigned().polls() / unsigned;
            rows.add(row("Flat out, signed vs unsigned (polls/s)", num(f.componentSigned().polls()) + " signed", "", "",
                    pct(signedShare), check("signed >= 80% of unsigned", signedShare >= 0.80, ">= 80% of unsigned")));
            rows.add(row("Flat out, each round in turn (polls/s)", rounds(f, Scenarios.FlatOut.COMPONENT) + "; signed "
                    + rounds(f, Scenarios.FlatOut.SIGNED), rounds(f, Scenarios.FlatOut.HAND_ROLLED),
                    rounds(f, Scenarios.FlatOut.RAW) + " (HttpClient)", "", "medians judged"));
            rows.add(row("Flat out, unsigned: CPU per poll by thread (µs); JIT compiling meanwhile",
                    cpu(f.componentUnsigned()), cpu(f.handRolled()), cpu(f.rawHttp()), "", ""));
            rows.add(row("Flat out, signed: CPU per poll by thread (µs); JIT compiling meanwhile",
                    cpu(f.componentSigned()), "", "", "", ""));
            flatOut = String.format(Locale.ROOT, "%.0f, %.0f, %.0f, %.0f", unsigned, f.componentSigned().polls(),
                    f.handRolled().polls(), f.rawHttp().polls());
        }

        private static String cpu(Scenarios.Steady judged) {
            return ThreadCpu.describe(judged.cpuMicrosPerPoll()) + "; JIT " + judged.compiledMillis() + " ms";
        }

        private static String rounds(Scenarios.FlatOut f, String contestant) {
            return String.join(" / ", f.rounds().get(contestant).stream().map(Report::num).toList());
        }

        private void replaceColumn(int index, String value) {
            String[] cells = rows.get(index).split("\\|", -1);
            cells[3] = " " + value + " ";
            rows.set(index, String.join("|", cells));
        }

        private String check(String name, boolean met, String target) {
            if (!met) {
                missed.add(name);
            }
            return target + (met ? " ✓" : " ✗");
        }

        String lastLine() {
            return rows.get(rows.size() - 1);
        }

        List<String> missedTargets() {
            return missed;
        }

        String table(String machine) {
            StringBuilder out = new StringBuilder();
            out.append("Measured on ").append(machine).append(", one JVM, server and contestants on loopback.\n\n");
            out.append("| Measurement | Component | Hand-rolled route | Raw | Ratio | Target |\n");
            out.append("|---|---|---|---|---|---|\n");
            rows.forEach(r -> out.append(r).append('\n'));
            out.append("\n```mermaid\nxychart-beta\n    title \"Backlog drain of one job (messages/s)\"\n")
                    .append("    x-axis [").append(String.join(", ", chart.stream()
                            .map(c -> "\"" + c.split("\\|")[0] + "\"").toList())).append("]\n")
                    .append("    y-axis \"messages/s\"\n")
                    .append("    bar [").append(String.join(", ", chart.stream().map(c -> c.split("\\|")[1]).toList()))
                    .append("]\n    bar [").append(String.join(", ", chart.stream().map(c -> c.split("\\|")[2]).toList()))
                    .append("]\n```\n\nBars: component (first), hand-rolled route (second).\n");
            if (flatOut != null) {
                out.append("\n```mermaid\nxychart-beta\n    title \"Flat out (polls/s)\"\n")
                        .append("    x-axis [\"component\", \"component, signed\", \"hand-rolled route\", \"raw HttpClient\"]\n")
                        .append("    y-axis \"polls/s\"\n    bar [").append(flatOut).append("]\n```\n");
            }
            return out.toString();
        }

        private static String row(String... cells) {
            return "| " + String.join(" | ", cells) + " |";
        }

        private static String num(double value) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }

        private static String x(double ratio) {
            return String.format(Locale.ROOT, "%.2fx", ratio);
        }

        private static String pct(double share) {
            return String.format(Locale.ROOT, "%.0f%%", share * 100);
        }
    }
}
