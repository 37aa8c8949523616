package io.github.camelcardsavr.examples.support;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTest {

    @Test
    void lineShowsStatusPercentAndBarWithinEightyColumns() {
        String line = ProgressDisplay.line(new JobProgress(1234567, "site_failure", 1234, "UPDATING", 50.0, null,
                false));
        assertThat(line).contains("UPDATING", " 50% [######......]", "1234 msgs");
        String ended = ProgressDisplay.line(new JobProgress(101, "site_failure", 28, "UNSUCCESSFUL", 100.0,
                "SITE_INTERACTION_FAILURE", true));
        assertThat(ended).contains("SITE_INTERACTION_FAILURE", "100% [############]").hasSizeLessThan(80);
    }

    @Test
    void plainOutputPrintsMilestonesNotEveryMessage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobTracker tracker = new JobTracker();
        tracker.expect(new DemoJob(1, "good_email"));
        try (ProgressDisplay display = new ProgressDisplay(tracker, new PrintStream(bytes, true,
                StandardCharsets.UTF_8), false).start()) {
            tracker.record(1, "AUTH", 1.5, null);
            tracker.record(1, "AUTH", 3.0, null);
            tracker.record(1, "AUTH", 12.0, null);
            tracker.record(1, "SUCCESSFUL", 100.0, "BILLABLE");
            assertThat(display.isAnsi()).isFalse();
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(4); // waiting, AUTH 0-10 %, AUTH 10-20 %, done
        assertThat(printed).doesNotContain("\u001b[");
    }

    @Test
    void ansiOutputRedrawsInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobTracker tracker = new JobTracker();
        tracker.expect(new DemoJob(1, "good_email"));
        tracker.expect(new DemoJob(2, "tfa"));
        ProgressDisplay display = new ProgressDisplay(tracker, new PrintStream(bytes, true,
                StandardCharsets.UTF_8), true);
        display.redraw();
        String first = bytes.toString(StandardCharsets.UTF_8);
        tracker.record(1, "SUCCESSFUL", 100.0, "BILLABLE");
        tracker.record(2, "SUCCESSFUL", 100.0, "BILLABLE");
        display.redraw();
        display.redraw(); // nothing changed: nothing drawn
        String second = bytes.toString(StandardCharsets.UTF_8).substring(first.length());

        assertThat(first).doesNotContain("\u001b[2F").contains("WAITING");
        // The next frame moves the cursor up over the previous two lines and clears each one.
        assertThat(second).startsWith("\u001b[2F\u001b[2K")
                .endsWith(ProgressDisplay.line(tracker.job(2)) + "\n")
                .doesNotContain("WAITING");
    }

    @Test
    void plainLinesWaitWhileSomeoneIsAskedAndTheLatestOfEachJobFollows() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobTracker tracker = new JobTracker();
        tracker.expect(new DemoJob(1, "tfa"));
        try (ProgressDisplay display = new ProgressDisplay(tracker, new PrintStream(bytes, true,
                StandardCharsets.UTF_8), false).start()) {
            int before = display.pauseWhile(() -> {
                int printed = bytes.toString(StandardCharsets.UTF_8).lines().toList().size();
                tracker.record(1, "TFA_CODE_RECEIVED", 25.0, null);
                tracker.record(1, "TFA_SUBMITTED", 31.0, null);
                assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(printed);
                return printed;
            });
            assertThat(bytes.toString(StandardCharsets.UTF_8).lines().skip(before).toList()).singleElement()
                    .asString().contains("TFA_SUBMITTED");
        }
    }

    @Test
    void redrawsStopWhileSomeoneIsAskedAndTheNextFrameStartsBelowTheQuestions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobTracker tracker = new JobTracker();
        tracker.expect(new DemoJob(1, "tfa"));
        ProgressDisplay display = new ProgressDisplay(tracker, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                true);
        display.redraw();
        display.pauseWhile(() -> {
            tracker.record(1, "PENDING_TFA", 20.0, null);
            int size = bytes.size();
            display.redraw();
            assertThat(bytes.size()).as("nothing drawn while paused").isEqualTo(size);
            return null;
        });
        String afterwards = bytes.toString(StandardCharsets.UTF_8);
        assertThat(afterwards).contains("PENDING_TFA");
        // No frame moved the cursor up: the first had nothing above it, and the one after the pause is drawn
        // fresh below the questions instead of over them.
        assertThat(afterwards.split("\u001b\\[\\d+F", -1)).hasSize(1);
    }
}
