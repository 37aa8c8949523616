package io.github.camelcardsavr.examples.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class JobTrackerTest {

    @Test
    void doneOnceEveryExpectedJobTerminated() {
        JobTracker tracker = new JobTracker();
        AtomicInteger done = new AtomicInteger();
        tracker.onAllTerminated(done::incrementAndGet);
        tracker.expect(new DemoJob(1, "good_email"));
        tracker.expect(new DemoJob(2, "tfa"));

        tracker.record(1, "SUCCESSFUL", 100.0, "BILLABLE");
        tracker.record(3, "UPDATING", 50.0, null); // not expected: followed, not waited for
        assertThat(tracker.allTerminated()).isFalse();
        tracker.record(2, "TFA_FAILURE", 40.0, "USER_DATA_FAILURE");

        assertThat(tracker.allTerminated()).isTrue();
        tracker.record(2, null, null, null);
        assertThat(done).hasValue(1);
        assertThat(tracker.job(2).messages()).isEqualTo(2);
        assertThat(tracker.job(2).status()).isEqualTo("TFA_FAILURE");
        assertThat(tracker.job(3).site()).isEqualTo(DemoJob.UNKNOWN_SITE);
    }

    @Test
    void aHoldKeepsTheRunOpenUntilReleased() {
        JobTracker tracker = new JobTracker();
        AtomicInteger done = new AtomicInteger();
        tracker.onAllTerminated(done::incrementAndGet);
        tracker.hold();
        tracker.expect(new DemoJob(1, "good_email"));
        tracker.record(1, "SUCCESSFUL", 100.0, "BILLABLE");
        assertThat(done).hasValue(0);

        tracker.release();
        assertThat(done).hasValue(1);
    }

    @Test
    void percentOneHundredEndsAJobWithoutTerminationType() {
        JobTracker tracker = new JobTracker();
        tracker.expect(new DemoJob(1, "good_email"));
        tracker.record(1, "SUCCESSFUL", 100.0, null);
        assertThat(tracker.allTerminated()).isTrue();
    }
}
