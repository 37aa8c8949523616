package io.github.camelcardsavr.examples.support;

/**
 * Where one job stands, as seen from the messages routed so far.
 *
 * @param percent         last {@code percent_complete} seen, or null before the first status
 * @param terminationType the final message's {@code termination_type}, or null while it runs
 */
public record JobProgress(long jobId, String site, int messages, String status, Double percent,
        String terminationType, boolean terminated) {

    static JobProgress waiting(DemoJob job) {
        return new JobProgress(job.jobId(), job.site(), 0, "WAITING", null, null, false);
    }

    JobProgress withSite(String newSite) {
        return new JobProgress(jobId, newSite, messages, status, percent, terminationType, terminated);
    }

    /** The next state after one more message; non-status messages only count. */
    JobProgress next(String newStatus, Double newPercent, String newTerminationType) {
        String termination = newTerminationType != null ? newTerminationType : terminationType;
        Double pct = newPercent != null ? newPercent : percent;
        boolean done = terminated || termination != null || (pct != null && pct >= 100.0);
        return new JobProgress(jobId, site, messages + 1, newStatus != null ? newStatus : status, pct,
                termination, done);
    }
}
