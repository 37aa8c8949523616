package io.github.camelcardsavr.consumer;

/**
 * A job a jobStatus consumer polls. Poll thread only.
 */
final class TrackedJob {

    final long jobId;
    final JobBuffer buffer;
    /** Null until subscribed (or given by the user). Never logged. */
    String accessKey;
    /** False once the job's last message arrived (stopOnTermination) or a producer removed it. */
    boolean polling = true;
    boolean inFlight;
    /** System.nanoTime() before which the server asked not to be called again for this job (Retry-After). */
    long notBeforeNanos;
    /** State not yet written to the repository. */
    boolean dirty;
    /** The poll in which an exchange of this job failed: nothing more of the job is routed before the next poll. */
    long failedInPoll = -1;

    TrackedJob(long jobId) {
        this.jobId = jobId;
        this.buffer = new JobBuffer(jobId);
    }

    boolean isDue(long nowNanos, int maxBuffered) {
        return polling && !inFlight && buffer.size() < maxBuffered && nowNanos - notBeforeNanos >= 0;
    }

    boolean isPausedByFullBuffer(int maxBuffered) {
        return polling && buffer.size() >= maxBuffered;
    }

    /** Nothing left to poll or deliver: the consumer lets the job go. */
    boolean isFinished() {
        return !polling && !inFlight && buffer.isEmpty();
    }

    @Override
    public String toString() {
        return "TrackedJob[" + jobId + ", pending=" + buffer.size() + ", polling=" + polling + "]";
    }
}
