package io.github.camelcardsavr.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (user and system) of the JVM's threads, grouped by what they do, so a measurement can say where each poll's
 * CPU went. Collector and compiler threads are not Java threads and are not counted.
 */
final class ThreadCpu {

    private final Map<String, Long> nanosByRole;

    private ThreadCpu(Map<String, Long> nanosByRole) {
        this.nanosByRole = nanosByRole;
    }

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byRole = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                byRole.merge(role(info.getThreadName()), nanos, Long::sum);
            }
        }
        return new ThreadCpu(byRole);
    }

    static String role(String threadName) {
        if (threadName.startsWith("cardsavr-sim-") || threadName.equals("HTTP-Dispatcher")) {
            return "server";
        }
        if (threadName.startsWith("httpclient-dispatch")) {
            return "HTTP client I/O";
        }
        if (threadName.contains("CardsavrPollClock")) {
            return "poll clock";
        }
        if (threadName.contains("cardsavr://")) {
            return "delivery";
        }
        if (threadName.contains("hand-rolled") || threadName.contains("timer://")) {
            return "route threads";
        }
        return "other";
    }

    /** Microseconds of CPU per event between {@code before} and now, by role, largest first. */
    Map<String, Double> perEventMicros(ThreadCpu before, long events) {
        Map<String, Double> out = new LinkedHashMap<>();
        nanosByRole.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.nanosByRole.getOrDefault(e.getKey(), 0L)) / 1e3
                                                / Math.max(1, events)))
                .filter(e -> e.getValue() >= 0.05)
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static String describe(Map<String, Double> micros) {
        StringBuilder text = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : micros.entrySet()) {
            text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", e.getValue()));
            total += e.getValue();
        }
        return String.format(Locale.ROOT, "%.0f: ", total) + text;
    }
}
