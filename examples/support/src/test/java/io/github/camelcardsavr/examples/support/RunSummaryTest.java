package io.github.camelcardsavr.examples.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunSummaryTest {

    @Test
    void countsFilesOnDiskPerJobAndFormatsOneLinePerJob(@TempDir Path out) throws IOException {
        JobTracker tracker = new JobTracker();
        tracker.expect(new DemoJob(101, "good_email"));
        tracker.record(101, "QUEUED", 0.0, null);
        tracker.record(101, "SUCCESSFUL", 100.0, "BILLABLE");
        Files.createDirectories(out.resolve("101"));
        Files.writeString(out.resolve("101/0001-QUEUED.json"), "{}");
        Files.writeString(out.resolve("101/0002-SUCCESSFUL.json"), "{}");

        RunSummary summary = RunSummary.of(tracker, out, Map.of("Artemis queue q", 2L), Duration.ofMillis(1500));

        assertThat(summary.allTerminated()).isTrue();
        assertThat(summary.filesWritten()).isEqualTo(2);
        assertThat(summary.job(101).files()).isEqualTo(2);
        assertThat(summary.format())
                .contains("all terminated in 1.5 s", "Artemis queue q: 2 messages", "files written:   2")
                .containsPattern("(?m)^  101 +good_email +2 +2  SUCCESSFUL +BILLABLE$");
    }

    @Test
    void withoutAnOutputDirectoryThereIsNoFilesColumn() {
        JobTracker tracker = new JobTracker();
        tracker.expect(new DemoJob(7, "tfa"));
        tracker.record(7, "PENDING_TFA", 21.0, null);

        String text = RunSummary.of(tracker, null, Map.of(), Duration.ZERO).format();

        assertThat(text).contains("NOT all terminated").doesNotContain("files")
                .containsPattern("(?m)^  7 +tfa +1  PENDING_TFA +-$");
    }
}
