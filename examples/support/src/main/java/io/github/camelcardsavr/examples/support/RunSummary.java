package io.github.camelcardsavr.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a run delivered, per job and in total. File counts are read back from disk rather than
 * counted on the way out, so the summary shows what is really there.
 *
 * @param deliveries other destinations and how many messages each holds, e.g. a JMS queue
 */
public record RunSummary(List<JobSummary> jobs, Path outputDir, long filesWritten, Map<String, Long> deliveries,
        Duration elapsed, boolean allTerminated) {

    /** One job's line of the summary. */
    public record JobSummary(long jobId, String site, int messages, long files, String finalStatus,
            String terminationType) {
    }

    public RunSummary {
        jobs = List.copyOf(jobs);
        deliveries = Collections.unmodifiableMap(new LinkedHashMap<>(deliveries));
    }

    /** Builds the summary; {@code outputDir} may be null for examples that write no files. */
    public static RunSummary of(JobTracker tracker, Path outputDir, Map<String, Long> deliveries, Duration elapsed) {
        List<JobSummary> jobs = tracker.snapshot().stream()
                .map(job -> new JobSummary(job.jobId(), job.site(), job.messages(),
                        outputDir == null ? 0 : countFiles(outputDir.resolve(Long.toString(job.jobId()))),
                        job.status(), job.terminationType()))
                .toList();
        long files = jobs.stream().mapToLong(JobSummary::files).sum();
        return new RunSummary(jobs, outputDir, files, deliveries, elapsed, tracker.allTerminated());
    }

    public JobSummary job(long jobId) {
        return jobs.stream().filter(j -> j.jobId() == jobId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No job " + jobId + " in this run"));
    }

    public long totalMessages() {
        return jobs.stream().mapToLong(JobSummary::messages).sum();
    }

    public String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nSummary: %d job(s), %s in %.1f s%n", jobs.size(),
                allTerminated ? "all terminated" : "NOT all terminated", elapsed.toMillis() / 1000.0));
        // Examples that write no files get no files column.
        String columns = outputDir == null ? "  %-7s %-12s %5s%s  %-16s %s%n" : "  %-7s %-12s %5s %5s  %-16s %s%n";
        text.append(String.format(Locale.ROOT, columns, "job", "site", "msgs", outputDir == null ? "" : "files",
                "final status", "termination"));
        for (JobSummary job : jobs) {
            text.append(String.format(Locale.ROOT, columns, job.jobId(), job.site(), job.messages(),
                    outputDir == null ? "" : Long.toString(job.files()), job.finalStatus(),
                    job.terminationType() == null ? "-" : job.terminationType()));
        }
        text.append(String.format(Locale.ROOT, "  messages routed: %d%n", totalMessages()));
        if (outputDir != null) {
            text.append(String.format(Locale.ROOT, "  files written:   %d under %s%n", filesWritten,
                    PathsForHumans.shortest(outputDir)));
        }
        deliveries.forEach((where, count) ->
                text.append(String.format(Locale.ROOT, "  %s: %d messages%n", where, count)));
        return text.toString();
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
    }
}
